/**
 * k nearest neighbours by brute force (Euclidean distance). The panels have at most a few thousand
 * points, and the neighbour lists are also what SMOTE and Tomek links are built from, so the order
 * is exact and deterministic: increasing distance, equal distances → the lower row index.
 */
import type { Matrix } from './api';

export interface KNearestOptions {
  /** The candidate rows (default all). */
  rows?: Int32Array;
  /** A row never returned (the query point itself, when it is a row of X). */
  exclude?: number;
}

/** Indices of the k rows of X nearest to x (fewer if there are fewer candidates), nearest first. */
export function kNearest(X: Matrix, x: ArrayLike<number>, k: number, opts: KNearestOptions = {}): Int32Array {
  const { data, n, d } = X;
  const count = opts.rows ? opts.rows.length : n;
  const K = Math.max(0, Math.floor(k));
  // The best so far, kept sorted by (distance, index): insertion costs O(k), fine for small k.
  const bestD = new Float64Array(K), bestI = new Int32Array(K);
  let size = 0;
  for (let c = 0; c < count; c++) {
    const r = opts.rows ? opts.rows[c] : c;
    if (r === opts.exclude) continue;
    let dist = 0;
    for (let j = 0; j < d; j++) {
      const t = data[r * d + j] - x[j];
      dist += t * t;
    }
    size = insertNearest(bestD, bestI, size, K, dist, r);
  }
  return bestI.slice(0, size);
}

/**
 * Offers candidate `r` at squared distance `dist` to the K nearest kept so far (sorted by
 * distance, then row: sklearn's order), in place; returns the new count. Shared by every
 * neighbour search that must pick exactly kNearest's neighbours.
 */
export function insertNearest(bestD: Float64Array, bestI: Int32Array, size: number, K: number, dist: number, r: number): number {
  if (size === K && !(dist < bestD[K - 1] || (dist === bestD[K - 1] && r < bestI[K - 1]))) return size;
  let at = size < K ? size++ : K - 1;
  while (at > 0 && (dist < bestD[at - 1] || (dist === bestD[at - 1] && r < bestI[at - 1]))) {
    bestD[at] = bestD[at - 1];
    bestI[at] = bestI[at - 1];
    at--;
  }
  bestD[at] = dist;
  bestI[at] = r;
  return size;
}

/** Each query row's nearest training rows, nearest first (kNearest per row). */
export function neighbourLists(Xtrain: Matrix, Xq: Matrix, k: number): Int32Array[] {
  return Array.from({ length: Xq.n }, (_, q) => kNearest(Xtrain, Xq.data.subarray(q * Xq.d, (q + 1) * Xq.d), k));
}

/** knnProba from neighbour lists made for any k' ≥ k: the k nearest are the lists' first k (one
 *  total order, distance then row), so a grid of k's shares one search. */
export function knnProbaFromLists(lists: readonly Int32Array[], ytrain: Int32Array, k: number, K = 2): Float64Array {
  const out = new Float64Array(lists.length * K);
  lists.forEach((all, q) => {
    const nn = all.subarray(0, Math.max(0, Math.floor(k)));
    for (const r of nn) out[q * K + ytrain[r]] += 1 / nn.length;
  });
  return out;
}

/** n_q × K: the share of each class among the k nearest training rows of each query row. */
export function knnProba(Xtrain: Matrix, ytrain: Int32Array, Xq: Matrix, k: number, K = 2): Float64Array {
  return knnProbaFromLists(neighbourLists(Xtrain, Xq, k), ytrain, k, K);
}
