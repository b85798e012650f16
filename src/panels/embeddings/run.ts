/**
 * A training run that can be moved to any step: forward by training, backward by restoring the
 * last checkpoint at or before the target and training on from there (the same weights as a
 * straight run on the same backend, because step t always uses batch t). It records the loss
 * every EVAL_EVERY steps for the curve. No React and no direct tfjs: it runs in the panel's
 * worker (compute.worker.ts), driven in slices by lib/worker (useTrainingRun.ts).
 */
import type { WorkerRun } from '../../lib/worker/expose';
import { SkipGramTrainer, type TrainConfig } from './trainer.tf';
import { builtInCorpus, buildCorpus, MAX_VOCAB, MIN_COUNT, splitText, type Corpus } from './corpus';
import type { EmbeddingsParams } from './params';
import { CheckpointedRun } from '../../lib/worker/checkpointedRun';

export const EVAL_EVERY = 10;
export const CHECKPOINT_EVERY = 50;
/** Pairs per training step. */
export const BATCH = 128;

export interface RunConfig extends TrainConfig {
  corpus: 'builtin' | 'custom';
  /** The pasted text ('' for the built-in corpus, so it does not split runs). */
  text: string;
}

/** The training settings of a panel state (everything except the step and the words asked about). */
export function runConfig(p: Pick<EmbeddingsParams, 'corpus' | 'text' | 'dim' | 'window' | 'negatives' | 'lr' | 'seed'>): RunConfig {
  return {
    corpus: p.corpus, text: p.corpus === 'custom' ? p.text : '',
    dim: p.dim, window: p.window, negatives: p.negatives, lr: p.lr, seed: p.seed, batch: BATCH,
  };
}

/** The corpus of a config: the built-in one (drawn with the seed) or the pasted text's words. */
export function corpusOf(c: Pick<RunConfig, 'corpus' | 'text' | 'seed'>): Corpus {
  return c.corpus === 'builtin' ? buildCorpus(builtInCorpus(c.seed)) : buildCorpus(splitText(c.text), MIN_COUNT, MAX_VOCAB);
}

export interface LossPoint {
  step: number;
  loss: number;
}

export interface RunView {
  step: number;
  vocab: string[];
  counts: number[];
  dim: number;
  /** W_in, row-major [vocab · dim]. */
  embeddings: number[];
  /** Loss on the fixed evaluation pairs at this step. */
  loss: number;
  history: LossPoint[];
  pairs: number;
  tokens: number;
}

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


  /** Moves back to the last checkpoint at or before `target` (no-op when already at or before it). */

  /** Trains toward `target` until it is reached or `budgetMs` is spent; true when there. */

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

/** Fewest distinct words and pairs a corpus needs to train on. */
export const MIN_WORDS = 3;

/** Why a corpus cannot be trained on, in words, or null when it can. */
export function corpusProblem(c: Corpus, window: number): string | null {
  if (c.vocab.length < MIN_WORDS) return `Only ${c.vocab.length} word${c.vocab.length === 1 ? '' : 's'} appear at least twice; paste more text (at least ${MIN_WORDS} repeated words).`;
  const pairs = c.sentences.reduce((s, x) => s + Math.max(0, x.length - 1), 0);
  if (pairs === 0 || window < 1) return 'No two kept words share a sentence, so there are no (center, context) pairs: paste longer sentences.';
  return null;
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
