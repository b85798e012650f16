/**
 * A training run that can be moved to any step: forward by training, backward by restoring the
 * last checkpoint at or before the target and training on from there (bit-for-bit the same
 * weights as a straight run on the same backend, because step t always uses batch t).
 * It records an evaluation every EVAL_EVERY steps for the learning curves.
 * No React and no direct tfjs: it runs in the panel's worker (compute.worker.ts), driven in
 * slices by lib/worker (useTrainingRun.ts asks for the step through useWorkerRun).
 */
import type { WorkerRun } from '../../lib/worker/expose';
import { AttentionTrainer, type Evaluation, type Snapshot, type TrainConfig } from './trainer.tf';
import { makeBatch } from './task';
import type { AttentionParams } from './params';
import { CheckpointedRun } from '../../lib/worker/checkpointedRun';

export const EVAL_EVERY = 10;
export const CHECKPOINT_EVERY = 50;
/** Accuracy the readout reports the first crossing of. */
export const TARGET_ACC = 0.95;

/** Sequences per training step. */
export const BATCH = 32;

/** The training settings of a panel state (everything except the step and the sample shown). */
export function trainConfig(p: Pick<AttentionParams, 'task' | 'length' | 'width' | 'lr' | 'seed'>): TrainConfig {
  return { task: p.task, L: p.length, d: p.width, lr: p.lr, seed: p.seed, batch: BATCH };
}

export interface HistoryPoint extends Evaluation {
  step: number;
}

export interface TrainedView {
  step: number;
  eval: Evaluation;
  history: HistoryPoint[];
  /** First recorded step with token accuracy ≥ TARGET_ACC, or null. */
  reachedAt: number | null;
  sample: { input: number[]; target: number[]; pred: number[]; weights: number[][] };
}

export class TrainingRun {
  readonly trainer: AttentionTrainer;
  private readonly run: CheckpointedRun<Snapshot, Evaluation>;

  constructor(cfg: TrainConfig) {
    const trainer = (this.trainer = new AttentionTrainer(cfg));
    this.run = new CheckpointedRun(trainer, { checkpointEvery: CHECKPOINT_EVERY, evaluateEvery: EVAL_EVERY }, () => trainer.evaluate());
  }

  get step(): number {
    return this.trainer.step;
  }

  /** Moves back to the last checkpoint at or before `target` (lib/worker/checkpointedRun). */
  rewindTo(target: number): void {
    this.run.rewindTo(target);
  }

  /** Trains toward `target` until it is reached or `budgetMs` is spent; true when there. */
  advance(target: number, budgetMs = Infinity, now?: () => number): boolean {
    return this.run.advance(target, budgetMs, now);
  }

  /** Everything the view draws at the current step, as plain numbers. */
  view(sampleIndex: number): TrainedView {
    const { task, L, seed } = this.trainer.cfg;
    const s = makeBatch(task, 1, L, seed, `sample:${sampleIndex}`);
    const { weights, pred } = this.trainer.inspect(s.x);
    const history: HistoryPoint[] = this.run.history();
    const reached = history.find((h) => h.tokenAcc >= TARGET_ACC);
    const last = history[history.length - 1];
    return {
      step: this.trainer.step,
      eval: last && last.step === this.trainer.step ? last : this.trainer.evaluate(),
      history,
      reachedAt: reached ? reached.step : null,
      sample: { input: Array.from(s.x), target: Array.from(s.y), pred, weights },
    };
  }

  dispose(): void {
    this.run.dispose();
  }
}

/** What the view asks a run for: a training step and the example sequence shown. */
export interface RunTarget {
  step: number;
  sample: number;
}

/**
 * A fresh TrainingRun as a lib/worker run; dispose releases its tensors. Its views are plain
 * numbers and arrays built afresh (no typed array the run keeps), so moving them is safe.
 */
export function workerRun(cfg: TrainConfig, now: () => number = () => performance.now()): WorkerRun<RunTarget, TrainedView> {
  const run = new TrainingRun(cfg);
  return {
    advance: (t, deadline) => run.advance(t.step, deadline - now(), now),
    view: (t) => run.view(t.sample),
    progress: () => run.step,
    dispose: () => run.dispose(),
  };
}

const pct = (v: number) => `${Math.round(1000 * v) / 10} %`;

/** A word on runs that have unlearned or are not learning (never early in a run); null if fine. */
export function trainingNote(v: Pick<TrainedView, 'step' | 'eval' | 'history'>, lr: number): string | null {
  const best = Math.max(v.eval.tokenAcc, ...v.history.map((h) => h.tokenAcc));
  if (best - v.eval.tokenAcc > 0.15)
    return `Accuracy has fallen from its best of ${pct(best)} to ${pct(v.eval.tokenAcc)}: with a step size of ${lr} Adam overshoots and knocks the model off the pattern it had found.`;
  if (v.step >= 150 && v.eval.tokenAcc < 0.5)
    return `After ${v.step} steps only ${pct(v.eval.tokenAcc)} of digits are right (guessing gets 10 %). ${
      lr <= 0.001 ? 'The step size is small: the model is crawling; train longer or raise it.' : 'Try another step size or seed.'
    }`;
  return null;
}
