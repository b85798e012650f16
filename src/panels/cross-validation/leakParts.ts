/**
 * The leak demo in two workers (issue 8): its LEAK_SETS data sets are independent (each draws
 * from its own seeded streams), so each worker scores every other set and the page joins the
 * two halves with leakResult, which takes means in set order: the numbers are those of one run
 * over all sets, to the bit (leakParts.test.ts). At 2000 noise features one run costs ~90 ms of
 * CPU; each half costs about half of it.
 */
import type { Half } from '../../lib/worker/useHalvesComputed';
import type { Stepwise } from '../../lib/panel/schedule';
import { LEAK_SETS, leakResult, leakSet, type LeakParams, type LeakResult, type LeakSet } from './model';
import { NoiseSets } from './noiseSets';

/** This worker's noise sets, kept between settings (noiseSets.ts: a new setting draws and sums only new columns). */
export const kept = new NoiseSets();

export interface LeakPart {
  sets: LeakSet[];
}

/** The sets s with s mod shards = shard, one per step (sliced in the worker between cancel checks). */
export function leakPartRun(p: Half<LeakParams>, noise: NoiseSets = kept): Stepwise<LeakPart> {
  const mine = Array.from({ length: LEAK_SETS }, (_, s) => s).filter((s) => s % p.shards === p.shard);
  const sets: LeakSet[] = [];
  return {
    step() {
      if (sets.length < mine.length) sets.push(leakSet(p, mine[sets.length], noise));
      return sets.length >= mine.length;
    },
    result: () => ({ sets }),
  };
}

/** The demo's result from the halves (refused unless together they hold every set once). */
export function mergeLeak(p: LeakParams, parts: readonly LeakPart[]): LeakResult {
  return leakResult(p, parts.flatMap((x) => x.sets));
}
