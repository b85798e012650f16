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
function solveSpd(A: Float64Array, b: Float64Array, p: number): Float64Array | null {
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
function separates(X: Matrix, y: Int32Array, s: Float64Array | undefined, beta: Float64Array): boolean {
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
  const g = new Float64Array(p), H = new Float64Array(p * p), row = new Float64Array(p);
  row[d] = 1; // the intercept's column
  while (iterations < maxIter) {
    g.fill(0);
    H.fill(0);
    for (let i = 0; i < n; i++) {
      const si = s ? s[i] : 1;
      for (let j = 0; j < d; j++) row[j] = data[i * d + j];
      const zi = z[i], ei = e[i];
      const pi = zi >= 0 ? 1 / (1 + ei) : ei / (1 + ei), r = si * (pi - y[i]), h = si * pi * (1 - pi);
      for (let a = 0; a < p; a++) {
        const xa = row[a];
        g[a] += r * xa;
        // Only H's lower triangle: solveSpd reads no other entry.
        for (let b = 0; b <= a; b++) H[a * p + b] += h * xa * row[b];
      }
    }
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
      step = solveSpd(H, g, p);
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
      beta = beta.map((v, a) => v - dir[a]);
      converged = true;
      break;
    }
    let slope = 0;
    for (let a = 0; a < p; a++) slope += g[a] * dir[a];
    let t = 1, next = beta, fNext = f;
    for (let k = 0; k < 60; k++, t /= 2) {
      next = beta.map((v, a) => v - t * dir[a]);
      fNext = objective(next, zNext, eNext);
      // Armijo; or, once the predicted decrease is below the objective's rounding, the full
      // Newton step (halving there would stall short of the optimum forever).
      if (fNext <= f - 1e-4 * t * slope || (t === 1 && slope <= 1e-12 * Math.abs(f))) break;
    }
    if (!(fNext <= f + 1e-12 * Math.abs(f)) || next.some((v) => !Number.isFinite(v))) break; // no progress possible
    beta = next;
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
