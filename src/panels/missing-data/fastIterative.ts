/**
 * Missing-data's fast iterative imputer: the kit's fitIterativeImputer with skipComplete (max_iter
 * 10, tol 1e-3, BayesianRidge), equal to it to the bit (modelFast.test.ts, fastIterative.test.ts).
 * It was the study's largest cost (issue 8). The same chain, with less work per step:
 * - each regression's moments (means, centred XᵀX, Xᵀy, yᵀy) are summed straight from the
 *   filled table, over the same rows in the same order as bayesianRidge sums them from its
 *   design, so no design is copied; with two or three predictors (every case here) the sums live
 *   in local variables, and XᵀX's mirror entries are one product (a·b = b·a exactly);
 * - the convergence test and the copy of the last round read only the missing entries: the
 *   others never change, so their terms are +0 in the kit's row sums.
 * The evidence iterations are the kit's own (bayesianRidgeMoments).
 */
import type { Matrix } from '../../lib/learn/api';
import { bayesianRidge, bayesianRidgeMoments, type BayesianRidgeModel } from '../../lib/learn/linear';
import type { IterativeImputerModel } from '../../lib/learn/impute';
import { copyF64 } from './arena';

const MAX_ITER = 10;
const TOL = 1e-3;

/**
 * BayesianRidge of column f on columns `from` over the listed rows of D (row width d). `rows` is
 * never empty (a column with nothing observed is in no plan), so the means need no guard for 0 rows.
 */
export function ridgeOnRows(D: Float64Array, d: number, rows: Int32Array, f: number, from: number[]): BayesianRidgeModel {
  const n = rows.length, p = from.length;
  if (p === 2) {
    const a = from[0], b = from[1];
    let ym = 0, m0 = 0, m1 = 0;
    for (let r = 0; r < n; r++) {
      const o = rows[r] * d;
      ym += D[o + f];
      m0 += D[o + a];
      m1 += D[o + b];
    }
    ym /= n;
    m0 /= n;
    m1 /= n;
    let yy = 0, y0 = 0, y1 = 0, s00 = 0, s01 = 0, s11 = 0;
    for (let r = 0; r < n; r++) {
      const o = rows[r] * d;
      const u = D[o + a] - m0, v = D[o + b] - m1, yc = D[o + f] - ym;
      yy += yc * yc;
      y0 += u * yc;
      s00 += u * u;
      s01 += u * v;
      y1 += v * yc;
      s11 += v * v;
    }
    return bayesianRidgeMoments({ n, d: 2, xm: Float64Array.of(m0, m1), ym, XtX: Float64Array.of(s00, s01, s01, s11), Xty: Float64Array.of(y0, y1), yy });
  }
  if (p === 3) {
    const a = from[0], b = from[1], c = from[2];
    let ym = 0, m0 = 0, m1 = 0, m2 = 0;
    for (let r = 0; r < n; r++) {
      const o = rows[r] * d;
      ym += D[o + f];
      m0 += D[o + a];
      m1 += D[o + b];
      m2 += D[o + c];
    }
    ym /= n;
    m0 /= n;
    m1 /= n;
    m2 /= n;
    let yy = 0, y0 = 0, y1 = 0, y2 = 0, s00 = 0, s01 = 0, s02 = 0, s11 = 0, s12 = 0, s22 = 0;
    for (let r = 0; r < n; r++) {
      const o = rows[r] * d;
      const u = D[o + a] - m0, v = D[o + b] - m1, w = D[o + c] - m2, yc = D[o + f] - ym;
      yy += yc * yc;
      y0 += u * yc;
      y1 += v * yc;
      y2 += w * yc;
      s00 += u * u;
      s01 += u * v;
      s02 += u * w;
      s11 += v * v;
      s12 += v * w;
      s22 += w * w;
    }
    const XtX = Float64Array.of(s00, s01, s02, s01, s11, s12, s02, s12, s22);
    return bayesianRidgeMoments({ n, d: 3, xm: Float64Array.of(m0, m1, m2), ym, XtX, Xty: Float64Array.of(y0, y1, y2), yy });
  }
  // Any other width (a column with nothing observed drops out of the predictors): the kit on a copied design.
  const A: Matrix = { data: new Float64Array(n * p), n, d: p };
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const o = rows[r] * d;
    for (let t = 0; t < p; t++) A.data[r * p + t] = D[o + from[t]];
    y[r] = D[o + f];
  }
  return bayesianRidge(A, y);
}

/**
 * Scratch arrays kept between fits (the worker fits one at a time; nothing returned points into
 * them): typed arrays of a few kilobytes live outside the JavaScript heap, and the study fits
 * this imputer three times per data set; their allocations and the collections they set off
 * were a good part of its cost. Sized for the largest n × d so far; every use passes its sizes.
 */
let scratch = { n: 0, d: 0, missAt: new Int32Array(0), rowAt: new Int32Array(0), prev: new Float64Array(0), obs: [] as Int32Array[], gaps: [] as Int32Array[] };

function scratchFor(n: number, d: number) {
  if (scratch.n >= n && scratch.d >= d) return scratch;
  const N = Math.max(n, scratch.n), W = Math.max(d, scratch.d);
  const each = () => Array.from({ length: W }, () => new Int32Array(N));
  scratch = { n: N, d: W, missAt: new Int32Array(N * W), rowAt: new Int32Array(N * W), prev: new Float64Array(N * W), obs: each(), gaps: each() };
  return scratch;
}

/** fitIterativeImputer(X, { skipComplete: true }) with the defaults, to the bit (see the file comment). */
export function fitIterativeFast(X: Matrix): { model: IterativeImputerModel; imputed: Matrix } {
  const { n, d } = X;
  // One pass for the kit's starting means (each column's observed values summed in row order from
  // 0, then divided by their count; 0 for an empty column), the gaps and the largest |observed|.
  const start = new Float64Array(d), counts = new Array<number>(d).fill(0);
  // The missing entries' flat indices in row-major order, and their rows (typed, filled in this
  // one pass: a number[] turned into rows afterwards was a fifth of this function's time).
  const P = scratchFor(n, d), { missAt, rowAt } = P;
  let nMiss = 0, maxAbs = 0;
  for (let i = 0, t = 0; i < n; i++) {
    for (let j = 0; j < d; j++, t++) {
      const v = X.data[t];
      if (Number.isNaN(v)) {
        missAt[nMiss] = t;
        rowAt[nMiss++] = i;
        counts[j]++;
      } else {
        start[j] += v;
        maxAbs = Math.max(maxAbs, Math.abs(v));
      }
    }
  }
  const miss = missAt.subarray(0, nMiss), missRow = rowAt.subarray(0, nMiss);
  for (let j = 0; j < d; j++) if (counts[j] < n) start[j] /= n - counts[j];
  const empty = counts.map((c) => c === n);
  // The kit's fillMissing(X, start), writing only the gaps it found.
  const D = copyF64(X.data), Xt: Matrix = { data: D, n, d };
  for (let q = 0; q < nMiss; q++) D[missAt[q]] = start[missAt[q] - rowAt[q] * d];
  // The kit's "ascending" order: fewest missing first, ties by index (a stable sort).
  const order = Array.from({ length: d }, (_, j) => j).filter((j) => !empty[j]).sort((a, b) => counts[a] - counts[b]);
  const model: IterativeImputerModel = { start, empty, steps: [], nIter: 0 };
  // Nothing observed anywhere (the kit also tests "every value missing", which is the same thing).
  if (order.length === 0) return { model, imputed: Xt };
  const normTol = TOL * maxAbs;
  // Per column with gaps: its predictors (the other usable columns by index), its observed rows and its missing rows.
  const plan = order
    .filter((feat) => counts[feat] > 0)
    .map((feat) => {
      const obs = P.obs[feat].subarray(0, n - counts[feat]), gaps = P.gaps[feat].subarray(0, counts[feat]);
      for (let i = 0, a = 0, b = 0; i < n; i++) {
        if (Number.isNaN(X.data[i * d + feat])) gaps[b++] = i;
        else obs[a++] = i;
      }
      return { feat, from: order.filter((j) => j !== feat).sort((a, b) => a - b), obs, gaps };
    });
  const prev = P.prev;
  for (let q = 0; q < miss.length; q++) prev[q] = D[miss[q]];
  for (let it = 1; it <= MAX_ITER; it++) {
    model.nIter = it;
    for (const { feat, from, obs, gaps } of plan) {
      const br = ridgeOnRows(D, d, obs, feat, from);
      const { coef, intercept } = br;
      model.steps.push({ feat, from, coef, intercept });
      // The kit's predictInto: intercept, then the terms in predictor order.
      if (from.length === 2 || from.length === 3) {
        // Two or three predictors (every case here): the coefficients and columns in locals.
        const three = from.length === 3;
        const a = from[0], b = from[1], c = three ? from[2] : 0, ca = coef[0], cb = coef[1], cc = three ? coef[2] : 0;
        for (let g = 0; g < gaps.length; g++) {
          const o = gaps[g] * d;
          let v = intercept;
          v += ca * D[o + a];
          v += cb * D[o + b];
          if (three) v += cc * D[o + c];
          D[o + feat] = v;
        }
      } else {
        for (const i of gaps) {
          let v = intercept;
          for (let t = 0; t < from.length; t++) v += coef[t] * D[i * d + from[t]];
          D[i * d + feat] = v;
        }
      }
    }
    // numpy's norm(ord=inf) of the change: the largest row sum of |change|, summed over the
    // missing entries of each row in column order (the others add +0, which changes no sum).
    let inf = 0, row = 0, at = -1;
    for (let q = 0; q < miss.length; q++) {
      const i = missRow[q];
      if (i !== at) {
        inf = Math.max(inf, row);
        row = 0;
        at = i;
      }
      row += Math.abs(D[miss[q]] - prev[q]);
    }
    inf = Math.max(inf, row);
    if (inf < normTol) break;
    for (let q = 0; q < miss.length; q++) prev[q] = D[miss[q]];
  }
  return { model, imputed: Xt };
}
