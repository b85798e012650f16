/**
 * Noise sets kept between settings give the leak demo's numbers of fresh sets, to the bit: a
 * worker's sequence of settings (noise features up and down, other folds, other neighbours and
 * kept features, a new sample count or seed, the sliders' ends) through one NoiseSets against
 * the plain computation as it was before the sets were kept (a fresh draw of every column).
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../lib/random/rng';
import { defaults } from '../../lib/params/schema';
import { drain } from '../../lib/panel/schedule';
import { makeNoise } from './data';
import { knnAccuracies } from './knn';
import { LEAK_SETS, leakSet, selectionScores, stats, type LeakParams } from './model';
import { leakPartRun } from './leakParts';
import { NoiseSet, NoiseSets } from './noiseSets';
import { columnSums, gather, minusSums, topColumns } from './selection';
import { kFold, stratifiedKFold } from './splitters';
import { schema } from './params';

/** selectionScores before noise sets were kept (verbatim but for the names): every column drawn and summed afresh. */
function plainScores(p: LeakParams, set: number): { leaky: number; honest: number } {
  const nf = Math.round(p.features);
  const data = makeNoise(stream(p.seed, `noise-${set}`), p.n, nf);
  const keep = Math.min(p.keep, nf);
  const splitRng = stream(p.seed, `noise-split-${set}`);
  const ones = data.y.reduce((a, b) => a + b, 0);
  const splits = Math.min(ones, p.n - ones) >= p.folds ? stratifiedKFold(data.y, p.folds, true, splitRng) : kFold(p.n, p.folds, true, splitRng);
  const all = Array.from({ length: p.n }, (_, i) => i);
  const total = columnSums(data.x, p.n, nf, data.y, all);
  const leakyPts = gather(data.x, p.n, topColumns(total, keep));
  const leaky: number[] = [];
  const honest: number[] = [];
  for (const s of splits) {
    leaky.push(knnAccuracies(leakyPts, data.y, s.train, leakyPts, data.y, s.test, [p.k])[0]);
    const trainSums = minusSums(total, columnSums(data.x, p.n, nf, data.y, s.test));
    const pts = gather(data.x, p.n, topColumns(trainSums, keep));
    honest.push(knnAccuracies(pts, data.y, s.train, pts, data.y, s.test, [p.k])[0]);
  }
  return { leaky: stats(leaky).mean, honest: stats(honest).mean };
}

const D = { ...defaults(schema), leak: 'selection' as const };
// A learner's path: each setting from the one before it, so the kept sets grow, shrink and are replaced.
const path: Partial<LeakParams>[] = [
  {},
  { features: 631 },
  { features: 2000 },
  { features: 1585 },
  { features: 10 },
  { features: 10.4 }, // rounds to the same 10 columns
  { features: 12.6 },
  { features: 2000, keep: 50 },
  { features: 2000, keep: 1, k: 1 },
  { folds: 10 },
  { folds: 2, features: 300 },
  { n: 12, folds: 10, features: 30 }, // fewer samples per class than folds: plain k-fold
  { n: 60, folds: 10, features: 2000, keep: 50, k: 25 },
  { n: 60, folds: 3, features: 400 },
  { seed: 7, features: 800 },
  { seed: 7, features: 900, n: 31 },
];

describe('noise sets kept between settings', () => {
  it('score every set of a path of settings as fresh sets do, to the bit', () => {
    const kept = new NoiseSets();
    for (const over of path) {
      const p: LeakParams = { ...D, ...over };
      for (const s of [0, 1, 5, LEAK_SETS - 1]) {
        const want = plainScores(p, s);
        const got = leakSet(p, s, kept);
        expect(Object.is(got.leaky, want.leaky) && Object.is(got.honest, want.honest), `${JSON.stringify(over)} set ${s}`).toBe(true);
        // The default (a fresh NoiseSet) as well.
        expect(selectionScores(p, s)).toEqual(want);
      }
    }
  });

  it('a half of the demo in a worker gives the same sets with or without kept noise', () => {
    const kept = new NoiseSets();
    for (const over of path.slice(0, 6)) {
      const p = { ...D, ...over, shard: 1 as const, shards: 2 as const };
      const fresh = drain(leakPartRun(p, new NoiseSets()));
      expect(drain(leakPartRun(p, kept))).toEqual(fresh);
    }
  });

  it('gives the fresh set’s columns, splits and column sums after every step of a path', () => {
    const set = new NoiseSet(4, 30, 2);
    const steps: [number, number][] = [[100, 5], [250, 5], [40, 5], [40, 7], [2000, 7], [1999, 2], [10, 10], [500, 10]];
    for (const [nf, folds] of steps) {
      const v = set.view(nf, folds);
      const fresh = makeNoise(stream(4, 'noise-2'), 30, nf);
      const at = `${nf} features, ${folds} folds`;
      expect(Array.from(v.x.subarray(0, 30 * nf)), at).toEqual(Array.from(fresh.x));
      expect(Array.from(v.y), at).toEqual(Array.from(fresh.y));
      const splitRng = stream(4, 'noise-split-2');
      expect(v.splits, at).toEqual(stratifiedKFold(fresh.y, folds, true, splitRng));
      const all = Array.from({ length: 30 }, (_, i) => i);
      const sums = [columnSums(fresh.x, 30, nf, fresh.y, all), ...v.splits.map((sp) => columnSums(fresh.x, 30, nf, fresh.y, sp.test))];
      [v.total, ...v.tests].forEach((got, i) => {
        const want = sums[i];
        expect([got.count, got.y], at).toEqual([want.count, want.y]);
        for (const key of ['z', 'zz', 'zy'] as const) expect(Array.from(got[key]), `${at}: ${key} of sums ${i}`).toEqual(Array.from(want[key]));
      });
    }
  });

  it('draws only the columns a setting adds', () => {
    const set = new NoiseSet(3, 30, 0);
    const a = set.view(100, 5);
    const first = a.x.slice(0, 100 * 30);
    const b = set.view(250, 5);
    expect(b.x.subarray(0, 100 * 30)).toEqual(first);
    expect(b.x).not.toBe(a.x); // it grew
    expect(set.view(40, 5).x).toBe(b.x); // fewer: the same columns, nothing drawn
    expect(b.total.z.length).toBe(250);
    expect(set.view(40, 5).total.z.length).toBe(40);
    expect(Array.from(b.x.subarray(0, 250 * 30))).toEqual(Array.from(makeNoise(stream(3, 'noise-0'), 30, 250).x));
  });

  it('keeps one set per index and replaces it for another seed or sample count', () => {
    const kept = new NoiseSets();
    const a = kept.get(1, 30, 2);
    expect(kept.get(1, 30, 2)).toBe(a);
    expect(kept.get(1, 31, 2)).not.toBe(a);
    const b = kept.get(1, 31, 2);
    expect(kept.get(2, 31, 2)).not.toBe(b);
    expect(kept.get(1, 31, 3)).not.toBe(kept.get(1, 31, 2));
  });
});
