/**
 * Penalised least squares in float64, with scikit-learn's objectives (intercept never penalised):
 *
 *   elastic net  (1/(2n))‖y − Xw − b‖² + α·a‖w‖₁ + ½α(1 − a)‖w‖²    (a = l1_ratio; a = 1 is the lasso)
 *   ridge        ‖y − Xw − b‖² + α‖w‖²                               (NOT divided by n)
 *
 * The intercept is handled by centring X and y, solving without it, then b = ȳ − x̄·w (exactly
 * what scikit-learn does). Elastic net / lasso use cyclic coordinate descent with soft-thresholding
 * on the Gram matrix ("covariance updates", as glmnet), with an active-set loop: a full sweep,
 * then sweeps over the non-zero weights only until they settle, then a full sweep to check.
 * Ridge uses its closed form, in the primal (p × p) or dual (n × n) form, whichever is smaller.
 * Pure: no React, no DOM.
 */

/** Centred design and its second moments, everything divided by n. */
export interface Prepared {
  n: number;
  p: number;
  /** Column means of X, and mean of y. */
  xMean: Float64Array;
  yMean: number;
  /** Centred X, row-major n × p. */
  xc: Float64Array;
  /** Centred y. */
  yc: Float64Array;
  /** G = Xcᵀ Xc / n, row-major p × p. */
  gram: Float64Array;
  /** c = Xcᵀ yc / n. */
  xty: Float64Array;
  /** yc·yc / n. */
  yy: number;
}

/** Centres X (row-major n × p) and y, and forms the Gram matrix. */
export function prepare(X: ArrayLike<number>, y: ArrayLike<number>, n: number, p: number): Prepared {
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    yMean += y[i];
    for (let j = 0; j < p; j++) xMean[j] += X[i * p + j];
  }
  yMean /= n;
  for (let j = 0; j < p; j++) xMean[j] /= n;
  const xc = new Float64Array(n * p);
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    yc[i] = y[i] - yMean;
    for (let j = 0; j < p; j++) xc[i * p + j] = X[i * p + j] - xMean[j];
  }
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    const yi = yc[i];
    yy += yi * yi;
    for (let j = 0; j < p; j++) {
      const xij = xc[row + j];
      xty[j] += xij * yi;
      for (let k = j; k < p; k++) gram[j * p + k] += xij * xc[row + k];
    }
  }
  for (let j = 0; j < p; j++) {
    xty[j] /= n;
    for (let k = j; k < p; k++) {
      const v = gram[j * p + k] / n;
      gram[j * p + k] = v;
      gram[k * p + j] = v;
    }
  }
  return { n, p, xMean, yMean, xc, yc, gram, xty, yy: yy / n };
}

/** Intercept b = ȳ − x̄·w. */
export function intercept(d: Prepared, w: ArrayLike<number>): number {
  let b = d.yMean;
  for (let j = 0; j < d.p; j++) b -= d.xMean[j] * w[j];
  return b;
}

/** Mean squared training error (1/n)‖y − Xw − b‖², from the Gram matrix (b the optimal intercept). */
export function trainMse(d: Prepared, w: ArrayLike<number>): number {
  const { p, gram, xty } = d;
  let quad = 0;
  let lin = 0;
  for (let j = 0; j < p; j++) {
    const wj = w[j];
    if (wj === 0) continue;
    lin += xty[j] * wj;
    let s = 0;
    for (let k = 0; k < p; k++) s += gram[j * p + k] * w[k];
    quad += wj * s;
  }
  return Math.max(0, d.yy - 2 * lin + quad);
}

/**
 * The smallest α at which every elastic-net weight is zero: max_j |x_jᵀ(y − ȳ)| / (n·a).
 * Infinite for a = 0 (ridge never zeroes a weight).
 */
export function alphaMax(d: Prepared, l1Ratio = 1): number {
  let m = 0;
  for (let j = 0; j < d.p; j++) m = Math.max(m, Math.abs(d.xty[j]));
  return l1Ratio > 0 ? m / l1Ratio : m > 0 ? Infinity : 0;
}

export interface CdOptions {
  /** Stop when the largest change of any weight in a full sweep is below tol·max(1, max|w|). */
  tol?: number;
  /** Cap on sweeps (full and active-set sweeps together). */
  maxSweeps?: number;
  /** Anderson acceleration of the active-set sweeps (default on). */
  accelerate?: boolean;
}

export interface CdResult {
  w: Float64Array;
  b: number;
  sweeps: number;
  converged: boolean;
}

/**
 * Elastic net by cyclic coordinate descent: w_j ← S(c_j − Σ_{k≠j} G_jk w_k, α a) / (G_jj + α(1 − a)),
 * S the soft-threshold. `start` warm-starts (e.g. the solution at the next larger α on a path).
 */
export function elasticNet(d: Prepared, alpha: number, l1Ratio: number, start?: ArrayLike<number>, opts: CdOptions = {}): CdResult {
  const { p, gram, xty } = d;
  const tol = opts.tol ?? 1e-10;
  const maxSweeps = opts.maxSweeps ?? 20000;
  const accel = opts.accelerate ?? true;
  const l1 = alpha * l1Ratio;
  const l2 = alpha * (1 - l1Ratio);
  const w = new Float64Array(p);
  if (start) for (let j = 0; j < p; j++) w[j] = start[j];
  // gw = G w, kept up to date after every coordinate move.
  const gw = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (w[j] === 0) continue;
    for (let k = 0; k < p; k++) gw[k] += gram[k * p + j] * w[j];
  }
  const update = (j: number): number => {
    const gjj = gram[j * p + j];
    const old = w[j];
    const denom = gjj + l2;
    let nw = 0;
    if (denom > 0) {
      const z = xty[j] - gw[j] + gjj * old;
      const a = Math.abs(z) - l1;
      nw = a > 0 ? (z > 0 ? a : -a) / denom : 0;
    }
    const delta = nw - old;
    if (delta !== 0) {
      w[j] = nw;
      for (let k = 0; k < p; k++) gw[k] += gram[k * p + j] * delta;
    }
    return Math.abs(delta);
  };
  const scale = () => {
    let m = 1;
    for (let j = 0; j < p; j++) m = Math.max(m, Math.abs(w[j]));
    return m;
  };
  // Objective without constants: ½wᵀGw − cᵀw + penalty (uses gw = Gw).
  const objective = (v: ArrayLike<number>, gv: ArrayLike<number>) => {
    let f = 0;
    for (let j = 0; j < p; j++) {
      const vj = v[j];
      if (vj !== 0) f += vj * (0.5 * gv[j] - xty[j]) + l1 * Math.abs(vj) + 0.5 * l2 * vj * vj;
    }
    return f;
  };
  // Anderson acceleration on the active set (Bertrand & Massias, 2021): after K + 1 sweeps over
  // the active weights, take the affine combination of the last iterates whose successive
  // differences cancel best; while the signs of the weights hold, CD is a linear fixed-point map
  // there, and that combination lands near its fixed point. It turns CD's slow linear convergence
  // on near-collinear features into a few dozen sweeps. Three safeguards keep it from stalling:
  // - at most as many differences as active weights: K > m differences in R^m are linearly
  //   dependent, and the least-squares system's null space is then decided by rounding noise;
  // - Tikhonov regularisation of UᵀU relative to its trace (scale-free), so it always solves;
  // - the step goes from w towards the extrapolation only as far as the first weight that would
  //   change sign (that weight becomes exactly 0): the linear model holds only within one sign
  //   pattern, and on correlated designs the raw extrapolation typically leaps across zero to a
  //   point with a much larger objective (every such step would be rejected);
  // and the result is kept only if it lowers the objective, otherwise the plain CD iterate stays.
  const K_MAX = 5;
  const hist = new Float64Array((K_MAX + 1) * p); // iterate k of the active weights at [k·p, k·p + m)
  let stored = 0;
  const UtU = new Float64Array(K_MAX * K_MAX);
  const ones = new Float64Array(K_MAX).fill(1);
  const target = new Float64Array(p);
  const ext = new Float64Array(p);
  const gext = new Float64Array(p);
  const accelerate = (act: number[]) => {
    const m = act.length;
    const K = Math.min(K_MAX, m);
    if (K < 2) return; // one active weight: its CD update is already exact
    for (let i = 0; i < m; i++) hist[stored * p + i] = w[act[i]];
    if (++stored < K + 1) return;
    stored = 0;
    // U[:, k] = x_{k+1} − x_k, k = 0..K−1; solve (UᵀU + εI) z = 1, c = z / Σz (UtU is K × K here).
    let tr = 0;
    for (let a = 0; a < K; a++)
      for (let b = a; b < K; b++) {
        let s2 = 0;
        for (let i = 0; i < m; i++)
          s2 += (hist[(a + 1) * p + i] - hist[a * p + i]) * (hist[(b + 1) * p + i] - hist[b * p + i]);
        UtU[a * K + b] = s2;
        UtU[b * K + a] = s2;
        if (a === b) tr += s2;
      }
    if (!(tr > 0)) return;
    for (let a = 0; a < K; a++) UtU[a * K + a] += 1e-10 * tr;
    const z = choleskySolve(UtU, ones, K);
    if (!z) return;
    let sz = 0;
    for (let a = 0; a < K; a++) sz += z[a];
    if (!(Math.abs(sz) > 0)) return;
    // The raw extrapolation, and how far towards it the signs of w hold.
    let t = 1;
    let hit = -1;
    for (let i = 0; i < m; i++) {
      const j = act[i];
      let v = 0;
      for (let a = 0; a < K; a++) v += z[a] * hist[(a + 1) * p + i];
      target[j] = v / sz;
      if (w[j] !== 0 && target[j] !== 0 && w[j] > 0 !== target[j] > 0) {
        const tj = w[j] / (w[j] - target[j]);
        if (tj < t) {
          t = tj;
          hit = j;
        }
      }
    }
    ext.set(w);
    gext.set(gw);
    for (let i = 0; i < m; i++) {
      const j = act[i];
      ext[j] = j === hit ? 0 : w[j] + t * (target[j] - w[j]);
      const delta = ext[j] - w[j];
      if (delta !== 0) for (let k = 0; k < p; k++) gext[k] += gram[k * p + j] * delta;
    }
    if (objective(ext, gext) < objective(w, gw)) {
      w.set(ext);
      gw.set(gext);
    }
  };
  let sweeps = 0;
  let converged = false;
  const active: number[] = [];
  while (sweeps < maxSweeps) {
    // Full sweep over every coordinate.
    let maxDelta = 0;
    for (let j = 0; j < p; j++) maxDelta = Math.max(maxDelta, update(j));
    sweeps++;
    if (maxDelta < tol * scale()) {
      converged = true;
      break;
    }
    // Then the non-zero weights only, until they settle.
    active.length = 0;
    for (let j = 0; j < p; j++) if (w[j] !== 0) active.push(j);
    stored = 0;
    while (sweeps < maxSweeps) {
      let m = 0;
      for (const j of active) m = Math.max(m, update(j));
      sweeps++;
      if (m < tol * scale()) break;
      if (accel) accelerate(active);
    }
  }
  return { w, b: intercept(d, w), sweeps, converged };
}

/** The lasso: elastic net with l1_ratio = 1. */
export function lasso(d: Prepared, alpha: number, start?: ArrayLike<number>, opts?: CdOptions): CdResult {
  return elasticNet(d, alpha, 1, start, opts);
}

/** Solves the symmetric positive definite system A x = r (A row-major m × m) by Cholesky; null if A is not PD. */
export function choleskySolve(A: Float64Array, r: ArrayLike<number>, m: number): Float64Array | null {
  const L = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * m + j];
      for (let k = 0; k < j; k++) s -= L[i * m + k] * L[j * m + k];
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * m + i] = Math.sqrt(s);
      } else L[i * m + j] = s / L[j * m + j];
    }
  }
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = r[i];
    for (let k = 0; k < i; k++) s -= L[i * m + k] * z[k];
    z[i] = s / L[i * m + i];
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < m; k++) s -= L[k * m + i] * x[k];
    x[i] = s / L[i * m + i];
  }
  return x;
}

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

/**
 * Largest violation of the elastic-net optimality (KKT) conditions, in units of the gradient.
 * With g_j = x_jᵀ(y − Xw − b)/n − α(1 − a)w_j: for w_j ≠ 0, g_j = α a sign(w_j); for w_j = 0,
 * |g_j| ≤ α a. Also returns the mean residual (0 when the intercept is optimal).
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
