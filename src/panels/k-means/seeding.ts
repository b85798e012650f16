/**
 * Where k-means starts: k-means++ (D² sampling, Arthur & Vassilvitskii 2007, one candidate per
 * pick), K distinct random data points, or centres given by hand topped up by k-means++.
 * Pure float64 TypeScript; the randomness comes from the Rng passed in (stream 'init').
 */
import type { Rng } from '../../lib/random/rng';

export interface PlusPlusSeeding {
  /** Index of the data point picked as centre 1, 2, …, K. */
  picks: Int32Array;
  /** d2[m]: each point's squared distance to its nearest of the first m + 1 centres, i.e. the
   *  weights centre m + 2 was drawn with (m = 0 … K − 2). Float32 copies, for display. */
  d2: Float32Array[];
  /** Σ d2[m], in float64: point i had probability d2[m][i] / total[m] of being picked next. */
  total: number[];
  /** True when some pick found every point on a centre already (ΣD² = 0) and drew uniformly. */
  degenerate: boolean;
}

/** Squared distance from each point to (cx, cy), folded into `d2` with min (or written if fresh). */
function foldMin(x: Float64Array, n: number, cx: number, cy: number, d2: Float64Array, fresh: boolean): void {
  for (let i = 0; i < n; i++) {
    const dx = x[2 * i] - cx, dy = x[2 * i + 1] - cy;
    const d = dx * dx + dy * dy;
    if (fresh || d < d2[i]) d2[i] = d;
  }
}

/** Draws an index with probability w[i] / total (inverse CDF on one uniform draw). */
export function drawWeighted(w: ArrayLike<number>, total: number, u: number): number {
  const r = u * total;
  let acc = 0;
  for (let i = 0; i < w.length; i++) {
    acc += w[i];
    if (acc > r) return i;
  }
  // Rounding can leave r a hair above the last partial sum: take the last point with weight.
  for (let i = w.length - 1; i >= 0; i--) if (w[i] > 0) return i;
  return w.length - 1;
}

/**
 * k-means++ from scratch: centre 1 is a uniformly random point; each next centre is point i with
 * probability D(i)² / Σ D², D(i) being its distance to the nearest centre picked so far.
 */
export function seedPlusPlus(x: Float64Array, n: number, k: number, rng: Rng): PlusPlusSeeding {
  const picks = new Int32Array(k);
  const d2: Float32Array[] = [];
  const total: number[] = [];
  const cur = new Float64Array(n);
  let degenerate = false;
  picks[0] = rng.int(n);
  for (let m = 1; m < k; m++) {
    const p = picks[m - 1];
    foldMin(x, n, x[2 * p], x[2 * p + 1], cur, m === 1);
    let s = 0;
    for (let i = 0; i < n; i++) s += cur[i];
    d2.push(new Float32Array(cur)); // a typed-array copy (Float32Array.from iterates: several times slower at 100,000 points)
    total.push(s);
    if (s > 0) picks[m] = drawWeighted(cur, s, rng.next());
    else {
      degenerate = true;
      picks[m] = rng.int(n);
    }
  }
  return { picks, d2, total, degenerate };
}

/** K distinct data points chosen uniformly (a partial Fisher-Yates shuffle). */
export function seedRandom(n: number, k: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, k);
}

/** Coordinates of the picked points as a flat [k, 2] array. */
export function centresOf(x: Float64Array, picks: ArrayLike<number>): Float64Array {
  const c = new Float64Array(2 * picks.length);
  for (let j = 0; j < picks.length; j++) {
    c[2 * j] = x[2 * picks[j]];
    c[2 * j + 1] = x[2 * picks[j] + 1];
  }
  return c;
}

/** The given centres (first k of them), topped up to k by further k-means++ picks. */
export function extendPlusPlus(x: Float64Array, n: number, given: Float64Array, k: number, rng: Rng): Float64Array {
  const m0 = Math.min(given.length / 2, k);
  const out = new Float64Array(2 * k);
  out.set(given.subarray(0, 2 * m0));
  if (m0 === k) return out;
  const cur = new Float64Array(n).fill(Infinity);
  for (let j = 0; j < m0; j++) foldMin(x, n, out[2 * j], out[2 * j + 1], cur, false);
  for (let m = m0; m < k; m++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += cur[i];
    const p = m === 0 || !(s > 0) || !Number.isFinite(s) ? rng.int(n) : drawWeighted(cur, s, rng.next());
    out[2 * m] = x[2 * p];
    out[2 * m + 1] = x[2 * p + 1];
    foldMin(x, n, out[2 * m], out[2 * m + 1], cur, false);
  }
  return out;
}

/** Parses "x1,y1,x2,y2,…" (the `centers` param); null when it is not an even list of numbers. */
export function parseCentres(text: string): Float64Array | null {
  const t = text.trim();
  if (!t) return null;
  const parts = t.split(',');
  if (parts.length % 2 !== 0) return null;
  const v = parts.map((s) => (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(s) ? Number(s) : Number.NaN));
  if (v.some((a) => !Number.isFinite(a) || Math.abs(a) > 1e6)) return null;
  return Float64Array.from(v);
}

/** The `centers` param for a set of centres: three decimals each, comma-joined. */
export function formatCentres(c: ArrayLike<number>): string {
  return Array.from(c, (v) => String(Math.round(v * 1000) / 1000)).join(',');
}
