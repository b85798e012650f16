/**
 * Semi-supervised label propagation and label spreading, as scikit-learn's LabelPropagation and
 * LabelSpreading with the RBF kernel w_ij = exp(−γ‖x_i − x_j‖²) on the full graph:
 *
 * - propagation: T = D⁻¹W (rows of W, its diagonal included, scaled to sum 1). Each iteration
 *   F ← T F, rows of F scaled to sum 1 (a row of zeros stays zero), then the labelled rows are
 *   reset to their one-hot labels (clamped).
 * - spreading: S = D^{-1/2} W D^{-1/2} with zero diagonal (degrees without the self-loop, as
 *   scipy's normed laplacian). Each iteration F ← α S F + (1 − α) Y (labelled rows only are
 *   soft-clamped).
 *
 * Both start from F = Y (one-hot rows for labelled points, zeros for the rest) and stop before an
 * iteration when Σ|F − F_prev| < tol (sklearn: tol 1e-3, max_iter 1000). The result's label is
 * the argmax of the row scaled to sum 1 (ties and all-zero rows → class 0, numpy's argmax).
 * Dense O(n²) memory; each iteration skips the pairs too far apart to matter (labelProduct.ts, DROP).
 */
import type { Matrix } from './api';
import { multiply, simdRows, sparseGraph, type LabelGraph } from './labelProduct';

export type { LabelGraph } from './labelProduct';

export type LabelSpreadKind = 'propagation' | 'spreading';

export interface LabelSpreadOptions {
  kind: LabelSpreadKind;
  gamma: number;
  /** Spreading only: how much a point keeps from its neighbours (0 < α < 1; sklearn default 0.2). */
  alpha?: number;
  maxIter?: number;
  tol?: number;
  /** Two or three classes: sum the kept entries in WebAssembly SIMD where there is one (default true; equal to the bit either way). */
  wasm?: boolean;
}

/** The RBF affinity matrix W (n × n, row-major). */
export function rbfKernel(X: Matrix, gamma: number): Float64Array {
  const { data, n, d } = X;
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    W[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const t = data[i * d + k] - data[j * d + k];
        s += t * t;
      }
      W[i * n + j] = W[j * n + i] = Math.exp(-gamma * s);
    }
  }
  return W;
}

/** The iteration matrix of either method (see the file comment). */
export function labelGraph(X: Matrix, kind: LabelSpreadKind, gamma: number): Float64Array {
  const n = X.n;
  const W = rbfKernel(X, gamma);
  if (kind === 'propagation') {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += W[i * n + j];
      for (let j = 0; j < n; j++) W[i * n + j] /= s;
    }
    return W;
  }
  const deg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (j !== i) deg[i] += W[i * n + j];
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      // A point with no neighbour at all (degree 0, e.g. every kernel value underflowed) spreads nothing.
      W[i * n + j] = i === j || deg[i] === 0 || deg[j] === 0 ? 0 : W[i * n + j] / Math.sqrt(deg[i] * deg[j]);
    }
  }
  return W;
}

/**
 * The iteration matrix and its kept entries (see labelProduct.ts): built once, it serves every run
 * on the same points, method and γ (the labels given and α do not enter it).
 */
export const buildLabelGraph = (X: Matrix, kind: LabelSpreadKind, gamma: number): LabelGraph => sparseGraph(labelGraph(X, kind, gamma), X.n, kind);

export interface LabelSpreadRun {
  /** Iterations done so far. */
  readonly iter: number;
  /** True once the tolerance test stopped it or maxIter was reached. */
  readonly done: boolean;
  /** The current F (n × K, row-major, not scaled): read-only view, overwritten two steps later; copy it to keep it. */
  readonly F: Float64Array;
  /** One iteration; false (and nothing done) once done. */
  step(): boolean;
}


/**
 * A run advanced one iteration at a time (the panel draws every iteration). `y`: class 0..K-1 per
 * point, -1 for unlabelled. `graph`: buildLabelGraph(X, opts.kind, opts.gamma), when the caller
 * keeps it (it must be of these points, this kind and this γ).
 */
export function createLabelSpreading(X: Matrix, y: Int32Array, K: number, opts: LabelSpreadOptions, graph?: LabelGraph): LabelSpreadRun {
  const n = X.n;
  const alpha = opts.alpha ?? 0.2;
  const maxIter = opts.maxIter ?? 1000;
  const tol = opts.tol ?? 1e-3;
  const R = graph ?? buildLabelGraph(X, opts.kind, opts.gamma);
  if (R.n !== n || R.kind !== opts.kind) throw new Error('createLabelSpreading: the graph is not of these points and this kind');
  let F = new Float64Array(n * K);
  for (let i = 0; i < n; i++) if (y[i] >= 0 && y[i] < K) F[i * K + y[i]] = 1;
  const Ystatic = F.slice();
  if (opts.kind === 'spreading') for (let i = 0; i < Ystatic.length; i++) Ystatic[i] *= 1 - alpha;
  // Propagation overwrites the labelled rows (clamped), so their products are never needed.
  const act = opts.kind === 'propagation' ? Int32Array.from({ length: n }, (_, i) => i).filter((i) => y[i] < 0) : Int32Array.from({ length: n }, (_, i) => i);
  const simd = simdRows(R, act, K, opts.wasm !== false);
  // Two buffers in turn: the one two iterations old is no longer read, so it takes the next.
  let prev = new Float64Array(n * K);
  let iter = 0;
  let done = maxIter <= 0;
  const step = (): boolean => {
    if (done) return false;
    let diff = 0;
    for (let i = 0; i < F.length; i++) diff += Math.abs(F[i] - prev[i]);
    if (diff < tol) {
      done = true;
      return false;
    }
    const next = prev;
    prev = F;
    multiply(R, act, prev, next, K, simd);
    if (opts.kind === 'propagation') {
      for (let i = 0; i < n; i++) {
        if (y[i] >= 0) {
          for (let c = 0; c < K; c++) next[i * K + c] = Ystatic[i * K + c];
          continue;
        }
        let s = 0;
        for (let c = 0; c < K; c++) s += next[i * K + c];
        if (s !== 0) for (let c = 0; c < K; c++) next[i * K + c] /= s;
      }
    } else {
      for (let i = 0; i < next.length; i++) next[i] = alpha * next[i] + Ystatic[i];
    }
    F = next;
    iter++;
    if (iter >= maxIter) done = true;
    return true;
  };
  return {
    get iter() {
      return iter;
    },
    get done() {
      return done;
    },
    get F() {
      return F;
    },
    step,
  };
}

/**
 * Argmax of each row (ties and all-zero rows → class 0), and its share of the row's sum (0 for a
 * zero row). `out`: arrays of n to write into (a run's every iteration, without allocating).
 */
export function labelsOf(F: Float64Array, K: number, out?: { labels: Int32Array; confidence: Float64Array }): { labels: Int32Array; confidence: Float64Array } {
  const n = F.length / K;
  const { labels, confidence } = out ?? { labels: new Int32Array(n), confidence: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    let best = 0, s = 0;
    for (let c = 0; c < K; c++) {
      s += F[i * K + c];
      if (F[i * K + c] > F[i * K + best]) best = c;
    }
    labels[i] = best;
    confidence[i] = s > 0 ? F[i * K + best] / s : 0;
  }
  return { labels, confidence };
}

/** Runs to the end: sklearn's transduction_ and label_distributions_. */
export function labelSpreading(X: Matrix, y: Int32Array, K: number, opts: LabelSpreadOptions) {
  const run = createLabelSpreading(X, y, K, opts);
  while (run.step());
  const { labels } = labelsOf(run.F, K);
  const dist = run.F.slice();
  for (let i = 0; i < X.n; i++) {
    let s = 0;
    for (let c = 0; c < K; c++) s += dist[i * K + c];
    if (s !== 0) for (let c = 0; c < K; c++) dist[i * K + c] /= s;
  }
  return { transduction: labels, distributions: dist, nIter: run.iter };
}
