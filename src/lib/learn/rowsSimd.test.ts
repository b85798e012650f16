/**
 * The WebAssembly SIMD row sums: Node has WebAssembly SIMD, so the kernel is there (the runs of
 * labelSpreading.test.ts then compare it with the stated rule to the bit); on a hand-made graph
 * every asked row's sums are the column-order sums worked here, for rows of 2 and of 4 numbers,
 * an odd and an even number of rows, rows of different lengths, an empty row, subnormal numbers,
 * and after F changes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { assembleRowsModule, forgetRowsModule, rowsKernel, rowsModule } from './rowsSimd';

describe('rowsKernel', () => {
  beforeEach(forgetRowsModule); // every test assembles and instantiates the module itself
  // Four rows over five columns (compressed): row 2 is empty, row 3 has one entry.
  const start = Int32Array.from([0, 3, 5, 5, 6, 8]);
  const cols = [0, 2, 4, 1, 3, 4, 0, 1];
  const val = Float64Array.from([0.5, 0.25, 3, 1e-300, 7, 2 ** -60, 1.5, 0.1]);
  const col2 = Int32Array.from(cols, (j) => 2 * j);
  const sums = (F: number[][], i: number) =>
    F[0].map((_, c) => {
      let s = 0;
      for (let p = start[i]; p < start[i + 1]; p++) s += val[p] * F[cols[p]][c];
      return s;
    });
  const Fs = [
    [[1, 0, 0.2, 0], [0.3, 0.7, 1e-310, 0], [0, 1, 0.5, 0], [0.1, 0.9, 0.25, 0], [0.123456789, 1e-310, 3, 0]],
    [[0.2, 0.8, 0, 0], [1, 0, 0.125, 0], [0.5, 0.5, 0.5, 0], [0, 0, 0, 0], [0.75, 0.25, 1 / 3, 0]],
  ];

  it('the module is valid WebAssembly SIMD here (else every kernel would quietly be the JavaScript loop)', () => {
    // Assembled afresh, so this test runs the assembler whatever ran before it in this process.
    const bytes = assembleRowsModule();
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(rowsModule()).toEqual(bytes);
    const k = rowsKernel(start, col2, val, Int32Array.from([0]), 2);
    expect(k).not.toBeNull();
  });

  it.each([
    ['all five rows (odd)', [0, 1, 2, 3, 4]],
    ['four rows (even), out of order', [4, 2, 0, 3]],
    ['one row', [1]],
  ])('%s: each row’s sums, in column order, for rows of 2 and of 4 numbers', (_, rows) => {
    const act = Int32Array.from(rows);
    for (const stride of [2, 4] as const) {
      const k = rowsKernel(start, col2, val, act, stride)!;
      expect(k.stride).toBe(stride);
      for (const F4 of Fs) {
        const F = F4.map((r) => r.slice(0, stride));
        expect([stride, Array.from(k.run(Float64Array.from(F.flat())))]).toEqual([stride, rows.flatMap((i) => sums(F, i))]);
      }
    }
  });

  it('grows its memory for a large graph; kernels run in turn each reload their own graph', () => {
    const n = 300;
    const s = Int32Array.from({ length: n + 1 }, (_, i) => i * n);
    const c = Int32Array.from({ length: n * n }, (_, p) => 2 * (p % n));
    const v = Float64Array.from({ length: n * n }, (_, p) => 1 / (1 + (p % 7)));
    const act = Int32Array.from({ length: n }, (_, i) => i);
    const big = Float64Array.from({ length: 2 * n }, (_, j) => (j % 2 ? 1 : 0.5));
    const k = rowsKernel(s, c, v, act, 2)!;
    const out = k.run(big);
    let s0 = 0, s1 = 0;
    for (let j = 0; j < n; j++) {
      s0 += v[(n - 1) * n + j] * 0.5;
      s1 += v[(n - 1) * n + j] * 1;
    }
    expect([out[2 * n - 2], out[2 * n - 1]]).toEqual([s0, s1]);
    // A small graph's kernel in between, then the large one again: each reloads its own graph.
    const F = Fs[0].map((r) => r.slice(0, 2));
    const small = rowsKernel(start, col2, val, Int32Array.from([0, 4]), 2)!;
    expect(Array.from(small.run(Float64Array.from(F.flat())))).toEqual([...sums(F, 0), ...sums(F, 4)]);
    const again = k.run(big);
    expect([again[2 * n - 2], again[2 * n - 1]]).toEqual([s0, s1]);
    expect(Array.from(small.run(Float64Array.from(F.flat())))).toEqual([...sums(F, 0), ...sums(F, 4)]);
  });
});
