/**
 * Silhouettes (Rousseeuw 1987), Euclidean, float64, as scikit-learn computes them: for point i
 * in cluster A, a = mean distance to the other points of A, b = the smallest mean distance to the
 * points of another cluster, s = (b − a) / max(a, b); s = 0 for a point alone in its cluster.
 * O(S²) in the number of points S, so large data sets are scored on a seeded subsample.
 */
import type { Rng } from '../../lib/random/rng';

export interface Silhouette {
  /** s for each scored point. */
  values: Float64Array;
  /** The cluster of each scored point. */
  labels: Int32Array;
  /** Mean of `values` (scikit-learn's silhouette_score). */
  mean: number;
  /** Points scored (the sample size). */
  n: number;
}

/** m distinct indices of 0 … n−1, in increasing order (null when n ≤ m: use every point). */
export function sampleIndices(n: number, m: number, rng: Rng): Int32Array | null {
  if (n <= m) return null;
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p.slice(0, m).sort();
}

/**
 * Silhouettes of the points `idx` (all points when null) under `labels` (indexed by point),
 * computed among those points only. Null when they span fewer than two clusters.
 */
export function silhouetteSamples(x: Float64Array, idx: Int32Array | null, labels: ArrayLike<number>, k: number): Silhouette | null {
  const S = idx ? idx.length : x.length / 2;
  const at = (i: number) => (idx ? idx[i] : i);
  const xs = new Float64Array(S), ys = new Float64Array(S);
  const L = new Int32Array(S);
  const cnt = new Float64Array(k);
  for (let i = 0; i < S; i++) {
    const r = at(i);
    xs[i] = x[2 * r];
    ys[i] = x[2 * r + 1];
    L[i] = labels[r];
    cnt[L[i]]++;
  }
  let used = 0;
  for (let j = 0; j < k; j++) if (cnt[j] > 0) used++;
  if (used < 2) return null;
  // sums[i·k + c] = Σ distance from point i to the points of cluster c.
  const sums = new Float64Array(S * k);
  for (let i = 0; i < S; i++) {
    const xi = xs[i], yi = ys[i], li = L[i], row = i * k;
    for (let j = i + 1; j < S; j++) {
      const dx = xi - xs[j], dy = yi - ys[j];
      const d = Math.sqrt(dx * dx + dy * dy);
      sums[row + L[j]] += d;
      sums[j * k + li] += d;
    }
  }
  const values = new Float64Array(S);
  let total = 0;
  for (let i = 0; i < S; i++) {
    const li = L[i];
    if (cnt[li] <= 1) continue; // alone in its cluster: s = 0
    const a = sums[i * k + li] / (cnt[li] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== li && cnt[c] > 0) b = Math.min(b, sums[i * k + c] / cnt[c]);
    const m = Math.max(a, b);
    values[i] = m > 0 ? (b - a) / m : 0;
    total += values[i];
  }
  return { values, labels: L, mean: total / S, n: S };
}
