/**
 * A split grid redraws exactly when what it draws differs: hand-made data and splits, changed
 * one value at a time.
 */
import { describe, expect, it } from 'vitest';
import type { CvData } from './data';
import { sameSplits, sameStrips } from './sameGrid';

const data = (over: Partial<CvData> = {}): CvData => ({
  n: 3, d: 2, groups: 2,
  x: Float64Array.from([0, 0, 1, 1, 2, 2]),
  y: Int32Array.from([0, 1, 1]),
  group: Int32Array.from([0, 1, 0]),
  time: Float64Array.from([0, 0.5, 1]),
  ...over,
});
const splits = () => [{ train: [1, 2], test: [0] }, { train: [0, 2], test: [1] }];

describe('sameStrips', () => {
  it('equal samples, as new objects, are the same', () => {
    expect(sameStrips(data(), data())).toBe(true);
    // The features are not drawn in the strips.
    expect(sameStrips(data(), data({ x: Float64Array.from([9, 9, 9, 9, 9, 9]) }))).toBe(true);
  });
  it('one class, group or time differing, or another sample count, is not', () => {
    expect(sameStrips(data(), data({ y: Int32Array.from([0, 1, 0]) }))).toBe(false);
    expect(sameStrips(data(), data({ group: Int32Array.from([1, 1, 0]) }))).toBe(false);
    expect(sameStrips(data(), data({ time: Float64Array.from([0, 0.5, 0.9]) }))).toBe(false);
    expect(sameStrips(data(), data({ n: 2, y: Int32Array.from([0, 1]), group: Int32Array.from([0, 1]), time: Float64Array.from([0, 0.5]) }))).toBe(false);
    // Same n, a longer array (a mismatch of lengths is caught, not read past the end).
    expect(sameStrips(data(), data({ y: Int32Array.from([0, 1, 1, 0]) }))).toBe(false);
  });
});

describe('sameSplits', () => {
  it('equal splits, as new arrays, are the same; so are two schemes that cannot split', () => {
    expect(sameSplits(splits(), splits())).toBe(true);
    expect(sameSplits(null, null)).toBe(true);
  });
  it('a moved sample, another split count, or splits against none, are not', () => {
    expect(sameSplits(splits(), [{ train: [1, 2], test: [0] }, { train: [0, 1], test: [2] }])).toBe(false);
    expect(sameSplits(splits(), [{ train: [2], test: [0, 1] }, { train: [0, 2], test: [1] }])).toBe(false);
    expect(sameSplits(splits(), splits().slice(0, 1))).toBe(false);
    // Only the test part moves (a time-series gap), or only the training part (its window).
    expect(sameSplits(splits(), [{ train: [1, 2], test: [] }, { train: [0, 2], test: [1] }])).toBe(false);
    expect(sameSplits(splits(), [{ train: [2], test: [0] }, { train: [0, 2], test: [1] }])).toBe(false);
    expect(sameSplits(splits(), null)).toBe(false);
    expect(sameSplits(null, splits())).toBe(false);
  });
});
