/**
 * Binary logistic regression with scikit-learn's objective: minimise
 *   ½‖w‖² + C · Σ sᵢ · loglossᵢ      (intercept not penalised; C = Infinity: no penalty)
 * by Newton's method (IRLS). d is small in every panel, so each step solves a (d+1)×(d+1) system;
 * a backtracking line search keeps every step downhill. On separable data without a penalty the
 * optimum is at infinity: the iterations are capped and the model says converged = false.
 */
import type { LogisticModel, LogisticOptions, Matrix } from './api';

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Solves A x = b for a symmetric positive definite A (p × p, row-major) by Cholesky; null if A is
 * not numerically positive definite. */
export function choleskySolveOrNull(A: Float64Array, b: Float64Array, p: number): Float64Array | null {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j];
      for (let k = 0; k < j; k++) s -= L[i * p + k] * L[j * p + k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * p + i] = Math.sqrt(s);
      } else L[i * p + j] = s / L[j * p + j];
    }
  }
  const x = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * x[k];
    x[i] = s / L[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * x[k];
    x[i] = s / L[i * p + i];
  }
  return x;
}

/**
 * Whether β puts every (weighted) row on its own side of the boundary or on it (to rounding), at
 * least one strictly: then the loss keeps falling along β for ever, complete or quasi-complete
 * separation (Albert & Anderson, 1984), and without a penalty there is no optimum. Each margin is
 * a cosine, z / (‖β‖·‖(x, 1)‖), so the test does not depend on how far β has run off.
 */
export function separates(X: Matrix, y: Int32Array, s: Float64Array | undefined, beta: Float64Array): boolean {
  const { n, d, data } = X;
  let norm = 0;
  for (const v of beta) norm += v * v;
  norm = Math.sqrt(norm);
  if (!(norm > 0)) return false;
  let strict = false;
  for (let i = 0; i < n; i++) {
    if (s && !(s[i] > 0)) continue;
    let z = beta[d], xx = 1;
    for (let j = 0; j < d; j++) {
      const x = data[i * d + j];
      z += beta[j] * x;
      xx += x * x;
    }
    const margin = (y[i] === 1 ? z : -z) / (norm * Math.sqrt(xx));
    if (!(margin >= -1e-9)) return false;
    if (margin > 1e-6) strict = true;
  }
  return strict;
}

/**
 * X by columns (contiguous for the sums below), each with its nonzero rows: a one-hot column is
 * mostly zeros, and a row with x_a = 0 adds (hᵢ·0)·x_b or rᵢ·0, an exact ±0, to a gradient or
 * Hessian sum, which leaves the sum as it was (x + ±0 = x, and +0 + −0 = +0 for a sum that began
 * at +0), so skipping those rows changes no bit. That needs every x and weight finite (0·∞ is
 * NaN); otherwise every row is kept. A column mostly nonzero keeps every row too: its list would
 * cost more than the zeros it skips.
 */
function columnsOf(X: Matrix, s: Float64Array | undefined): { cols: Float64Array[]; rows: (Int32Array | null)[] } {
  const { n, d, data } = X;
  let safe = true;
  for (let i = 0; i < n * d && safe; i++) safe = Number.isFinite(data[i]);
  if (s) for (let i = 0; i < n && safe; i++) safe = Number.isFinite(s[i]);
  const cols: Float64Array[] = [], rows: (Int32Array | null)[] = [];
  for (let j = 0; j < d; j++) {
    const col = new Float64Array(n);
    let nz = 0;
    for (let i = 0; i < n; i++) if ((col[i] = data[i * d + j]) !== 0) nz++;
    cols.push(col);
    if (!safe || nz > n / 2) rows.push(null);
    else {
      const list = new Int32Array(nz);
      for (let i = 0, m = 0; i < n; i++) if (col[i] !== 0) list[m++] = i;
      rows.push(list);
    }
  }
  return { cols, rows };
}

/**
 * The gradient Σ rᵢ xᵢ and the Hessian's lower triangle Σ hᵢ xᵢ xᵢᵀ (intercept last; choleskySolveOrNull
 * reads no other entry). Each entry is summed over the rows in order with the terms of a
 * row-by-row pass, (hᵢ·x_ia)·x_ib for a ≥ b, so the numbers are the same to the bit; but entry by
 * entry, four of a row at a time in registers, over column a's nonzero rows (issue 8: the Hessian
 * was most of a fit, and ml-workflow's one-hot columns are mostly zeros).
 */
function accumulate(g: Float64Array, H: Float64Array, cols: Float64Array[], rows: (Int32Array | null)[], hv: Float64Array, rv: Float64Array): void {
  const n = hv.length, d = cols.length, p = d + 1;
  let gd = 0, hdd = 0;
  for (let i = 0; i < n; i++) {
    gd += rv[i];
    hdd += hv[i];
  }
  g[d] = gd;
  H[d * p + d] = hdd;
  for (let a = 0; a < d; a++) {
    const xa = cols[a], ra = rows[a], m1 = ra ? ra.length : n;
    let ga = 0, hda = 0;
    for (let m = 0; m < m1; m++) {
      const i = ra ? ra[m] : m;
      ga += rv[i] * xa[i];
      hda += hv[i] * xa[i];
    }
    g[a] = ga;
    H[d * p + a] = hda;
    const ap = a * p;
    for (let b = 0; b <= a; b += 4) {
      // Columns past a repeat column a: their sums are made and not stored.
      const x0 = cols[b], x1 = cols[Math.min(b + 1, a)], x2 = cols[Math.min(b + 2, a)], x3 = cols[Math.min(b + 3, a)];
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let m = 0; m < m1; m++) {
        const i = ra ? ra[m] : m, hx = hv[i] * xa[i];
        s0 += hx * x0[i];
        s1 += hx * x1[i];
        s2 += hx * x2[i];
        s3 += hx * x3[i];
      }
      H[ap + b] = s0;
      if (b + 1 <= a) H[ap + b + 1] = s1;
      if (b + 2 <= a) H[ap + b + 2] = s2;
      if (b + 3 <= a) H[ap + b + 3] = s3;
    }
  }
}

export function fitLogistic(X: Matrix, y: Int32Array, opts: LogisticOptions): LogisticModel {
  const { n, d, data } = X;
  const p = d + 1; // the last coordinate is the intercept
  // Dividing the objective by C gives ½λ‖w‖² + Σ sᵢ loglossᵢ with λ = 1/C: the same minimiser.
  const lambda = opts.C === Infinity ? 0 : 1 / opts.C;
  const s = opts.sampleWeight;
  const maxIter = opts.maxIter ?? 100;
  const tol = opts.tol ?? 1e-10;
  let beta = new Float64Array(p);

  // z = Xβ + intercept and e = exp(−|z|) per row, at the β the objective last saw: softplus and
  // the sigmoid both come from e, and an accepted step's objective has already computed them for
  // the next gradient, which reuses them (the same numbers, a third of the work; issue 8).
  let z = new Float64Array(n), e = new Float64Array(n), zNext = new Float64Array(n), eNext = new Float64Array(n);
  const objective = (b: Float64Array, zs: Float64Array, es: Float64Array): number => {
    let f = 0;
    for (let j = 0; j < d; j++) f += 0.5 * lambda * b[j] * b[j];
    for (let i = 0; i < n; i++) {
      let zi = b[d];
      for (let j = 0; j < d; j++) zi += b[j] * data[i * d + j];
      const ei = Math.exp(-Math.abs(zi));
      zs[i] = zi;
      es[i] = ei;
      // softplus(z) = log(1 + e^z) without overflow: z + log1p(e^−z) above 0, log1p(e^z) below.
      f += (s ? s[i] : 1) * ((zi > 0 ? zi + Math.log1p(ei) : Math.log1p(ei)) - y[i] * zi);
    }
    return f;
  };

  let f = objective(beta, z, e), converged = false, iterations = 0;
  const g = new Float64Array(p), H = new Float64Array(p * p);
  const { cols, rows } = columnsOf(X, s);
  const hv = new Float64Array(n), rv = new Float64Array(n);
  let next = new Float64Array(p);
  while (iterations < maxIter) {
    for (let i = 0; i < n; i++) {
      const si = s ? s[i] : 1;
      const zi = z[i], ei = e[i];
      const pi = zi >= 0 ? 1 / (1 + ei) : ei / (1 + ei);
      rv[i] = si * (pi - y[i]);
      hv[i] = si * pi * (1 - pi);
    }
    accumulate(g, H, cols, rows, hv, rv);
    for (let j = 0; j < d; j++) {
      g[j] += lambda * beta[j];
      H[j * p + j] += lambda;
    }
    iterations++;
    // A flat direction (separable data, a constant column) makes H singular: add a little ridge.
    let step: Float64Array | null = null;
    let maxDiag = 0;
    for (let a = 0; a < p; a++) maxDiag = Math.max(maxDiag, H[a * p + a]);
    for (let jitter = 0; !step && jitter < 12; jitter++) {
      if (jitter > 0) for (let a = 0; a < p; a++) H[a * p + a] += maxDiag * 10 ** (jitter - 14) + 1e-300;
      step = choleskySolveOrNull(H, g, p);
    }
    if (!step) break;
    const dir: Float64Array = step;
    // Newton converges quadratically: once its full step is negligible we are at the optimum.
    let smax = 0, bmax0 = 0;
    for (let a = 0; a < p; a++) {
      smax = Math.max(smax, Math.abs(dir[a]));
      bmax0 = Math.max(bmax0, Math.abs(beta[a]));
    }
    if (smax <= tol * (1 + bmax0)) {
      for (let a = 0; a < p; a++) beta[a] -= dir[a];
      converged = true;
      break;
    }
    let slope = 0;
    for (let a = 0; a < p; a++) slope += g[a] * dir[a];
    let t = 1, fNext = f;
    for (let k = 0; k < 60; k++, t /= 2) {
      for (let a = 0; a < p; a++) next[a] = beta[a] - t * dir[a];
      fNext = objective(next, zNext, eNext);
      // Armijo; or, once the predicted decrease is below the objective's rounding, the full
      // Newton step (halving there would stall short of the optimum forever).
      if (fNext <= f - 1e-4 * t * slope || (t === 1 && slope <= 1e-12 * Math.abs(f))) break;
    }
    if (!(fNext <= f + 1e-12 * Math.abs(f)) || next.some((v) => !Number.isFinite(v))) break; // no progress possible
    [beta, next] = [next, beta];
    f = fNext;
    [z, zNext] = [zNext, z];
    [e, eNext] = [eNext, e];
  }
  // Without a penalty, a β that puts every (weighted) row on its own side or on the boundary, one
  // strictly, proves the data (quasi-)separable: there is no optimum to have converged to. Newton
  // then stops when the far rows' probabilities round to 0 or 1, which looks like convergence.
  if (lambda === 0 && separates(X, y, s, beta)) converged = false;
  return { coef: beta.slice(0, d), intercept: beta[d], iterations, converged };
}

/** P(y = 1 | x) for each row of X. */
export function logisticProba(m: LogisticModel, X: Matrix): Float64Array {
  const out = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    let z = m.intercept;
    for (let j = 0; j < X.d; j++) z += m.coef[j] * X.data[i * X.d + j];
    out[i] = sigmoid(z);
  }
  return out;
}

/** scikit-learn's class_weight='balanced': row weight n / (K · n_class of the row's class). */
export function balancedWeights(y: Int32Array, K = 2): Float64Array {
  const count = new Float64Array(K);
  for (const v of y) count[v]++;
  return Float64Array.from(y, (v) => y.length / (K * count[v]));
}
