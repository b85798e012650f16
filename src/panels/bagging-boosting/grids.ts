/**
 * Running sums of the learners' votes over the boundary grid, so a round's picture costs a few
 * trees, not all of them: the sum over learners 1..m is kept at every STRIDE-th m (computed once,
 * when first needed) and a round adds the at most STRIDE − 1 learners after its checkpoint.
 * Playing through 200 rounds of 200 learners on a 64 × 64 grid is then linear, not quadratic.
 * Pure: no React, no DOM.
 */
import type { Matrix } from '../../lib/learn/api';

export const STRIDE = 8;

export interface RunningSum {
  /** Σ over learners 0..m−1 of contribution(t), a fresh array of length G.n. */
  upTo(m: number): Float64Array;
}

/** `add(t, out)` adds learner t's contribution at every grid point to out. */
export function runningSum(size: number, add: (t: number, out: Float64Array) => void): RunningSum {
  const checkpoints: Float64Array[] = [new Float64Array(size)];
  return {
    upTo(m) {
      const k = Math.floor(m / STRIDE);
      while (checkpoints.length <= k) {
        const c = checkpoints.length;
        const next = checkpoints[c - 1].slice();
        for (let t = (c - 1) * STRIDE; t < c * STRIDE; t++) add(t, next);
        checkpoints.push(next);
      }
      const out = checkpoints[k].slice();
      for (let t = k * STRIDE; t < m; t++) add(t, out);
      return out;
    },
  };
}

/** The grid's sample points as an (nx·ny) × 2 matrix, row j = lowest y first (lib/plot/gridSpec). */
export function gridMatrix(extent: readonly [number, number, number, number], nx: number, ny: number): Matrix {
  const data = new Float64Array(2 * nx * ny);
  const [x0, x1, y0, y1] = extent;
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const k = i + j * nx;
      data[2 * k] = x0 + ((x1 - x0) * i) / (nx - 1);
      data[2 * k + 1] = y0 + ((y1 - y0) * j) / (ny - 1);
    }
  return { data, n: nx * ny, d: 2 };
}
