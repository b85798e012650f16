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
 * Scans the donors (rows not missing the column) in [from, to) with distances `dist`, keeping the
 * m nearest in bestD/bestR in (distance, row) order, as knnImpute does; `size` of them are
 * already kept. Rows come in increasing order, so a candidate goes before a kept donor only when
 * strictly nearer. z is always observed, so two rows always share a coordinate: no distance is
 * NaN, and knnImpute's rules for NaN distances (last in the order; the column mean when no
 * donor shares a coordinate) never apply here. Returns the new size.
 */
function scan(dist: Float64Array, miss: Uint8Array, from: number, to: number, m: number, size: number, bestD: Float64Array, bestR: Int32Array): number {
  for (let r = from; r < to; r++) {
    if (miss[r]) continue;
    const dr = dist[r];
    if (size === m && !(dr < bestD[m - 1])) continue;
    let at = size < m ? size++ : m - 1;
    while (at > 0) {
      const db = bestD[at - 1];
      if (!(dr < db)) break;
      bestD[at] = db;
      bestR[at] = bestR[at - 1];
      at--;
    }
    bestD[at] = dr;
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
  const donorsAll = [0, 0], donorsTrain = [0, 0];
  for (let r = 0; r < n; r++) {
    if (!missX[r]) {
      donorsAll[0]++;
      if (r < nTrain) donorsTrain[0]++;
    }
    if (!missY[r]) {
      donorsAll[1]++;
      if (r < nTrain) donorsTrain[1]++;
    }
  }
  const d3 = new Float64Array(n), d4 = new Float64Array(n);
  const bestD = new Float64Array(kk), bestR = new Int32Array(kk);
  for (let i = 0; i < n; i++) {
    if (!missX[i] && !missY[i]) continue;
    const u0 = seen[i * 3], u1 = seen[i * 3 + 1], u2 = seen[i * 3 + 2], ut = t[i];
    for (let r = 0; r < n; r++) {
      // nan_euclidean over (x, y, z), then with t: the terms in column order, as impute.ts sums them.
      let sum = 0, present = 0;
      const v0 = seen[r * 3], v1 = seen[r * 3 + 1], v2 = seen[r * 3 + 2];
      if (!Number.isNaN(u0) && !Number.isNaN(v0)) {
        sum += (u0 - v0) * (u0 - v0);
        present++;
      }
      if (!Number.isNaN(u1) && !Number.isNaN(v1)) {
        sum += (u1 - v1) * (u1 - v1);
        present++;
      }
      sum += (u2 - v2) * (u2 - v2);
      present++;
      d3[r] = Math.sqrt((3 / present) * sum);
      const vt = t[r];
      d4[r] = Math.sqrt((4 / (present + 1)) * (sum + (ut - vt) * (ut - vt)));
    }
    for (let j = 0; j < 2; j++) {
      if (!(j === 0 ? missX : missY)[i]) continue;
      const mAll = Math.min(kk, donorsAll[j]), mTrain = Math.min(kk, donorsTrain[j]);
      const col = j === 0 ? x : y, mj = j === 0 ? missX : missY;
      const size = scan(d3, mj, 0, nTrain, mAll, 0, bestD, bestR);
      split[i * 3 + j] = average(mTrain, col, bestR);
      scan(d3, mj, nTrain, n, mAll, size, bestD, bestR);
      all[i * 3 + j] = average(mAll, col, bestR);
      scan(d4, mj, 0, n, mAll, 0, bestD, bestR);
      table[i * 4 + j] = average(mAll, col, bestR);
    }
  }
  return { all: { data: all, n, d: 3 }, split: { data: split, n, d: 3 }, table: { data: table, n, d: 4 } };
}
