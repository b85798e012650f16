/**
 * The leak demo split over two workers gives the one-run numbers to the bit: every set once, in
 * set order, for both leaks, a grouped setting the honest splitter cannot split, and the merge
 * refuses halves that miss or repeat a set.
 */
import { describe, expect, it } from 'vitest';
import { drain } from '../../lib/panel/schedule';
import { computeLeak, LEAK_SETS, type LeakParams } from './model';
import { leakPartRun, mergeLeak } from './leakParts';
import { schema } from './params';
import { defaults } from '../../lib/params/schema';

const base = (over: Partial<LeakParams>): LeakParams => ({ ...defaults(schema), ...over });
const halves = (p: LeakParams) => [drain(leakPartRun({ ...p, shard: 0, shards: 2 })), drain(leakPartRun({ ...p, shard: 1, shards: 2 }))];

describe('the leak demo in two halves', () => {
  it.each([
    ['feature selection, 120 noise features', { leak: 'selection', features: 120, seed: 3 }],
    ['feature selection, 12 samples in 10 folds (plain k-fold)', { leak: 'selection', n: 12, folds: 10, features: 30 }],
    ['grouped data', { leak: 'groups', groups: 6, groupEffect: 1, seed: 5 }],
    ['grouped data the group splitter cannot split', { leak: 'groups', groups: 3, folds: 5 }],
  ] as const)('%s: equal to one run over all sets', (_, over) => {
    const p = base(over as Partial<LeakParams>);
    const [a, b] = halves(p);
    expect(a.sets.length + b.sets.length).toBe(LEAK_SETS);
    expect(a.sets.every((x) => x.s % 2 === 0) && b.sets.every((x) => x.s % 2 === 1)).toBe(true);
    expect(mergeLeak(p, [a, b])).toEqual(computeLeak(p));
    expect(mergeLeak(p, [b, a])).toEqual(computeLeak(p)); // the order the halves come in does not matter
  });

  it('the unsplittable grouped setting keeps its error and no honest score', () => {
    const p = base({ leak: 'groups', groups: 3, folds: 5 });
    const r = mergeLeak(p, halves(p));
    expect(r.error).toMatch(/group/i);
    expect(r.honest).toEqual([]);
    expect(r.honestStats).toBeNull();
  });

  it('names its leak and the features it kept, at most as many as there are', () => {
    const p = base({ leak: 'selection', features: 12, keep: 30 });
    expect(mergeLeak(p, halves(p))).toMatchObject({ kind: 'selection', kept: 12, features: 12 });
    const q = base({ leak: 'selection', features: 40, keep: 7 });
    expect(mergeLeak(q, halves(q))).toMatchObject({ kind: 'selection', kept: 7, features: 40 });
  });

  it('refuses halves that miss or repeat a set', () => {
    const p = base({ leak: 'selection', features: 20 });
    const [a, b] = halves(p);
    expect(() => mergeLeak(p, [a])).toThrow(`data sets 0 to ${LEAK_SETS - 1} once each`);
    expect(() => mergeLeak(p, [a, a])).toThrow(`data sets 0 to ${LEAK_SETS - 1} once each`);
    expect(() => mergeLeak(p, [a, { sets: [...b.sets.slice(1), b.sets[0], b.sets[0]] }])).toThrow(`data sets 0 to ${LEAK_SETS - 1} once each`);
    // The right count, but set 1 missing and set 0 twice.
    expect(() => mergeLeak(p, [a, { sets: [...b.sets.slice(1), a.sets[0]] }])).toThrow(`data sets 0 to ${LEAK_SETS - 1} once each`);
  });
});
