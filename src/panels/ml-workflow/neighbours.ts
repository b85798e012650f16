/**
 * The training rows' own neighbour lists (for the training accuracy of k-NN), as
 * lib/learn/knn's neighbourLists(X, X, k) makes them, with each pair's distance computed once:
 * the distance from row a to row b sums (x_a,j − x_b,j)² over j in order, and (x_b,j − x_a,j)²
 * is the same number to the bit (negation is exact), so the n × n table is symmetric and its
 * lower half serves both (issue 8: a fold's search over its training rows was n² distances).
 * The selection is kNearest's: candidates in row order, kept sorted by (distance, row), so the
 * lists are the same (neighbours.test.ts). Pure: no DOM.
 */
import type { Matrix } from '../../lib/learn/api';
import { insertNearest } from '../../lib/learn/knn';

/** Each row's k nearest rows of X (itself included, as a query that is one of the rows finds it), nearest first. */
// The distance table's storage, kept between calls (a fold's table is ~0.5 MB: a new one per fold
// was garbage for the collector); every entry read is written first.
let scratch = new Float64Array(0);

export function selfNeighbourLists(X: Matrix, k: number): Int32Array[] {
  const { data, n, d } = X;
  if (scratch.length < n * n) scratch = new Float64Array(n * n);
  const D = scratch;
  for (let q = 0; q < n; q++) {
    for (let r = 0; r <= q; r++) {
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const t = data[r * d + j] - data[q * d + j];
        dist += t * t;
      }
      D[q * n + r] = dist;
      D[r * n + q] = dist;
    }
  }
  const K = Math.max(0, Math.floor(k));
  const bestD = new Float64Array(K), bestI = new Int32Array(K);
  const out: Int32Array[] = [];
  for (let q = 0; q < n; q++) {
    let size = 0;
    const row = q * n;
    for (let r = 0; r < n; r++) {
      size = insertNearest(bestD, bestI, size, K, D[row + r], r);
    }
    out.push(bestI.slice(0, size));
  }
  return out;
}
