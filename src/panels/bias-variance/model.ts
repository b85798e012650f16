/**
 * Bias-variance model: a pure function of the panel's params. It draws `sets` training sets of
 * `n` points from the same distribution (x ~ Uniform[-1, 1], y = f(x) + N(0, σ²)), fits a
 * polynomial of every degree 0..MAX_DEGREE to each set, and measures, on a fixed grid of test x,
 * how the average fit misses f (bias²), how much the fits scatter around their average
 * (variance), and the error on fresh noisy test targets.
 *
 * Solver (see solveSets): float64 by default, one Householder QR per set serving all degrees;
 * the batched float32 tfjs solve (batched.tf.ts) is the alternative engine. Measured in Node (CPU
 * backend) the float64 loop is ~8x faster, and it stays correct near interpolation, where the
 * random-x design matrix is so ill conditioned that float32 keeps no correct digit.
 *
 * Heavy tails: with fresh uniform x per set, a set that happens to leave a gap near ±1 makes a
 * high-degree fit explode there, so the mean over sets of the variance grows by orders of
 * magnitude with degree (n = 20: ~0.03 at degree 3, ~300 at degree 8, ~1e6 at 12, ~1e20 near
 * degree n−1) and, worse, does not settle as sets are added (degree 12, n = 20: 2e6 with 100
 * sets, 8e6 with 300, 1.4e7 with another seed): the expectation is effectively infinite.
 * The 'stratified' design (fresh x, one per n-th of [-1, 1]) or 'fixed' design avoid that:
 * degree 12, n = 20 gives variance ≈ 1.2 (stratified) for every seed and number of sets.
 *
 * Randomness: named sub-streams, so a control only redraws what it is about. 'data' gives the
 * first (displayed) training set, 'resample' the other sets in order (raising `sets` keeps the
 * earlier ones), 'test' the test noise. Degree, ridge and the true function draw nothing, and
 * x and the standard-normal noise do not depend on σ or f, so those controls reshape the same
 * draws. Pure: no React, no DOM; no tensor outlives a call.
 */
import { createCache } from '../../lib/panel/cache';
import { stream, type Rng } from '../../lib/random/rng';
import { noisy1D, trueFunction } from '../../lib/random/datasets';
import { MAX_DEGREE, type BiasVarianceParams } from './params';
import { designMatrix, fitAllDegrees } from './solve';

export { fitPolynomial, fitAllDegrees, evalPolynomial, designMatrix, lstsq, type Basis, type PolyFit } from './solve';

/** Points of the plotting grid on [-1, 1], ends included. */
export const GRID_POINTS = 101;
/**
 * Test x: midpoints of TEST_POINTS equal cells of [-1, 1]. Their plain mean is the midpoint rule
 * for the expectation over x ~ Uniform[-1, 1], the same distribution the training x come from.
 */
export const TEST_POINTS = 100;
/** At most this many resampled fits come back for drawing. */
export const MAX_CURVES = 50;

export type FitStatus = 'ok' | 'interpolating' | 'underdetermined' | 'ridge-underdetermined';

export interface DegreeStats {
  degree: number;
  /** Mean over test x of (average fit − f)². */
  bias2: number;
  /** Mean over test x of the variance across sets of the fit (divided by the number of sets). */
  variance: number;
  /** σ², the irreducible part. */
  noise: number;
  /** bias2 + variance + noise: the expected test error the decomposition predicts. */
  expected: number;
  /** Monte Carlo test error: mean over sets and test x of (fit − y_test)², fresh noisy y_test. */
  testMse: number;
  /** Training error, mean over sets of each set's mean squared residual. */
  trainMse: number;
  /** Own data only (own.ts), where bias2, noise and expected are NaN: bias² + noise together,
   *  mean over held-out points of (average fit − y)². */
  biasNoise?: number;
}

export interface BiasVarianceResult {
  degree: number;
  n: number;
  sets: number;
  lambda: number; // 0 when ridge is off
  /** The solver that computed this result. */
  engine: Engine;
  /** Plotting grid and the true function on it. */
  grid: number[];
  truth: number[];
  /** The first training set and its fit on the grid (= fits[0]). */
  train: { x: number[]; y: number[] };
  trainFit: number[];
  /** Fits of the first min(sets, MAX_CURVES) sets on the grid, and the average of all sets' fits. */
  fits: number[][];
  meanFit: number[];
  /** The statistics at the current degree (= byDegree[degree]). */
  current: DegreeStats;
  /** The statistics at every degree 0..MAX_DEGREE, same training sets and test noise. */
  byDegree: DegreeStats[];
  status: FitStatus;
  /** Plain words on what kind of fit is shown; empty when there is nothing to say. */
  message: string;
  /** Own data (own.ts): no truth; held-out test points, and plot ranges in the file's units. */
  own?: { test: { x: number[]; y: number[] }; xDomain: [number, number]; yDomain: [number, number] };
}

export interface TrainingSets {
  x: Float64Array[];
  y: Float64Array[];
}

/**
 * How the x of each training set are drawn (the panel's `design` control).
 * 'uniform' (the textbook setting, and this function's default): fresh x ~ Uniform[-1, 1] in
 * every set.
 * 'stratified' (the panel's default, see params.ts): fresh x, one uniform point in each of n
 * equal cells, so no set leaves a big gap.
 * 'fixed': every set reuses the x of the first set; only the noise is drawn again (the textbook
 * fixed-design decomposition). Both alternatives keep the variance of high-degree fits finite;
 * with 'uniform' it is extremely heavy tailed (see the header).
 */
export type XDesign = 'uniform' | 'stratified' | 'fixed';

/** The training sets of a params state: set 0 from 'data', the rest from 'resample'. */
export function drawTrainingSets(
  p: Pick<BiasVarianceParams, 'fn' | 'noise' | 'n' | 'sets' | 'seed'>,
  design: XDesign = 'uniform',
): TrainingSets {
  const f = trueFunction(p.fn);
  const x: Float64Array[] = [];
  const y: Float64Array[] = [];
  const draw = (rng: Rng, fixedX?: Float64Array) => {
    if (design === 'uniform') return noisy1D(rng, f, p.n, p.noise);
    const xs = new Float64Array(p.n);
    const ys = new Float64Array(p.n);
    for (let i = 0; i < p.n; i++) {
      xs[i] = fixedX ? fixedX[i] : -1 + (2 * (i + rng.next())) / p.n;
      ys[i] = f(xs[i]) + p.noise * rng.normal();
    }
    return { x: xs, y: ys };
  };
  const first = draw(stream(p.seed, 'data'));
  x.push(first.x);
  y.push(first.y);
  const rs = stream(p.seed, 'resample');
  for (let r = 1; r < p.sets; r++) {
    const d = draw(rs, design === 'fixed' ? first.x : undefined);
    x.push(d.x);
    y.push(d.y);
  }
  return { x, y };
}

export function linspace(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (count === 1 ? lo : lo + ((hi - lo) * i) / (count - 1)));
}

export function testXs(): number[] {
  return Array.from({ length: TEST_POINTS }, (_, i) => -1 + (2 * (i + 0.5)) / TEST_POINTS);
}

export type Engine = 'float64' | 'tfjs';

/**
 * Coefficients of every set at every degree, row-major [sets, K (degree), K (coefficient)] in the
 * normalised Legendre basis (zeros after index d in row d).
 * 'float64': one Householder QR per set in plain TypeScript (solve.ts, fitAllDegrees).
 * 'tfjs': all sets as one batched float32 solve (batched.tf.ts). Float32 is fine while the design is
 * well conditioned (n well above the degree: curves agree with float64 to ~1e-5), but near
 * interpolation (degree + 1 close to n) the design matrix of random x has condition numbers of
 * 1e6 … 1e15 and float32 (eps 6e-8) keeps no correct digit there: training error that should be
 * ~0 comes out large. See model.test.ts for the measured agreement.
 */
export async function solveSets(sets: TrainingSets, K: number, lambda: number, engine: Engine): Promise<Float64Array> {
  const B = sets.x.length;
  const out = new Float64Array(B * K * K);
  if (engine === 'float64') {
    for (let r = 0; r < B; r++) out.set(fitAllDegrees(sets.x[r], sets.y[r], K, { lambda, basis: 'legendre' }), r * K * K);
    return out;
  }
  const n = B > 0 ? sets.x[0].length : 0;
  const X = new Float32Array(B * n * K);
  const y = new Float32Array(B * n);
  for (let r = 0; r < B; r++) {
    X.set(designMatrix(sets.x[r], K, 'legendre'), r * n * K);
    y.set(sets.y[r], r * n);
  }
  // Loaded on demand so that tfjs stays out of the panel's chunk unless this engine is used.
  const { batchedCoefficients } = await import('./batched.tf');
  const coef = batchedCoefficients({ X, y, B, n, K, lambda }); // [B, coef, degree]
  let flat: Float32Array;
  try {
    flat = (await coef.data()) as Float32Array;
  } finally {
    coef.dispose();
  }
  for (let r = 0; r < B; r++)
    for (let d = 0; d < K; d++) for (let k = 0; k <= d; k++) out[(r * K + d) * K + k] = flat[(r * K + k) * K + d];
  return out;
}

export function fitStatus(degree: number, n: number, ridge: boolean): { status: FitStatus; message: string } {
  const p = degree + 1;
  if (p > n && ridge)
    return {
      status: 'ridge-underdetermined',
      message: `Degree ${degree} has ${p} coefficients but each training set has only ${n} points, so without a penalty many curves would pass through every point; the ridge penalty picks one.`,
    };
  if (p > n)
    return {
      status: 'underdetermined',
      message: `Degree ${degree} has ${p} coefficients but each training set has only ${n} points: infinitely many polynomials pass through every point. Shown is the minimum-norm one, the interpolating curve with the smallest mean square over [-1, 1].`,
    };
  if (p === n && !ridge)
    return {
      status: 'interpolating',
      message: `Degree ${degree} has exactly as many coefficients as there are training points (${n}), so the fit passes through every point.`,
    };
  return { status: 'ok', message: '' };
}

/** Σ_{k≤d} G[i, k] c[k] for every row i of a row-major [rows, K] basis matrix. */
function evalRows(G: Float64Array, rows: number, K: number, c: Float64Array, off: number, d: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let k = 0; k <= d; k++) s += G[i * K + k] * c[off + k];
    out[i] = s;
  }
}

/** Everything that does not depend on the degree: the sets, their fits at every degree, and the
 *  statistics per degree. */
interface Core {
  sets: TrainingSets;
  coefs: Float64Array;
  byDegree: DegreeStats[];
}

/**
 * Moving the degree slider (the most-used control) changes no fit and no statistic, only which
 * ones are shown; the last core is kept so that a degree change costs a few curve evaluations
 * instead of a full re-solve. Keyed on every input the core depends on; one entry is enough (a
 * core of 300 sets × 200 points holds ~6 MB of predictions and coefficients).
 */
const cores = createCache<Promise<Core>>(1);

function coreKey(p: BiasVarianceParams, engine: Engine, design: XDesign): string {
  return JSON.stringify([p.fn, p.noise, p.n, p.sets, p.useRidge ? p.lambda : 0, p.seed, engine, design]);
}

async function computeCore(p: BiasVarianceParams, engine: Engine, design: XDesign): Promise<Core> {
  const f = trueFunction(p.fn);
  const lambda = p.useRidge ? p.lambda : 0;
  const R = p.sets;
  const n = p.n;
  const K = MAX_DEGREE + 1;
  const sigma = p.noise;

  const sets = drawTrainingSets(p, design);
  const coefs = await solveSets(sets, K, lambda, engine);

  const tx = testXs();
  const T = tx.length;
  const ft = tx.map(f);
  const Gt = designMatrix(tx, K, 'legendre');
  // Test targets y_test[r, t] = f(x_t) + σ ε, drawn set-major from the 'test' stream. The same
  // draws serve every degree (common random numbers: the test-error curve is not jagged by noise).
  const testRng = stream(p.seed, 'test');
  const ytest = new Float64Array(R * T);
  for (let i = 0; i < R * T; i++) ytest[i] = ft[i % T] + sigma * testRng.normal();

  // Predictions at the test x, [degree][set][t], kept for the two-pass variance.
  const pred = new Float64Array(K * R * T);
  const trainSse = new Float64Array(K);
  const testSse = new Float64Array(K);
  const buf = new Float64Array(Math.max(T, n));
  for (let r = 0; r < R; r++) {
    const X = designMatrix(sets.x[r], K, 'legendre');
    const yr = sets.y[r];
    for (let d = 0; d < K; d++) {
      const off = (r * K + d) * K;
      evalRows(X, n, K, coefs, off, d, buf);
      for (let i = 0; i < n; i++) trainSse[d] += (buf[i] - yr[i]) ** 2;
      const pd = pred.subarray((d * R + r) * T, (d * R + r + 1) * T);
      evalRows(Gt, T, K, coefs, off, d, pd);
      for (let t = 0; t < T; t++) testSse[d] += (pd[t] - ytest[r * T + t]) ** 2;
    }
  }

  const byDegree: DegreeStats[] = [];
  const avg = new Float64Array(T);
  for (let d = 0; d < K; d++) {
    avg.fill(0);
    for (let r = 0; r < R; r++) for (let t = 0; t < T; t++) avg[t] += pred[(d * R + r) * T + t];
    let bias2 = 0;
    let variance = 0;
    for (let t = 0; t < T; t++) {
      avg[t] /= R;
      bias2 += (avg[t] - ft[t]) ** 2;
    }
    // Divided by R, not R−1: then mean_r (fit − f)² = bias² + variance exactly, per test x.
    for (let r = 0; r < R; r++) for (let t = 0; t < T; t++) variance += (pred[(d * R + r) * T + t] - avg[t]) ** 2;
    bias2 /= T;
    variance /= R * T;
    const noise = sigma * sigma;
    byDegree.push({
      degree: d,
      bias2,
      variance,
      noise,
      expected: bias2 + variance + noise,
      testMse: testSse[d] / (R * T),
      trainMse: trainSse[d] / (R * n),
    });
  }

  return { sets, coefs, byDegree };
}

export async function computeBiasVariance(
  p: BiasVarianceParams,
  opts: { engine?: Engine; design?: XDesign } = {},
): Promise<BiasVarianceResult> {
  const f = trueFunction(p.fn);
  const lambda = p.useRidge ? p.lambda : 0;
  const R = p.sets;
  const n = p.n;
  const K = MAX_DEGREE + 1;
  const degree = Math.min(Math.max(0, Math.round(p.degree)), MAX_DEGREE);
  const engine = opts.engine ?? 'float64';
  const design = opts.design ?? 'uniform';
  const key = coreKey(p, engine, design);
  const pending = cores.get(key, () => computeCore(p, engine, design));
  let core: Core;
  try {
    core = await pending;
  } catch (e) {
    if (cores.has(key) && cores.peek(key) === pending) cores.delete(key); // never keep a failed computation
    throw e;
  }
  const { sets, coefs, byDegree } = core;
  const grid = linspace(-1, 1, GRID_POINTS);
  const Gg = designMatrix(grid, K, 'legendre');

  // Curves at the current degree on the plotting grid.
  const G = GRID_POINTS;
  const meanFit = new Array<number>(G).fill(0);
  const fits: number[][] = [];
  const curve = new Float64Array(G);
  for (let r = 0; r < R; r++) {
    evalRows(Gg, G, K, coefs, (r * K + degree) * K, degree, curve);
    for (let g = 0; g < G; g++) meanFit[g] += curve[g] / R;
    if (r < MAX_CURVES) fits.push(Array.from(curve));
  }

  const x0 = sets.x[0], y0 = sets.y[0];
  const { status, message } = fitStatus(degree, n, lambda > 0);
  return {
    degree,
    n,
    sets: R,
    lambda,
    engine,
    grid,
    truth: grid.map(f),
    train: { x: Array.from(x0), y: Array.from(y0) },
    trainFit: fits[0],
    fits,
    meanFit,
    current: byDegree[degree],
    byDegree,
    status,
    message,
  };
}

export interface ReadoutItem {
  key: 'bias2' | 'variance' | 'noise' | 'expected' | 'testMse' | 'trainMse';
  label: string;
  /** Unrounded; the view formats. */
  value: number;
}

/** The numbers of the text readout at the current degree, in display order. */
export function readout(r: BiasVarianceResult): ReadoutItem[] {
  const c = r.current;
  return [
    { key: 'bias2', label: 'Bias²', value: c.bias2 },
    { key: 'variance', label: 'Variance', value: c.variance },
    { key: 'noise', label: 'Noise σ²', value: c.noise },
    { key: 'expected', label: 'Bias² + variance + noise', value: c.expected },
    { key: 'testMse', label: 'Test error (Monte Carlo)', value: c.testMse },
    { key: 'trainMse', label: 'Training error', value: c.trainMse },
  ];
}
