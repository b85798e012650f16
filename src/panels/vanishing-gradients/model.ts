/**
 * The deep network and its gradients in tfjs (tf.matMul and friends, gradients by tf.valueAndGrads).
 * No biases: layer i computes z = h W_i; hidden layers then (optionally) standardise z over the
 * batch, apply the activation and (optionally) add their input back, h ← h + act(z), with the
 * branch optionally scaled by 1/√(hidden layers); the last layer is linear.
 * Loss = mean squared error. Weights go in and everything comes out as plain typed arrays: no
 * tensor outlives a call.
 */
import * as tf from '../../lib/tf/tf';
import type { Activation } from './params';
import type { NetSpec } from './setup';

export const BN_EPS = 1e-5;
export const LEAKY_SLOPE = 0.01;

export interface Evaluation {
  loss: number;
  /** Frobenius norm of dLoss/dW_i, first layer first (float64 sums of the float32 gradient). */
  gradNorms: Float64Array;
  /** dLoss/dW_i, row-major like the weights. */
  grads: Float32Array[];
  /** The activation outputs act(z) of each hidden layer, [n, fan-out] row-major. */
  hidden: Float32Array[];
  /** The network's output [n]. */
  output: Float32Array;
}

function act(a: Activation, z: tf.Tensor2D): tf.Tensor2D {
  switch (a) {
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'leaky':
      return tf.leakyRelu(z, LEAKY_SLOPE);
    case 'elu':
      return tf.elu(z);
  }
}

/**
 * Standardise each column over the batch: biased variance, eps 1e-5, no learned scale/shift.
 * Its gradient is the textbook closed form, registered with tf.customGrad (autodiff through
 * the mean and variance costs about three times as many ops; both agree with PyTorch and with
 * finite differences, see model.test.ts):
 *   dz = r · (dy − mean(dy) − ẑ · mean(dy · ẑ)),  r = 1/√(var + eps).
 */
function invStd(z: tf.Tensor): tf.Tensor {
  return tf.rsqrt(tf.add(tf.mean(tf.square(tf.sub(z, tf.mean(z, 0, true))), 0, true), BN_EPS));
}

const batchNorm = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const z = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  const y = tf.mul(tf.sub(z, tf.mean(z, 0, true)), invStd(z));
  // Save only the input and the output (no intermediate outlives the op); r is recomputed.
  save([z, y]);
  return {
    value: y,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [zs, yh] = saved;
      const centred = tf.sub(dy, tf.mean(dy, 0, true));
      return tf.mul(invStd(zs), tf.sub(centred, tf.mul(yh, tf.mean(tf.mul(dy, yh), 0, true))));
    },
  };
}) as (z: tf.Tensor2D) => tf.Tensor2D;

/**
 * Forward pass returning the scalar loss. `keep`, when given, receives the hidden activation
 * outputs and the network output as kept tensors (the caller disposes them). Exported for
 * evaluate.test.ts.
 */
export function lossOf(spec: NetSpec, ws: tf.Tensor2D[], x: tf.Tensor2D, t: tf.Tensor2D, keep?: tf.Tensor[]): tf.Scalar {
  let h: tf.Tensor2D = x;
  const branch = spec.residual === 'scaled' ? 1 / Math.sqrt(Math.max(1, ws.length - 1)) : 1;
  for (let i = 0; i < ws.length - 1; i++) {
    let z: tf.Tensor2D = tf.matMul(h, ws[i]);
    if (spec.batchNorm) z = batchNorm(z);
    const a = act(spec.activation, z);
    if (keep) keep.push(tf.keep(a));
    if (spec.residual !== 'off' && h.shape[1] === a.shape[1]) h = tf.add(h, branch === 1 ? a : tf.mul(a, branch)) as tf.Tensor2D;
    else h = a;
  }
  const out = tf.matMul(h, ws[ws.length - 1]);
  if (keep) keep.push(tf.keep(out));
  return tf.mean(tf.square(tf.sub(out, t)));
}

/**
 * Loss, per-layer gradients and their norms, hidden activations and output for one batch.
 * `shapes[i]` = [fan-in, fan-out] of weights[i]; x is [n, shapes[0][0]] row-major, t is [n].
 */
export function evaluate(spec: NetSpec, weights: Float32Array[], shapes: [number, number][], x: Float32Array, t: Float32Array, n: number): Evaluation {
  const kept: tf.Tensor[] = [];
  // The arrays read back leave the tidy through this variable, not as its return value: tidy walks
  // what its callback returns for tensors to keep, key by key with for…in, typed arrays included,
  // putting every element into a Set. For the gradients and activations of a depth-20 network of
  // width 46 (about 150,000 numbers) that walk cost more than the training step itself.
  let parts: Float32Array[] = [];
  try {
    tf.tidy(() => {
      const ws = weights.map((w, i) => tf.tensor2d(w, shapes[i]));
      const xt = tf.tensor2d(x, [n, shapes[0][0]]);
      const tt = tf.tensor2d(t, [n, 1]);
      const { value, grads } = tf.valueAndGrads((...w: tf.Tensor[]) => lossOf(spec, w as tf.Tensor2D[], xt, tt, kept))(ws);
      const all = [value, ...grads, ...kept];
      // WebGL: one read-back (each is a GPU sync). WASM and CPU: reading each tensor is a plain
      // copy, cheaper than the reshape and concat ops that one read-back would need.
      if (tf.getBackend() !== 'webgl') {
        parts = all.map((a) => a.dataSync() as Float32Array);
        return;
      }
      const flat = tf.concat(all.map((a) => tf.reshape(a, [-1]))).dataSync() as Float32Array;
      let o = 0;
      parts = all.map((a) => flat.subarray(o, (o += a.size)));
    });
  } finally {
    for (const k of kept) k.dispose();
  }
  const L = weights.length;
  const grads = parts.slice(1, 1 + L);
  const gradNorms = new Float64Array(L);
  grads.forEach((g, i) => {
    let s = 0;
    for (let k = 0; k < g.length; k++) s += g[k] * g[k];
    gradNorms[i] = Math.sqrt(s);
  });
  return { loss: parts[0][0], gradNorms, grads, hidden: parts.slice(1 + L, 2 * L), output: parts[2 * L] };
}

/** The loss alone (a forward pass in tfjs), for finite-difference checks. */
export function lossAt(spec: NetSpec, weights: Float32Array[], shapes: [number, number][], x: Float32Array, t: Float32Array, n: number): number {
  return tf.tidy(() => {
    const ws = weights.map((w, i) => tf.tensor2d(w, shapes[i]));
    return lossOf(spec, ws, tf.tensor2d(x, [n, shapes[0][0]]), tf.tensor2d(t, [n, 1])).dataSync()[0];
  });
}
