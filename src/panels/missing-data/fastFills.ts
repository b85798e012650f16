/**
 * Missing-data's fast fills for the columns that can have gaps (x and y): the kit's mean, median
 * and regression imputers computed for those two columns only, equal to the kit's to the bit
 * (modelFast.test.ts). model.ts's analyseDraw uses them; its `reference` path calls the kit.
 */
import type { Matrix } from '../../lib/learn/api';
import { simpleStatistics, type RegressionImputerModel } from '../../lib/learn/impute';
import { fitLstsq } from '../../lib/learn/lstsq';

/**
 * SimpleImputer's statistics for the columns that can have gaps here, x and y (z and t are always
 * observed, so the kit's statistics for them fill nothing): the same numbers as the kit's
 * simpleStatistics, with less work. The mean sums the observed values in row order, as the kit's
 * reduce does. The median sorts a typed array (numeric, no comparator call per comparison); the
 * order statistic is the same value, the sign of a zero aside, and no value here is exactly zero
 * (continuous draws). The z slot stays 0: fillMissing never reads it.
 */
export function xyStatistics(M: Matrix, strategy: 'mean' | 'median'): Float64Array {
  const out = new Float64Array(3);
  const buf = new Float64Array(M.n);
  for (let j = 0; j < 2; j++) {
    let m = 0;
    for (let i = 0; i < M.n; i++) {
      const v = M.data[i * M.d + j];
      if (!Number.isNaN(v)) buf[m++] = v;
    }
    if (m === 0) continue;
    if (strategy === 'mean') {
      let sum = 0;
      for (let i = 0; i < m; i++) sum += buf[i];
      out[j] = sum / m;
    } else {
      const v = buf.subarray(0, m).sort();
      const h = m >> 1;
      out[j] = m % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
    }
  }
  return out;
}

/**
 * The kit's fitRegressionImputer with the regressions for x and y only: z and t are never
 * missing, so their fits would fill nothing (regressionTransform reads a column's fit only where
 * that column is missing). The x and y fits are the kit's own, on the same complete rows, so the
 * fills are the same to the bit; this saves a third to a half of the least-squares solves.
 */
export function fitRegressionXY(X: Matrix): RegressionImputerModel {
  const { n, d } = X;
  // The kit's complete rows: nothing missing, and only x and y can be.
  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(X.data[i * d]) && !Number.isNaN(X.data[i * d + 1])) complete.push(i);
  const m = complete.length, p = d - 1;
  const fits = Array.from({ length: d }, (_, feat) => {
    if (feat > 1 || m === 0) return null;
    // The kit's design: the other columns in index order, one row per complete row.
    const A: Matrix = { data: new Float64Array(m * p), n: m, d: p };
    const y = new Float64Array(m);
    for (let r = 0; r < m; r++) {
      const i = complete[r];
      for (let j = 0, t = 0; j < d; j++) if (j !== feat) A.data[r * p + t++] = X.data[i * d + j];
      y[r] = X.data[i * d + feat];
    }
    const f = fitLstsq(A, y);
    return { coef: f.coef, intercept: f.intercept };
  });
  return { means: simpleStatistics(X, 'mean'), fits, completeRows: m };
}
