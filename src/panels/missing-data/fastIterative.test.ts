/**
 * The fast iterative imputer against the kit's (fitIterativeImputer with skipComplete, the
 * reference path it replaces): the same fills, the same chain of steps, the same number of
 * rounds, to the bit. On study data and on hand-made edge cases that take its other branches:
 * a column with nothing observed (one predictor), a wide table (four predictors), nothing
 * missing, everything missing, and data whose largest observed value is 0 (a tolerance of 0:
 * every round runs).
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../lib/learn/api';
import { bayesianRidge } from '../../lib/learn/linear';
import { fitIterativeImputer, iterativeTransform } from '../../lib/learn/impute';
import { stream } from '../../lib/random/rng';
import { drawSample } from './data';
import { features } from './model';
import { fitIterativeFast, ridgeOnRows } from './fastIterative';

const kit = (X: Matrix) => fitIterativeImputer(X, { skipComplete: true });
const nan = NaN;

describe('the fast iterative imputer equals the kit with skipComplete, to the bit', () => {
  it('on study data: all rows, the training rows and the whole table with t, across mechanisms and rates', () => {
    const cases = [
      [7, 0, 120, 0.6, 'mar', 0.3],
      [3, 2, 60, -0.9, 'mnar', 0.6],
      [11, 1, 90, 0.2, 'mcar', 0.45],
      [5, 4, 200, 0.9, 'mar', 0.1],
    ] as const;
    let rounds = 0;
    for (const [seed, draw, n, rho, mech, rate] of cases) {
      const s = drawSample(seed, draw, n, rho, mech, rate);
      for (const M of [features(s), features(s, 0, Math.round(0.7 * n)), features(s, 0, n, true)]) {
        const fast = fitIterativeFast(M), ref = kit(M);
        expect(fast).toEqual(ref);
        // The fitted chain replays on new rows as the kit's does (the test rows after the split).
        const test = features(s, Math.round(0.7 * n), n);
        expect(iterativeTransform(fast.model, test)).toEqual(iterativeTransform(ref.model, test));
        rounds += ref.model.nIter;
      }
    }
    // The cases stop at different rounds, so the convergence test is exercised, not just max_iter.
    expect(rounds).toBeLessThan(12 * 10);
  });

  it('a column with nothing observed: filled with 0, never a predictor (the others have one predictor left)', () => {
    const M = { data: Float64Array.from([nan, 1, 2, nan, nan, 1, nan, 3, 0, nan, 5, 4, nan, nan, 3]), n: 5, d: 3 };
    const fast = fitIterativeFast(M);
    expect(fast).toEqual(kit(M));
    expect(fast.model.empty).toEqual([true, false, false]);
    expect(Array.from({ length: 5 }, (_, i) => fast.imputed.data[i * 3])).toEqual([0, 0, 0, 0, 0]);
    expect(fast.model.steps.every((st) => st.from.length === 1 && st.from[0] === 2)).toBe(true);
  });

  it('five columns with gaps in three (four predictors each), and rows missing several values', () => {
    const g = stream(1, 'wide');
    const n = 30, d = 5;
    const data = Float64Array.from({ length: n * d }, () => g.normal());
    for (let i = 0; i < n; i++) for (const j of [0, 2, 4]) if (g.next() < 0.25 + 0.1 * j) data[i * d + j] = nan;
    const M = { data, n, d };
    const fast = fitIterativeFast(M);
    expect(fast).toEqual(kit(M));
    // Ascending order: the column with the fewest gaps is fitted first.
    const gaps = [0, 2, 4].map((j) => Array.from({ length: n }, (_, i) => Number.isNaN(data[i * d + j])).filter(Boolean).length);
    expect(fast.model.steps[0].feat).toBe([0, 2, 4][gaps.indexOf(Math.min(...gaps))]);
  });

  it('nothing missing: the data unchanged, one round, no step', () => {
    const M = { data: Float64Array.from([1, 2, 3, 4, 5, 7, 2, 0, 1]), n: 3, d: 3 };
    const fast = fitIterativeFast(M);
    expect(fast).toEqual(kit(M));
    expect(Array.from(fast.imputed.data)).toEqual(Array.from(M.data));
    expect(fast.model.nIter).toBe(1);
    expect(fast.model.steps).toEqual([]);
  });

  it('everything missing: zeros, no round', () => {
    const M = { data: new Float64Array(6).fill(nan), n: 2, d: 3 };
    const fast = fitIterativeFast(M);
    expect(fast).toEqual(kit(M));
    expect(Array.from(fast.imputed.data)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(fast.model.nIter).toBe(0);
  });

  it('every observed value 0: the tolerance is 0, so all 10 rounds run (2 steps each)', () => {
    const M = { data: Float64Array.from([0, nan, 0, nan, 0, 0, 0, 0, 0, 0, nan, 0]), n: 4, d: 3 };
    const fast = fitIterativeFast(M);
    expect(fast).toEqual(kit(M));
    expect(fast.model.nIter).toBe(10);
    expect(fast.model.steps).toHaveLength(20);
  });

  it('the starting means are the observed means, worked by hand', () => {
    // x: 1, 3 (mean 2); y: 4, 6, 8 (mean 6); z: 1, 2, 3, 6 (mean 3).
    const M = { data: Float64Array.from([1, nan, 1, nan, 4, 2, 3, 6, 3, nan, 8, 6]), n: 4, d: 3 };
    expect(Array.from(fitIterativeFast(M).model.start)).toEqual([2, 6, 3]);
    expect(fitIterativeFast(M)).toEqual(kit(M));
  });
});

describe('ridgeOnRows: BayesianRidge over some rows of a table, without copying the design', () => {
  it('equals the kit on the copied design, for two, three and one predictors', () => {
    const g = stream(2, 'ridge');
    const n = 25, d = 4;
    const D = Float64Array.from({ length: n * d }, () => g.normal());
    const rows = Int32Array.from([0, 2, 3, 5, 8, 9, 11, 12, 15, 18, 20, 24]);
    for (const [f, from] of [[1, [0, 2]], [3, [0, 1, 2]], [0, [3]], [2, [3, 0]]] as [number, number[]][]) {
      const A = { data: new Float64Array(rows.length * from.length), n: rows.length, d: from.length };
      const y = new Float64Array(rows.length);
      rows.forEach((i, r) => {
        from.forEach((j, t) => (A.data[r * from.length + t] = D[i * d + j]));
        y[r] = D[i * d + f];
      });
      expect(ridgeOnRows(D, d, rows, f, from)).toEqual(bayesianRidge(A, y));
    }
  });
});
