/**
 * The training settings of a panel state, the corpus they train on, and the shape of the view
 * the worker sends back: plain TypeScript, shared by the worker's run (run.ts) and the page.
 * The page imports this file, never run.ts: run.ts reaches trainer.tf.ts and with it tfjs, and
 * one value import from it (corpusOf, EVAL_PAIRS) made the page's chunk load the 0.7 MB tfjs
 * chunk on every link although tfjs only ever runs in the worker (pageImports.test.ts).
 */
import { builtInCorpus, buildCorpus, MAX_VOCAB, MIN_COUNT, splitText, type Corpus } from './corpus';
import type { EmbeddingsParams } from './params';

export const EVAL_EVERY = 10;
export const CHECKPOINT_EVERY = 50;
/** Pairs per training step. */
export const BATCH = 128;
/** Pairs in the fixed sample the reported loss is measured on. */
export const EVAL_PAIRS = 1024;

export interface TrainConfig {
  dim: number;
  window: number;
  /** Negatives per pair (0: only the positive term, which has a trivial optimum). */
  negatives: number;
  lr: number;
  seed: number;
  /** Pairs per step. */
  batch: number;
}

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

/** Fewest distinct words and pairs a corpus needs to train on. */
export const MIN_WORDS = 3;

/** Why a corpus cannot be trained on, in words, or null when it can. */
export function corpusProblem(c: Corpus, window: number): string | null {
  if (c.vocab.length < MIN_WORDS) return `Only ${c.vocab.length} word${c.vocab.length === 1 ? '' : 's'} appear at least twice; paste more text (at least ${MIN_WORDS} repeated words).`;
  const pairs = c.sentences.reduce((s, x) => s + Math.max(0, x.length - 1), 0);
  if (pairs === 0 || window < 1) return 'No two kept words share a sentence, so there are no (center, context) pairs: paste longer sentences.';
  return null;
}
