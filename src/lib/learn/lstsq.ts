/**
 * Linear least squares and ridge regression, scikit-learn's objective:
 *   minimise ‖y − Xw − b‖² + α‖w‖²      (intercept b not penalised; α = 0: ordinary least squares)
 * solved by Householder QR of X stacked on √α·I (never the normal equations, whose condition number
 * is the square of X's: polynomial columns would lose half their digits). With an intercept, X and
 * y are centred first and b = ȳ − x̄·w, as scikit-learn's LinearRegression and Ridge do.
 * A column that is a combination of earlier ones (α = 0 only; e.g. one-hot columns beside an
 * intercept) gets coefficient 0 and `rank` says how many columns were used: the fitted values are
 * still the least-squares ones, only the coefficients differ from numpy's minimum-norm choice.
 * (linear.ts holds the normal-equation fit and BayesianRidge that imputation uses.)
 */
import type { Matrix } from './api';

export interface LstsqOptions {
  /** Ridge penalty α ≥ 0 on the coefficients (not the intercept). Default 0. */
  alpha?: number;
  /** Fit an intercept (default true). */
  intercept?: boolean;
}

export interface LstsqModel {
  coef: Float64Array;
  intercept: number;
  /** Columns of X actually used (d when X has full column rank or α > 0). */
  rank: number;
}

/**
 * Solves min ‖A w − r‖² for A (m × p, row-major) by Householder QR with back substitution;
 * columns whose remaining norm is negligible are skipped (coefficient 0). A and r are overwritten.
 */
function qrSolve(A: Float64Array, r: Float64Array, m: number, p: number): { w: Float64Array; rank: number } {
  const w = new Float64Array(p);
  let scale = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += A[i * p + j] ** 2;
    scale = Math.max(scale, Math.sqrt(s));
  }
  const tiny = 1e-11 * scale;
  let row = 0; // next pivot row: each used column takes one
  const pivotRow = new Int32Array(p).fill(-1);
  const v = new Float64Array(m);
  for (let j = 0; j < p && row < m; j++) {
    let norm = 0;
    for (let i = row; i < m; i++) norm += A[i * p + j] ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > tiny)) continue;
    const alpha = A[row * p + j] > 0 ? -norm : norm;
    // Householder vector v = a − alpha·e₁ over rows row..m−1; H = I − 2vvᵀ/vᵀv maps a to alpha·e₁.
    let vv = 0;
    for (let i = row; i < m; i++) {
      v[i] = A[i * p + j] - (i === row ? alpha : 0);
      vv += v[i] * v[i];
    }
    if (vv > 0) {
      for (let k = j; k < p; k++) {
        let s = 0;
        for (let i = row; i < m; i++) s += v[i] * A[i * p + k];
        const f = (2 * s) / vv;
        for (let i = row; i < m; i++) A[i * p + k] -= f * v[i];
      }
      let s = 0;
      for (let i = row; i < m; i++) s += v[i] * r[i];
      const f = (2 * s) / vv;
      for (let i = row; i < m; i++) r[i] -= f * v[i];
    }
    pivotRow[j] = row++;
  }
  let rank = 0;
  for (let j = p - 1; j >= 0; j--) {
    const i = pivotRow[j];
    if (i < 0) continue;
    rank++;
    let s = r[i];
    for (let k = j + 1; k < p; k++) if (pivotRow[k] >= 0) s -= A[i * p + k] * w[k];
    w[j] = s / A[i * p + j];
  }
  return { w, rank };
}

export function fitLstsq(X: Matrix, y: ArrayLike<number>, opts: LstsqOptions = {}): LstsqModel {
  const { n, d, data } = X;
  const alpha = Math.max(0, opts.alpha ?? 0);
  const withIntercept = opts.intercept ?? true;
  const xMean = new Float64Array(d);
  let yMean = 0;
  if (withIntercept && n > 0) {
    for (let i = 0; i < n; i++) {
      yMean += y[i] / n;
      for (let j = 0; j < d; j++) xMean[j] += data[i * d + j] / n;
    }
  }
  // Rows: the n centred samples, then √α·I (ridge as extra observations), then zero rows up to d.
  const m = Math.max(n + (alpha > 0 ? d : 0), d);
  const A = new Float64Array(m * d);
  const r = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) A[i * d + j] = data[i * d + j] - xMean[j];
    r[i] = y[i] - yMean;
  }
  if (alpha > 0) for (let j = 0; j < d; j++) A[(n + j) * d + j] = Math.sqrt(alpha);
  const { w, rank } = qrSolve(A, r, m, d);
  let b = yMean;
  for (let j = 0; j < d; j++) b -= xMean[j] * w[j];
  return { coef: w, intercept: withIntercept ? b : 0, rank };
}

export function lstsqPredict(m: LstsqModel, X: Matrix): Float64Array {
  const out = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    let s = m.intercept;
    for (let j = 0; j < X.d; j++) s += m.coef[j] * X.data[i * X.d + j];
    out[i] = s;
  }
  return out;
}

/** Mean squared error; null for no rows. */
export function meanSquaredError(y: ArrayLike<number>, pred: ArrayLike<number>): number | null {
  if (y.length === 0) return null;
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - pred[i]) ** 2;
  return s / y.length;
}

/**
 * Coefficient of determination, scikit-learn's r2_score: 1 − SS_res / SS_tot with ȳ of the rows
 * scored (so it can be negative on held-out data). Constant y: 1 if predicted exactly, else 0,
 * as scikit-learn (force_finite); null for no rows.
 */
export function r2Score(y: ArrayLike<number>, pred: ArrayLike<number>): number | null {
  const n = y.length;
  if (n === 0) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] / n;
  let res = 0, tot = 0;
  for (let i = 0; i < n; i++) {
    res += (y[i] - pred[i]) ** 2;
    tot += (y[i] - mean) ** 2;
  }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}
