/**
 * scikit-learn's BayesianRidge, the regressor IterativeImputer uses by default (impute.ts), and
 * the small symmetric solve it needs. Least squares and ridge themselves are in lstsq.ts (QR).
 * Problems here have a handful of features, so the normal equations are solved directly.
 */
import type { Matrix } from './api';

/**
 * Solves the symmetric positive semi-definite system A x = b (A is d × d, row-major) by Gauss-
 * Jordan elimination with partial pivoting. A pivot that is zero to rounding (a constant or
 * duplicated column) leaves its unknown at 0: a least-squares solution without that column.
 */
export function solveSpd(A: Float64Array, b: Float64Array, d: number): Float64Array {
  return solveSpdWith(spdWorkspace(d), A, b, d, new Float64Array(d));
}

/** Scratch arrays for solveSpdWith: one set per fit, so an iterative fit allocates nothing per solve. */
interface SpdWorkspace {
  M: Float64Array;
  v: Float64Array;
  used: Uint8Array;
  pivotRow: Int32Array;
  /** solveSpdMany's right-hand sides while they are eliminated (sized on first use). */
  many: Float64Array;
}

const spdWorkspace = (d: number): SpdWorkspace => ({ M: new Float64Array(d * d), v: new Float64Array(d), used: new Uint8Array(d), pivotRow: new Int32Array(d), many: new Float64Array(0) });

/** solveSpd into `x`, using the workspace's arrays: the same operations in the same order. */
function solveSpdWith(ws: SpdWorkspace, A: Float64Array, b: ArrayLike<number>, d: number, x: Float64Array): Float64Array {
  for (let j = 0; j < d; j++) ws.v[j] = b[j];
  return eliminate(ws, A, ws.v, 1, d, x);
}

/**
 * solveSpdWith for several right-hand sides at once (rows of `B`, k × d) into the rows of `X`:
 * the elimination of A depends on A alone, so it is done once and each right-hand side gets
 * exactly the updates solveSpdWith would give it, in the same order: the same bits per side.
 */
function solveSpdMany(ws: SpdWorkspace, A: Float64Array, B: Float64Array, k: number, d: number, X: Float64Array): Float64Array {
  const V = ws.many.length === k * d ? ws.many : (ws.many = new Float64Array(k * d));
  V.set(B);
  return eliminate(ws, A, V, k, d, X);
}

/** Gaussian elimination of A (copied into the workspace) with partial pivoting, applied to the k
 *  right-hand sides in V (rows, overwritten), and the solutions into the rows of X. */
function eliminate(ws: SpdWorkspace, A: Float64Array, V: Float64Array, k: number, d: number, X: Float64Array): Float64Array {
  const { M, used, pivotRow } = ws;
  M.set(A);
  used.fill(0);
  pivotRow.fill(-1);
  let scale = 0;
  for (let j = 0; j < d; j++) scale = Math.max(scale, Math.abs(M[j * d + j]));
  const tiny = 1e-12 * (scale || 1);
  for (let c = 0; c < d; c++) {
    let best = -1, bestAbs = tiny;
    for (let r = 0; r < d; r++) {
      if (!used[r] && Math.abs(M[r * d + c]) > bestAbs) {
        best = r;
        bestAbs = Math.abs(M[r * d + c]);
      }
    }
    if (best < 0) continue;
    used[best] = 1;
    pivotRow[c] = best;
    const p = M[best * d + c];
    for (let r = 0; r < d; r++) {
      if (r === best) continue;
      const f = M[r * d + c] / p;
      if (f === 0) continue;
      for (let q = c; q < d; q++) M[r * d + q] -= f * M[best * d + q];
      for (let q = 0; q < k; q++) V[q * d + r] -= f * V[q * d + best];
    }
  }
  X.fill(0);
  for (let c = 0; c < d; c++) if (pivotRow[c] >= 0) for (let q = 0; q < k; q++) X[q * d + c] = V[q * d + pivotRow[c]] / M[pivotRow[c] * d + c];
  return X;
}

export interface BayesianRidgeOptions {
  maxIter?: number;
  tol?: number;
  alpha1?: number;
  alpha2?: number;
  lambda1?: number;
  lambda2?: number;
}

export interface BayesianRidgeModel {
  coef: Float64Array;
  intercept: number;
  /** Noise precision α and weight precision λ at the end (scikit-learn's alpha_, lambda_). */
  alpha: number;
  lambda: number;
  nIter: number;
}

/**
 * scikit-learn's BayesianRidge (defaults: max_iter 300, tol 1e-3, Gamma(1e-6, 1e-6) priors on
 * α and λ, α₀ = 1 / (var y + ε), λ₀ = 1): MacKay's evidence updates on centred data
 *   w = (XᵀX + λ/α I)⁻¹ Xᵀy,  γ = Σ αe/(λ + αe) over the eigenvalues e of XᵀX,
 *   λ ← (γ + 2λ₁)/(‖w‖² + 2λ₂),  α ← (n − γ + 2α₁)/(‖y − Xw‖² + 2α₂),
 * stopping once w moves by less than tol (L1), then w once more from the last α, λ. γ is
 * computed as d − (λ/α)·tr((XᵀX + λ/α I)⁻¹): the same sum without an eigendecomposition.
 */
export function bayesianRidge(X: Matrix, y: ArrayLike<number>, opts: BayesianRidgeOptions = {}): BayesianRidgeModel {
  const { n, d, data } = X;
  const xm = new Float64Array(d);
  let ym = 0;
  for (let i = 0; i < n; i++) {
    ym += y[i];
    for (let j = 0; j < d; j++) xm[j] += data[i * d + j];
  }
  if (n > 0) {
    ym /= n;
    for (let j = 0; j < d; j++) xm[j] /= n;
  }
  const XtX = new Float64Array(d * d), Xty = new Float64Array(d);
  let yy = 0;
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = data[i * d + j] - xm[j];
    const yc = y[i] - ym;
    yy += yc * yc;
    for (let a = 0; a < d; a++) {
      Xty[a] += row[a] * yc;
      for (let b = 0; b < d; b++) XtX[a * d + b] += row[a] * row[b];
    }
  }
  return bayesianRidgeMoments({ n, d, xm, ym, XtX, Xty, yy }, opts);
}

/**
 * What bayesianRidge needs from the data: the row count, the column means, the mean of y, and the
 * centred XᵀX (d × d, row-major), Xᵀy and yᵀy, each summed over the rows in order as
 * bayesianRidge sums them. A caller that forms them itself in that order (without copying a
 * design) gets the same model to the bit.
 */
export interface RidgeMoments {
  n: number;
  d: number;
  xm: Float64Array;
  ym: number;
  XtX: Float64Array;
  Xty: Float64Array;
  yy: number;
}

const scratch = new Map<number, { A: Float64Array; ws: SpdWorkspace; B: Float64Array; sol: Float64Array; w0: Float64Array; w1: Float64Array }>();

/** bayesianRidgeMoments' buffers for d features (B holds the unit vectors in rows 1..d; row 0 is set per fit). */
function ridgeScratch(d: number) {
  let s = scratch.get(d);
  if (!s) {
    const B = new Float64Array((d + 1) * d);
    for (let j = 0; j < d; j++) B[(j + 1) * d + j] = 1;
    s = { A: new Float64Array(d * d), ws: spdWorkspace(d), B, sol: new Float64Array((d + 1) * d), w0: new Float64Array(d), w1: new Float64Array(d) };
    scratch.set(d, s);
  }
  return s;
}

/** bayesianRidge from the centred moments (see RidgeMoments): the evidence iterations and the final solve. */
export function bayesianRidgeMoments(mo: RidgeMoments, opts: BayesianRidgeOptions = {}): BayesianRidgeModel {
  const { maxIter = 300, tol = 1e-3, alpha1 = 1e-6, alpha2 = 1e-6, lambda1 = 1e-6, lambda2 = 1e-6 } = opts;
  const { n, d, xm, ym, XtX, Xty, yy } = mo;
  const varY = n > 0 ? yy / n : 0; // numpy's var: ddof 0
  let alpha = 1 / (varY + Number.EPSILON);
  let lambda = 1;
  // One system, workspace and set of right-hand sides per width, kept between fits: the imputer
  // fits this model thousands of times per study, and allocations were most of its garbage. The
  // sides are Xᵀy (for w) and the unit vectors (the diagonal of the inverse, for γ), solved together.
  const { A, ws, B, sol, w0, w1 } = ridgeScratch(d);
  B.set(Xty);
  const system = (ratio: number) => {
    A.set(XtX);
    for (let j = 0; j < d; j++) A[j * d + j] += ratio;
    return A;
  };
  // ‖yc − Xc w‖² = yᵀy − 2wᵀXᵀy + wᵀXᵀXw on centred data: O(d²) per iteration instead of O(nd).
  const rss = (w: Float64Array) => {
    let s = yy;
    for (let a = 0; a < d; a++) {
      s -= 2 * w[a] * Xty[a];
      for (let b = 0; b < d; b++) s += w[a] * XtX[a * d + b] * w[b];
    }
    return Math.max(0, s);
  };
  let coefOld: Float64Array | null = null;
  let iter = 0;
  for (; iter < maxIter; iter++) {
    const ratio = lambda / alpha;
    system(ratio);
    solveSpdMany(ws, A, B, d + 1, d, sol);
    const w = iter % 2 ? w1 : w0; // coefOld is the other one
    w.set(sol.subarray(0, d));
    const r = rss(w);
    let trInv = 0;
    for (let j = 0; j < d; j++) trInv += sol[(j + 1) * d + j];
    const gamma = d - ratio * trInv;
    let w2 = 0;
    for (let j = 0; j < d; j++) w2 += w[j] * w[j];
    lambda = (gamma + 2 * lambda1) / (w2 + 2 * lambda2);
    alpha = (n - gamma + 2 * alpha1) / (r + 2 * alpha2);
    if (coefOld) {
      let moved = 0;
      for (let j = 0; j < d; j++) moved += Math.abs(coefOld[j] - w[j]);
      if (moved < tol) break;
    }
    coefOld = w;
  }
  const coef = solveSpdWith(ws, system(lambda / alpha), Xty, d, new Float64Array(d));
  let intercept = ym;
  for (let j = 0; j < d; j++) intercept -= xm[j] * coef[j];
  return { coef, intercept, alpha, lambda, nIter: Math.min(iter + 1, maxIter) };
}

/** Predictions of a fitted linear model (any { coef, intercept }) for every row of X. */
export function predictRows(m: { coef: ArrayLike<number>; intercept: number }, X: Matrix): Float64Array {
  const out = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    let s = m.intercept;
    for (let j = 0; j < X.d; j++) s += m.coef[j] * X.data[i * X.d + j];
    out[i] = s;
  }
  return out;
}
