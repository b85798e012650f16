/**
 * Imputers for a Matrix whose missing entries are NaN, following scikit-learn's conventions:
 * - SimpleImputer (mean, median of each column's observed values);
 * - KNNImputer: for each missing entry, the k nearest rows of the fitted data that have the
 *   column, by nan_euclidean distance (over the coordinates both rows have, scaled by
 *   d / present), averaged uniformly or by 1 / distance (a donor at distance 0 takes all the
 *   weight); equal distances → the lower row (sklearn's argpartition leaves ties unspecified);
 *   a row sharing no coordinate with any donor gets the column mean;
 * - IterativeImputer with BayesianRidge (max_iter 10, tol 1e-3, mean start, "ascending" order:
 *   columns with fewer missing first, ties by index; every other column as a predictor, stopping
 *   when the largest row-sum of changes falls below tol · max |observed|); transform replays the
 *   fitted chain on new rows, as sklearn's transform does;
 * - regression imputation (the textbook one, not in sklearn): each column regressed by least
 *   squares on all the others over the complete rows; a missing entry gets the prediction from
 *   the row's other values, those themselves missing taken as their column mean.
 * A column with no observed value is filled with 0 (sklearn's keep_empty_features=True).
 */
import type { Matrix } from './api';
import { bayesianRidge } from './linear';
import { fitLstsq } from './lstsq';

export type SimpleStrategy = 'mean' | 'median';

const copy = (X: Matrix): Matrix => ({ data: Float64Array.from(X.data), n: X.n, d: X.d });

/** The observed values of column j. */
function observed(X: Matrix, j: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < X.n; i++) {
    const v = X.data[i * X.d + j];
    if (!Number.isNaN(v)) out.push(v);
  }
  return out;
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** SimpleImputer's statistics_: per column, the mean or median of its observed values (0 if none). */
export function simpleStatistics(X: Matrix, strategy: SimpleStrategy): Float64Array {
  const out = new Float64Array(X.d);
  for (let j = 0; j < X.d; j++) {
    const v = observed(X, j);
    if (v.length === 0) continue;
    out[j] = strategy === 'mean' ? v.reduce((a, b) => a + b, 0) / v.length : median(v);
  }
  return out;
}

/** X with every NaN of column j replaced by fill[j]. */
export function fillMissing(X: Matrix, fill: ArrayLike<number>): Matrix {
  const out = copy(X);
  for (let i = 0; i < X.n; i++) for (let j = 0; j < X.d; j++) if (Number.isNaN(out.data[i * X.d + j])) out.data[i * X.d + j] = fill[j];
  return out;
}

/** sklearn's nan_euclidean distance between row a of A and row b of B: NaN if they share no coordinate. */
export function nanEuclidean(A: Matrix, a: number, B: Matrix, b: number): number {
  const d = A.d;
  let s = 0, present = 0;
  for (let j = 0; j < d; j++) {
    const u = A.data[a * d + j], v = B.data[b * d + j];
    if (Number.isNaN(u) || Number.isNaN(v)) continue;
    s += (u - v) * (u - v);
    present++;
  }
  return present === 0 ? NaN : Math.sqrt((d / present) * s);
}

export interface KnnImputeOptions {
  k: number;
  weights?: 'uniform' | 'distance';
}

/** KNNImputer fitted on `fit` (the donors), applied to X (default: fit itself). */
export function knnImpute(fit: Matrix, opts: KnnImputeOptions, X: Matrix = fit): Matrix {
  const { d } = fit;
  const nFit = fit.n, F = fit.data, Q = X.data;
  const out = copy(X);
  const k = Math.max(1, Math.floor(opts.k));
  const byDistance = opts.weights === 'distance';
  const colMean = simpleStatistics(fit, 'mean');
  const donorCount = new Int32Array(d);
  for (let r = 0; r < nFit; r++) for (let j = 0; j < d; j++) if (!Number.isNaN(F[r * d + j])) donorCount[j]++;
  const dist = new Float64Array(nFit);
  const bestD = new Float64Array(k), bestR = new Int32Array(k);
  for (let i = 0; i < X.n; i++) {
    let gaps = 0;
    for (let j = 0; j < d; j++) if (Number.isNaN(Q[i * d + j])) gaps++;
    if (gaps === 0) continue;
    // Distances from the original row (with its NaNs) to every fitted row, once per row: they
    // do not depend on the column being filled, only the donors do. Inlined nanEuclidean (the
    // same operations in the same order, so the same bits): this loop is the imputer's cost.
    for (let r = 0; r < nFit; r++) {
      let s = 0, present = 0;
      for (let j = 0; j < d; j++) {
        const u = Q[i * d + j], v = F[r * d + j];
        if (Number.isNaN(u) || Number.isNaN(v)) continue;
        s += (u - v) * (u - v);
        present++;
      }
      dist[r] = present === 0 ? NaN : Math.sqrt((d / present) * s);
    }
    for (let j = 0; j < d; j++) {
      if (!Number.isNaN(Q[i * d + j])) continue;
      if (donorCount[j] === 0) {
        out.data[i * d + j] = 0;
        continue;
      }
      // The m nearest donors in (distance, row) order, NaN distances last, kept sorted by
      // insertion: O(donors · k). Rows come in increasing order, so a candidate goes before a
      // kept donor only when strictly nearer (or when that donor's distance is NaN and its own is not).
      const m = Math.min(k, donorCount[j]);
      let size = 0;
      for (let r = 0; r < nFit; r++) {
        if (Number.isNaN(F[r * d + j])) continue;
        const dr = dist[r];
        if (size === m) {
          const worst = bestD[m - 1];
          if (!(dr < worst) && !(worst !== worst && dr === dr)) continue;
        }
        let at = size < m ? size++ : m - 1;
        while (at > 0) {
          const db = bestD[at - 1];
          if (!(dr < db) && !(db !== db && dr === dr)) break;
          bestD[at] = db;
          bestR[at] = bestR[at - 1];
          at--;
        }
        bestD[at] = dr;
        bestR[at] = r;
      }
      // NaN sorts last: a NaN nearest donor means the row shares no coordinate with any donor.
      if (Number.isNaN(bestD[0])) {
        out.data[i * d + j] = colMean[j];
        continue;
      }
      let zero = false;
      if (byDistance) for (let t = 0; t < m; t++) zero ||= bestD[t] === 0;
      let sw = 0, sv = 0;
      for (let t = 0; t < m; t++) {
        const dc = bestD[t];
        if (Number.isNaN(dc)) continue;
        const w = byDistance ? (zero ? (dc === 0 ? 1 : 0) : 1 / dc) : 1;
        sw += w;
        sv += w * F[bestR[t] * d + j];
      }
      out.data[i * d + j] = sv / sw;
    }
  }
  return out;
}

/** A fitted linear predictor of column `feat` from the columns `from`. */
interface Step {
  feat: number;
  from: number[];
  coef: Float64Array;
  intercept: number;
}

export interface IterativeImputerModel {
  /** Column means of the fitted data: the starting fill. */
  start: Float64Array;
  /** Columns with no observed value (filled with 0, never predicted nor predictors). */
  empty: boolean[];
  /** Every fitted step in the order it ran (nIter rounds × the columns in order). */
  steps: Step[];
  nIter: number;
}

export interface IterativeOptions {
  maxIter?: number;
  tol?: number;
  /**
   * scikit-learn's skip_complete: columns with no missing value in the fitted data get no step.
   * The imputed data are the same either way; only transform differs, on new rows missing a
   * value in such a column (mean fill instead of a prediction). Default false.
   */
  skipComplete?: boolean;
}

function predictInto(Xt: Matrix, missing: Uint8Array, s: Step): void {
  const { d } = Xt;
  for (let i = 0; i < Xt.n; i++) {
    if (!missing[i * d + s.feat]) continue;
    let v = s.intercept;
    for (let t = 0; t < s.from.length; t++) v += s.coef[t] * Xt.data[i * d + s.from[t]];
    Xt.data[i * d + s.feat] = v;
  }
}

function nanMask(X: Matrix): Uint8Array {
  const m = new Uint8Array(X.data.length);
  for (let t = 0; t < m.length; t++) if (Number.isNaN(X.data[t])) m[t] = 1;
  return m;
}

/** IterativeImputer(max_iter, tol) with BayesianRidge: the fitted chain and X imputed by it. */
export function fitIterativeImputer(X: Matrix, opts: IterativeOptions = {}): { model: IterativeImputerModel; imputed: Matrix } {
  const { maxIter = 10, tol = 1e-3, skipComplete = false } = opts;
  const { n, d } = X;
  const missing = nanMask(X);
  const start = simpleStatistics(X, 'mean');
  const counts = Array.from({ length: d }, (_, j) => {
    let c = 0;
    for (let i = 0; i < n; i++) c += missing[i * d + j];
    return c;
  });
  const empty = counts.map((c) => c === n);
  const Xt = fillMissing(X, start);
  // "ascending": fewest missing first; a stable sort keeps index order among ties.
  const order = Array.from({ length: d }, (_, j) => j).filter((j) => !empty[j]).sort((a, b) => counts[a] - counts[b]);
  const steps: Step[] = [];
  const model: IterativeImputerModel = { start, empty, steps, nIter: 0 };
  if (maxIter === 0 || order.length === 0 || missing.every((m) => m === 1)) return { model, imputed: Xt };
  let maxAbs = 0;
  for (let t = 0; t < X.data.length; t++) if (!missing[t]) maxAbs = Math.max(maxAbs, Math.abs(X.data[t]));
  const normTol = tol * maxAbs;
  // What each column's regression uses does not change between rounds: its predictors, the rows
  // where it is observed, and buffers for the design (bayesianRidge keeps no reference to them).
  // With skipComplete, a column with nothing missing is not fitted: its step would fill nothing here.
  const plan = order
    .filter((feat) => !skipComplete || counts[feat] > 0)
    .map((feat) => {
      const from = order.filter((j) => j !== feat).sort((a, b) => a - b);
      const rows: number[] = [];
      for (let i = 0; i < n; i++) if (!missing[i * d + feat]) rows.push(i);
      const A: Matrix = { data: new Float64Array(rows.length * from.length), n: rows.length, d: from.length };
      return { feat, from, rows, A, y: new Float64Array(rows.length) };
    });
  const prev = Float64Array.from(Xt.data);
  for (let it = 1; it <= maxIter; it++) {
    model.nIter = it;
    for (const { feat, from, rows, A, y } of plan) {
      const p = from.length;
      for (let r = 0; r < rows.length; r++) {
        const i = rows[r];
        for (let t = 0; t < p; t++) A.data[r * p + t] = Xt.data[i * d + from[t]];
        y[r] = Xt.data[i * d + feat];
      }
      const br = bayesianRidge(A, y);
      const s: Step = { feat, from, coef: br.coef, intercept: br.intercept };
      steps.push(s);
      predictInto(Xt, missing, s);
    }
    // numpy's norm(ord=inf) of a matrix: the largest row sum of absolute changes.
    let inf = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < d; j++) row += Math.abs(Xt.data[i * d + j] - prev[i * d + j]);
      inf = Math.max(inf, row);
    }
    if (inf < normTol) break;
    prev.set(Xt.data);
  }
  return { model, imputed: Xt };
}

/** The fitted chain applied to new rows: mean start, then every step in order. */
export function iterativeTransform(model: IterativeImputerModel, X: Matrix): Matrix {
  const Xt = fillMissing(X, model.start);
  const missing = nanMask(X);
  for (const s of model.steps) predictInto(Xt, missing, s);
  return Xt;
}

export interface RegressionImputerModel {
  means: Float64Array;
  /** Per column: its least-squares fit on the other columns over the complete rows (null: no complete rows). */
  fits: ({ coef: Float64Array; intercept: number } | null)[];
  completeRows: number;
}

/** Regression imputation fitted on X's complete rows (see the file comment). */
export function fitRegressionImputer(X: Matrix): RegressionImputerModel {
  const { n, d } = X;
  const means = simpleStatistics(X, 'mean');
  const complete: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let j = 0; j < d && ok; j++) ok = !Number.isNaN(X.data[i * d + j]);
    if (ok) complete.push(i);
  }
  const fits = Array.from({ length: d }, (_, feat) => {
    if (complete.length === 0) return null;
    const from = Array.from({ length: d }, (_, j) => j).filter((j) => j !== feat);
    const A: Matrix = { data: new Float64Array(complete.length * from.length), n: complete.length, d: from.length };
    const y = new Float64Array(complete.length);
    complete.forEach((i, r) => {
      from.forEach((j, t) => (A.data[r * from.length + t] = X.data[i * d + j]));
      y[r] = X.data[i * d + feat];
    });
    const m = fitLstsq(A, y);
    return { coef: m.coef, intercept: m.intercept };
  });
  return { means, fits, completeRows: complete.length };
}

export function regressionTransform(model: RegressionImputerModel, X: Matrix): Matrix {
  const { n, d } = X;
  const base = fillMissing(X, model.means);
  const out = copy(base);
  for (let i = 0; i < n; i++) {
    for (let feat = 0; feat < d; feat++) {
      const fit = model.fits[feat];
      if (!Number.isNaN(X.data[i * d + feat]) || !fit) continue;
      let v = fit.intercept, t = 0;
      for (let j = 0; j < d; j++) if (j !== feat) v += fit.coef[t++] * base.data[i * d + j];
      out.data[i * d + feat] = v;
    }
  }
  return out;
}
