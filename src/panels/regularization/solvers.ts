/**
 * Penalised least squares in float64, with scikit-learn's objectives (intercept never penalised):
 *
 *   elastic net  (1/(2n))‖y − Xw − b‖² + α·a‖w‖₁ + ½α(1 − a)‖w‖²    (a = l1_ratio; a = 1 is the lasso)
 *   ridge        ‖y − Xw − b‖² + α‖w‖²                               (NOT divided by n)
 *
 * The intercept is handled by centring X and y, solving without it, then b = ȳ − x̄·w (exactly
 * what scikit-learn does). Elastic net / lasso use cyclic coordinate descent with soft-thresholding
 * on the Gram matrix ("covariance updates", as glmnet), with an active-set loop: a full sweep,
 * then sweeps over the non-zero weights only until they settle, then a full sweep to check. The
 * active-set sweeps are sped up by Newton steps (one linear solve for the weights' sign pattern)
 * and Anderson extrapolation; the stopping rule is CD's own, so neither changes what is returned.
 * Ridge (ridge.ts) uses its closed form, in the primal (p × p) or dual (n × n) form, whichever is
 * smaller; kkt.ts checks the elastic net's optimality conditions from the raw data.
 * Pure: no React, no DOM.
 */
import { choleskySolve } from './cholesky';

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
  /** Anderson acceleration and Newton steps on the active-set sweeps (default on; off is plain CD). */
  accelerate?: boolean;
  /** The Newton step alone (default on when `accelerate` is): off leaves Anderson only. */
  newton?: boolean;
}

/** Active-set sweeps between two Newton steps (see elasticNet). */
const NEWTON_EVERY = 10;

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
  const newton = accel && (opts.newton ?? true);
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
    for (let i = 0; i < m; i++) {
      let v = 0;
      for (let a = 0; a < K; a++) v += z[a] * hist[(a + 1) * p + i];
      target[act[i]] = v / sz;
    }
    moveTowards(act);
  };
  // Newton step on the active set: while the signs s of the active weights hold, the objective
  // there is the quadratic ½wᵀGw − cᵀw + α a sᵀw + ½α(1 − a)‖w‖², whose minimiser solves
  // (G_AA + α(1 − a)I) w_A = c_A − α a s_A exactly. When CD has found the right active set and
  // signs (on a warm-started path, nearly always after a sweep or two) this lands on the solution
  // in one Cholesky solve, where near p ≈ n CD and Anderson crawl for thousands of sweeps (the
  // active Gram is then nearly singular). A wrong guess costs one solve: the same sign-limited,
  // objective-checked move as Anderson's keeps only an improvement. A singular G_AA (more active
  // weights than the data's rank) gets no step.
  const Aaa = new Float64Array(p * p);
  const rA = new Float64Array(p);
  const nz: number[] = [];
  const newtonStep = (active: number[]) => {
    // The weights of the active set that CD has since set to 0 have no sign: left out (kept 0).
    nz.length = 0;
    for (const j of active) if (w[j] !== 0) nz.push(j);
    const act = nz;
    const m = act.length;
    for (let a = 0; a < m; a++) {
      const ja = act[a];
      for (let b = 0; b < m; b++) Aaa[a * m + b] = gram[ja * p + act[b]];
      Aaa[a * m + a] += l2;
      rA[a] = xty[ja] - (w[ja] > 0 ? l1 : -l1);
    }
    let sol = choleskySolve(Aaa.subarray(0, m * m), rA, m);
    if (!sol) {
      // G_AA singular: more active weights than the data's rank (CD drifts there near p ≈ n).
      // A tiny ridge makes it solvable; the answer is then huge along G_AA's null space, where
      // the quadratic is flat, so the sign-limited move below goes that way until one weight
      // reaches 0: the step that brings the active set back to a size the data can determine.
      let tr = 0;
      for (let a = 0; a < m; a++) tr += Aaa[a * m + a];
      for (let a = 0; a < m; a++) Aaa[a * m + a] += 1e-10 * (tr / m);
      sol = choleskySolve(Aaa.subarray(0, m * m), rA, m);
      if (!sol) return;
    }
    for (let a = 0; a < m; a++) target[act[a]] = sol[a];
    moveTowards(act);
  };
  /**
   * Moves w towards `target` (on the active weights `act`) as far as the signs of w hold: the
   * first weight that would change sign becomes exactly 0 there. Kept only if the objective falls.
   */
  const moveTowards = (act: number[]) => {
    const m = act.length;
    let t = 1;
    let hit = -1;
    for (let i = 0; i < m; i++) {
      const j = act[i];
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
    let inner = 0;
    while (sweeps < maxSweeps) {
      let m = 0;
      for (const j of active) m = Math.max(m, update(j));
      sweeps++;
      if (m < tol * scale()) break;
      // Newton after the first active sweep (its signs are then CD's settled guess), and again
      // every NEWTON_EVERY sweeps in case the signs changed since; Anderson in between.
      if (newton && inner++ % NEWTON_EVERY === 0) {
        newtonStep(active);
        stored = 0;
      } else if (accel) accelerate(active);
    }
  }
  return { w, b: intercept(d, w), sweeps, converged };
}

/** The lasso: elastic net with l1_ratio = 1. */
export function lasso(d: Prepared, alpha: number, start?: ArrayLike<number>, opts?: CdOptions): CdResult {
  return elasticNet(d, alpha, 1, start, opts);
}
