/**
 * The session as a worker run: sliced into one step per call it reaches the same records as in
 * one go; until it reaches the target its views say the step they have reached (never the
 * target), and they are refreshed only every PROGRESS_EVERY_MS; once reached, the view is the
 * target step itself. Views share no array with the session (they are moved to the page).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend } from '../../lib/tf/testing';
import { schema, type VGParams } from './params';
import { PROGRESS_EVERY_MS, sessionRun } from './sessionRun';
import { collectTransferables } from '../../lib/worker/transfer';

const P = (over: Partial<VGParams>): VGParams => ({ ...defaults(schema), compare: [], ...over });

beforeAll(async () => {
  await useCpuBackend();
});

describe('sessionRun', () => {
  it('catches up in slices, labels progress views with the step reached, then shows the target exactly', () => {
    let clock = 0;
    const run = sessionRun(P({ depth: 4, compare: ['relu-he'], step: 5 }), () => clock);
    const target = 5;
    const seen: number[] = [];
    // A deadline in the past: one training step per call, as on a slow frame.
    while (!run.advance(target, -1)) {
      clock += PROGRESS_EVERY_MS; // each call a fresh progress view
      const v = run.view(target)!;
      expect(v.step).toBe(run.progress!());
      expect(v.step).toBeLessThan(target);
      seen.push(v.step);
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(run.view(target)!.step).toBe(target);
    expect(run.progress!()).toBe(target);
  });

  it('between refreshes nothing new is sent while catching up; the reached view always is', () => {
    let clock = 0;
    const run = sessionRun(P({ depth: 4, step: 6 }), () => clock);
    run.advance(6, -1);
    const a = run.view(6)!;
    run.advance(6, -1);
    expect(run.view(6)).toBeUndefined(); // the page keeps `a`, the memoised plots skip a redraw
    clock += PROGRESS_EVERY_MS;
    const b = run.view(6)!;
    expect(b.step).toBeGreaterThan(a.step);
    while (!run.advance(6, -1));
    const done = run.view(6)!;
    expect(done.step).toBe(6);
    expect(run.view(6)!.step).toBe(6); // asked again once reached: a fresh view, never undefined
  });

  it('views can be moved to the page without emptying the session', () => {
    const run = sessionRun(P({ depth: 4, compare: ['relu-he'], step: 3 }));
    while (!run.advance(3, Infinity));
    const a = run.view(3)!;
    const copy = structuredClone(a);
    // Moving a view's buffers (as postMessage with transfer does) must leave the next view whole.
    structuredClone(a, { transfer: collectTransferables(a) as Transferable[] });
    expect(run.view(3)).toEqual(copy);
  });
});
