import { insertNearest } from '../../lib/learn/knn';
/**
 * k-nearest-neighbour classification in plain typed arrays: the model every fold scores.
 * Euclidean distance; equal distances go to the lower training index; a tied vote goes to the
 * class of the nearest neighbour. k larger than the training set uses the whole training set.
 * Pure: no React, no DOM.
 */

export interface Points {
  /** Row-major [rows, d]. */
  x: Float64Array;
  d: number;
}

/**
 * The K nearest training points to query row q, nearest first, by insertion into a sorted
 * buffer (K is small, so this beats sorting the whole training set). Returns how many were found.
 */
function nearestK(
  train: Points, trainIdx: readonly number[], qs: Points, q: number, K: number, bestD: Float64Array, bestI: Int32Array,
): number {
  const { d } = train;
  const qo = q * qs.d;
  let found = 0;
  for (let a = 0; a < trainIdx.length; a++) {
    const i = trainIdx[a];
    const io = i * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const t = train.x[io + j] - qs.x[qo + j];
      s += t * t;
    }
    found = insertNearest(bestD, bestI, found, K, s, i);
  }
  return found;
}

/**
 * Predictions for every query row and every k in `ks` at once (one neighbour search per
 * query): out[kIndex][q]. Labels are 0..classes-1.
 */
export function knnPredictMany(
  train: Points, y: ArrayLike<number>, trainIdx: readonly number[], qs: Points, queries: readonly number[], ks: readonly number[],
): Int32Array[] {
  const out = ks.map(() => new Int32Array(queries.length));
  if (trainIdx.length === 0) return out;
  let classes = 1;
  for (const i of trainIdx) classes = Math.max(classes, y[i] + 1);
  const K = Math.max(1, Math.min(Math.max(...ks), trainIdx.length));
  const bestD = new Float64Array(K);
  const bestI = new Int32Array(K);
  const votes = new Int32Array(classes);
  const byK = ks.map((k, i) => ({ k: Math.max(1, Math.min(k, trainIdx.length)), i })).sort((a, b) => a.k - b.k);
  queries.forEach((q, qi) => {
    nearestK(train, trainIdx, qs, q, K, bestD, bestI);
    votes.fill(0);
    const nearest = y[bestI[0]];
    let used = 0;
    for (const { k, i } of byK) {
      while (used < k) votes[y[bestI[used++]]]++;
      let best = nearest;
      for (let c = 0; c < classes; c++) if (votes[c] > votes[best]) best = c;
      out[i][qi] = best;
    }
  });
  return out;
}

/** Share of `queries` whose prediction equals yq[q], for each k in ks. */
export function knnAccuracies(
  train: Points, y: ArrayLike<number>, trainIdx: readonly number[], qs: Points, yq: ArrayLike<number>, queries: readonly number[], ks: readonly number[],
): number[] {
  const pred = knnPredictMany(train, y, trainIdx, qs, queries, ks);
  return pred.map((p) => {
    if (queries.length === 0) return Number.NaN;
    let ok = 0;
    queries.forEach((q, qi) => {
      if (p[qi] === yq[q]) ok++;
    });
    return ok / queries.length;
  });
}
