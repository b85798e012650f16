/**
 * Scratch memory for one data set's analysis (issue 8: the worker's garbage). A data set's
 * analysis makes about thirty feature and fill matrices of n rows, and only the first data set's
 * outlive it (the scatter shows them); typed arrays of that size live outside the JavaScript
 * heap, and allocating them, then collecting them (a fifth of a worker's time in the browser's
 * trace, much of it sweeping array buffers), cost as much as some imputers. Inside inArena,
 * f64 hands out zeroed views of one reused block instead: nothing is allocated but the views.
 * Pure otherwise: the numbers are the same (modelFast.test.ts compares inside and outside).
 *
 * The rule: nothing f64 returns inside inArena may be used after it returns (the next call
 * reuses the memory). Outside inArena, f64 is `new Float64Array`.
 */

let block = new Float64Array(0);
let used = 0;
let depth = 0;

/** A zeroed Float64Array of `len` entries: a view of the arena's block inside inArena, else new. */
export function f64(len: number): Float64Array {
  return take(len).fill(0);
}

/** A copy of `src` from the arena inside inArena (not zeroed first: every entry is written). */
export function copyF64(src: Float64Array): Float64Array {
  const out = take(src.length);
  out.set(src);
  return out;
}

/** `len` entries of the block as they are, or a new array outside inArena. */
function take(len: number): Float64Array {
  if (depth === 0) return new Float64Array(len);
  if (used + len > block.length) {
    // A larger block; the views already handed out keep the old one alive until the call ends.
    block = new Float64Array(Math.max(2 * block.length, 2 * len, 1 << 14));
    used = 0;
  }
  const out = block.subarray(used, used + len);
  used += len;
  return out;
}

/** fn() with f64 drawing on the arena: fn's result must hold none of the arena's views. */
export function inArena<T>(fn: () => T): T {
  if (depth === 0) used = 0;
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}
