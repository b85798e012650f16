/**
 * Ridge in closed form (scikit-learn's Ridge objective), on the centred design of solvers.ts.
 * Pure: no React, no DOM.
 */
import { choleskySolve } from './cholesky';
import { intercept, type Prepared } from './solvers';

export interface RidgeResult {
  w: Float64Array;
  b: number;
  /** 'primal' solved (XcᵀXc + αI) w = Xcᵀyc; 'dual' solved (XcXcᵀ + αI) u = yc, w = Xcᵀu. */
  form: 'primal' | 'dual';
}

/**
 * Ridge with scikit-learn's Ridge objective ‖y − Xw − b‖² + α‖w‖² (not divided by n): the closed
 * form w = (XcᵀXc + αI)⁻¹ Xcᵀ yc, or when p > n the equal dual form w = Xcᵀ (XcXcᵀ + αI)⁻¹ yc.
 * As α → 0 with p ≥ n the dual form tends to the minimum-norm interpolating solution.
 * The elastic-net objective with l1_ratio = 0 and strength λ is this with α = n·λ.
 */
export function ridge(d: Prepared, alpha: number): RidgeResult {
  const { n, p, gram, xty, xc, yc } = d;
  if (p <= n) {
    const A = new Float64Array(p * p);
    const r = new Float64Array(p);
    for (let j = 0; j < p * p; j++) A[j] = gram[j] * n;
    for (let j = 0; j < p; j++) {
      A[j * p + j] += alpha;
      r[j] = xty[j] * n;
    }
    const w = choleskySolve(A, r, p);
    if (w) return { w, b: intercept(d, w), form: 'primal' };
  }
  // Dual: K = Xc Xcᵀ (n × n). Centring makes K singular, so α > 0 is needed; a vanishing α
  // gets a tiny relative jitter, which gives the minimum-norm solution.
  const K = new Float64Array(n * n);
  let tr = 0;
  for (let i = 0; i < n; i++) {
    for (let k = i; k < n; k++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += xc[i * p + j] * xc[k * p + j];
      K[i * n + k] = s;
      K[k * n + i] = s;
    }
    tr += K[i * n + i];
  }
  let a = Math.max(alpha, 1e-12 * (tr / n || 1));
  let u: Float64Array | null = null;
  for (let tries = 0; tries < 8 && !u; tries++) {
    const A = K.slice();
    for (let i = 0; i < n; i++) A[i * n + i] += a;
    u = choleskySolve(A, yc, n);
    a *= 100;
  }
  const w = new Float64Array(p);
  if (u) for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) w[j] += xc[i * p + j] * u[i];
  return { w, b: intercept(d, w), form: 'dual' };
}
