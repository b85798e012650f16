/**
 * The batching sweep in two halves, for two workers at once (issue 8: the seventy runs took
 * 30-40 ms of CPU and ran behind the serving simulation in the panel's one worker). Each point of
 * the sweep (a max batch size at one load) is an independent simulation, so the halves share the
 * points out by index, point k to half k mod 2: each half gets every other load of every curve,
 * and with it half of the costly unbatched runs. `mergeSweep` puts the points back in place; the
 * result is the serial `sweep`'s, number for number. Pure: no React, no DOM.
 */
import { sweepPoint, sweepRates, SWEEP_BATCHES, type SweepCurve, type SweepInput, type SweepResult } from './model';

/** Which half of the points: `shard` of `shards` (the worker kit's Half<I> shape). */
export type SweepHalfInput = SweepInput & { shard: number; shards: number };

/** One half's points, in the order of their index (k = shard, shard + shards, …). */
export interface SweepPart {
  throughput: Float64Array;
  p99: Float64Array;
  rejected: Float64Array;
}

/** How many of `total` points fall to `shard` of `shards`. */
export const partSize = (total: number, shard: number, shards: number) => Math.ceil((total - shard) / shards);

/** One half of the sweep, one point per step (the worker slices it, so a newer setting cancels it between points). */
export function sweepPartJob(h: SweepHalfInput) {
  const rates = sweepRates(h);
  const total = SWEEP_BATCHES.length * rates.length;
  const n = partSize(total, h.shard, h.shards);
  const part: SweepPart = { throughput: new Float64Array(n), p99: new Float64Array(n), rejected: new Float64Array(n) };
  let j = 0;
  return {
    /** One point per call; true when this half is done. */
    step(): boolean {
      if (j >= n) return true;
      const k = h.shard + j * h.shards;
      const pt = sweepPoint(h, SWEEP_BATCHES[Math.floor(k / rates.length)], rates[k % rates.length]);
      part.throughput[j] = pt.throughput;
      part.p99[j] = pt.p99;
      part.rejected[j] = pt.rejected;
      j++;
      return j >= n;
    },
    result: (): SweepPart => part,
    progress: () => j / n,
  };
}

/** The halves put together: the serial sweep's result (point k from half k mod shards). */
export function mergeSweep(s: SweepInput, parts: readonly SweepPart[]): SweepResult {
  const rates = sweepRates(s);
  const shards = parts.length;
  const curves: SweepCurve[] = SWEEP_BATCHES.map((maxBatch, b) => {
    const c: SweepCurve = { maxBatch, rate: [], throughput: [], p99: [], rejected: [] };
    for (let i = 0; i < rates.length; i++) {
      const k = b * rates.length + i;
      const part = parts[k % shards], j = Math.floor(k / shards);
      c.rate.push(rates[i]);
      c.throughput.push(part.throughput[j]);
      c.p99.push(part.p99[j]);
      c.rejected.push(part.rejected[j]);
    }
    return c;
  });
  return { input: s, curves, rates };
}
