/**
 * Bias and variance on the learner's own points (data=csv, columns x and y). There is no true
 * function, so no fresh training sets can be drawn and bias² cannot be measured. What can be:
 * - a seeded quarter of the rows is held out as test points (stream 'holdout');
 * - the rest is the training part; `sets` bootstrap resamples of it (drawn with replacement,
 *   stream 'bootstrap') stand in for "other training sets from the same distribution";
 * - variance: mean over the held-out x of the variance across the resampled fits;
 * - test error: mean over resamples and held-out points of (fit − y)²;
 * - bias² + noise, together: mean over held-out points of (average fit − y)². Each held-out x
 *   has one noisy y, so the two cannot be told apart. Test error = variance + this, exactly.
 * x is mapped linearly onto [−1, 1] for the fit (the panel's Legendre basis); the plots use the
 * file's units. Pure: no React, no DOM.
 */
import type { CsvRequest } from '../../lib/data/csv';
import { LINK_ROWS } from '../../lib/data/linkData';
import { stream } from '../../lib/random/rng';
import { designMatrix, GRID_POINTS, linspace, MAX_CURVES, solveSets, type BiasVarianceResult, type DegreeStats, type Engine } from './model';
import { MAX_DEGREE, type BiasVarianceParams } from './params';

export const OWN_KEY = 'bias-variance';
/** Up to LINK_ROWS rows: own data always travel in the link (the generated sets have ≤ 200 points too). */
export const OWN_REQUEST: CsvRequest = { columns: [{ name: 'x' }, { name: 'y' }], maxRows: LINK_ROWS, positional: true };
export const MIN_OWN_ROWS = 8;

/** Why these points cannot be used (the panel then shows generated data), or null. */
export function ownProblem([x]: Float64Array[]): string | null {
  if (x.length < MIN_OWN_ROWS) return `Your data have ${x.length} rows; this panel needs at least ${MIN_OWN_ROWS} (a quarter is held out for testing).`;
  if (x.every((v) => v === x[0])) return 'Every x in your data is the same, so no curve in x can be fitted.';
  return null;
}

/** Split of N rows: held-out test indices and training indices (seeded). */
export function holdout(N: number, seed: number): { test: number[]; train: number[] } {
  const perm = Array.from(stream(seed, 'holdout').permutation(N));
  const nTest = Math.max(2, Math.round(N / 4));
  return { test: perm.slice(0, nTest).sort((a, b) => a - b), train: perm.slice(nTest).sort((a, b) => a - b) };
}

function evalAt(G: Float64Array, rows: number, K: number, c: Float64Array, off: number, d: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let k = 0; k <= d; k++) s += G[i * K + k] * c[off + k];
    out[i] = s;
  }
}

export async function ownBiasVariance(p: BiasVarianceParams, [xs, ys]: Float64Array[], engine: Engine = 'float64'): Promise<BiasVarianceResult> {
  const K = MAX_DEGREE + 1;
  const degree = Math.min(Math.max(0, Math.round(p.degree)), MAX_DEGREE);
  const lambda = p.useRidge ? p.lambda : 0;
  let lo = Infinity, hi = -Infinity;
  for (const v of xs) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const u = (x: number) => (2 * (x - lo)) / (hi - lo) - 1;

  const { test, train } = holdout(xs.length, p.seed);
  const n = train.length, T = test.length, R = p.sets;
  const poolX = Float64Array.from(train, (i) => u(xs[i])), poolY = Float64Array.from(train, (i) => ys[i]);
  const testU = test.map((i) => u(xs[i])), testY = test.map((i) => ys[i]);
  // Set 0 is the whole training part (the fit shown first); sets 1…R are the bootstrap resamples.
  const setsX = [poolX], setsY = [poolY];
  const rb = stream(p.seed, 'bootstrap');
  const distinct: number[] = [];
  for (let r = 0; r < R; r++) {
    const bx = new Float64Array(n), by = new Float64Array(n);
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const k = rb.int(n);
      seen.add(k);
      [bx[i], by[i]] = [poolX[k], poolY[k]];
    }
    setsX.push(bx);
    setsY.push(by);
    distinct.push(seen.size);
  }
  const coefs = await solveSets({ x: setsX, y: setsY }, K, lambda, engine);

  const Gt = designMatrix(testU, K, 'legendre');
  const pred = new Float64Array(R * T);
  const byDegree: DegreeStats[] = [];
  for (let d = 0; d < K; d++) {
    const avg = new Float64Array(T);
    let testSse = 0, trainSse = 0;
    for (let r = 1; r <= R; r++) {
      const pr = pred.subarray((r - 1) * T, r * T);
      evalAt(Gt, T, K, coefs, (r * K + d) * K, d, pr);
      for (let t = 0; t < T; t++) {
        avg[t] += pr[t] / R;
        testSse += (pr[t] - testY[t]) ** 2;
      }
      const X = designMatrix(setsX[r], K, 'legendre');
      const fit = new Float64Array(n);
      evalAt(X, n, K, coefs, (r * K + d) * K, d, fit);
      for (let i = 0; i < n; i++) trainSse += (fit[i] - setsY[r][i]) ** 2;
    }
    let variance = 0, biasNoise = 0;
    // Two passes (as model.ts): high-degree fits are large, and E[f²] − E[f]² would cancel.
    for (let r = 0; r < R; r++) for (let t = 0; t < T; t++) variance += (pred[r * T + t] - avg[t]) ** 2 / R;
    for (let t = 0; t < T; t++) biasNoise += (avg[t] - testY[t]) ** 2;
    byDegree.push({ degree: d, bias2: NaN, noise: NaN, expected: NaN, variance: variance / T, biasNoise: biasNoise / T, testMse: testSse / (R * T), trainMse: trainSse / (R * n) });
  }

  // Curves in the file's x units.
  const grid = linspace(lo, hi, GRID_POINTS);
  const Gg = designMatrix(grid.map(u), K, 'legendre');
  const curve = new Float64Array(GRID_POINTS);
  evalAt(Gg, GRID_POINTS, K, coefs, degree * K, degree, curve);
  const trainFit = Array.from(curve);
  const fits: number[][] = [];
  const meanFit = new Array<number>(GRID_POINTS).fill(0);
  for (let r = 1; r <= R; r++) {
    evalAt(Gg, GRID_POINTS, K, coefs, (r * K + degree) * K, degree, curve);
    for (let g = 0; g < GRID_POINTS; g++) meanFit[g] += curve[g] / R;
    if (fits.length < MAX_CURVES) fits.push(Array.from(curve));
  }

  const short = distinct.filter((m) => m < degree + 1).length;
  const message =
    degree + 1 > n
      ? `Degree ${degree} has ${degree + 1} coefficients but the training part has only ${n} points: the minimum-norm polynomial through them is shown${lambda > 0 ? ' (with the ridge penalty)' : ''}.`
      : short > 0
        ? `In ${short} of ${R} resamples the degree-${degree} polynomial has more coefficients than distinct points (a resample repeats some points), so the minimum-norm fit through them is used.`
        : '';
  let ylo = Infinity, yhi = -Infinity;
  for (const v of ys) [ylo, yhi] = [Math.min(ylo, v), Math.max(yhi, v)];
  const yPad = 0.25 * (yhi - ylo || 1), xPad = 0.03 * (hi - lo);
  return {
    degree,
    n,
    sets: R,
    lambda,
    engine,
    grid,
    truth: [],
    train: { x: train.map((i) => xs[i]), y: Array.from(poolY) },
    trainFit,
    fits,
    meanFit,
    current: byDegree[degree],
    byDegree,
    status: degree + 1 > n ? (lambda > 0 ? 'ridge-underdetermined' : 'underdetermined') : degree + 1 === n && lambda === 0 ? 'interpolating' : 'ok',
    message,
    own: { test: { x: test.map((i) => xs[i]), y: testY }, xDomain: [lo - xPad, hi + xPad], yDomain: [ylo - yPad, yhi + yPad] },
  };
}
