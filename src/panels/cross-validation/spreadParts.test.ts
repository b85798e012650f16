/**
 * The spread split over two workers gives the one-run numbers to the bit: every shuffle once, in
 * shuffle order; one shuffle's scores checked against a brute-force k-NN (full sort of every
 * training sample by distance, then index); and the merge refuses halves that miss or repeat a
 * shuffle.
 */
import { describe, expect, it } from 'vitest';
import { drain } from '../../lib/panel/schedule';
import { defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { computeSpread, dataFor, spreadRun, type SpreadParams } from './model';
import { mergeSpread, spreadPartRun, type SpreadPart } from './spreadParts';
import { kFold } from './splitters';
import { schema } from './params';

const base = (over: Partial<SpreadParams>): SpreadParams => ({ ...defaults(schema), ...over });
const halves = (p: SpreadParams): [SpreadPart, SpreadPart] => [drain(spreadPartRun({ ...p, shard: 0, shards: 2 })), drain(spreadPartRun({ ...p, shard: 1, shards: 2 }))];

/** k-NN label of sample q from the training samples by a full sort (ties: lower index; tied vote: the nearest's class). */
function brute(x: Float64Array, y: Int32Array, train: number[], q: number, k: number): number {
  const by = train.map((i) => ({ i, s: (x[2 * i] - x[2 * q]) ** 2 + (x[2 * i + 1] - x[2 * q + 1]) ** 2 })).sort((a, b) => a.s - b.s || a.i - b.i);
  const top = by.slice(0, Math.min(k, by.length));
  const ones = top.filter((t) => y[t.i] === 1).length;
  return 2 * ones > top.length ? 1 : 2 * ones < top.length ? 0 : y[top[0].i];
}

describe('the spread in two halves', () => {
  it.each([
    ['defaults, 20 shuffles', { repeats: 20 }],
    ['an odd number of shuffles (21), 10 folds on 60 samples', { repeats: 21, folds: 10, n: 60, k: 9 }],
    ['12 samples, 2 folds, k above the training set', { repeats: 30, n: 12, folds: 2, k: 25, seed: 7 }],
  ] as const)('%s: equal to one run over all shuffles', (_, over) => {
    const p = base(over);
    const [a, b] = halves(p);
    expect(a.r).toEqual(Array.from({ length: Math.ceil(p.repeats / 2) }, (_, i) => 2 * i));
    expect(b.r).toEqual(Array.from({ length: Math.floor(p.repeats / 2) }, (_, i) => 2 * i + 1));
    expect(mergeSpread(p, [a, b])).toEqual(computeSpread(p));
    expect(mergeSpread(p, [b, a])).toEqual(computeSpread(p)); // the order the halves come in does not matter
  });

  it('carries the folds it was computed for (the plot labels its numbers with them while a newer setting computes)', () => {
    for (const folds of [2, 7, 10]) {
      const p = base({ repeats: 4, folds });
      expect(mergeSpread(p, halves(p)).folds).toBe(folds);
      expect(computeSpread(p).folds).toBe(folds);
    }
  });

  it('a shuffle of the second half scores its first fold and its fold mean as a brute-force k-NN does', () => {
    const p = base({ repeats: 8, n: 24, folds: 4, k: 3, seed: 2 });
    const d = dataFor(p);
    const [, b] = halves(p);
    const r = 5, at = b.r.indexOf(r);
    const accs = kFold(d.n, p.folds, true, stream(p.seed, `spread-${r}`)).map((s) => s.test.filter((q) => brute(d.x, d.y, s.train, q, p.k) === d.y[q]).length / s.test.length);
    expect(b.single[at]).toBe(accs[0]);
    expect(b.kfold[at]).toBeCloseTo(accs.reduce((u, v) => u + v, 0) / accs.length, 12);
    expect(mergeSpread(p, halves(p)).single[r]).toBe(accs[0]);
  });

  it('a step after the last shuffle adds none (one run or a half)', () => {
    const p = base({ repeats: 5 });
    const one = spreadRun(p);
    while (!one.step());
    expect(one.step()).toBe(true);
    expect(one.result().single).toHaveLength(5);
    const half = spreadPartRun({ ...p, shard: 1, shards: 2 });
    while (!half.step());
    expect(half.step()).toBe(true);
    expect(half.result().r).toEqual([1, 3]);
  });

  it('refuses halves that miss or repeat a shuffle', () => {
    const p = base({ repeats: 10 });
    const [a, b] = halves(p);
    const msg = 'shuffles 0 to 9 once each';
    expect(() => mergeSpread(p, [a])).toThrow(msg);
    expect(() => mergeSpread(p, [a, a])).toThrow(msg);
    expect(() => mergeSpread(p, [a, { ...b, r: [...b.r.slice(1), 10] }])).toThrow(msg);
    expect(() => mergeSpread(p, [a, { ...b, r: [...b.r.slice(1), -1] }])).toThrow(msg);
    // The right count, but shuffle 1 missing and shuffle 0 twice.
    expect(() => mergeSpread(p, [a, { ...b, r: [...b.r.slice(1), 0] }])).toThrow(msg);
  });
});
