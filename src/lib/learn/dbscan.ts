/**
 * DBSCAN with scikit-learn's conventions: Euclidean distance, a neighbourhood is every point at
 * distance ≤ eps (the point itself included), a point is core when its neighbourhood holds at
 * least `minSamples` points, noise is labelled -1, and clusters are numbered in the order they are
 * found scanning the points from the first (a border point reachable from two clusters joins the
 * first one found). Brute force O(n²): the panels have a few hundred points.
 */
import type { Matrix } from './api';

export interface DbscanResult {
  /** Cluster 0, 1, … per point; -1 = noise. */
  labels: Int32Array;
  /** 1 for core points. */
  core: Uint8Array;
  nClusters: number;
}

/** Every row's neighbours within eps (itself included), in increasing row order. */
export function radiusNeighbors(X: Matrix, eps: number): Int32Array[] {
  const { data, n, d } = X;
  const e2 = eps * eps;
  const out: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    out[i].push(i);
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) {
        const t = data[i * d + k] - data[j * d + k];
        s += t * t;
      }
      // Compare distances, not squares, so eps exactly at a distance counts as sklearn's `<=` does.
      if (s <= e2 || Math.sqrt(s) <= eps) {
        out[i].push(j);
        out[j].push(i);
      }
    }
  }
  return out.map((a) => Int32Array.from(a.sort((p, q) => p - q)));
}

export function dbscan(X: Matrix, eps: number, minSamples: number): DbscanResult {
  const n = X.n;
  const nb = radiusNeighbors(X, eps);
  const core = new Uint8Array(n);
  for (let i = 0; i < n; i++) core[i] = nb[i].length >= minSamples ? 1 : 0;
  const labels = new Int32Array(n).fill(-1);
  let label = 0;
  const stack: number[] = [];
  // sklearn's dbscan_inner: a depth-first search from each unlabelled core point.
  for (let start = 0; start < n; start++) {
    if (labels[start] !== -1 || !core[start]) continue;
    let i = start;
    for (;;) {
      if (labels[i] === -1) {
        labels[i] = label;
        if (core[i]) for (const j of nb[i]) if (labels[j] === -1) stack.push(j);
      }
      if (stack.length === 0) break;
      i = stack.pop()!;
    }
    label++;
  }
  return { labels, core, nClusters: label };
}
