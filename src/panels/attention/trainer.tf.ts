/**
 * A one-layer attention model trained live in tfjs on a toy digit task (trained mode).
 *
 *   x = E[token] + P[position]                    (learned token and position embeddings)
 *   A = softmax(x Wq (x Wk)ᵀ / √d)               (one head, no mask: output i may read any input)
 *   logits = (A · x Wv) Wo + b                    (no residual: the answer must come through A)
 *
 * Loss: mean cross-entropy over every position. Adam from lib/tf/adam (written out in tf ops) (no tf.layers, no
 * tf.train), initial weights drawn from our seeded generator, so a link replays to the same
 * weights on a given backend. Every tensor lives in a tf.tidy or is a variable this class owns
 * and releases in dispose(). Results come out as plain arrays.
 */
import * as tf from '../../lib/tf/tf';
import { AdamVariables, type Snapshot } from '../../lib/tf/adam';
import { stream } from '../../lib/random/rng';
import { evalBatch, sourcePosition, trainBatch, VOCAB, type Batch, type TaskName } from './task';

export interface TrainConfig {
  task: TaskName;
  /** Sequence length. */
  L: number;
  /** Model width (embedding, query, key and value size). */
  d: number;
  /** Adam step size. */
  lr: number;
  seed: number;
  /** Sequences per training step. */
  batch: number;
}

/** Held-out sequences for the accuracy readout. */
export const EVAL_SIZE = 256;

const NAMES = ['E', 'P', 'Wq', 'Wk', 'Wv', 'Wo', 'b'] as const;
type Name = (typeof NAMES)[number];

/** Shapes and initial standard deviations of the weights. */
function specs(c: TrainConfig): Record<Name, { shape: number[]; std: number }> {
  const s = 1 / Math.sqrt(c.d);
  return {
    E: { shape: [VOCAB, c.d], std: 1 },
    P: { shape: [c.L, c.d], std: 1 },
    Wq: { shape: [c.d, c.d], std: s },
    Wk: { shape: [c.d, c.d], std: s },
    Wv: { shape: [c.d, c.d], std: s },
    Wo: { shape: [c.d, VOCAB], std: s },
    b: { shape: [VOCAB], std: 0 },
  };
}

/** Initial weights from the seed: one named stream per matrix, Gaussian with the spec's std. */
export function initialWeights(c: TrainConfig): Record<Name, Float32Array> {
  const out = {} as Record<Name, Float32Array>;
  for (const [name, { shape, std }] of Object.entries(specs(c)) as [Name, { shape: number[]; std: number }][]) {
    const rng = stream(c.seed, `init:${name}`);
    const a = new Float32Array(shape.reduce((p, q) => p * q, 1));
    if (std > 0) for (let i = 0; i < a.length; i++) a[i] = std * rng.normal();
    out[name] = a;
  }
  return out;
}

/**
 * Scaled dot-product attention on [B, n, d] tensors: softmax(Q Kᵀ / √d) V, with future keys
 * masked (weight exactly 0) when causal. Returns the weights [B, n, n] and the output [B, n, d_v].
 * Call inside tf.tidy.
 */
export function sdpa(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, causal = false, scale = true): { weights: tf.Tensor3D; output: tf.Tensor3D } {
  const [, n, dk] = q.shape;
  let s = tf.matMul(q, k, false, true);
  if (scale) s = tf.mul(s, 1 / Math.sqrt(dk));
  if (causal) {
    // −∞ above the diagonal: exp(−∞) = 0 exactly, and the diagonal keeps every row finite.
    const future = tf.tensor2d(Float32Array.from({ length: n * n }, (_, i) => ((i % n) > Math.floor(i / n) ? -Infinity : 0)), [n, n]);
    s = tf.add(s, future);
  }
  const weights = tf.softmax(s) as tf.Tensor3D;
  return { weights, output: tf.matMul(weights, v) as tf.Tensor3D };
}

export interface Evaluation {
  loss: number;
  /** Fraction of output digits right. */
  tokenAcc: number;
  /** Fraction of sequences with every digit right. */
  seqAcc: number;
  /** Mean attention weight on the input position the task needs (1 = the ideal pattern). */
  targetMass: number;
}

export type { Snapshot };

export class AttentionTrainer {
  readonly cfg: TrainConfig;
  /** The weights and their Adam state (lib/tf/adam). */
  private readonly opt: AdamVariables;
  /** Updates applied so far. */
  get step(): number {
    return this.opt.step;
  }
  private get vars(): tf.Variable[] {
    return this.opt.vars;
  }
  private readonly evalSet: Batch;
  /** One-hot of the needed source position, [L, L], for targetMass. */
  private readonly pattern: Float32Array;

  constructor(cfg: TrainConfig) {
    this.cfg = cfg;
    const init = initialWeights(cfg);
    const sp = specs(cfg);
    this.opt = new AdamVariables(NAMES.map((n) => tf.tensor(init[n], sp[n].shape)));
    this.evalSet = evalBatch(cfg.task, EVAL_SIZE, cfg.L, cfg.seed);
    this.pattern = new Float32Array(cfg.L * cfg.L);
    for (let i = 0; i < cfg.L; i++) this.pattern[i * cfg.L + sourcePosition(cfg.task, i, cfg.L)] = 1;
  }

  /** Attention weights [B, L, L] and logits [B, L, V] for a batch of digit sequences. */
  private forward(x: tf.Tensor2D): { attn: tf.Tensor3D; logits: tf.Tensor3D } {
    const [E, P, Wq, Wk, Wv, Wo, b] = this.vars;
    const { L, d } = this.cfg;
    const B = x.shape[0];
    // Embedding lookup as one-hot · E: its gradient is a plain matMul on every backend (the
    // gradient of tf.gather needs UnsortedSegmentSum, which the WASM backend lacks).
    const onehot = tf.cast(tf.oneHot(tf.reshape(x, [-1]) as tf.Tensor1D, VOCAB), 'float32') as tf.Tensor2D;
    const h = tf.add(tf.matMul(onehot, E as tf.Tensor2D), tf.tile(P, [B, 1])) as tf.Tensor2D; // [B·L, d]
    const proj = (W: tf.Tensor) => tf.reshape(tf.matMul(h, W as tf.Tensor2D), [B, L, d]) as tf.Tensor3D;
    const q = proj(Wq), k = proj(Wk), v = proj(Wv);
    const { weights: attn, output } = sdpa(q, k, v);
    const ctx = tf.reshape(output, [B * L, d]) as tf.Tensor2D;
    const logits = tf.reshape(tf.add(tf.matMul(ctx, Wo as tf.Tensor2D), b), [B, L, VOCAB]) as tf.Tensor3D;
    return { attn, logits };
  }

  private static crossEntropy(logits: tf.Tensor3D, y: tf.Tensor2D): tf.Scalar {
    const logp = tf.logSoftmax(logits);
    return tf.neg(tf.mean(tf.sum(tf.mul(tf.cast(tf.oneHot(y, VOCAB), 'float32'), logp), -1))) as tf.Scalar;
  }

  /** One Adam step on training batch number `step`; returns nothing (no GPU read-back). */
  trainStep(): void {
    const { task, batch, L, seed, lr } = this.cfg;
    const data = trainBatch(task, batch, L, seed, this.step);
    tf.tidy(() => {
      const x = tf.tensor2d(data.x, [data.B, L], 'int32');
      const y = tf.tensor2d(data.y, [data.B, L], 'int32');
      this.opt.minimize(() => AttentionTrainer.crossEntropy(this.forward(x).logits, y), lr);
    });
  }

  /** Loss and accuracies on the held-out set, and how much attention sits where the task needs it. */
  evaluate(): Evaluation {
    const { L } = this.cfg;
    const e = this.evalSet;
    const outs = tf.tidy(() => {
      const x = tf.tensor2d(e.x, [e.B, L], 'int32');
      const y = tf.tensor2d(e.y, [e.B, L], 'int32');
      const { attn, logits } = this.forward(x);
      const right = tf.cast(tf.equal(tf.argMax(logits, -1), y), 'float32'); // [B, L]
      const pat = tf.tensor3d(this.pattern, [1, L, L]);
      return [
        AttentionTrainer.crossEntropy(logits, y),
        tf.mean(right),
        tf.mean(tf.cast(tf.equal(tf.min(right, 1), 1), 'float32')),
        tf.div(tf.sum(tf.mul(attn, pat)), e.B * L),
      ];
    });
    const [loss, correct, seqOk, mass] = outs.map((s) => s.dataSync()[0]);
    outs.forEach((s) => s.dispose());
    return { loss, tokenAcc: correct, seqAcc: seqOk, targetMass: mass };
  }

  /** Attention map [L][L] and predicted digits for one sequence. */
  inspect(seq: ArrayLike<number>): { weights: number[][]; pred: number[] } {
    const { L } = this.cfg;
    const [w, p] = tf.tidy(() => {
      const { attn, logits } = this.forward(tf.tensor2d(Int32Array.from(seq), [1, L], 'int32'));
      return [attn, tf.argMax(logits, -1)];
    });
    const wa = w.dataSync(), pa = p.dataSync();
    w.dispose();
    p.dispose();
    return { weights: Array.from({ length: L }, (_, i) => Array.from(wa.subarray(i * L, (i + 1) * L))), pred: Array.from(pa) };
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
