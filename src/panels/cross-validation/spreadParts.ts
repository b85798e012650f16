/**
 * The spread in two workers (issue 8): its shuffles are independent (shuffle r draws from its
 * own seeded stream), so each worker scores every other shuffle and the page joins the halves in
 * shuffle order before any mean or spread is taken: the numbers are those of one run over all
 * shuffles, to the bit (spreadParts.test.ts). The main job and each half of the leak demo share
 * these two workers, so a slider that moves all three keeps both cores busy about equally.
 */
import type { Half } from '../../lib/worker/useHalvesComputed';
import type { Stepwise } from '../../lib/panel/schedule';
import { dataFor, spreadResult, spreadShuffle, type SpreadParams, type SpreadResult } from './model';

export interface SpreadPart {
  /** The shuffles scored here, ascending. */
  r: number[];
  single: number[];
  kfold: number[];
  n: number;
}

/** The shuffles r with r mod shards = shard, one per step (sliced in the worker between cancel checks). */
export function spreadPartRun(p: Half<SpreadParams>): Stepwise<SpreadPart> {
  const data = dataFor(p);
  const part: SpreadPart = { r: [], single: [], kfold: [], n: data.n };
  let r = p.shard;
  return {
    step() {
      if (r < p.repeats) {
        const x = spreadShuffle(p, data, r);
        part.r.push(r);
        part.single.push(x.single);
        part.kfold.push(x.kfold);
        r += p.shards;
      }
      return r >= p.repeats;
    },
    result: () => part,
  };
}

/** The spread from the halves (refused unless together they hold every shuffle 0 … repeats − 1 once). */
export function mergeSpread(p: SpreadParams, parts: readonly SpreadPart[]): SpreadResult {
  const single: number[] = new Array(p.repeats);
  const kfold: number[] = new Array(p.repeats);
  const seen = new Uint8Array(p.repeats);
  let count = 0;
  for (const part of parts)
    part.r.forEach((r, i) => {
      if (!(r >= 0 && r < p.repeats) || seen[r]) throw new Error(`the spread needs shuffles 0 to ${p.repeats - 1} once each`);
      seen[r] = 1;
      count++;
      single[r] = part.single[i];
      kfold[r] = part.kfold[i];
    });
  if (count !== p.repeats) throw new Error(`the spread needs shuffles 0 to ${p.repeats - 1} once each`);
  return spreadResult(p, parts[0].n, single, kfold);
}
