/**
 * The session as a worker run: sliced into one step per call it reaches the same records as in
 * one go (to the bit, with the short first slice and a session taken over part-trained); until it
 * reaches the target its views say the step they have reached (never the target), and they are
 * refreshed only every PROGRESS_EVERY_MS, except the first view with every network's step 0;
 * once reached, the view is the target step itself. A fresh session's first slice trains one
 * step, a session grown ahead none. Views share no array with the session (they are moved to
 * the page).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend } from '../../lib/tf/testing';
import { schema, type VGParams } from './params';
import { FIRST_SLICE_MS, PROGRESS_EVERY_MS, detachedSnapshot, sessionRun } from './sessionRun';
import { Session } from './train';
import { bitsOf } from './viewBits';
import { collectTransferables } from '../../lib/worker/transfer';

/** Records per network of a run's view: how many steps each has trained (the view's losses stop at the step shown). */
const recordsOf = (s: Session) => s.runs.map((r) => r.trainer.records.length);

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

  it('a fresh session trains one step in its first slice; the first view with every network is sent at once', () => {
    let clock = 0;
    const now = () => (clock += 5); // every look at the clock: 5 ms later
    const made = new Session(P({ depth: 4, compare: ['relu-he', 'sigmoid-bn'], step: 5 }));
    const run = sessionRun(P({ depth: 4, compare: ['relu-he', 'sigmoid-bn'], step: 5 }), now, made);
    // A whole second of budget, but the first slice ends FIRST_SLICE_MS in: after one step.
    expect(FIRST_SLICE_MS).toBeLessThan(5);
    expect(run.advance(5, 1000)).toBe(false);
    expect(recordsOf(made)).toEqual([1, 0, 0]); // the learner's network, step 0
    const first = run.view(5)!;
    expect([first.step, first.runs.map((r) => r.rec === null)]).toEqual([0, [false, true, true]]);
    expect(run.advance(5, -1)).toBe(false);
    expect(recordsOf(made)).toEqual([1, 1, 0]);
    expect(run.view(5)).toBeUndefined(); // within PROGRESS_EVERY_MS and still not every network
    expect(run.advance(5, -1)).toBe(false);
    expect(recordsOf(made)).toEqual([1, 1, 1]);
    // Every network has step 0: sent although PROGRESS_EVERY_MS has not passed.
    const all = run.view(5)!;
    expect(all.runs.every((r) => r.rec !== null)).toBe(true);
    expect(run.advance(5, -1)).toBe(false);
    expect(run.view(5)).toBeUndefined(); // then the refresh interval again
    // Later slices keep their whole budget: this one finishes the run.
    expect(run.advance(5, Infinity)).toBe(true);
    expect(run.view(5)!.step).toBe(5);
  });

  it('a session grown ahead trains nothing in its first slice: its steps go to the page at once', () => {
    const p = P({ depth: 4, compare: ['relu-he'], step: 6 });
    const made = new Session(p);
    made.work(2, Infinity);
    const before = recordsOf(made);
    const run = sessionRun(p, () => 0, made);
    expect(run.advance(6, Infinity)).toBe(false);
    expect(recordsOf(made)).toEqual(before);
    expect(run.progress!()).toBe(2);
    expect(run.view(6)!.step).toBe(2);
    // Grown to the target already: reached in the first slice, nothing more trained.
    const done = new Session(p);
    done.work(6, Infinity);
    const whole = sessionRun(p, () => 0, done);
    expect(whole.advance(6, Infinity)).toBe(true);
    expect(recordsOf(done)).toEqual([7, 7]);
  });

  it('however it is sliced or taken over, the run ends on the numbers of one uninterrupted training, to the bit', () => {
    for (const over of [
      { depth: 5, width: 7, compare: ['relu-he', 'sigmoid-bn'] as VGParams['compare'], step: 9 },
      { depth: 3, width: 9, activation: 'tanh' as const, optimizer: 'adam' as const, clip: true, clipNorm: 0.5, compare: ['sigmoid-naive'] as VGParams['compare'], step: 7 },
    ]) {
      const p = P(over);
      const one = new Session(p);
      one.work(p.step, Infinity);
      const want = bitsOf(detachedSnapshot(one, p));
      // One step per slice after the short first one.
      let clock = 0;
      const fresh = sessionRun(p, () => (clock += 5));
      while (!fresh.advance(p.step, -1));
      expect(bitsOf(fresh.view(p.step))).toBe(want);
      // Taken over after an uneven part (the learner's network ahead of the others).
      const part = new Session(p);
      part.work(3, -1);
      part.runs[0].trainer.advance();
      const taken = sessionRun(p, () => 0, part);
      while (!taken.advance(p.step, Infinity));
      expect(bitsOf(taken.view(p.step))).toBe(want);
    }
  });
});
