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
 * Dense O(n²) memory; each iteration skips the pairs too far apart to matter (see DROP).
 */
import type { Matrix } from './api';

export type LabelSpreadKind = 'propagation' | 'spreading';

export interface LabelSpreadOptions {
  kind: LabelSpreadKind;
  gamma: number;
  /** Spreading only: how much a point keeps from its neighbours (0 < α < 1; sklearn default 0.2). */
  alpha?: number;
  maxIter?: number;
  tol?: number;
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

export interface LabelSpreadRun {
  /** Iterations done so far. */
  readonly iter: number;
  /** True once the tolerance test stopped it or maxIter was reached. */
  readonly done: boolean;
  /** The current F (n × K, row-major, not scaled): read-only view, copy it to keep it. */
  readonly F: Float64Array;
  /** One iteration; false (and nothing done) once done. */
  step(): boolean;
}

/**
 * The dense n × n product was the slow part (n²K multiply-adds per iteration, up to 1000
 * iterations), so each row skips its far pairs: entries below 2⁻⁶⁰ of the row's largest (at
 * γ = 40, points more than about 1 apart). `tail` is what a row's skipped entries sum to. An
 * iteration keeps a row's sparse sum only where the skipped part, at most tail · (largest row sum
 * of F), is below 2⁻⁵⁰ of it (F ≥ 0); any other row (one no label has reached yet, one whose label
 * comes only from far away) is summed densely, as before. Each iteration thus stays within 2⁻⁵⁰
 * of the dense one relative to the row, and the labels, the points reached and the stopping
 * iteration are the dense iteration's.
 */
const DROP = 2 ** -60;
const EPS = 2 ** -50;

interface SparseRows {
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
  tail: Float64Array;
}

/** The kept entries of each row of G (compressed rows, columns in increasing order) and each row's tail. */
function sparseRows(G: Float64Array, n: number): SparseRows {
  const start = new Int32Array(n + 1), tail = new Float64Array(n), cut = new Float64Array(n);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < n; j++) if (G[i * n + j] > m) m = G[i * n + j];
    cut[i] = m * DROP;
    for (let j = 0; j < n; j++) if (G[i * n + j] > 0 && G[i * n + j] >= cut[i]) nnz++;
  }
  const col = new Int32Array(nnz), val = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < n; i++) {
    start[i] = p;
    for (let j = 0; j < n; j++) {
      const g = G[i * n + j];
      if (g > 0 && g >= cut[i]) {
        col[p] = j;
        val[p++] = g;
      } else tail[i] += g;
    }
  }
  start[n] = p;
  return { start, col, val, tail };
}

/** next = G · prev (n × K), row by row: sparse where that is provably as good (see DROP), else dense. */
function multiply(G: Float64Array, R: SparseRows, prev: Float64Array, next: Float64Array, n: number, K: number): void {
  const { start, col, val, tail } = R;
  let M = 0;
  for (let j = 0; j < n; j++) {
    let r = 0;
    for (let c = 0; c < K; c++) r += prev[j * K + c];
    if (r > M) M = r;
  }
  const bound = M / EPS;
  if (K === 2) {
    for (let i = 0; i < n; i++) {
      let s0 = 0, s1 = 0;
      for (let p = start[i], e = start[i + 1]; p < e; p++) {
        const g = val[p], j = 2 * col[p];
        s0 += g * prev[j];
        s1 += g * prev[j + 1];
      }
      if (tail[i] * bound > s0 + s1) {
        s0 = s1 = 0;
        const row = i * n;
        for (let j = 0; j < n; j++) {
          const g = G[row + j];
          s0 += g * prev[2 * j];
          s1 += g * prev[2 * j + 1];
        }
      }
      next[2 * i] = s0;
      next[2 * i + 1] = s1;
    }
    return;
  }
  const acc = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    let s = 0;
    for (let p = start[i], e = start[i + 1]; p < e; p++) {
      const g = val[p], j = col[p] * K;
      for (let c = 0; c < K; c++) acc[c] += g * prev[j + c];
    }
    for (let c = 0; c < K; c++) s += acc[c];
    if (tail[i] * bound > s) {
      acc.fill(0);
      const row = i * n;
      for (let j = 0; j < n; j++) {
        const g = G[row + j];
        for (let c = 0; c < K; c++) acc[c] += g * prev[j * K + c];
      }
    }
    next.set(acc, i * K);
  }
}

/**
 * A run advanced one iteration at a time (the panel draws every iteration). `y`: class 0..K-1 per
 * point, -1 for unlabelled.
 */
export function createLabelSpreading(X: Matrix, y: Int32Array, K: number, opts: LabelSpreadOptions): LabelSpreadRun {
  const n = X.n;
  const alpha = opts.alpha ?? 0.2;
  const maxIter = opts.maxIter ?? 1000;
  const tol = opts.tol ?? 1e-3;
  const G = labelGraph(X, opts.kind, opts.gamma);
  const rows = sparseRows(G, n);
  let F = new Float64Array(n * K);
  for (let i = 0; i < n; i++) if (y[i] >= 0 && y[i] < K) F[i * K + y[i]] = 1;
  const Ystatic = F.slice();
  if (opts.kind === 'spreading') for (let i = 0; i < Ystatic.length; i++) Ystatic[i] *= 1 - alpha;
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
    prev = F;
    const next = new Float64Array(n * K);
    multiply(G, rows, prev, next, n, K);
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

/** Argmax of each row (ties and all-zero rows → class 0), and its share of the row's sum (0 for a zero row). */
export function labelsOf(F: Float64Array, K: number): { labels: Int32Array; confidence: Float64Array } {
  const n = F.length / K;
  const labels = new Int32Array(n), confidence = new Float64Array(n);
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
