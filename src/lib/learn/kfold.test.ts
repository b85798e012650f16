/** Stratified split and folds: every row exactly once, class shares kept, fold sizes balanced, seeded. */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import { foldRows, stratifiedFolds, stratifiedSplit } from './kfold';

// 3 classes of 50, 30 and 7 rows, interleaved, plus rows outside `rows` that must be ignored.
const y = Int32Array.from({ length: 100 }, (_, i) => (i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2));
const rows = Int32Array.from({ length: 87 }, (_, i) => i);
const count = (list: ArrayLike<number>, c: number) => Array.from(list).filter((r) => y[r] === c).length;

describe('stratifiedSplit', () => {
  it('holds out round(share · n_c) of each class; train ∪ test = rows, disjoint, sorted', () => {
    const { train, test } = stratifiedSplit(y, rows, 0.2, stream(3, 'split'));
    for (let c = 0; c < 3; c++) {
      const nc = count(rows, c);
      expect(count(test, c)).toBe(Math.max(1, Math.round(0.2 * nc)));
      expect(count(train, c) + count(test, c)).toBe(nc);
    }
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(Array.from(rows));
    expect(Array.from(test)).toEqual([...test].sort((a, b) => a - b));
  });
  it('is a function of the rng: the same seed, the same split; another seed, another', () => {
    const a = stratifiedSplit(y, rows, 0.3, stream(1, 'split')).test;
    expect(stratifiedSplit(y, rows, 0.3, stream(1, 'split')).test).toEqual(a);
    expect(Array.from(stratifiedSplit(y, rows, 0.3, stream(2, 'split')).test)).not.toEqual(Array.from(a));
  });
});

describe('stratifiedFolds', () => {
  for (const k of [2, 5, 10]) {
    it(`k = ${k}: each class ⌊n_c/k⌋ or ⌈n_c/k⌉ per fold, fold sizes within one`, () => {
      const fold = stratifiedFolds(y, rows, k, stream(5, 'folds'));
      const sizes: number[] = [];
      for (let f = 0; f < k; f++) {
        const { train, valid } = foldRows(rows, fold, f);
        expect(train.length + valid.length).toBe(rows.length);
        sizes.push(valid.length);
        for (let c = 0; c < 3; c++) {
          const nc = count(rows, c), got = count(valid, c);
          expect(got).toBeGreaterThanOrEqual(Math.floor(nc / k));
          expect(got).toBeLessThanOrEqual(Math.ceil(nc / k));
        }
      }
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows.length);
    });
  }
});
