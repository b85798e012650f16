/**
 * A small multilayer perceptron in plain float64 typed arrays: forward, hand-written backward,
 * Adam or SGD, inverted dropout on hidden units, L2 weight decay, input jitter. Pure: no React,
 * no DOM, no tfjs (the tfjs twin is net.tf.ts; model.test.ts checks one against the other).
 *
 * Layout: all parameters live in one flat Float64Array θ, layer by layer, each layer as its weight
 * matrix W [in, out] row-major (W[i·out + j] joins input i to unit j) followed by its bias b [out].
 * One flat vector makes Adam one loop and a checkpoint one copy.
 *
 * Loss: mean binary cross-entropy of a single sigmoid output, plus (λ/2)·Σ W² over the weights
 * (not the biases), so the decay adds λ·W to each weight's gradient (PyTorch's weight_decay).
 */
import { stream } from '../../lib/random/rng';

export type Activation = 'tanh' | 'relu';
export type OptimizerName = 'adam' | 'sgd';

export interface Arch {
  /** Layer widths, inputs first, the single output last: e.g. [2, 16, 16, 1]. */
  sizes: readonly number[];
  activation: Activation;
}

export interface Layout {
  /** Offset of W_l and b_l in θ, for l = 0..L−1 (L = number of weight layers). */
  w: number[];
  b: number[];
  /** Total number of parameters. */
  size: number;
  /** Number of weights (what L2 penalises). */
  weights: number;
}

export function layout(arch: Arch): Layout {
  const w: number[] = [], b: number[] = [];
  let at = 0, weights = 0;
  for (let l = 0; l + 1 < arch.sizes.length; l++) {
    const nin = arch.sizes[l], nout = arch.sizes[l + 1];
    w.push(at);
    at += nin * nout;
    weights += nin * nout;
    b.push(at);
    at += nout;
  }
  return { w, b, size: at, weights };
}

/**
 * Initial parameters from our own generator ('init' stream): weights N(0, s²) with s = √(1/fan_in)
 * for tanh (LeCun) and √(2/fan_in) for ReLU (He), biases 0. Two networks of the same shape on the
 * same seed start from the same weights.
 */
export function initParams(arch: Arch, seed: number): Float64Array {
  const L = layout(arch);
  const theta = new Float64Array(L.size);
  const rng = stream(seed, 'init');
  for (let l = 0; l < L.w.length; l++) {
    const nin = arch.sizes[l], nout = arch.sizes[l + 1];
    const s = Math.sqrt((arch.activation === 'relu' && l + 2 < arch.sizes.length ? 2 : 1) / nin);
    for (let k = 0; k < nin * nout; k++) theta[L.w[l] + k] = s * rng.normal();
  }
  return theta;
}

/** Sum of squared weights (biases excluded): the quantity L2 decay shrinks. */
export function weightNorm2(arch: Arch, theta: ArrayLike<number>): number {
  const L = layout(arch);
  let s = 0;
  for (let l = 0; l < L.w.length; l++) {
    const end = L.w[l] + arch.sizes[l] * arch.sizes[l + 1];
    for (let k = L.w[l]; k < end; k++) s += theta[k] * theta[k];
  }
  return s;
}

/** Stable log(1 + e^−|z|) + max(z, 0) − z·y: binary cross-entropy of logit z against label y. */
export function bce(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Buffers for one batch size: pre-activations, activations (after dropout) and masks per layer. */
interface Buffers {
  n: number;
  z: Float64Array[]; // [n, size_l] for l = 1..L (index l−1)
  h: Float64Array[]; // activation before dropout (hidden layers)
  a: Float64Array[]; // input to the next layer (after dropout)
  dz: Float64Array[];
}

function buffers(sizes: readonly number[], n: number): Buffers {
  const z: Float64Array[] = [], h: Float64Array[] = [], a: Float64Array[] = [], dz: Float64Array[] = [];
  for (let l = 1; l < sizes.length; l++) {
    z.push(new Float64Array(n * sizes[l]));
    h.push(new Float64Array(n * sizes[l]));
    a.push(new Float64Array(n * sizes[l]));
    dz.push(new Float64Array(n * sizes[l]));
  }
  return { n, z, h, a, dz };
}

/**
 * Forward pass over n rows of X [n, F]. Writes every layer into `buf`; returns the output logits
 * (buf.z[L−1], length n). `masks[l]` (optional, [n, size]) multiplies hidden layer l's activation.
 */
function forwardInto(arch: Arch, L: Layout, theta: Float64Array, X: ArrayLike<number>, n: number, buf: Buffers, masks?: (Float64Array | null)[]): Float64Array {
  const sizes = arch.sizes;
  const relu = arch.activation === 'relu';
  const last = sizes.length - 2;
  let input: ArrayLike<number> = X;
  for (let l = 0; l <= last; l++) {
    const nin = sizes[l], nout = sizes[l + 1];
    const W = L.w[l], B = L.b[l];
    const z = buf.z[l];
    for (let r = 0; r < n; r++) {
      const zr = r * nout, ir = r * nin;
      for (let j = 0; j < nout; j++) z[zr + j] = theta[B + j];
      for (let i = 0; i < nin; i++) {
        const v = input[ir + i];
        if (v === 0) continue;
        const wi = W + i * nout;
        for (let j = 0; j < nout; j++) z[zr + j] += v * theta[wi + j];
      }
    }
    if (l === last) return z;
    const h = buf.h[l], a = buf.a[l];
    const m = masks?.[l] ?? null;
    const cnt = n * nout;
    for (let k = 0; k < cnt; k++) {
      const v = relu ? (z[k] > 0 ? z[k] : 0) : Math.tanh(z[k]);
      h[k] = v;
      a[k] = m ? v * m[k] : v;
    }
    input = a;
  }
  return buf.z[last];
}

/**
 * Backward pass after forwardInto: dz of the output logits is given (dL/dlogit per row, already
 * divided by n for a mean loss); accumulates ∂L/∂θ into `grad` (overwritten).
 */
function backwardInto(arch: Arch, L: Layout, theta: Float64Array, X: ArrayLike<number>, n: number, buf: Buffers, dOut: Float64Array, grad: Float64Array, masks?: (Float64Array | null)[]): void {
  const sizes = arch.sizes;
  const relu = arch.activation === 'relu';
  const last = sizes.length - 2;
  grad.fill(0);
  let dz = dOut;
  for (let l = last; l >= 0; l--) {
    const nin = sizes[l], nout = sizes[l + 1];
    const W = L.w[l], B = L.b[l];
    const input: ArrayLike<number> = l === 0 ? X : buf.a[l - 1];
    // dW = inputᵀ dz, db = Σ dz.
    for (let r = 0; r < n; r++) {
      const zr = r * nout, ir = r * nin;
      for (let j = 0; j < nout; j++) grad[B + j] += dz[zr + j];
      for (let i = 0; i < nin; i++) {
        const v = input[ir + i];
        if (v === 0) continue;
        const wi = W + i * nout;
        for (let j = 0; j < nout; j++) grad[wi + j] += v * dz[zr + j];
      }
    }
    if (l === 0) break;
    // d(input) = dz Wᵀ, then through dropout and the activation: dz_prev = da ⊙ m ⊙ act'(z).
    const prev = buf.dz[l - 1];
    const h = buf.h[l - 1], z = buf.z[l - 1];
    const m = masks?.[l - 1] ?? null;
    for (let r = 0; r < n; r++) {
      const zr = r * nout, pr = r * nin;
      for (let i = 0; i < nin; i++) {
        const wi = W + i * nout;
        let s = 0;
        for (let j = 0; j < nout; j++) s += dz[zr + j] * theta[wi + j];
        const k = pr + i;
        const d = relu ? (z[k] > 0 ? 1 : 0) : 1 - h[k] * h[k];
        prev[k] = s * d * (m ? m[k] : 1);
      }
    }
    dz = prev;
  }
}

/** Forward pass without dropout: output logits for n rows of X [n, F]. */
export function logits(arch: Arch, theta: Float64Array, X: ArrayLike<number>, n: number, masks?: (Float64Array | null)[]): Float64Array {
  return Float64Array.from(forwardInto(arch, layout(arch), theta, X, n, buffers(arch.sizes, n), masks));
}

/**
 * Gradient of a loss given through its derivative in the output logit: `dLogit(z, row)` returns
 * ∂L/∂z for that row (e.g. (σ(z) − y)/n for mean cross-entropy). For tests and oracle checks;
 * training uses the preallocated path in JsNet.
 */
export function gradient(
  arch: Arch, theta: Float64Array, X: ArrayLike<number>, n: number, dLogit: (z: number, row: number) => number, masks?: (Float64Array | null)[],
): Float64Array {
  const L = layout(arch);
  const buf = buffers(arch.sizes, n);
  const z = forwardInto(arch, L, theta, X, n, buf, masks);
  const d = new Float64Array(n);
  for (let r = 0; r < n; r++) d[r] = dLogit(z[r], r);
  const g = new Float64Array(L.size);
  backwardInto(arch, L, theta, X, n, buf, d, g, masks);
  return g;
}

export interface AdamState {
  m: Float64Array;
  v: Float64Array;
  /** Steps taken (bias correction uses t after incrementing). */
  t: number;
}

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

/** One Adam step in place (PyTorch's convention: ε added after the square root). */
export function adamStep(theta: Float64Array, g: ArrayLike<number>, s: AdamState, lr: number): void {
  s.t += 1;
  const { beta1: b1, beta2: b2, eps } = ADAM;
  const c1 = 1 - b1 ** s.t, c2 = 1 - b2 ** s.t;
  for (let k = 0; k < theta.length; k++) {
    const gk = g[k];
    const m = (s.m[k] = b1 * s.m[k] + (1 - b1) * gk);
    const v = (s.v[k] = b2 * s.v[k] + (1 - b2) * gk * gk);
    theta[k] -= (lr * (m / c1)) / (Math.sqrt(v / c2) + eps);
  }
}

/** Plain gradient descent step in place. */
export function sgdStep(theta: Float64Array, g: ArrayLike<number>, lr: number): void {
  for (let k = 0; k < theta.length; k++) theta[k] -= lr * g[k];
}

export interface Metrics {
  loss: number;
  acc: number;
}

/** Mean cross-entropy and accuracy (class 1 when the logit ≥ 0) of logits against labels. */
export function metrics(z: ArrayLike<number>, y: ArrayLike<number>, n: number): Metrics {
  let loss = 0, right = 0;
  for (let r = 0; r < n; r++) {
    loss += bce(z[r], y[r]);
    if ((z[r] >= 0 ? 1 : 0) === y[r]) right++;
  }
  return n > 0 ? { loss: loss / n, acc: right / n } : { loss: NaN, acc: NaN };
}

/** Inverted-dropout mask values for one epoch: 0 with probability p, else 1/(1−p). */
export function dropoutMasks(sizes: readonly number[], n: number, p: number, seed: number, epoch: number): (Float64Array | null)[] {
  const out: (Float64Array | null)[] = [];
  if (!(p > 0)) return sizes.slice(1, -1).map(() => null);
  const rng = stream(seed, `dropout:${epoch}`);
  const keep = 1 / (1 - p);
  for (let l = 1; l + 1 < sizes.length; l++) {
    const m = new Float64Array(n * sizes[l]);
    for (let k = 0; k < m.length; k++) m[k] = rng.next() < p ? 0 : keep;
    out.push(m);
  }
  return out;
}

/** Raw inputs with Gaussian jitter σ for one epoch (data augmentation), own stream per epoch. */
export function jittered(x: Float64Array, sigma: number, seed: number, epoch: number): Float64Array {
  const rng = stream(seed, `jitter:${epoch}`);
  const out = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) out[k] = x[k] + sigma * rng.normal();
  return out;
}

export { buffers as makeBuffers, forwardInto, backwardInto };
export type { Buffers };
