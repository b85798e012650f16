/**
 * A training run that can be moved to any step: forward by training, backward by restoring the
 * last checkpoint at or before the target and training on from there (the same weights as a
 * straight run on the same backend, because step t always uses batch t). It records the loss
 * every EVAL_EVERY steps for the curve. No React and no direct tfjs: it runs in the panel's
 * worker (compute.worker.ts), driven in slices by lib/worker (useTrainingRun.ts).
 */
import type { WorkerRun } from '../../lib/worker/expose';
import { SkipGramTrainer } from './trainer.tf';
import type { Corpus } from './corpus';
import { CheckpointedRun } from '../../lib/worker/checkpointedRun';
import { CHECKPOINT_EVERY, corpusOf, corpusProblem, EVAL_EVERY, type LossPoint, type RunConfig, type RunView } from './config';

// The settings, corpus and view shapes live in config.ts (no tfjs there: the page imports them).
export { BATCH, CHECKPOINT_EVERY, corpusOf, corpusProblem, EVAL_EVERY, MIN_WORDS, runConfig } from './config';
export type { LossPoint, RunConfig, RunView } from './config';

export class TrainingRun {
  readonly trainer: SkipGramTrainer;
  private readonly run: CheckpointedRun<ReturnType<SkipGramTrainer['snapshot']>, { loss: number }>;

  constructor(cfg: RunConfig, corpus: Corpus = corpusOf(cfg)) {
    const trainer = (this.trainer = new SkipGramTrainer(cfg, corpus));
    this.run = new CheckpointedRun(trainer, { checkpointEvery: CHECKPOINT_EVERY, evaluateEvery: EVAL_EVERY }, () => ({ loss: trainer.evalLoss() }));
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

  view(): RunView {
    const t = this.trainer;
    const history: LossPoint[] = this.run.history();
    const last = history[history.length - 1];
    return {
      step: t.step,
      vocab: [...t.corpus.vocab],
      counts: [...t.corpus.counts],
      dim: t.cfg.dim,
      embeddings: Array.from(t.embeddings()),
      loss: last && last.step === t.step ? last.loss : t.evalLoss(),
      history,
      pairs: t.source.pairCount,
      tokens: t.corpus.tokens,
    };
  }

  dispose(): void {
    this.run.dispose();
  }
}

/** A lib/worker run; an untrainable corpus gives a run that never trains (and holds no tensors). */
export function workerRun(cfg: RunConfig, now: () => number = () => performance.now()): WorkerRun<number, RunView | null> {
  const corpus = corpusOf(cfg);
  if (corpusProblem(corpus, cfg.window)) {
    let step = 0;
    return { advance: (t) => ((step = t), true), view: () => null, progress: () => step, dispose: () => undefined };
  }
  const run = new TrainingRun(cfg, corpus);
  return {
    advance: (t, deadline) => run.advance(t, deadline - now(), now),
    view: () => run.view(),
    progress: () => run.step,
    dispose: () => run.dispose(),
  };
}
