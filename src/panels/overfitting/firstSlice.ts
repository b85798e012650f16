/**
 * A new training run's first slice is short (issue 8, input→new numbers). The worker kit advances
 * a run in slices of 16 ms and posts a progress view after each: a key press that changes the
 * settings made a new run whose first epochs reached the page only after its whole first slice.
 * Ending that slice after FIRST_SLICE_MS puts the new run's first epochs on screen about 14 ms
 * sooner; the slices after it keep the full budget. The run trains the same epochs in the same
 * order whatever the slicing, so every number at the target is unchanged (training.test.ts).
 * Pure: no React, no DOM.
 */
import type { WorkerRun } from '../../lib/worker/expose';

/** Milliseconds of the first slice: a couple of epochs of a small network, at least one epoch of any. */
export const FIRST_SLICE_MS = 2;

/** `run`, its first advance() cut to FIRST_SLICE_MS after it starts (`now`: the clock, for tests). */
export function shortFirstSlice<T, V, R extends WorkerRun<T, V>>(run: R, now: () => number = () => performance.now()): R {
  const advance = run.advance;
  let first = true;
  run.advance = (target: T, deadline: number): boolean => {
    if (first) {
      first = false;
      deadline = Math.min(deadline, now() + FIRST_SLICE_MS);
    }
    return advance.call(run, target, deadline);
  };
  return run;
}
