/**
 * tree.ts's preparation: each column's row order, sorted once per matrix and cached, and the scratch
 * buffers a fit reuses. Apart from the growing itself so that file reads in one sitting.
 */
import type { Matrix } from './api';

/**
 * Row order of each column of X (ascending value, ties by row) and X column by column
 * (cols[f·n + row]), kept while X is unchanged.
 */
export interface Presorted {
  d: number;
  copy: Float64Array;
  order: Int32Array[];
  cols: Float64Array;
}
const presortCache = new WeakMap<Float64Array, Presorted>();

export function presort(X: Matrix): Presorted {
  const { data, n, d } = X;
  const hit = presortCache.get(data);
  // Compare against a copy: a caller refilling the same buffer must not get a stale order.
  if (hit && hit.d === d && hit.copy.length === data.length) {
    let same = true;
    for (let i = 0; i < data.length && same; i++) same = hit.copy[i] === data[i];
    if (same) return hit;
  }
  const order: Int32Array[] = [];
  for (let f = 0; f < d; f++) {
    const o = new Int32Array(n);
    for (let i = 0; i < n; i++) o[i] = i;
    o.sort((a, b) => data[a * d + f] - data[b * d + f] || a - b);
    order.push(o);
  }
  const cols = new Float64Array(n * d);
  for (let f = 0; f < d; f++) for (let r = 0; r < n; r++) cols[f * n + r] = data[r * d + f];
  const p = { d, copy: data.slice(), order, cols };
  presortCache.set(data, p);
  return p;
}

/**
 * Scratch buffers reused from one fit to the next (a fit never re-enters itself, and a thread runs
 * one at a time), so growing 200 trees does not churn the garbage collector. Contents are stale:
 * every use writes before it reads.
 */
const scratch = new Map<string, Float64Array | Int32Array | Uint8Array>();
export function buf<T extends Float64Array | Int32Array | Uint8Array>(name: string, make: (len: number) => T, len: number): T {
  let a = scratch.get(name) as T | undefined;
  if (!a || a.length < len) {
    a = make(Math.max(len, 2 * (a?.length ?? 0)));
    scratch.set(name, a);
  }
  return a;
}
export const F64 = (len: number) => new Float64Array(len), I32 = (len: number) => new Int32Array(len), U8 = (len: number) => new Uint8Array(len);
