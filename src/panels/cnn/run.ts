/**
 * A training run of the CNN that can be moved to any step: forward by training, backward by
 * restoring the last checkpoint at or before the target and training on from there (the same
 * weights as a straight run on the same backend, because step t always uses batch t). It records
 * the held-out accuracy every EVAL_EVERY steps for the learning curve, and how long a step takes
 * here, so the panel can say how long a retrain takes. No React and no direct tfjs: it runs in
 * the panel's worker (compute.worker.ts), driven in slices by lib/worker (useNetworkRun.ts).
 */
import type { WorkerRun } from '../../lib/worker/expose';
import { CnnTrainer, type Evaluation, type Inspection, type NetConfig, type Snapshot } from './net.tf';
import { heldOut, type DigitBatch } from './modelDigits';
import { EVAL_EVERY, HELD_OUT, TARGET_ACC } from './arch';
import { CheckpointedRun } from '../../lib/worker/checkpointedRun';

export const CHECKPOINT_EVERY = 100;

export interface HistoryPoint extends Evaluation {
  step: number;
}

export interface NetView {
  step: number;
  /** The latest held-out evaluation, made at `evalStep` (the step itself when it is on the grid). */
  eval: Evaluation;
  evalStep: number;
  history: HistoryPoint[];
  /** First recorded step with held-out accuracy ≥ TARGET_ACC, or null. */
  reachedAt: number | null;
  /** The layers and probabilities for the image asked about. */
  inspect: Inspection;
  /** First-layer kernels, f1 lists of 9 weights. */
  kernels: number[][];
  /** Measured cost here: milliseconds per training step and per held-out evaluation (null before any). */
  stepMs: number | null;
  evalMs: number | null;
}

export class TrainingRun {
  readonly trainer: CnnTrainer;
  private readonly test: DigitBatch;
  private readonly run: CheckpointedRun<Snapshot, Evaluation>;
  private timed = { steps: 0, ms: 0, evals: 0, evalMs: 0 };

  constructor(cfg: NetConfig) {
    this.trainer = new CnnTrainer(cfg);
    this.test = heldOut(cfg.seed, HELD_OUT);
    const onStep = (ms: number) => {
      this.timed.steps += 1;
      this.timed.ms += ms;
    };
    this.run = new CheckpointedRun(this.trainer, { checkpointEvery: CHECKPOINT_EVERY, evaluateEvery: EVAL_EVERY }, () => this.evaluate(), onStep);
  }

  get step(): number {
    return this.trainer.step;
  }

  /** Moves back to the last checkpoint at or before `target` (lib/worker/checkpointedRun). */
  rewindTo(target: number): void {
    this.run.rewindTo(target);
  }

  /** Trains toward `target` until it is reached or `budgetMs` is spent (each step timed); true when there. */
  advance(target: number, budgetMs = Infinity, now?: () => number): boolean {
    return this.run.advance(target, budgetMs, now);
  }

  private evaluate(): Evaluation {
    const t0 = performance.now();
    const e = this.trainer.evaluate(this.test.x, this.test.y);
    this.timed.evals += 1;
    this.timed.evalMs += performance.now() - t0;
    return e;
  }


  /**
   * Times `n` training steps and puts everything back (weights, Adam moments, step): an estimate
   * of the speed before the learner trains. The first step is not timed (kernels warm up).
   */
  calibrate(n = 3): void {
    const start = this.trainer.snapshot();
    this.trainer.trainStep();
    const t0 = performance.now();
    for (let k = 0; k < n; k++) this.trainer.trainStep();
    this.timed.steps += n;
    this.timed.ms += performance.now() - t0;
    this.trainer.restore(start);
  }

  /** Moves back to the last checkpoint at or before `target` (no-op when already at or before it). */

  /** Trains toward `target` until it is reached or `budgetMs` is spent; true when there. */

  /** Everything the view draws at the current step, for `image` (256 pixels), as plain numbers. */
  view(image: ArrayLike<number>): NetView {
    const history: HistoryPoint[] = this.run.history();
    const reached = history.find((h) => h.acc >= TARGET_ACC);
    const last = history[history.length - 1];
    const t = this.timed;
    return {
      step: this.trainer.step,
      // The latest evaluation on the grid (targets sit on it; progress views mid-slice say so).
      eval: { loss: last.loss, acc: last.acc },
      evalStep: last.step,
      history,
      reachedAt: reached ? reached.step : null,
      inspect: this.trainer.inspect(image),
      kernels: this.trainer.firstKernels(),
      stepMs: t.steps > 0 ? t.ms / t.steps : null,
      evalMs: t.evals > 0 ? t.evalMs / t.evals : null,
    };
  }

  dispose(): void {
    this.run.dispose();
  }
}

/** What the view asks a run for: a training step and the image to look through the network. */
export interface RunTarget {
  step: number;
  image: number[];
}

/** A fresh TrainingRun as a lib/worker run (speed measured up front); dispose releases its tensors. */
export function workerRun(cfg: NetConfig, now: () => number = () => performance.now()): WorkerRun<RunTarget, NetView> {
  const run = new TrainingRun(cfg);
  run.calibrate();
  return {
    advance: (t, deadline) => run.advance(t.step, deadline - now(), now),
    view: (t) => run.view(t.image),
    progress: () => run.step,
    dispose: () => run.dispose(),
    holdsMemory: true,
  };
}
