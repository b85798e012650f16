/**
 * The k-NN fills of one data set for the study's three imputer fits at once, with the same
 * numbers as four calls of the kit's knnImpute (impute.ts) and a quarter of the work. Pure.
 *
 * The study fits k-NN on all rows (estimation), on the training rows for both the training and
 * the test rows (after the split), and on the whole table with the target t (before the split).
 * The training rows are the first nTrain rows of the data set, so:
 * - every distance the four calls need is a distance between two rows of the data set over
 *   (x, y, z), computed once per pair; the table's adds t's square to the same sum, last, as
 *   nan_euclidean would (t is never missing);
 * - the fit on the training rows scans its donors in the same order as the fit on all rows, only
 *   fewer of them: its k nearest are the scan's state after the first nTrain rows. One scan
 *   gives both.
 * The donors kept and the order of the sums are knnImpute's, so the results are equal to the bit
 * (model.test.ts checks it against the kit).
 */
import type { Matrix } from '../../lib/learn/api';
import type { Sample } from './data';

export interface KnnFills {
  /** Fitted on all rows, n × 3 (x, y, z). */
  all: Matrix;
  /** Fitted on the training rows: rows [0, nTrain) fill the training rows, the rest the test rows; n × 3. */
  split: Matrix;
  /** Fitted on the whole table (x, y, z, t), n × 4. */
  table: Matrix;
}

/**
 * Scans the donors `rows` (the rows not missing the column, in increasing order) from index
 * `from` to `to` with squared distances `sq`
 * (nan_euclidean before its root), keeping the m nearest in bestD/bestQ/bestR (distance, its
 * square, row) in (distance, row) order, as knnImpute does; `size` of them are already kept.
 * Rows come in increasing order, so a candidate goes before a kept donor only when strictly
 * nearer. The root is taken only for a row that may enter: the square root is monotone, so a
 * square no smaller than the m-th kept one's cannot give a smaller distance; the rest compare
 * the roots, exactly as knnImpute does (two squares can round to one root). z is always
 * observed, so two rows always share a coordinate: no distance is NaN, and knnImpute's rules for
 * NaN distances (last in the order; the column mean when no donor shares a coordinate) never
 * apply here. Returns the new size.
 */
function scan(sq: Float64Array, rows: Int32Array, from: number, to: number, m: number, size: number, bestD: Float64Array, bestQ: Float64Array, bestR: Int32Array): number {
  for (let at0 = from; at0 < to; at0++) {
    const r = rows[at0];
    const qr = sq[r];
    if (size === m && !(qr < bestQ[m - 1])) continue;
    const dr = Math.sqrt(qr);
    if (size === m && !(dr < bestD[m - 1])) continue;
    let at = size < m ? size++ : m - 1;
    while (at > 0) {
      const db = bestD[at - 1];
      if (!(dr < db)) break;
      bestD[at] = db;
      bestQ[at] = bestQ[at - 1];
      bestR[at] = bestR[at - 1];
      at--;
    }
    bestD[at] = dr;
    bestQ[at] = qr;
    bestR[at] = r;
  }
  return size;
}

/** The average of the first m kept donors' values (knnImpute's uniform weights: the sum in donor order over m). */
function average(m: number, col: Float64Array, bestR: Int32Array): number {
  if (m === 0) return 0; // no donor: the column is empty in the fitted rows (sklearn's keep_empty_features)
  let sv = 0;
  for (let q = 0; q < m; q++) sv += col[bestR[q]];
  return sv / m;
}

export function knnFills(s: Sample, k: number, nTrain: number): KnnFills {
  const { n, x, y, z, t, missX, missY } = s;
  const kk = Math.max(1, Math.floor(k));
  // The features as the imputers see them (NaN where missing), read by the distances; the
  // three outputs start as copies and get their gaps filled.
  const seen = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    seen[i * 3] = missX[i] ? NaN : x[i];
    seen[i * 3 + 1] = missY[i] ? NaN : y[i];
    seen[i * 3 + 2] = z[i];
  }
  const all = Float64Array.from(seen), split = Float64Array.from(seen), table = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) table[i * 4 + j] = seen[i * 3 + j];
    table[i * 4 + 3] = t[i];
  }
  // Each column's donors (rows where it is observed) in row order, and how many are training
  // rows (the first nTrain rows): a list rather than a test per row keeps the scans branch-light.
  const donors = [new Int32Array(n), new Int32Array(n)], donorsAll = [0, 0], donorsTrain = [0, 0];
  for (let r = 0; r < n; r++) {
    if (!missX[r]) donors[0][donorsAll[0]++] = r;
    if (!missY[r]) donors[1][donorsAll[1]++] = r;
    if (r < nTrain) {
      donorsTrain[0] = donorsAll[0];
      donorsTrain[1] = donorsAll[1];
    }
  }
  // Squared distances (before nan_euclidean's root), over (x, y, z) and with t; scan takes roots.
  const d3 = new Float64Array(n), d4 = new Float64Array(n);
  const bestD = new Float64Array(kk), bestQ = new Float64Array(kk), bestR = new Int32Array(kk);
  for (let i = 0; i < n; i++) {
    if (!missX[i] && !missY[i]) continue;
    const u0 = seen[i * 3], u1 = seen[i * 3 + 1], u2 = seen[i * 3 + 2], ut = t[i];
    const hasX = !missX[i], hasY = !missY[i];
    for (let r = 0; r < n; r++) {
      // nan_euclidean over (x, y, z), then with t: the terms in column order, as impute.ts sums
      // them. A value is NaN exactly where its flag says missing, so the flags pick the terms.
      let sum = 0, present = 1;
      if (hasX && !missX[r]) {
        const e = u0 - x[r];
        sum += e * e;
        present++;
      }
      if (hasY && !missY[r]) {
        const e = u1 - y[r];
        sum += e * e;
        present++;
      }
      const ez = u2 - z[r], et = ut - t[r];
      sum += ez * ez;
      d3[r] = (3 / present) * sum;
      d4[r] = (4 / (present + 1)) * (sum + et * et);
    }
    for (let j = 0; j < 2; j++) {
      if (!(j === 0 ? missX : missY)[i]) continue;
      const mAll = Math.min(kk, donorsAll[j]), mTrain = Math.min(kk, donorsTrain[j]);
      const col = j === 0 ? x : y, rows = donors[j], split0 = donorsTrain[j], end = donorsAll[j];
      const size = scan(d3, rows, 0, split0, mAll, 0, bestD, bestQ, bestR);
      split[i * 3 + j] = average(mTrain, col, bestR);
      scan(d3, rows, split0, end, mAll, size, bestD, bestQ, bestR);
      all[i * 3 + j] = average(mAll, col, bestR);
      scan(d4, rows, 0, end, mAll, 0, bestD, bestQ, bestR);
      table[i * 4 + j] = average(mAll, col, bestR);
    }
  }
  return { all: { data: all, n, d: 3 }, split: { data: split, n, d: 3 }, table: { data: table, n, d: 4 } };
}
