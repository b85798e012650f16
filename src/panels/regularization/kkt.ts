/**
 * Largest violation of the elastic-net optimality (KKT) conditions, in units of the gradient.
 * With g_j = x_jᵀ(y − Xw − b)/n − α(1 − a)w_j: for w_j ≠ 0, g_j = α a sign(w_j); for w_j = 0,
 * |g_j| ≤ α a. Also returns the mean residual (0 when the intercept is optimal). Computed from the
 * raw X and y (not the Gram matrix the solvers use), so it checks them independently.
 * Pure: no React, no DOM.
 */
export function kktViolation(
  X: ArrayLike<number>, y: ArrayLike<number>, n: number, p: number, w: ArrayLike<number>, b: number, alpha: number, l1Ratio: number,
): { maxViolation: number; meanResidual: number } {
  const r = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    let s = y[i] - b;
    for (let j = 0; j < p; j++) s -= X[i * p + j] * w[j];
    r[i] = s;
    mean += s / n;
  }
  const l1 = alpha * l1Ratio;
  let worst = 0;
  for (let j = 0; j < p; j++) {
    let g = 0;
    for (let i = 0; i < n; i++) g += X[i * p + j] * r[i];
    g = g / n - alpha * (1 - l1Ratio) * w[j];
    const v = w[j] !== 0 ? Math.abs(g - l1 * Math.sign(w[j])) : Math.max(0, Math.abs(g) - l1);
    worst = Math.max(worst, v);
  }
  return { maxViolation: worst, meanResidual: mean };
}
