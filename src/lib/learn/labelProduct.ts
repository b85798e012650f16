/**
 * The product G · F of label spreading's iteration (labelSpreading.ts), n × n by n × K: the graph
 * with its kept entries (built once per points, method and γ) and the row sums, in JavaScript or,
 * for two classes, in WebAssembly SIMD (rowsSimd.ts); both equal to the bit to the one-row rule
 * stated below (labelSpreading.test.ts).
 */
import type { LabelSpreadKind } from './labelSpreading';
import { rowsKernel, type RowsKernel } from './rowsSimd';

/**
 * The dense n × n product was the slow part (n²K multiply-adds per iteration, up to 1000
 * iterations), so each row skips its far pairs: entries below 2⁻⁶⁰ of the row's largest (at
 * γ = 40, points more than about 1 apart). `tail` is what a row's skipped entries sum to. An
 * iteration keeps a row's sparse sum only where the skipped part, at most tail · (largest row sum
 * of F), is below 2⁻⁵⁰ of it (F ≥ 0); any other row (one no label has reached yet, one whose label
 * comes only from far away) is summed densely, as before. Each iteration thus stays within 2⁻⁵⁰
 * of the dense one relative to the row, and the labels, the points reached and the stopping
 * iteration are the dense iteration's.
 */
const DROP = 2 ** -60;
const EPS = 2 ** -50;

/**
 * The iteration matrix G of one data set, kernel and γ (see labelGraph), with its kept entries
 * per row: built once, it serves every run on the same points, method and γ (the labels given and
 * α do not enter it), so a panel can keep it while those change.
 */
export interface LabelGraph {
  kind: LabelSpreadKind;
  n: number;
  G: Float64Array;
  /** Compressed rows: row i's kept entries are start[i] … start[i+1]−1, columns increasing. */
  start: Int32Array;
  /** Column j of each kept entry, stored as 2j (K = 2 reads F's row at 2j without a multiply). */
  col2: Int32Array;
  val: Float64Array;
  tail: Float64Array;
}

/** The graph of G = labelGraph(X, kind, γ) (n × n): its kept entries per row and their tails. */
export function sparseGraph(G: Float64Array, n: number, kind: LabelSpreadKind): LabelGraph {
  const start = new Int32Array(n + 1), tail = new Float64Array(n), cut = new Float64Array(n);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < n; j++) if (G[i * n + j] > m) m = G[i * n + j];
    cut[i] = m * DROP;
    for (let j = 0; j < n; j++) if (G[i * n + j] > 0 && G[i * n + j] >= cut[i]) nnz++;
  }
  const col2 = new Int32Array(nnz), val = new Float64Array(nnz);
  let p = 0;
  for (let i = 0; i < n; i++) {
    start[i] = p;
    for (let j = 0; j < n; j++) {
      const g = G[i * n + j];
      if (g > 0 && g >= cut[i]) {
        col2[p] = 2 * j;
        val[p++] = g;
      } else tail[i] += g;
    }
  }
  start[n] = p;
  return { kind, n, G, start, col2, val, tail };
}

/** Row i of G · prev, every pair included, in column order (K = 2). */
function denseRow2(G: Float64Array, prev: Float64Array, n: number, i: number, next: Float64Array): void {
  let s0 = 0, s1 = 0;
  const row = i * n;
  for (let j = 0; j < n; j++) {
    const g = G[row + j];
    s0 += g * prev[2 * j];
    s1 += g * prev[2 * j + 1];
  }
  next[2 * i] = s0;
  next[2 * i + 1] = s1;
}

/**
 * next = G · prev for the rows in `act` (K = 2), sparse where that is provably as good (see DROP),
 * else dense. Each row's sums run in column order as before, so every bit is the one-row loop's;
 * two rows are summed side by side only so the processor has four independent additions in
 * flight instead of two (a lone sum waits on its previous addition).
 */
function multiply2(R: LabelGraph, act: Int32Array, prev: Float64Array, next: Float64Array, bound: number, simd: RowsKernel | null): void {
  const { start, col2, val, tail, G, n } = R;
  const m = act.length;
  if (simd) {
    const out = simd.run(prev);
    for (let a = 0; a < m; a++) {
      const i = act[a], s0 = out[2 * a], s1 = out[2 * a + 1];
      if (tail[i] * bound > s0 + s1) denseRow2(G, prev, n, i, next);
      else {
        next[2 * i] = s0;
        next[2 * i + 1] = s1;
      }
    }
    return;
  }
  let a = 0;
  for (; a + 1 < m; a += 2) {
    const i = act[a], k = act[a + 1];
    let p = start[i], q = start[k];
    const e = start[i + 1], f = start[k + 1];
    let s0 = 0, s1 = 0, t0 = 0, t1 = 0;
    for (const stop = p + Math.min(e - p, f - q); p < stop; p++, q++) {
      const g = val[p], j = col2[p], h = val[q], l = col2[q];
      s0 += g * prev[j];
      s1 += g * prev[j + 1];
      t0 += h * prev[l];
      t1 += h * prev[l + 1];
    }
    for (; p < e; p++) {
      const g = val[p], j = col2[p];
      s0 += g * prev[j];
      s1 += g * prev[j + 1];
    }
    for (; q < f; q++) {
      const h = val[q], l = col2[q];
      t0 += h * prev[l];
      t1 += h * prev[l + 1];
    }
    if (tail[i] * bound > s0 + s1) denseRow2(G, prev, n, i, next);
    else {
      next[2 * i] = s0;
      next[2 * i + 1] = s1;
    }
    if (tail[k] * bound > t0 + t1) denseRow2(G, prev, n, k, next);
    else {
      next[2 * k] = t0;
      next[2 * k + 1] = t1;
    }
  }
  if (a < m) {
    const i = act[a];
    let s0 = 0, s1 = 0;
    for (let p = start[i], e = start[i + 1]; p < e; p++) {
      const g = val[p], j = col2[p];
      s0 += g * prev[j];
      s1 += g * prev[j + 1];
    }
    if (tail[i] * bound > s0 + s1) denseRow2(G, prev, n, i, next);
    else {
      next[2 * i] = s0;
      next[2 * i + 1] = s1;
    }
  }
}

/**
 * K = 3 (three blobs): the general loop's sums, in its order, held in three numbers instead of an
 * array; or the kernel's, F padded to rows of four (`pad`, its fourth numbers staying 0).
 */
function multiply3(R: LabelGraph, act: Int32Array, prev: Float64Array, next: Float64Array, bound: number, simd: RowsKernel | null, pad: Float64Array): void {
  const { start, col2, val, tail } = R;
  if (simd) {
    for (let j = 0; j < R.n; j++) {
      pad[4 * j] = prev[3 * j];
      pad[4 * j + 1] = prev[3 * j + 1];
      pad[4 * j + 2] = prev[3 * j + 2];
    }
    const out = simd.run(pad);
    for (let a = 0; a < act.length; a++) {
      const i = act[a], a0 = out[4 * a], a1 = out[4 * a + 1], a2 = out[4 * a + 2];
      if (tail[i] * bound > a0 + a1 + a2) multiplyK(R, Int32Array.of(i), prev, next, bound, 3, true);
      else {
        next[3 * i] = a0;
        next[3 * i + 1] = a1;
        next[3 * i + 2] = a2;
      }
    }
    return;
  }
  for (const i of act) {
    let a0 = 0, a1 = 0, a2 = 0;
    for (let p = start[i], e = start[i + 1]; p < e; p++) {
      const g = val[p], j = (col2[p] >> 1) * 3;
      a0 += g * prev[j];
      a1 += g * prev[j + 1];
      a2 += g * prev[j + 2];
    }
    if (tail[i] * bound > a0 + a1 + a2) multiplyK(R, Int32Array.of(i), prev, next, bound, 3, true);
    else {
      next[3 * i] = a0;
      next[3 * i + 1] = a1;
      next[3 * i + 2] = a2;
    }
  }
}

/** The same for any K, one row at a time (`dense`: sum every pair, without trying the kept ones). */
function multiplyK(R: LabelGraph, act: Int32Array, prev: Float64Array, next: Float64Array, bound: number, K: number, dense = false): void {
  const { start, col2, val, tail, G, n } = R;
  const acc = new Float64Array(K);
  for (const i of act) {
    acc.fill(0);
    let s = 0;
    for (let p = start[i], e = start[i + 1]; p < e; p++) {
      const g = val[p], j = (col2[p] >> 1) * K;
      for (let c = 0; c < K; c++) acc[c] += g * prev[j + c];
    }
    for (let c = 0; c < K; c++) s += acc[c];
    if (dense || tail[i] * bound > s) {
      acc.fill(0);
      const row = i * n;
      for (let j = 0; j < n; j++) {
        const g = G[row + j];
        for (let c = 0; c < K; c++) acc[c] += g * prev[j * K + c];
      }
    }
    next.set(acc, i * K);
  }
}

/** next = G · prev (n × K) for the rows in `act`; the other rows of next are left as they are. */
export function multiply(R: LabelGraph, act: Int32Array, prev: Float64Array, next: Float64Array, K: number, simd: Simd | null): void {
  let M = 0;
  for (let j = 0; j < R.n; j++) {
    let r = 0;
    for (let c = 0; c < K; c++) r += prev[j * K + c];
    if (r > M) M = r;
  }
  const bound = M / EPS;
  if (K === 2) multiply2(R, act, prev, next, bound, simd?.kernel ?? null);
  else if (K === 3) multiply3(R, act, prev, next, bound, simd?.kernel ?? null, simd?.pad ?? new Float64Array(0));
  else multiplyK(R, act, prev, next, bound, K);
}

/** The rows' kernel in WebAssembly SIMD, with F's padded copy for three classes. */
export interface Simd {
  kernel: RowsKernel;
  pad: Float64Array;
}

/** The kernel for two or three classes (null for other K, without SIMD, or when not wanted). */
export function simdRows(R: LabelGraph, act: Int32Array, K: number, wanted: boolean): Simd | null {
  if (!wanted || (K !== 2 && K !== 3)) return null;
  const kernel = rowsKernel(R.start, R.col2, R.val, act, K === 2 ? 2 : 4);
  return kernel && { kernel, pad: new Float64Array(K === 3 ? 4 * R.n : 0) };
}
