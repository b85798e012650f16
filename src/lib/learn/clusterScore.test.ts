/** The adjusted Rand index against values worked by hand from its definition (and sklearn's docs). */
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './clusterScore';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under any renaming, including the degenerate ones', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [5, 5, -1, -1, 3])).toBe(1);
    expect(adjustedRandIndex([0, 0, 0], [1, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [2, 0, 1])).toBe(1);
  });

  it('matches hand-worked contingency tables', () => {
    // [0,0,1,1] vs [0,0,1,2]: index = 1, a = 2, b = 1, expected = 2/6, max = 1.5 → (1 − 1/3)/(1.5 − 1/3) = 4/7.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    // [0,0,1,1] vs [0,1,0,1]: index 0, a = b = 2, expected 4/6, max 2 → −(2/3)/(4/3) = −0.5.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
    // One cluster against two halves: index = a·… : a = 6 (one block of 4), b = 2, index 2,
    // expected 6·2/6 = 2, max 4 → 0.
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 0, 1, 1])).toBeCloseTo(0, 12);
  });

  it('is symmetric', () => {
    const a = [0, 0, 1, 1, 2, 2, 2, -1], b = [1, 1, 1, 0, 0, 2, 2, 2];
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
  });

  it('fewer than two points: 1 (no pair to disagree on); two points split against together: 0; extra labels ignored', () => {
    expect(adjustedRandIndex([], [])).toBe(1);
    expect(adjustedRandIndex([3], [4])).toBe(1);
    // [0, 1] vs [0, 0]: index 0, a = 0, b = 1, expected 0, max ½ → 0.
    expect(adjustedRandIndex([0, 1], [0, 0])).toBe(0);
    // Only the first min(length) labels are compared.
    expect(adjustedRandIndex([0, 0, 1, 1, 7, 7], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2, 2, 2])).toBeCloseTo(4 / 7, 12);
  });
});
