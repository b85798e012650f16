/**
 * The regularization panel's computation. One objective for all three penalties (scikit-learn's
 * ElasticNet, the same as glmnet's with standardize off):
 *
 *   (1/(2n))‖y − Xw − b‖² + λ(a‖w‖₁ + ½(1 − a)‖w‖²),  a = 1 lasso, a = 0 ridge, else elastic net,
 *
 * so λ means the same on every penalty. Ridge (a = 0) is solved in closed form (it equals
 * scikit-learn's Ridge with alpha = n·λ); lasso and elastic net by coordinate descent, warm-started
 * along the path from the largest λ down. The path does not depend on the current λ: computePath
 * once per data/penalty setting, then atLambda for each position of the λ slider.
 * Pure: no React, no DOM.
 */
import { expectedTestMse, makeProblem, type Problem } from './data';
import { sliceGeometry, type Geometry } from './geometry';
import { BLOCK, LAMBDA_MAX, LAMBDA_MIN, PATH_PER_DECADE, type Penalty, type RegParams } from './params';
import { ridge } from './ridge';
import { alphaMax, elasticNet, prepare, trainMse, type Prepared } from './solvers';

/** CD stopping rule used in the panel (largest weight change in a sweep, relative). */
const PANEL_TOL = 1e-9;
const PANEL_MAX_SWEEPS = 5000;

export type PathParams = Omit<RegParams, 'lambda'>;

/** The λ values of the path, ascending: LAMBDA_MIN … LAMBDA_MAX, PATH_PER_DECADE a decade. */
export function lambdaGrid(): number[] {
  const lo = Math.log10(LAMBDA_MIN), hi = Math.log10(LAMBDA_MAX);
  const m = Math.round((hi - lo) * PATH_PER_DECADE);
  return Array.from({ length: m + 1 }, (_, i) => 10 ** (lo + i / PATH_PER_DECADE));
}

/** Share of L1 in the penalty. */
export function l1Share(penalty: Penalty, mix: number): number {
  return penalty === 'l1' ? 1 : penalty === 'l2' ? 0 : mix;
}

export interface Fit {
  w: Float64Array;
  b: number;
  sweeps: number;
  converged: boolean;
}

/** Solves one λ: closed form for ridge, coordinate descent (warm-started from `start`) otherwise. */
export function fitAt(d: Prepared, lambda: number, a: number, start?: ArrayLike<number>): Fit {
  if (a === 0) {
    const r = ridge(d, d.n * lambda);
    return { w: r.w, b: r.b, sweeps: 0, converged: true };
  }
  return elasticNet(d, lambda, a, start, { tol: PANEL_TOL, maxSweeps: PANEL_MAX_SWEEPS });
}

export function countNonZero(w: ArrayLike<number>): number {
  let c = 0;
  for (let j = 0; j < w.length; j++) if (w[j] !== 0) c++;
  return c;
}

export interface PathResult {
  params: PathParams;
  problem: Problem;
  prepared: Prepared;
  /** Share of L1 (1 lasso, 0 ridge). */
  a: number;
  /** Ascending λ grid and, per λ, the weights, intercept and errors. */
  lambdas: number[];
  coefs: Float64Array[];
  intercepts: number[];
  train: number[];
  test: number[];
  nonZero: number[];
  /** paths[j][i]: weight of feature j at lambdas[i]. */
  paths: number[][];
  /** Smallest λ at which every weight is exactly zero (∞ for ridge). */
  lambdaMax: number;
  /** Grid λ with the lowest expected test error. */
  best: { lambda: number; test: number; nonZero: number };
  /** Whether every coordinate-descent solve met its tolerance. */
  converged: boolean;
  totalSweeps: number;
  /** k after clamping to p; size of the correlated block. */
  k: number;
  block: number;
}

export function computePath(pp: PathParams): PathResult {
  const p = pp.p;
  const k = Math.min(pp.k, p);
  const block = Math.min(BLOCK, p);
  const problem = makeProblem({ n: pp.n, p, k, block, rho: pp.rho, sigma: pp.noise, seed: pp.seed });
  const d = prepare(problem.X, problem.y, problem.n, p);
  const a = l1Share(pp.penalty, pp.mix);
  const lambdas = lambdaGrid();
  const m = lambdas.length;
  const coefs: Float64Array[] = new Array(m);
  const intercepts: number[] = new Array(m);
  let converged = true;
  let totalSweeps = 0;
  // From the largest λ down, each solve warm-started from the previous one.
  let prev: Float64Array | undefined;
  for (let i = m - 1; i >= 0; i--) {
    const f = fitAt(d, lambdas[i], a, prev);
    coefs[i] = f.w;
    intercepts[i] = f.b;
    converged &&= f.converged;
    totalSweeps += f.sweeps;
    prev = f.w;
  }
  const train = coefs.map((w) => trainMse(d, w));
  const test = coefs.map((w, i) => expectedTestMse(problem, w, intercepts[i]));
  const nonZero = coefs.map(countNonZero);
  const paths = Array.from({ length: p }, (_, j) => coefs.map((w) => w[j]));
  let bi = 0;
  for (let i = 1; i < m; i++) if (test[i] < test[bi]) bi = i;
  return {
    params: pp, problem, prepared: d, a, lambdas, coefs, intercepts, train, test, nonZero, paths,
    lambdaMax: alphaMax(d, a),
    best: { lambda: lambdas[bi], test: test[bi], nonZero: nonZero[bi] },
    converged, totalSweeps, k, block,
  };
}

export interface AtLambda {
  lambda: number;
  w: Float64Array;
  b: number;
  train: number;
  test: number;
  nonZero: number;
  /** True features kept (non-zero), out of k; irrelevant features kept, out of p − k. */
  trueKept: number;
  falseKept: number;
  /** Weights of the correlated block's features. */
  blockWeights: number[];
  l1Norm: number;
  l2Norm: number;
  converged: boolean;
  geometry: Geometry;
  /** Degenerate or noteworthy settings, in words. */
  messages: string[];
}

/** The solution at the slider's λ, warm-started from the path point just above it. */
export function atLambda(path: PathResult, lambda: number): AtLambda {
  const { prepared: d, problem, a, lambdas, coefs } = path;
  let i = lambdas.length - 1;
  while (i > 0 && lambdas[i - 1] >= lambda) i--;
  const f = fitAt(d, lambda, a, coefs[i]);
  const { w, b } = f;
  const p = d.p;
  let trueKept = 0, falseKept = 0, l1Norm = 0, l2 = 0;
  for (let j = 0; j < p; j++) {
    const nz = w[j] !== 0;
    if (nz && problem.wTrue[j] !== 0) trueKept++;
    if (nz && problem.wTrue[j] === 0) falseKept++;
    l1Norm += Math.abs(w[j]);
    l2 += w[j] * w[j];
  }
  const geometry = sliceGeometry(d, w, a, [problem.wTrue[0], problem.wTrue[1]]);
  return {
    lambda, w, b,
    train: trainMse(d, w),
    test: expectedTestMse(problem, w, b),
    nonZero: countNonZero(w),
    trueKept, falseKept,
    blockWeights: Array.from(w.slice(0, path.block)),
    l1Norm, l2Norm: Math.sqrt(l2),
    converged: f.converged,
    geometry,
    messages: messagesFor(path, lambda, f.converged),
  };
}

function messagesFor(path: PathResult, lambda: number, converged: boolean): string[] {
  const { n, p } = path.prepared;
  const out: string[] = [];
  const wide = p > n - 1;
  if (wide && path.a === 0 && lambda < 1e-2)
    out.push(
      `More features (${p}) than samples can pin down (${n} − 1 after the intercept): without a penalty least squares is ill-posed, ` +
        'with infinitely many exact fits. As λ → 0 ridge tends to the one with the smallest norm, which fits the training data exactly ' +
        'and generalises badly.',
    );
  else if (wide && path.a > 0 && lambda < 1e-2)
    out.push(
      `More features (${p}) than samples (${n}): at small λ the ${path.a === 1 ? 'lasso' : 'elastic net'} can fit the training ` +
        `data almost exactly${path.a === 1 ? `, and the lasso keeps at most about ${n} non-zero weights` : ''}; the solution need not be unique.`,
    );
  else if (wide)
    out.push(`More features (${p}) than samples (${n}): only the penalty makes the fit unique.`);
  if (path.params.k > p) out.push(`Only ${p} features exist, so ${p} of them truly matter (not ${path.params.k}).`);
  if (!path.converged || !converged)
    out.push('Coordinate descent stopped at its sweep limit before meeting its tolerance; the weights shown are close but not exact.');
  return out;
}

/** The current λ's position among the path's λ values as an x coordinate (for markers). */
export function nearestPathIndex(path: PathResult, lambda: number): number {
  let best = 0;
  for (let i = 1; i < path.lambdas.length; i++)
    if (Math.abs(Math.log(path.lambdas[i] / lambda)) < Math.abs(Math.log(path.lambdas[best] / lambda))) best = i;
  return best;
}
