/**
 * One data set's analysis, the study's fast path (model.ts's analyseDraw by default): every
 * imputation's estimates, its downstream test error after and before the split, and the first
 * data set's fills. Pure: no React, no DOM. The reference path (modelReference.ts) fits every
 * imputer with the kit as scikit-learn would; this one shares the k-NN work (modelKnn.ts), skips
 * the iterative steps that fill nothing (fastIterative.ts), fills only x and y (fastFills.ts) and
 * fits the downstream least squares without copies (fastScore.ts), with the same numbers to the
 * bit (modelFast.test.ts compares the two on many settings).
 */
import type { Matrix } from '../../lib/learn/api';
import { iterativeTransform } from '../../lib/learn/impute';
import { f64 } from './arena';
import { TEST_SHARE, type Sample } from './data';
import { knnFills } from './modelKnn';
import { fillGaps, fitRegressionXY, regressionFill, xyStatistics } from './fastFills';
import { scoreFilled } from './fastScore';
import { fitIterativeFast } from './fastIterative';
import { METHODS, type Method } from './params';

export type RowKey = 'complete' | Method;
export const ROWS: readonly RowKey[] = ['complete', ...METHODS];

export interface Estimates {
  meanY: number | null;
  varY: number | null;
  corr: number | null;
}

export interface DrawResult {
  est: Record<RowKey, Estimates>;
  after: Record<RowKey, number | null>;
  before: Record<RowKey, number | null>;
  /** The (x, y) each method filled in, all rows (estimation imputer). */
  filled: Record<Exclude<Method, 'drop'>, Matrix>;
}

/** The features (x, y, z), with NaN where a value is missing, for the rows [from, to). */
export function features(s: Sample, from = 0, to = s.n, withTarget = false): Matrix {
  const d = withTarget ? 4 : 3, n = to - from;
  const data = f64(n * d);
  for (let i = 0; i < n; i++) {
    const r = from + i;
    data[i * d] = s.missX[r] ? NaN : s.x[r];
    data[i * d + 1] = s.missY[r] ? NaN : s.y[r];
    data[i * d + 2] = s.z[r];
    if (withTarget) data[i * d + 3] = s.t[r];
  }
  return { data, n, d };
}

/** Mean and variance (n − 1) of column j of the listed rows, and the correlation of columns 0 and 1. */
export function estimates(M: Matrix, rows?: number[]): Estimates {
  const m = rows ? rows.length : M.n;
  if (m < 3) return { meanY: null, varY: null, corr: null };
  // Row at of the listed rows (all rows when none are listed): no index list is built for all rows.
  const row = (at: number) => (rows ? rows[at] : at) * M.d;
  let mx = 0, my = 0;
  for (let at = 0; at < m; at++) {
    mx += M.data[row(at)];
    my += M.data[row(at) + 1];
  }
  mx /= m;
  my /= m;
  let sxx = 0, syy = 0, sxy = 0;
  for (let at = 0; at < m; at++) {
    const u = M.data[row(at)] - mx, v = M.data[row(at) + 1] - my;
    sxx += u * u;
    syy += v * v;
    sxy += u * v;
  }
  return { meanY: my, varY: syy / (m - 1), corr: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null };
}

/** A downstream score: model.ts's fastScore.ts scoreFilled, or the reference path's plain one (same arguments, same bits). */
export type Score = (fTr: Matrix, fTe: Matrix, s: Sample, nTrain: number, indicator: boolean, trainRows?: number[], testRows?: number[]) => number | null;

/**
 * What both paths do first: the features, the complete data's and dropping rows' rows of the
 * result (nothing to impute there), and the matrices the imputers learn from.
 */
export function drawStart(s: Sample, indicator: boolean, score: Score) {
  const n = s.n, nTest = Math.round(TEST_SHARE * n), nTrain = n - nTest;
  const all = features(s);
  const truthM = { data: f64(n * 3), n, d: 3 };
  for (let i = 0; i < n; i++) {
    truthM.data[i * 3] = s.x[i];
    truthM.data[i * 3 + 1] = s.y[i];
    truthM.data[i * 3 + 2] = s.z[i];
  }
  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (!s.missX[i] && !s.missY[i]) complete.push(i);
  const est = { complete: estimates(truthM), drop: estimates(all, complete) } as Record<RowKey, Estimates>;
  const after = {} as Record<RowKey, number | null>, before = {} as Record<RowKey, number | null>;
  const filled = {} as Record<Exclude<Method, 'drop'>, Matrix>;
  // Complete data: the sample before anything went missing, so there is nothing to impute, nothing
  // to leak and no gap to flag. Its design has no indicator columns: the real flags would hand it
  // the missingness (informative under MNAR), and this row is the bar no method can beat.
  after.complete = before.complete = score(truthM, truthM, s, nTrain, false);
  // Dropping rows: train and score on the complete rows; the imputer has nothing to learn.
  const split = complete.findIndex((i) => i >= nTrain), cut = split < 0 ? complete.length : split;
  after.drop = before.drop = score(all, all, s, nTrain, indicator, complete.slice(0, cut), complete.slice(cut));
  const train = features(s, 0, nTrain), test = features(s, nTrain, n), table = features(s, 0, n, true);
  return { n, nTrain, all, train, test, table, est, after, before, filled };
}

/** One data set's analysis, the fast way (see the file comment); model.ts's analyseDraw. */
export function analyseDrawFast(s: Sample, k: number, indicator: boolean): DrawResult {
  const { nTrain, all, train, test, table, est, after, before, filled } = drawStart(s, indicator, scoreFilled);
  const knn = knnFills(s, k, nTrain);
  for (const m of METHODS) {
    if (m === 'mean' || m === 'median') {
      // The whole table's x, y, z columns are the rows' features, so its statistics are those of
      // all rows, and t is never missing: the leaky fill's design is the estimation fill's.
      const f = fillGaps(all, xyStatistics(all, m)), st = xyStatistics(train, m);
      filled[m] = f;
      est[m] = estimates(f);
      const fTr = fillGaps(train, st), fTe = fillGaps(test, st);
      after[m] = scoreFilled(fTr, fTe, s, nTrain, indicator);
      before[m] = scoreFilled(f, f, s, nTrain, indicator);
    } else if (m === 'regression') {
      const f = regressionFill(fitRegressionXY(all), all), st = fitRegressionXY(train);
      filled[m] = f;
      est[m] = estimates(f);
      after[m] = scoreFilled(regressionFill(st, train), regressionFill(st, test), s, nTrain, indicator);
      const leaky = regressionFill(fitRegressionXY(table), table);
      before[m] = scoreFilled(leaky, leaky, s, nTrain, indicator);
    } else if (m === 'knn') {
      // All three fits' donors from one pass (modelKnn.ts): the split's fill holds the training
      // rows filled from the training rows and the test rows filled by the same imputer.
      filled[m] = knn.all;
      est[m] = estimates(knn.all);
      after[m] = scoreFilled(knn.split, knn.split, s, nTrain, indicator);
      before[m] = scoreFilled(knn.table, knn.table, s, nTrain, indicator);
    } else if (m === 'iterative') {
      // The kit's chain with skipComplete, to the bit (fastIterative.ts).
      const f = fitIterativeFast(all).imputed, st = fitIterativeFast(train);
      filled[m] = f;
      est[m] = estimates(f);
      after[m] = scoreFilled(st.imputed, iterativeTransform(st.model, test), s, nTrain, indicator);
      const leaky = fitIterativeFast(table).imputed;
      before[m] = scoreFilled(leaky, leaky, s, nTrain, indicator);
    }
  }
  return { est, after, before, filled };
}

/** The same data set at another k: k-NN's row recomputed, every other row kept from `prev` (k touches nothing else). */
export function redoKnn(s: Sample, k: number, indicator: boolean, prev: DrawResult): DrawResult {
  const n = s.n, nTrain = n - Math.round(TEST_SHARE * n);
  const f = knnFills(s, k, nTrain);
  return {
    est: { ...prev.est, knn: estimates(f.all) },
    after: { ...prev.after, knn: scoreFilled(f.split, f.split, s, nTrain, indicator) },
    before: { ...prev.before, knn: scoreFilled(f.table, f.table, s, nTrain, indicator) },
    filled: { ...prev.filled, knn: f.all },
  };
}
