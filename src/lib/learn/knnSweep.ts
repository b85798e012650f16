/**
 * knnProba (knn.ts) for many queries at once, equal to it to the bit, without measuring every
 * training row for every query: the rows are sorted by their first feature once, and each query
 * walks outwards from its own first coordinate, nearest side first, until the next row's gap in
 * that feature alone, squared, is above the k-th best distance so far (its distance can only be
 * larger still). Equal distances keep the lower row index, as kNearest does, so the k neighbours
 * and their order, and with them the class shares summed in that order, are kNearest's. A
 * decision map asks 10 000 queries of a few hundred rows: most rows are never measured. Finite
 * data (a NaN coordinate has no place in the order).
 */
import type { Matrix } from './api';
import { insertNearest } from './knn';

export function knnProbaSweep(Xtrain: Matrix, ytrain: Int32Array, Xq: Matrix, k: number, K = 2): Float64Array {
  const { data, n, d } = Xtrain;
  const out = new Float64Array(Xq.n * K);
  const kk = Math.min(n, Math.max(0, Math.floor(k)));
  if (kk === 0) return out;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => data[a * d] - data[b * d]);
  const xs = Float64Array.from(order, (r) => data[r * d]);
  const bestD = new Float64Array(kk), bestI = new Int32Array(kk);
  const q = Xq.data;
  for (let qi = 0; qi < Xq.n; qi++) {
    const o = qi * d, x0 = q[o];
    // First sorted position with xs ≥ x0: the right side starts there, the left side just before.
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] < x0) lo = mid + 1;
      else hi = mid;
    }
    let left = lo - 1, right = lo, size = 0;
    for (;;) {
      if (left < 0 && right >= n) break;
      const tl = left >= 0 ? xs[left] - x0 : 0, tr = right < n ? xs[right] - x0 : 0;
      const fromLeft = right >= n || (left >= 0 && tl * tl <= tr * tr);
      const gap = fromLeft ? tl * tl : tr * tr;
      // Every row left is at least this far in the first feature alone: farther than the k-th best.
      if (size === kk && gap > bestD[kk - 1]) break;
      const r = order[fromLeft ? left-- : right++];
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const t = data[r * d + j] - q[o + j];
        dist += t * t;
      }
      size = insertNearest(bestD, bestI, size, kk, dist, r);
    }
    for (let s = 0; s < size; s++) out[qi * K + ytrain[bestI[s]]] += 1 / size;
  }
  return out;
}
