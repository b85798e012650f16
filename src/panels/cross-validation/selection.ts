/**
 * Cross-validation model, feature selection for the leak demo: the columns most correlated with
 * the label, from per-column sums (so a training fold's sums are all rows' minus its test rows').
 * Pure: no React, no DOM.
 */
import type { Points } from './knn';

/** Per-column sums over a set of rows: Σz, Σz², Σzy, plus the row count and Σy. */
export interface ColumnSums {
  z: Float64Array;
  zz: Float64Array;
  zy: Float64Array;
  count: number;
  y: number;
}

export function columnSums(x: Float64Array, n: number, p: number, y: ArrayLike<number>, rows: readonly number[]): ColumnSums {
  const s: ColumnSums = { z: new Float64Array(p), zz: new Float64Array(p), zy: new Float64Array(p), count: rows.length, y: 0 };
  for (const i of rows) s.y += y[i];
  columnSumsInto(s, x, n, y, rows, 0, p);
  return s;
}

/** Fills columns from … to − 1 of s (each column's sums alone: a column's are the same whichever range computes them). */
export function columnSumsInto(s: ColumnSums, x: Float64Array, n: number, y: ArrayLike<number>, rows: readonly number[], from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const off = j * n;
    let a = 0, b = 0, c = 0;
    for (const i of rows) {
      const v = x[off + i];
      a += v;
      b += v * v;
      c += v * y[i];
    }
    s.z[j] = a;
    s.zz[j] = b;
    s.zy[j] = c;
  }
}

/** Sums over the rows of `a` that are not in `b` (b's rows must be a subset of a's). */
export function minusSums(a: ColumnSums, b: ColumnSums): ColumnSums {
  const sub = (u: Float64Array, v: Float64Array) => {
    const out = new Float64Array(u.length);
    for (let j = 0; j < u.length; j++) out[j] = u[j] - v[j];
    return out;
  };
  return { z: sub(a.z, b.z), zz: sub(a.zz, b.zz), zy: sub(a.zy, b.zy), count: a.count - b.count, y: a.y - b.y };
}

/** The m columns with the largest |correlation with y| (ties: lower column first), best first. */
export function topColumns(s: ColumnSums, m: number): number[] {
  const p = s.z.length;
  const K = Math.max(0, Math.min(m, p));
  const best = new Float64Array(K).fill(-1);
  const cols = new Int32Array(K);
  for (let j = 0; j < p; j++) {
    const cov = s.zy[j] - (s.z[j] * s.y) / s.count;
    const v = s.zz[j] - (s.z[j] * s.z[j]) / s.count;
    const score = v > 1e-12 ? Math.abs(cov) / Math.sqrt(v) : 0;
    if (K === 0 || score <= best[K - 1]) continue;
    let pos = K - 1;
    while (pos > 0 && best[pos - 1] < score) {
      best[pos] = best[pos - 1];
      cols[pos] = cols[pos - 1];
      pos--;
    }
    best[pos] = score;
    cols[pos] = j;
  }
  return Array.from(cols);
}

/**
 * Indices of the m columns of `x` (column-major [p, n]) whose absolute correlation with y over
 * `rows` is largest (ties: lower column first), best first.
 */
export function selectFeatures(x: Float64Array, n: number, p: number, y: ArrayLike<number>, rows: readonly number[], m: number): number[] {
  return topColumns(columnSums(x, n, p, y, rows), m);
}

/** Row-major [n, m] copy of the chosen columns, for k-NN. */
export function gather(x: Float64Array, n: number, cols: readonly number[]): Points {
  const m = cols.length;
  const out = new Float64Array(n * m);
  cols.forEach((c, j) => {
    for (let i = 0; i < n; i++) out[i * m + j] = x[c * n + i];
  });
  return { x: out, d: m };
}
