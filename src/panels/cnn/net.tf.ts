/**
 * The small CNN the network mode trains live, in tfjs (float32):
 *
 *   16×16×1 → conv 3×3 (f1 filters, padding 1) → ReLU → 2×2 max-pool → 8×8×f1
 *           → conv 3×3 (f2 filters, padding 1) → ReLU → 2×2 max-pool → 4×4×f2
 *           → flatten → dense 10 → softmax
 *
 * Each convolution is tf.conv2d with its gradient written out (conv3x3): the WASM backend, which
 * the worker uses on machines without a GPU, has no kernel for the filter gradient.
 *
 * Loss: mean cross-entropy; Adam from lib/tf/adam (written out in tf ops); initial weights from our seeded streams,
 * so a link replays to the same weights on a given backend. Every tensor lives in a tf.tidy or is
 * a variable this class owns and releases in dispose(). Results come out as plain arrays.
 */
import * as tf from '../../lib/tf/tf';
import { AdamVariables, type Snapshot } from '../../lib/tf/adam';
import { stream } from '../../lib/random/rng';
import { CLASSES, PIXELS, SIZE, trainBatch } from './modelDigits';
import { NAMES, SIDE1, SIDE2, specs, type WeightName } from './arch';

export interface NetConfig {
  /** Filters of the first and second convolution. */
  f1: number;
  f2: number;
  /** Adam step size. */
  lr: number;
  seed: number;
  /** Images per training step. */
  batch: number;
}


/** Initial weights from the seed: one named stream per tensor, Gaussian with the spec's std. */
export function initialWeights(c: NetConfig): Record<WeightName, Float32Array> {
  const out = {} as Record<WeightName, Float32Array>;
  for (const [name, { shape, std }] of Object.entries(specs(c)) as [WeightName, { shape: number[]; std: number }][]) {
    const rng = stream(c.seed, `init:${name}`);
    const a = new Float32Array(shape.reduce((p, q) => p * q, 1));
    if (std > 0) for (let i = 0; i < a.length; i++) a[i] = std * rng.normal();
    out[name] = a;
  }
  return out;
}

/** Gradient of a 3×3, padding-1 convolution with respect to its kernel, as one more convolution:
 *  dK[a, b, i, o] = Σ_{n, r, c} xpad[n, r + a, c + b, i] · dy[n, r, c, o], i.e. the padded input
 *  (channels as the batch) correlated with dy (the batch as input channels). */
export function kernelGrad(x: tf.Tensor4D, dy: tf.Tensor4D): tf.Tensor4D {
  const xT = tf.pad(tf.transpose(x, [3, 1, 2, 0]), [[0, 0], [1, 1], [1, 1], [0, 0]]) as tf.Tensor4D;
  const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
  return tf.transpose(tf.conv2d(xT, dyT, 1, 'valid'), [1, 2, 0, 3]);
}

/**
 * 3×3 convolution, stride 1, padding 1 (x [B, h, w, c], K [3, 3, c, f]), with its gradient written
 * out: the input's through conv2dTranspose, the kernel's through kernelGrad. The same numbers as
 * tf.conv2d's own gradient (a test checks it), but it runs on the WASM backend, which has no
 * Conv2DBackpropFilter kernel. Call inside tf.tidy.
 */
export const conv3x3 = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, K, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
  save([x, K]);
  return {
    value: tf.conv2d(x, K, 1, 'same'),
    gradFunc: (dy: tf.Tensor4D, [xs, Ks]: tf.Tensor[]) => [
      tf.conv2dTranspose(dy, Ks as tf.Tensor4D, xs.shape as [number, number, number, number], 1, 'same'),
      kernelGrad(xs as tf.Tensor4D, dy),
    ],
  };
}) as (x: tf.Tensor4D, K: tf.Tensor4D) => tf.Tensor4D;

export interface Activations {
  conv1: tf.Tensor4D;
  pool1: tf.Tensor4D;
  conv2: tf.Tensor4D;
  pool2: tf.Tensor4D;
  logits: tf.Tensor2D;
}

export interface Evaluation {
  loss: number;
  acc: number;
}

/** What the view shows of one image: every layer's maps (channel-major) and the probabilities. */
export interface Inspection {
  /** [f1][16·16] after ReLU. */
  conv1: number[][];
  /** [f1][8·8]. */
  pool1: number[][];
  /** [f2][8·8] after ReLU. */
  conv2: number[][];
  /** [f2][4·4]. */
  pool2: number[][];
  probs: number[];
}

export type { Snapshot };

/** Channel-major copies [c][h·w] of an NHWC map of one image. */
function channels(a: Float32Array | Int32Array | Uint8Array, hw: number, c: number): number[][] {
  return Array.from({ length: c }, (_, ch) => Array.from({ length: hw }, (_, i) => a[i * c + ch]));
}

export class CnnTrainer {
  readonly cfg: NetConfig;
  /** The weights and their Adam state (lib/tf/adam). */
  private readonly opt: AdamVariables;
  /** Updates applied so far. */
  get step(): number {
    return this.opt.step;
  }
  private get vars(): tf.Variable[] {
    return this.opt.vars;
  }

  constructor(cfg: NetConfig) {
    this.cfg = cfg;
    const init = initialWeights(cfg);
    const sp = specs(cfg);
    this.opt = new AdamVariables(NAMES.map((n) => tf.tensor(init[n], sp[n].shape)));
  }

  /** Every layer's output for a batch of images x [B, 16, 16, 1]. Call inside tf.tidy. */
  forward(x: tf.Tensor4D): Activations {
    const [K1, b1, K2, b2, W, b] = this.vars as unknown as [tf.Tensor4D, tf.Tensor1D, tf.Tensor4D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];
    const conv1 = tf.relu(tf.add(conv3x3(x, K1), b1)) as tf.Tensor4D;
    const pool1 = tf.maxPool(conv1, 2, 2, 'valid');
    const conv2 = tf.relu(tf.add(conv3x3(pool1, K2), b2)) as tf.Tensor4D;
    const pool2 = tf.maxPool(conv2, 2, 2, 'valid');
    const flat = tf.reshape(pool2, [x.shape[0], SIDE2 * SIDE2 * this.cfg.f2]) as tf.Tensor2D;
    const logits = tf.add(tf.matMul(flat, W), b) as tf.Tensor2D;
    return { conv1, pool1, conv2, pool2, logits };
  }

  private static crossEntropy(logits: tf.Tensor2D, y: tf.Tensor1D): tf.Scalar {
    const logp = tf.logSoftmax(logits);
    return tf.neg(tf.mean(tf.sum(tf.mul(tf.cast(tf.oneHot(y, CLASSES), 'float32'), logp), -1))) as tf.Scalar;
  }

  /** One Adam step on training batch number `step` (no read-back). */
  trainStep(): void {
    const { batch, seed, lr } = this.cfg;
    const data = trainBatch(seed, this.step, batch);
    tf.tidy(() => {
      const x = tf.tensor4d(data.x, [data.n, SIZE, SIZE, 1]);
      const y = tf.tensor1d(data.y, 'int32');
      this.opt.minimize(() => CnnTrainer.crossEntropy(this.forward(x).logits, y), lr);
    });
  }

  /** Mean loss and accuracy on a set of images (x: n·256 pixels, y: labels). */
  evaluate(x: Float32Array, y: Int32Array): Evaluation {
    const n = y.length;
    const [l, a] = tf.tidy(() => {
      const { logits } = this.forward(tf.tensor4d(x, [n, SIZE, SIZE, 1]));
      const yt = tf.tensor1d(y, 'int32');
      return [CnnTrainer.crossEntropy(logits, yt), tf.mean(tf.cast(tf.equal(tf.argMax(logits, -1), yt), 'float32'))];
    });
    const out = { loss: l.dataSync()[0], acc: a.dataSync()[0] };
    l.dispose();
    a.dispose();
    return out;
  }

  /** Every layer's maps and the class probabilities for one image (256 pixels). */
  inspect(image: ArrayLike<number>): Inspection {
    const { f1, f2 } = this.cfg;
    const outs = tf.tidy(() => {
      const acts = this.forward(tf.tensor4d(Float32Array.from(image), [1, SIZE, SIZE, 1]));
      return [acts.conv1, acts.pool1, acts.conv2, acts.pool2, tf.softmax(acts.logits)];
    });
    const [c1, p1, c2, p2, pr] = outs.map((t) => t.dataSync());
    outs.forEach((t) => t.dispose());
    return {
      conv1: channels(c1, PIXELS, f1),
      pool1: channels(p1, SIDE1 * SIDE1, f1),
      conv2: channels(c2, SIDE1 * SIDE1, f2),
      pool2: channels(p2, SIDE2 * SIDE2, f2),
      probs: Array.from(pr),
    };
  }

  /** The first layer's kernels as f1 lists of 9 weights (row-major 3×3). */
  firstKernels(): number[][] {
    const k = this.vars[0].dataSync();
    return channels(k, 9, this.cfg.f1);
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
