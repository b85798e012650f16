/**
 * What the reference and statistical checks in model.test.ts leave open (found by mutation
 * testing): the loss at huge positive scores (the other branch of the stable log σ), the order of
 * ties in a ranking, the row split of a flat matrix, and the unigram table's exact values.
 * Expectations are worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { analogyVector, cosine, dot, neighbours, norm, ranked, rows, sampleIndex, sgnsLossGrad, unigramTable } from './model';

describe('skip-gram loss at saturated scores', () => {
  it('a context far on the right side and negatives far on the wrong side cost nothing, stably', () => {
    // c·o = 2500 and c·n = −2500: −log σ(2500) − log σ(2500) ≈ 2e^−2500 = 0 in float64, with zero gradients.
    const g = sgnsLossGrad([50, 0], [50, 0], [[-50, 0]]);
    expect(g.loss).toBe(0);
    expect(g.dCenter).toEqual([0, 0]);
    expect(g.dContext.every((v) => v === 0)).toBe(true);
    expect(g.dNegatives[0].every((v) => v === 0)).toBe(true);
    // A moderate positive score: −log σ(3) = log(1 + e^−3).
    expect(sgnsLossGrad([3], [1], []).loss).toBeCloseTo(Math.log(1 + Math.exp(-3)), 14);
    expect(sgnsLossGrad([3], [1], []).dCenter[0]).toBeCloseTo(1 / (1 + Math.exp(-3)) - 1, 14);
    // Score 0: −log σ(0) = log 2 for the context and again for one negative.
    expect(sgnsLossGrad([0, 0], [1, 1], [[1, 1]]).loss).toBeCloseTo(2 * Math.LN2, 14);
  });
});

describe('vectors, rows and rankings', () => {
  it('dot, norm and the analogy vector a − b + c by hand', () => {
    expect(dot([1, 2, 3], [4, -5, 6])).toBe(12);
    expect(norm([3, 4])).toBe(5);
    expect(Array.from(analogyVector([1, 2], [3, 5], [10, 20]))).toEqual([8, 17]);
    expect(cosine([2, 0], [0, 0])).toBe(0);
  });
  it('splits a flat row-major matrix into whole rows (a trailing partial row is dropped)', () => {
    const r = rows([1, 2, 3, 4, 5, 6, 7], 3);
    expect(r.map((x) => Array.from(x))).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
  it('ranks by cosine, ties by index, leaving out the excluded', () => {
    const V = [[1, 0], [0, 1], [2, 0], [1, 1], [3, 0]];
    const r = ranked(V, [1, 0]);
    // cosines 1, 0, 1, 1/√2, 1: the three ties in index order, then 1/√2, then 0.
    expect(r.map((s) => s.index)).toEqual([0, 2, 4, 3, 1]);
    expect(r[3].cos).toBeCloseTo(Math.SQRT1_2, 15);
    expect(ranked(V, [1, 0], [2, 0]).map((s) => s.index)).toEqual([4, 3, 1]);
    // The nearest two to word 2 (itself left out): 0 and 4 tie at cosine 1.
    expect(neighbours(V, 2, 2).map((s) => s.index)).toEqual([0, 4]);
    expect(neighbours(V, 2, 10)).toHaveLength(4);
  });
});

describe('the unigram table', () => {
  it('is the cumulative share of count^power, ending at 1', () => {
    // counts 1, 16, 81 with power 0.75: 1, 8, 27 of 36.
    const cdf = unigramTable([1, 16, 81]);
    expect(cdf[0]).toBeCloseTo(1 / 36, 15);
    expect(cdf[1]).toBeCloseTo(9 / 36, 15);
    expect(cdf[2]).toBe(1);
    // Power 0.5: 1, 4, 9 of 14.
    expect(Array.from(unigramTable([1, 16, 81], 0.5))).toEqual([1 / 14, 5 / 14, 1].map((v, i) => (i === 2 ? 1 : expect.closeTo(v, 15))));
    // Each index owns exactly its slice of [0, 1).
    expect([0, 1 / 36 - 1e-12, 1 / 36, 0.25 - 1e-12, 0.25, 0.9999].map((u) => sampleIndex(cdf, u))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
