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

describe('small classes, odd k and rows out of order', () => {
  // 7 rows of class 0, 2 of class 1, none of class 2, 1 of class 3.
  const y2 = Int32Array.from([0, 0, 1, 0, 3, 0, 1, 0, 0, 0]);
  const all = Int32Array.from({ length: 10 }, (_, i) => i);
  const classes = (list: Int32Array) => Array.from(list, (r) => y2[r]).sort();
  it('a class of two or more rows gives at least one row to each side; a one-row class only when round(share) says so', () => {
    // share 0.05: round(0.35) = round(0.1) = 0 → one row of class 0 and of class 1; class 3's row stays.
    expect(classes(stratifiedSplit(y2, all, 0.05, stream(1, 'split')).test)).toEqual([0, 1]);
    // share 0.95: class 0 keeps 1 of 7, class 1 keeps 1 of 2, class 3's single row (round(0.95) = 1) goes.
    const hi = stratifiedSplit(y2, all, 0.95, stream(1, 'split'));
    expect(classes(hi.train)).toEqual([0, 1]);
    expect(classes(hi.test)).toEqual([0, 0, 0, 0, 0, 0, 1, 3]);
    // share 0: nothing held out.
    expect(stratifiedSplit(y2, all, 0, stream(1, 'split')).test).toHaveLength(0);
  });
  it('folds follow the order of `rows`, not the row numbers; k is floored and at least 1', () => {
    const rev = Int32Array.from([9, 7, 5, 4, 3, 2, 1, 0]); // row 6 and 8 left out
    const fold = stratifiedFolds(y2, rev, 2.7, stream(4, 'folds'));
    expect(new Set(fold)).toEqual(new Set([0, 1]));
    // Class by class in a seeded order, dealt in turn: class 0 has 6 rows here (3 per fold).
    for (let f = 0; f < 2; f++) {
      const { train, valid } = foldRows(rev, fold, f);
      expect(Array.from(valid, (r) => y2[r]).filter((c) => c === 0)).toHaveLength(3);
      // Each list keeps the order of `rev` (decreasing row numbers).
      for (const list of [train, valid]) expect(Array.from(list)).toEqual([...list].sort((a, b) => b - a));
      expect([...train, ...valid].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 7, 9]);
    }
    expect(Array.from(stratifiedFolds(y2, rev, 0, stream(4, 'folds')))).toEqual(new Array(8).fill(0));
  });
});
