/**
 * A Stepwise computation (schedule.ts) run to its end inside a worker model: its pieces in slices
 * of SLICE_MS, with `await ctx.yield()` between slices so a cancel message can arrive; once the
 * page has asked for something newer the run stops (throws Superseded; the worker kit drops it).
 * The result is the one drain() gives: the same pieces in the same order. No React, no DOM.
 */
import type { Stepwise } from '../panel/schedule';
import type { ModelContext } from './expose';

/** Work between two looks at the message queue: a cancel waits at most about this long. */
export const SLICE_MS = 12;

/** Thrown when a newer input superseded this one. */
export class Superseded extends Error {}

export async function sliced<R>(job: Stepwise<R>, ctx: Pick<ModelContext, 'yield' | 'cancelled'>, sliceMs = SLICE_MS): Promise<R> {
  let end = performance.now() + sliceMs;
  while (!job.step()) {
    if (performance.now() < end) continue;
    await ctx.yield();
    if (ctx.cancelled()) throw new Superseded('superseded by a newer setting');
    end = performance.now() + sliceMs;
  }
  return job.result();
}
