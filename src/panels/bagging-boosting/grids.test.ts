import { describe, expect, it } from 'vitest';
import { gridMatrix, runningSum, STRIDE } from './grids';

describe('running sums over the grid', () => {
  it('equal the direct sum for every m, asked in any order, adding each learner once per checkpoint', () => {
    const calls = new Map<number, number>();
    // Learner t adds t + 1 at grid point i, times (i + 1): the sum up to m is (i + 1)·m(m + 1)/2.
    const r = runningSum(3, (t, out) => {
      calls.set(t, (calls.get(t) ?? 0) + 1);
      for (let i = 0; i < 3; i++) out[i] += (t + 1) * (i + 1);
    });
    for (const m of [0, 5, 3 * STRIDE + 2, 1, STRIDE, 40, 2]) {
      const s = r.upTo(m);
      for (let i = 0; i < 3; i++) expect(s[i]).toBe(((i + 1) * m * (m + 1)) / 2);
    }
    // A fresh array each time: changing one leaves the next answer alone.
    r.upTo(9).fill(-1);
    expect(r.upTo(9)[0]).toBe(45);
    // Learners before the last checkpoint were summed into it once, and after it only per call.
    expect(calls.get(0)).toBeLessThanOrEqual(1 + 3);
  });

  it('lays out samples as lib/plot/gridSpec reads them: column i, row j (lowest y first) at i + j·nx', () => {
    const g = gridMatrix([0, 2, 10, 13], 3, 4);
    expect(g.n).toBe(12);
    expect([g.data[0], g.data[1]]).toEqual([0, 10]);
    expect([g.data[2 * 2], g.data[2 * 2 + 1]]).toEqual([2, 10]);
    expect([g.data[2 * 11], g.data[2 * 11 + 1]]).toEqual([2, 13]);
    expect([g.data[2 * 4], g.data[2 * 4 + 1]]).toEqual([1, 11]);
  });
});
