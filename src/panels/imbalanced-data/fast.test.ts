/**
 * The cheaper paths fitAll takes (issue 8: the imbalance slider refits everything at every step)
 * against the kit's plain ones, to the bit: the PR curve by typed-array sorts (curve.ts) against
 * prCurve, and Tomek links' nearest rows with the majority rows' pairs kept between calls
 * (resample.ts nearestOthers) against a kNearest call per row.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/random/rng';
import { kNearest } from '../../lib/learn/knn';
import { prCurve, type PrCurve } from '../../lib/learn/metrics';
import type { Matrix } from '../../lib/learn/api';
import { defaults } from '../../lib/params/schema';
import { prCurveSorted } from './curve';
import { nearestOthers, tomekLinks } from './resample';
import { fitAll, splitFor, type ImbalanceInput } from './model';
import { generatedSplit } from './data';
import { METHODS, schema } from './params';

const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));
const sameCurve = (a: PrCurve | null, b: PrCurve | null) =>
  a === null || b === null ? a === b : same(a.precision, b.precision) && same(a.recall, b.recall) && same(a.thresholds, b.thresholds);

/** kNearest with k 1 per row, the row itself left out: the plain Tomek neighbour. */
const plainNearest = (X: Matrix) => Int32Array.from({ length: X.n }, (_, i) => (X.n > 1 ? kNearest(X, X.data.subarray(i * X.d, i * X.d + X.d), 1, { exclude: i })[0] : -1));

const input = (over: Partial<ImbalanceInput> = {}): ImbalanceInput => ({ ...defaults(schema), sensors: null, ...over }) as ImbalanceInput;

describe('prCurveSorted', () => {
  it('equals prCurve to the bit on scores with many ties, any share of positives, and labels other than 0 and 1', () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 300; trial++) {
      const n = trial % 50 === 0 ? trial % 3 : 1 + rng.int(400);
      const levels = [2, 5, 20, 1e6][trial % 4];
      const share = [0, 0.01, 0.2, 0.5, 1][trial % 5];
      const s = Float64Array.from({ length: n }, () => Math.floor(rng.next() * levels) / levels);
      const y = Int32Array.from({ length: n }, () => (rng.next() < share ? 1 : trial % 7 === 0 ? 2 : 0));
      expect(sameCurve(prCurveSorted(y, s), prCurve(y, s))).toBe(true);
    }
  });

  it('hands NaN, infinite and negative-zero scores to prCurve', () => {
    const y = [1, 0, 1, 0, 0];
    for (const odd of [NaN, Infinity, -Infinity, -0]) {
      const s = [0.3, odd, 0.3, 0, 0.9];
      expect(sameCurve(prCurveSorted(y, s), prCurve(y, s))).toBe(true);
    }
  });

  it('gives fitAll the curves and average precisions of the kit (every method, several settings)', () => {
    for (const over of [{}, { ratio: 1 }, { ratio: 200, k: 1 }, { overlap: 0, ratio: 3.5 }, { overlap: 1, seed: 9 }]) {
      const f = fitAll(input(over));
      const y = f.split.test.y;
      for (const m of METHODS) expect(sameCurve(f.fits[m].pr, prCurve(y, f.fits[m].scores))).toBe(true);
    }
  });
});

describe('nearestOthers', () => {
  it('equals a kNearest call per row over a walk of the imbalance (the majority rows kept), seeds and overlaps', () => {
    const walk: [number, number, number][] = [];
    for (const ratio of [20, 21, 23, 25, 2, 1, 200, 150]) walk.push([3, ratio, 0.5]);
    walk.push([3, 20, 0.1], [4, 20, 0.1], [3, 20, 0.1]);
    for (const [seed, ratio, overlap] of walk) {
      const { X, y } = generatedSplit(seed, ratio, overlap).train;
      let lead = 0;
      while (lead < X.n && y[lead] === 0) lead++;
      expect(same(nearestOthers(X, lead), plainNearest(X))).toBe(true);
    }
  });

  it('breaks ties as kNearest does (lower row), on a small grid with repeated points, for any kept prefix', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 60; trial++) {
      const n = trial < 3 ? trial : 2 + rng.int(60);
      const X: Matrix = { data: Float64Array.from({ length: n * 2 }, () => rng.int(4)), n, d: 2 };
      for (const m of [0, 1, Math.floor(n / 2), n, n + 3]) {
        expect(same(nearestOthers(X, m), plainNearest(X))).toBe(true);
        // A second call with the same rows reuses the kept prefix.
        expect(same(nearestOthers(X, m), plainNearest(X))).toBe(true);
      }
      // The same prefix length with other values must not reuse what was kept.
      const Y: Matrix = { data: X.data.map((v) => v + (rng.next() < 0.2 ? 1 : 0)), n, d: 2 };
      expect(same(nearestOthers(Y, Math.floor(n / 2)), plainNearest(Y))).toBe(true);
    }
  });

  it('leaves Tomek links unchanged at every ratio of the default walk', () => {
    for (const ratio of [20, 20.9, 21.9, 22.9, 24, 25.1, 55]) {
      const { X, y } = splitFor(input({ ratio })).train;
      const nn = plainNearest(X);
      const want: number[] = [];
      for (let i = 0; i < X.n; i++) if (nn[i] > i && nn[nn[i]] === i && y[i] !== y[nn[i]]) want.push(i, nn[i]);
      expect(Array.from(tomekLinks(X, y).links!)).toEqual(want);
    }
  });
});
