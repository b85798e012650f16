/**
 * Missing-data's fast fills for the columns that can have gaps (x and y): the kit's mean, median
 * and regression imputers computed for those two columns only, equal to the kit's to the bit
 * (modelFast.test.ts). model.ts's analyseDraw uses them; its `reference` path calls the kit.
 */
import type { Matrix } from '../../lib/learn/api';
import type { RegressionImputerModel } from '../../lib/learn/impute';
import { designBuffers, fitBuffered, scratch } from './fastLstsq';
import { copyF64 } from './arena';

/** xyStatistics' scratch for one column's observed values (reused: nothing returned points into it). */
let observed = new Float64Array(0);

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
  if (observed.length < M.n) observed = new Float64Array(M.n);
  const buf = observed;
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
 * The kit's fillMissing(X, fill): a copy of X with each gap set to its column's fill value, the
 * copy from arena.ts's f64 (the study's fills of a data set it does not keep allocate nothing).
 */
export function fillGaps(X: Matrix, fill: ArrayLike<number>): Matrix {
  const out = copyF64(X.data), { n, d } = X;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) if (Number.isNaN(out[i * d + j])) out[i * d + j] = fill[j];
  return { data: out, n, d };
}

/**
 * The kit's fitRegressionImputer with the regressions for x and y only: z and t are never
 * missing, so their fits would fill nothing (regressionTransform reads a column's fit only where
 * that column is missing). The x and y fits are the kit's own least squares on the same complete
 * rows (fastLstsq.ts: the kit's operations on a design written straight into reused buffers), so
 * the fills are the same to the bit; this saves a third to a half of the solves and every design
 * copy. `means` holds x's and y's (the z and t slots stay 0): the only ones a fill reads.
 */
export function fitRegressionXY(X: Matrix): RegressionImputerModel {
  const { n, d } = X, D = X.data;
  // The kit's complete rows: nothing missing, and only x and y can be.
  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(D[i * d]) && !Number.isNaN(D[i * d + 1])) complete.push(i);
  const m = complete.length, p = d - 1;
  const fits = Array.from({ length: d }, (_, feat) => {
    if (feat > 1 || m === 0) return null;
    // The kit's design: the other columns in index order, one row per complete row.
    const M = designBuffers(m, p);
    const { cols, ys } = scratch;
    for (let r = 0; r < m; r++) {
      const o = complete[r] * d;
      for (let j = 0, t = 0; j < d; j++) if (j !== feat) cols[t++ * M + r] = D[o + j];
      ys[r] = D[o + feat];
    }
    return fitBuffered(m, p);
  });
  return { means: xyStatistics(X, 'mean'), fits, completeRows: m };
}

/**
 * The kit's regressionTransform(model, X) for data where only x and y can be missing: each gap
 * becomes its column's fit (intercept, then the terms in the other columns' order) on the row's
 * other values, a missing one of which counts as its column's mean; with no fit, the mean.
 * One copy of X instead of two, the same sums.
 */
export function regressionFill(model: RegressionImputerModel, X: Matrix): Matrix {
  const { n, d } = X;
  const out = copyF64(X.data);
  const [fx, fy] = model.fits, mx = model.means[0], my = model.means[1];
  for (let i = 0; i < n; i++) {
    const o = i * d, ox = out[o], oy = out[o + 1];
    const gx = Number.isNaN(ox), gy = Number.isNaN(oy);
    if (!gx && !gy) continue;
    const bx = gx ? mx : ox, by = gy ? my : oy;
    if (gx) {
      let v = mx;
      if (fx) {
        v = fx.intercept + fx.coef[0] * by;
        for (let j = 2; j < d; j++) v += fx.coef[j - 1] * out[o + j];
      }
      out[o] = v;
    }
    if (gy) {
      let v = my;
      if (fy) {
        v = fy.intercept + fy.coef[0] * bx;
        for (let j = 2; j < d; j++) v += fy.coef[j - 1] * out[o + j];
      }
      out[o + 1] = v;
    }
  }
  return { data: out, n, d };
}
