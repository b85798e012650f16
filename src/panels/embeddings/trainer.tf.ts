/**
 * Skip-gram with negative sampling, trained in tfjs (in the panel's worker; Node on the CPU
 * backend in tests). Two tables of vectors: W_in (a word as the center, the embedding shown)
 * and W_out (a word as a context). For a batch of pairs (c, o) with K negatives n_k each:
 *
 *   loss = mean over pairs of  −log σ(W_in[c]·W_out[o]) − Σ_k log σ(−W_in[c]·W_out[n_k])
 *
 * Adam from lib/tf/adam (written out in tf ops); initial weights from our seeded generator. Rows are looked up as
 * one-hot · W, whose gradient is a plain matMul on every backend (the gradient of tf.gather
 * needs UnsortedSegmentSum, which the WASM backend lacks). Every tensor lives in a tf.tidy or is
 * a variable this class owns and releases in dispose().
 */
import * as tf from '../../lib/tf/tf';
import { AdamVariables, type Snapshot } from '../../lib/tf/adam';
import { stream } from '../../lib/random/rng';
import { BatchSource, type Batch } from './batches';
import { unigramTable } from './model';
import type { Corpus } from './corpus';
import { skipGramPairs } from './corpus';
import { EVAL_PAIRS, type TrainConfig } from './config';

// The settings and the evaluation sample's size live in config.ts, which the page imports without tfjs.
export { EVAL_PAIRS, type TrainConfig } from './config';

/** Initial vectors: N(0, 1/d) for W_in, so the first picture is a random cloud; W_out likewise. */
export function initialWeights(vocab: number, c: Pick<TrainConfig, 'dim' | 'seed'>): { win: Float32Array; wout: Float32Array } {
  const draw = (name: string) => {
    const rng = stream(c.seed, `init:${name}`);
    const s = 1 / Math.sqrt(c.dim);
    return Float32Array.from({ length: vocab * c.dim }, () => s * rng.normal());
  };
  return { win: draw('in'), wout: draw('out') };
}

export type { Snapshot };

/**
 * The skip-gram negative-sampling loss of explicit rows (center [B, d], context [B, d],
 * negatives [B, K, d] or null for K = 0), averaged over the B pairs. Call inside tf.tidy.
 */
/**
 * −log σ(x) = softplus(−x) = max(−x, 0) + log(1 + e^−|x|), written with plain kernels every
 * backend has (tf.logSigmoid's custom gradient trips tfjs's test-mode checks).
 */
function negLogSigmoid(x: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(tf.neg(x)), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
}

export function sgnsLoss(center: tf.Tensor2D, context: tf.Tensor2D, negatives: tf.Tensor3D | null): tf.Scalar {
  const pos = tf.sum(tf.mul(center, context), -1);
  let perPair = negLogSigmoid(pos);
  if (negatives) {
    const sn = tf.sum(tf.mul(negatives, tf.expandDims(center, 1)), -1); // [B, K]
    perPair = tf.add(perPair, tf.sum(negLogSigmoid(tf.neg(sn)), -1));
  }
  return tf.mean(perPair) as tf.Scalar;
}

export class SkipGramTrainer {
  readonly cfg: TrainConfig;
  readonly corpus: Corpus;
  readonly source: BatchSource;
  /** The weights and their Adam state (lib/tf/adam). */
  private readonly opt: AdamVariables;
  /** Updates applied so far. */
  get step(): number {
    return this.opt.step;
  }
  private get vars(): tf.Variable[] {
    return this.opt.vars;
  }
  private readonly evalBatch: Batch;

  constructor(cfg: TrainConfig, corpus: Corpus) {
    this.cfg = cfg;
    this.corpus = corpus;
    const V = corpus.vocab.length;
    this.source = new BatchSource(skipGramPairs(corpus, cfg.window), unigramTable(corpus.counts), cfg.seed, cfg.batch, cfg.negatives);
    const init = initialWeights(V, cfg);
    this.opt = new AdamVariables([tf.tensor2d(init.win, [V, cfg.dim]), tf.tensor2d(init.wout, [V, cfg.dim])]);
    this.evalBatch = this.source.evalSet(EVAL_PAIRS);
  }

  /** The batch's loss as a function of the variables. Call inside tf.tidy. */
  private loss(b: Batch): tf.Scalar {
    const [win, wout] = this.vars as tf.Tensor2D[];
    const V = this.corpus.vocab.length, K = this.cfg.negatives, B = b.center.length;
    // oneHot as int32 then cast: the WASM kernel writes integer bits when asked for float32 directly.
    const rowsOf = (idx: Int32Array, W: tf.Tensor2D) => tf.matMul(tf.cast(tf.oneHot(tf.tensor1d(idx, 'int32'), V), 'float32') as tf.Tensor2D, W);
    const negs = K > 0 ? (tf.reshape(rowsOf(b.negatives, wout), [B, K, this.cfg.dim]) as tf.Tensor3D) : null;
    return sgnsLoss(rowsOf(b.center, win) as tf.Tensor2D, rowsOf(b.context, wout) as tf.Tensor2D, negs);
  }

  /** One Adam step on the batch of the current step. */
  trainStep(): void {
    const batch = this.source.at(this.step);
    this.opt.minimize(() => this.loss(batch), this.cfg.lr);
  }

  /** The loss on the fixed evaluation pairs (with their fixed negatives). */
  evalLoss(): number {
    const l = tf.tidy(() => this.loss(this.evalBatch));
    const v = l.dataSync()[0];
    l.dispose();
    return v;
  }

  /** The center vectors W_in, row-major [V·d], copied out. */
  embeddings(): Float32Array {
    return this.vars[0].dataSync().slice() as Float32Array;
  }

  /** Weights and Adam moments, copied out (for checkpoints). */
  snapshot(): Snapshot {
    return this.opt.snapshot();
  }

  restore(s: Snapshot): void {
    this.opt.restore(s);
  }

  dispose(): void {
    this.opt.dispose();
  }
}
