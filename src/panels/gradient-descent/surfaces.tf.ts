/**
 * The five loss surfaces. Each comes three ways:
 *  - `f`: plain float64 JS, for the loss readout and the loss-vs-iteration plot;
 *  - `grad`: the analytic float64 gradient, used by the tests to check tfjs's autodiff and to
 *    replay the float64 PyTorch oracle paths (the view never uses it);
 *  - `tfLoss`: the same function in tfjs over a [k, 2] block of points, one loss per row, so that
 *    one tf.grad of the sum gives every optimizer's gradient in a single call (row i of the
 *    gradient only depends on row i). This is what the view's paths use.
 */
import * as tf from '../../lib/tf/tf';
import { stream } from '../../lib/random/rng';
import { blobs } from '../../lib/random/datasets';
import type { Vec2 } from './optimizers';
import { N_POINTS, type SurfaceName } from './params';

export interface Minimum {
  at: Vec2;
  value: number;
}

export interface Surface {
  name: SurfaceName;
  /** [xmin, xmax, ymin, ymax]: the window drawn, and where start points are kept. */
  view: readonly [number, number, number, number];
  /** Local minima, lowest first; empty when there is none (separable logistic data). */
  minima: Minimum[];
  /** Lowest value of f (for plotting f − f* on a log scale); minima[0].value, or 0. */
  fStar: number;
  /** Global smoothness constant (Lipschitz constant of the gradient), null where none exists. */
  L: number | null;
  /** Largest Hessian eigenvalue at the lowest minimum: GD cannot settle there if lr > 2 / this. */
  curvatureAtMin: number | null;
  f(x: number, y: number): number;
  /** Analytic gradient; on the logistic surface the mean over `rows` (all points when omitted). */
  grad(x: number, y: number, rows?: Int32Array | null): Vec2;
  /** Per-row loss of a [k, 2] tensor of points; `rows` picks the logistic mini-batch. */
  tfLoss(p: tf.Tensor2D, rows?: Int32Array | null): tf.Tensor1D;
  /** The logistic surface's data: row-major [n, 2] features and labels 0/1. */
  data?: { x: Float64Array; y: Int32Array; n: number };
}

const cols = (p: tf.Tensor2D): [tf.Tensor1D, tf.Tensor1D] => tf.unstack(p, 1) as [tf.Tensor1D, tf.Tensor1D];

// ---------- numerical helpers (float64, used once per surface to locate minima) ----------

type Grad = (x: number, y: number) => Vec2;

/** Hessian by central differences of the analytic gradient (error ~1e-9, plenty for Newton). */
export function hessianFD(grad: Grad, x: number, y: number, h = 1e-5): [number, number, number] {
  const [ax, ay] = grad(x + h, y), [bx, by] = grad(x - h, y);
  const [cx, cy] = grad(x, y + h), [dx, dy] = grad(x, y - h);
  const hxx = (ax - bx) / (2 * h), hyy = (cy - dy) / (2 * h);
  const hxy = ((ay - by) / (2 * h) + (cx - dx) / (2 * h)) / 2;
  return [hxx, hxy, hyy];
}

/** Eigenvalues (largest, smallest) of the symmetric 2×2 [[a, b], [b, c]]. */
export function eig2([a, b, c]: [number, number, number]): [number, number] {
  const m = (a + c) / 2, r = Math.hypot((a - c) / 2, b);
  return [m + r, m - r];
}

/** Newton's method from p; null if it wanders off or lands on something that is not a minimum. */
function newtonMin(grad: Grad, p: Vec2): Vec2 | null {
  let [x, y] = p;
  for (let i = 0; i < 60; i++) {
    const [gx, gy] = grad(x, y);
    const [a, b, c] = hessianFD(grad, x, y);
    const det = a * c - b * b;
    x -= (c * gx - b * gy) / det;
    y -= (a * gy - b * gx) / det;
    if (!Number.isFinite(x + y) || Math.hypot(x, y) > 1e3) return null;
  }
  return eig2(hessianFD(grad, x, y))[1] > 0 ? [x, y] : null;
}

function finish(s: Omit<Surface, 'fStar' | 'curvatureAtMin'>): Surface {
  s.minima.sort((a, b) => a.value - b.value);
  const best = s.minima[0];
  return {
    ...s,
    fStar: best ? best.value : 0,
    curvatureAtMin: best ? eig2(hessianFD((x, y) => s.grad(x, y), best.at[0], best.at[1]))[0] : null,
  };
}

// ---------- the surfaces ----------

/** 0.5(x² + κy²): the Hessian is diag(1, κ), so L = max(1, κ) and κ is the condition number. */
function bowl(kappa: number): Surface {
  return finish({
    name: 'bowl',
    view: [-2, 2, -2, 2],
    minima: [{ at: [0, 0], value: 0 }],
    L: Math.max(1, kappa),
    f: (x, y) => 0.5 * (x * x + kappa * y * y),
    grad: (x, y) => [x, kappa * y],
    tfLoss: (p) => tf.sum(tf.mul(tf.square(p), tf.tensor1d([0.5, 0.5 * kappa])), 1) as tf.Tensor1D,
  });
}

/** (1 − x)² + 100(y − x²)²: a curved valley, easy to find and slow to follow. No global L. */
function rosenbrock(): Surface {
  return finish({
    name: 'rosenbrock',
    view: [-2, 2, -1, 3],
    minima: [{ at: [1, 1], value: 0 }],
    L: null,
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    tfLoss: (p) => {
      const [x, y] = cols(p);
      return tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x)))));
    },
  });
}

/**
 * Four Gaussian wells of different depths and widths on a gentle bowl q(x² + y²), which keeps
 * every path bounded. Depths were chosen so there are four separate local minima (checked with
 * Newton below); the deepest is top right.
 */
const Q = 0.08;
const WELLS: readonly (readonly [number, number, number, number])[] = [
  // [cx, cy, depth, width]
  [1.5, 1.3, 2.0, 0.8],
  [-1.6, 1.3, 1.6, 0.6],
  [0.4, -1.5, 1.8, 0.75],
  [-1.7, -1.4, 1.0, 0.5],
];
let multimodalCache: Surface | null = null;
function multimodal(): Surface {
  if (multimodalCache) return multimodalCache;
  const f = (x: number, y: number) => {
    let v = Q * (x * x + y * y);
    for (const [cx, cy, a, s] of WELLS) v -= a * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s));
    return v;
  };
  const grad: Grad = (x, y) => {
    let gx = 2 * Q * x, gy = 2 * Q * y;
    for (const [cx, cy, a, s] of WELLS) {
      const e = (a * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))) / (s * s);
      gx += e * (x - cx);
      gy += e * (y - cy);
    }
    return [gx, gy];
  };
  const minima: Minimum[] = [];
  for (const [cx, cy] of WELLS) {
    const m = newtonMin(grad, [cx, cy]);
    if (m && !minima.some((o) => Math.hypot(o.at[0] - m[0], o.at[1] - m[1]) < 1e-6)) minima.push({ at: m, value: f(...m) });
  }
  multimodalCache = finish({
    name: 'multimodal',
    view: [-3, 3, -3, 3],
    minima,
    L: null,
    f,
    grad,
    tfLoss: (p) => {
      const c = tf.tensor2d(WELLS.map((w) => [w[0], w[1]]));
      const d2 = tf.sum(tf.square(tf.sub(tf.expandDims(p, 1), tf.expandDims(c, 0))), 2); // [k, wells]
      const inv = tf.tensor1d(WELLS.map((w) => -1 / (2 * w[3] * w[3])));
      const depth = tf.tensor1d(WELLS.map((w) => w[2]));
      const wells = tf.sum(tf.mul(depth, tf.exp(tf.mul(d2, inv))), 1);
      return tf.sub(tf.mul(Q, tf.sum(tf.square(p), 1)), wells) as tf.Tensor1D;
    },
  });
  return multimodalCache;
}

/**
 * ½x² − ½y² + y⁴/16: a saddle at the origin (curving up in x, down in y) and two minima at
 * (0, ±2) with value −1, so escaping paths have somewhere to go. The quartic means no global L.
 */
function saddle(): Surface {
  return finish({
    name: 'saddle',
    view: [-3, 3, -3, 3],
    minima: [
      { at: [0, 2], value: -1 },
      { at: [0, -2], value: -1 },
    ],
    L: null,
    f: (x, y) => 0.5 * x * x - 0.5 * y * y + (y * y * y * y) / 16,
    grad: (x, y) => [x, -y + (y * y * y) / 4],
    tfLoss: (p) => {
      const [x, y] = cols(p);
      const y2 = tf.square(y);
      return tf.add(tf.sub(tf.mul(0.5, tf.square(x)), tf.mul(0.5, y2)), tf.mul(1 / 16, tf.square(y2)));
    },
  });
}

/**
 * Mean logistic loss of weights (w1, w2), no bias, on N_POINTS points from two Gaussian blobs
 * centred at ±(0.8, 0.4). The second feature is then multiplied by 3 ("measured in other
 * units"), which stretches the loss into a ravine: the textbook case for feature scaling or
 * per-coordinate (adaptive) steps. Label y ∈ {0, 1}, s = 2y − 1, loss_i = log(1 + e^(−s w·x)).
 * L = λmax(XᵀX / n) / 4, since σ' ≤ 1/4. No penalty term: the blobs overlap, so the minimum
 * is finite (Newton below finds it; if a seed ever drew separable data, minima is empty).
 */
let logisticCache: { seed: number; s: Surface } | null = null;
function logistic(seed: number): Surface {
  if (logisticCache?.seed === seed) return logisticCache.s;
  const d = blobs(stream(seed, 'data'), N_POINTS, [[-0.8, -0.4], [0.8, 0.4]], 1);
  for (let i = 0; i < d.n; i++) d.x[2 * i + 1] *= 3;
  const n = d.n, X = d.x, S = Float64Array.from(d.y, (v) => 2 * v - 1);
  const softplus = (u: number) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
  const f = (w1: number, w2: number) => {
    let v = 0;
    for (let i = 0; i < n; i++) v += softplus(-S[i] * (w1 * X[2 * i] + w2 * X[2 * i + 1]));
    return v / n;
  };
  const grad = (w1: number, w2: number, rows?: Int32Array | null): Vec2 => {
    let gx = 0, gy = 0;
    const m = rows ? rows.length : n;
    for (let j = 0; j < m; j++) {
      const i = rows ? rows[j] : j;
      const z = S[i] * (w1 * X[2 * i] + w2 * X[2 * i + 1]);
      const sg = 1 / (1 + Math.exp(z)); // σ(−s·w·x)
      gx -= S[i] * sg * X[2 * i];
      gy -= S[i] * sg * X[2 * i + 1];
    }
    return [gx / m, gy / m];
  };
  let a = 0, b = 0, c = 0;
  for (let i = 0; i < n; i++) {
    a += X[2 * i] ** 2;
    b += X[2 * i] * X[2 * i + 1];
    c += X[2 * i + 1] ** 2;
  }
  // The batch's features and signs as float32, as the loss feeds them to tfjs. A race asks for them
  // at every step: the full set's are made once per surface (plain arrays, no tensor kept), a
  // mini-batch's with plain loops instead of the per-row arrays of a flatMap.
  const batchRows = (idx: Int32Array): [Float32Array, Float32Array] => {
    const xs = new Float32Array(2 * idx.length), ss = new Float32Array(idx.length);
    for (let j = 0; j < idx.length; j++) {
      const i = idx[j];
      xs[2 * j] = X[2 * i];
      xs[2 * j + 1] = X[2 * i + 1];
      ss[j] = S[i];
    }
    return [xs, ss];
  };
  let all: [Float32Array, Float32Array] | undefined;
  const wStar = newtonMin((x, y) => grad(x, y), [0, 0]);
  const s = finish({
    name: 'logistic',
    view: [-2, 4, -3, 3],
    minima: wStar ? [{ at: wStar, value: f(...wStar) }] : [],
    L: eig2([a / n, b / n, c / n])[0] / 4,
    f,
    grad,
    data: d,
    tfLoss: (p, rows) => {
      const [xs, ss] = rows ? batchRows(rows) : (all ??= batchRows(Int32Array.from({ length: n }, (_, i) => i)));
      const xb = tf.tensor2d(xs, [ss.length, 2]);
      const sb = tf.tensor1d(ss);
      const z = tf.matMul(p, xb, false, true); // [k, batch]
      return tf.mean(tf.softplus(tf.neg(tf.mul(z, sb))), 1) as tf.Tensor1D;
    },
  });
  logisticCache = { seed, s };
  return s;
}

export interface SurfaceOptions {
  kappa: number;
  seed: number;
}

export function makeSurface(name: SurfaceName, o: SurfaceOptions): Surface {
  switch (name) {
    case 'bowl':
      return bowl(o.kappa);
    case 'rosenbrock':
      return rosenbrock();
    case 'multimodal':
      return multimodal();
    case 'saddle':
      return saddle();
    case 'logistic':
      return logistic(o.seed);
  }
}

// The view's per-surface presets live in presets.ts (no tfjs there: the page imports them).
export { PRESETS } from './presets';
