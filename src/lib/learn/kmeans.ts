/**
 * k-means in plain JS: Lloyd's iterations (scikit-learn's algorithm='lloyd') and k-means++
 * seeding. Centroids are a flat k × d Float64Array. One iteration assigns every point to its
 * nearest centroid (ties → the lower centroid index) and moves each centroid to its points' mean;
 * a centroid left with no points stays where it was (sklearn would move it to a far point).
 */
import type { Matrix } from './api';
import type { Rng } from '../random/rng';

export interface KMeansResult {
  centroids: Float64Array;
  /** Nearest final centroid of every point (recomputed after the last move, as sklearn's labels_). */
  labels: Int32Array;
  /** Sum of squared distances to the assigned centroid. */
  inertia: number;
  /** Iterations run (stops early once no assignment changes). */
  iterations: number;
}

function sq(X: Matrix, i: number, C: Float64Array, c: number): number {
  let s = 0;
  for (let j = 0; j < X.d; j++) {
    const t = X.data[i * X.d + j] - C[c * X.d + j];
    s += t * t;
  }
  return s;
}

/** Nearest centroid of each point and the inertia. */
export function nearestCentroids(X: Matrix, C: Float64Array, k: number): { labels: Int32Array; inertia: number } {
  const labels = new Int32Array(X.n);
  let inertia = 0;
  for (let i = 0; i < X.n; i++) {
    let best = 0, bd = Infinity;
    for (let c = 0; c < k; c++) {
      const s = sq(X, i, C, c);
      if (s < bd) {
        bd = s;
        best = c;
      }
    }
    labels[i] = best;
    inertia += bd;
  }
  return { labels, inertia };
}

/** Lloyd from `init` for at most maxIter iterations (stops when the assignment stops changing). */
export function lloyd(X: Matrix, init: ArrayLike<number>, k: number, maxIter = 300): KMeansResult {
  const d = X.d;
  const C = Float64Array.from(init);
  let prev: Int32Array | null = null;
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    const { labels } = nearestCentroids(X, C, k);
    if (prev && labels.every((v, i) => v === prev![i])) break;
    iterations++;
    const sum = new Float64Array(k * d), count = new Int32Array(k);
    for (let i = 0; i < X.n; i++) {
      count[labels[i]]++;
      for (let j = 0; j < d; j++) sum[labels[i] * d + j] += X.data[i * d + j];
    }
    for (let c = 0; c < k; c++) if (count[c] > 0) for (let j = 0; j < d; j++) C[c * d + j] = sum[c * d + j] / count[c];
    prev = labels;
  }
  const { labels, inertia } = nearestCentroids(X, C, k);
  return { centroids: C, labels, inertia, iterations };
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii): the first centroid a uniformly drawn point, each
 * next one a point drawn with probability proportional to its squared distance to the nearest
 * centroid so far. (sklearn's default also tries 2 + ln k candidates per step; this is the plain rule.)
 */
export function kmeansPlusPlus(X: Matrix, k: number, rng: Rng): Float64Array {
  const d = X.d, n = X.n;
  const C = new Float64Array(k * d);
  if (n === 0) return C;
  const D = new Float64Array(n).fill(Infinity);
  let pick = rng.int(n);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) C[c * d + j] = X.data[pick * d + j];
    let total = 0;
    for (let i = 0; i < n; i++) {
      D[i] = Math.min(D[i], sq(X, i, C, c));
      total += D[i];
    }
    if (c === k - 1) break;
    if (!(total > 0)) {
      pick = rng.int(n); // every point sits on a centroid already: any point will do
      continue;
    }
    let u = rng.next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      u -= D[i];
      if (u < 0 && D[i] > 0) {
        pick = i;
        break;
      }
    }
  }
  return C;
}

/** k-means++ then Lloyd to convergence. */
export function kmeans(X: Matrix, k: number, rng: Rng, maxIter = 300): KMeansResult {
  return lloyd(X, kmeansPlusPlus(X, k, rng), k, maxIter);
}
