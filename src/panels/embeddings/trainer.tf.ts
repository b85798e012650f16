/**
 * Skip-gram with negative sampling, trained in tfjs (in the panel's worker; Node on the CPU
 * backend in tests). Two tables of vectors: W_in (a word as the center, the embedding shown)
 * and W_out (a word as a context). For a batch of pairs (c, o) with K negatives n_k each:
 *
 *   loss = mean over pairs of  −log σ(W_in[c]·W_out[o]) − Σ_k log σ(−W_in[c]·W_out[n_k])
 *
 * Adam written out in tf ops; initial weights from our seeded generator. Rows are looked up as
 * one-hot · W, whose gradient is a plain matMul on every backend (the gradient of tf.gather
 * needs UnsortedSegmentSum, which the WASM backend lacks). Every tensor lives in a tf.tidy or is
 * a variable this class owns and releases in dispose().
 */
import * as tf from '../../lib/tf/tf';
import { stream } from '../../lib/random/rng';
import { BatchSource, type Batch } from './batches';
import { unigramTable } from './model';
import type { Corpus } from './corpus';
import { skipGramPairs } from './corpus';

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

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;
/** Pairs in the fixed sample the reported loss is measured on. */
export const EVAL_PAIRS = 1024;

/** Initial vectors: N(0, 1/d) for W_in, so the first picture is a random cloud; W_out likewise. */
export function initialWeights(vocab: number, c: Pick<TrainConfig, 'dim' | 'seed'>): { win: Float32Array; wout: Float32Array } {
  const draw = (name: string) => {
    const rng = stream(c.seed, `init:${name}`);
    const s = 1 / Math.sqrt(c.dim);
    return Float32Array.from({ length: vocab * c.dim }, () => s * rng.normal());
  };
  return { win: draw('in'), wout: draw('out') };
}

export interface Snapshot {
  step: number;
  values: Float32Array[];
}

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
  step = 0;
  private vars: tf.Variable[];
  private m: tf.Variable[];
  private v: tf.Variable[];
  private readonly evalBatch: Batch;

  constructor(cfg: TrainConfig, corpus: Corpus) {
    this.cfg = cfg;
    this.corpus = corpus;
    const V = corpus.vocab.length;
    this.source = new BatchSource(skipGramPairs(corpus, cfg.window), unigramTable(corpus.counts), cfg.seed, cfg.batch, cfg.negatives);
    const init = initialWeights(V, cfg);
    const own = (t: tf.Tensor, trainable: boolean) => {
      const v = tf.variable(t, trainable);
      t.dispose();
      return v;
    };
    this.vars = [own(tf.tensor2d(init.win, [V, cfg.dim]), true), own(tf.tensor2d(init.wout, [V, cfg.dim]), true)];
    this.m = this.vars.map((w) => own(tf.zerosLike(w), false));
    this.v = this.vars.map((w) => own(tf.zerosLike(w), false));
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
    const t = this.step + 1;
    const { beta1, beta2, eps } = ADAM;
    const lr = this.cfg.lr;
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => this.loss(batch), this.vars);
      const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
      this.vars.forEach((w, i) => {
        const g = grads[w.name];
        const m = tf.add(tf.mul(this.m[i], beta1), tf.mul(g, 1 - beta1));
        const v = tf.add(tf.mul(this.v[i], beta2), tf.mul(tf.square(g), 1 - beta2));
        this.m[i].assign(m);
        this.v[i].assign(v);
        w.assign(tf.sub(w, tf.div(tf.mul(m, lr / c1), tf.add(tf.sqrt(tf.div(v, c2)), eps))));
      });
    });
    this.step = t;
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

  snapshot(): Snapshot {
    return { step: this.step, values: [...this.vars, ...this.m, ...this.v].map((t) => t.dataSync().slice() as Float32Array) };
  }

  restore(s: Snapshot): void {
    const all = [...this.vars, ...this.m, ...this.v];
    tf.tidy(() => all.forEach((t, i) => t.assign(tf.tensor(s.values[i], t.shape))));
    this.step = s.step;
  }

  dispose(): void {
    for (const t of [...this.vars, ...this.m, ...this.v]) t.dispose();
    this.vars = [];
    this.m = [];
    this.v = [];
  }
}
