/* The worker's slicing (sliced.ts): the same result as running every piece at once, a turn for
   the message queue between slices, and a stop once a newer input has superseded the run. */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { computeLeak, computeSpread, leakRun, spreadRun } from './model';
import { schema, type CvParams } from './params';
import { sliced, Superseded } from '../../lib/worker/sliced';

const base = (over: Partial<CvParams> = {}): CvParams => ({ ...defaults(schema), ...over });

function fakeCtx(cancelAfterYields = Infinity) {
  let yields = 0;
  return {
    get yields() {
      return yields;
    },
    yield: async () => {
      yields++;
    },
    cancelled: () => yields >= cancelAfterYields,
  };
}

describe('sliced (the worker runs the Stepwise pieces)', () => {
  it('gives exactly what drain gives, yielding between slices', async () => {
    const p = base({ repeats: 40 });
    const ctx = fakeCtx();
    // A zero budget yields after every piece: the most interleaving, still the same numbers.
    expect(await sliced(spreadRun(p), ctx, 0)).toEqual(computeSpread(p));
    expect(ctx.yields).toBe(39);
    const q = base({ leak: 'selection', features: 50, keep: 5 });
    expect(await sliced(leakRun(q), fakeCtx(), 0)).toEqual(computeLeak(q));
    const g = base({ leak: 'groups' });
    expect(await sliced(leakRun(g), fakeCtx(), 0)).toEqual(computeLeak(g));
  });

  it('stops at the first turn after a cancel, without finishing the pieces', async () => {
    const job = spreadRun(base({ repeats: 100 }));
    let steps = 0;
    const counted = { step: () => (steps++, job.step()), result: () => job.result() };
    await expect(sliced(counted, fakeCtx(3), 0)).rejects.toBeInstanceOf(Superseded);
    expect(steps).toBe(3);
  });
});
