/**
 * The shared k-NN fills against four separate fits of the kit's knnImpute (itself checked
 * against scikit-learn and a full sort in impute.test.ts), equal to the bit: the same operations
 * in the same order. modelFast.test.ts compares whole analyses and the worker's cache.
 */
import { describe, expect, it } from 'vitest';
import { knnImpute } from '../../lib/learn/impute';
import { drawSample, TEST_SHARE, type Sample } from './data';
import { features } from './model';
import { knnFills } from './modelKnn';

const nTrainOf = (n: number) => n - Math.round(TEST_SHARE * n);

/** The four kit fits the study needs: on all rows, on the training rows (for both sets), on the table with t. */
function kitFills(s: Sample, k: number, nTrain = nTrainOf(s.n)) {
  const train = features(s, 0, nTrain), test = features(s, nTrain, s.n);
  return {
    all: Array.from(knnImpute(features(s), { k }).data),
    split: [...knnImpute(train, { k }).data, ...knnImpute(train, { k }, test).data],
    table: Array.from(knnImpute(features(s, 0, s.n, true), { k }).data),
  };
}

const cases: [number, number, number, number, 'mcar' | 'mar' | 'mnar', number, number][] = [
  // seed, draw, n, rho, mechanism, rate, k
  [7, 0, 120, 0.6, 'mar', 0.3, 5],
  [3, 2, 60, -0.9, 'mnar', 0.6, 15],
  [11, 1, 90, 0.2, 'mcar', 0.45, 1],
  [5, 4, 40, 0.9, 'mnar', 0.6, 7],
];

describe('the shared k-NN fills equal four separate knnImpute fits, to the bit', () => {
  for (const [seed, draw, n, rho, mech, rate, k] of cases) {
    it(`${mech} ${rate} n ${n} k ${k}`, () => {
      const s = drawSample(seed, draw, n, rho, mech, rate);
      const f = knnFills(s, k, nTrainOf(n)), want = kitFills(s, k);
      expect(s.missX.some((v) => v === 1) && s.missY.some((v) => v === 1)).toBe(true);
      expect(Array.from(f.all.data)).toEqual(want.all);
      expect(Array.from(f.split.data)).toEqual(want.split);
      expect(Array.from(f.table.data)).toEqual(want.table);
      expect([f.all.n, f.all.d, f.split.n, f.split.d, f.table.n, f.table.d]).toEqual([n, 3, n, 3, n, 4]);
    });
  }
  it('a column with no donor among the training rows is filled with 0 there, as knnImpute does', () => {
    // x missing in every training row (rows 0..6 of 10) and in one test row; y missing once.
    const n = 10, v = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
    const s: Sample = { n, x: v((i) => i), y: v((i) => 2 * i + 1), z: v((i) => i % 3), t: v((i) => -i), missX: Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 0, 1, 0]), missY: Uint8Array.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]) };
    const f = knnFills(s, 2, nTrainOf(n)), want = kitFills(s, 2);
    expect(Array.from(f.split.data)).toEqual(want.split);
    expect(f.split.data[0]).toBe(0);
    expect(f.split.data[8 * 3]).toBe(0);
    expect(Array.from(f.all.data)).toEqual(want.all);
    expect(f.all.data[0]).toBe((7 + 9) / 2); // the two donors of x, rows 7 and 9
    expect(Array.from(f.table.data)).toEqual(want.table);
    // k above every donor count: each fit averages all its donors (2 of x overall, 9 of y, 6 of y in training).
    const all = knnFills(s, 15, nTrainOf(n)), wantAll = kitFills(s, 15);
    expect(Array.from(all.all.data)).toEqual(wantAll.all);
    expect(Array.from(all.split.data)).toEqual(wantAll.split);
    expect(all.all.data[0]).toBe((7 + 9) / 2);
    expect(all.split.data[1 * 3 + 1]).toBe([1, 5, 7, 9, 11, 13].reduce((a, b) => a + b, 0) / 6);
  });
  it('ties: knnImpute keeps the lower row of equal distances, whatever order the donors are visited in', () => {
    // Small integers: many exactly equal distances (and equal z and t, so the visits by z and by
    // t meet runs of equal keys), duplicated rows, gaps in both columns, k from 1 to past the donors.
    const n = 60, v = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
    const s: Sample = {
      n,
      x: v((i) => (i * 7) % 5),
      y: v((i) => (i * 3) % 4),
      z: v((i) => (i * 5) % 3),
      t: v((i) => (i * 11) % 6 - 2),
      missX: Uint8Array.from({ length: n }, (_, i) => (i % 4 === 1 || i % 9 === 0 ? 1 : 0)),
      missY: Uint8Array.from({ length: n }, (_, i) => (i % 5 === 2 || i % 9 === 0 ? 1 : 0)),
    };
    for (const k of [1, 2, 3, 5, 8, 15, 50]) {
      const f = knnFills(s, k, nTrainOf(n)), want = kitFills(s, k);
      expect(Array.from(f.all.data)).toEqual(want.all);
      expect(Array.from(f.split.data)).toEqual(want.split);
      expect(Array.from(f.table.data)).toEqual(want.table);
    }
  });
  it('every z equal, and every t equal: one run of equal keys', () => {
    const s = drawSample(4, 1, 50, 0.5, 'mcar', 0.4);
    const flat: Sample = { ...s, z: s.z.map(() => 0.25), t: s.t.map(() => -1) };
    for (const k of [1, 5]) {
      const f = knnFills(flat, k, nTrainOf(flat.n)), want = kitFills(flat, k);
      expect(Array.from(f.all.data)).toEqual(want.all);
      expect(Array.from(f.split.data)).toEqual(want.split);
      expect(Array.from(f.table.data)).toEqual(want.table);
    }
  });
  it('larger data sets and k, after smaller ones (the reused buffers grow)', () => {
    for (const [n, k] of [[30, 2], [400, 15], [120, 5]]) {
      const s = drawSample(13, 2, n, 0.7, 'mar', 0.5);
      const f = knnFills(s, k, nTrainOf(n)), want = kitFills(s, k);
      expect(Array.from(f.all.data)).toEqual(want.all);
      expect(Array.from(f.split.data)).toEqual(want.split);
      expect(Array.from(f.table.data)).toEqual(want.table);
    }
  });
  it('no training rows at all: the split fit has no donor and fills 0 everywhere, as knnImpute does', () => {
    const s = drawSample(7, 0, 30, 0.6, 'mar', 0.4);
    const f = knnFills(s, 3, 0), want = kitFills(s, 3, 0);
    expect(Array.from(f.split.data)).toEqual(want.split);
    for (let i = 0; i < s.n; i++) if (s.missX[i]) expect(f.split.data[i * 3]).toBe(0);
    expect(Array.from(f.all.data)).toEqual(want.all);
  });
});
