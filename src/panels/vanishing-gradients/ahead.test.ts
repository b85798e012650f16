/**
 * Training a slider step ahead (ahead.ts): the guess is the depth or width slider's next value
 * as the store rounds it, also for params cloned on their way to the worker; a session grown
 * ahead is taken over by the page's request for it, whose first slice then shows the grown steps
 * without training more, and whose run ends on a fresh run's view to the bit; a request for other
 * settings stops the growing and gets a fresh session.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { manual } from '../../lib/worker/gate.testutil';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend } from '../../lib/tf/testing';
import { schema, type VGParams } from './params';
import { AHEAD_STEPS, createSessionAhead, nextParams } from './ahead';
import { sessionRun } from './sessionRun';
import { sessionKey } from './train';
import { bitsOf } from './viewBits';

const P = (over: Partial<VGParams> = {}): VGParams => ({ ...defaults(schema), ...over });
/** As the worker gets them: a structured clone, so no array is shared with the page's params. */
const cloned = (over: Partial<VGParams> = {}) => structuredClone(P(over));

function finish(run: { advance(t: number, deadline: number): boolean }, t: number) {
  while (!run.advance(t, Infinity));
}

beforeAll(async () => {
  await useCpuBackend();
});

describe('the guess', () => {
  it('is the slider last moved, one step further the same way, also for cloned params', () => {
    expect(nextParams(cloned({ width: 16 }), cloned({ width: 17 }))).toEqual(P({ width: 18 }));
    expect(nextParams(cloned({ depth: 20 }), cloned({ depth: 19 }))).toEqual(P({ depth: 18 }));
    // The step rides along: it is the step the guess is trained toward.
    expect(nextParams(cloned({ width: 16, step: 50 }), cloned({ width: 17, step: 80 }))).toEqual(P({ width: 18, step: 80 }));
    // At the end of the range: one step back.
    expect(nextParams(cloned({ width: 63 }), cloned({ width: 64 }))).toEqual(P({ width: 63 }));
  });

  it('is nothing for a log slider, a choice, two settings at once, or no history', () => {
    expect(nextParams(cloned({ lr: 0.05 }), cloned({ lr: 0.06 }))).toBeNull();
    expect(nextParams(cloned({ activation: 'tanh' }), cloned({ activation: 'relu' }))).toBeNull();
    expect(nextParams(cloned({ width: 16, compare: [] }), cloned({ width: 17 }))).toBeNull();
    expect(nextParams(null, cloned({ width: 17 }))).toBeNull();
  });
});

describe('a session grown ahead', () => {
  const small = (over: Partial<VGParams> = {}) => cloned({ depth: 4, width: 4, compare: ['relu-he', 'sigmoid-bn'], step: 6, ...over });

  it('is taken over by the request for it: the grown steps go to the page at once, and the run ends on the fresh run’s view to the bit', async () => {
    const m = manual();
    let clock = 0;
    const now = () => (clock += 5); // every look at the clock: 5 ms later (about three steps a slice)
    const sessions = createSessionAhead(now, m.nextTask, m.idle, 16, Infinity);
    finish(sessions.run(small({ width: 4 })), 6);
    finish(sessions.run(small({ width: 5 })), 6);
    expect(sessions.pending()).toEqual([]);
    await m.wake(); // the answer is drawn: width 6 is made and grown
    expect(sessions.pending()).toEqual([sessionKey(small({ width: 6 }))]);
    await m.tick(3);
    expect(m.waiting()).toBe(1); // still growing, one slice at a time

    const run = sessions.run(small({ width: 6 }));
    expect(sessions.pending()).toEqual([]); // taken
    await m.tick(3);
    expect(m.waiting()).toBe(0); // and no longer grown
    expect(run.advance(6, Infinity)).toBe(false); // the first slice trains nothing…
    const first = run.progress!();
    expect(first).toBeGreaterThanOrEqual(1); // …and the grown steps are there (a fresh run's first slice: step 0 of one network)
    const v = run.view(6)!;
    expect([v.step, v.runs.every((r) => r.rec !== null)]).toEqual([first, true]);
    finish(run, 6);

    const fresh = sessionRun(small({ width: 6 }), () => 0);
    finish(fresh, 6);
    expect(bitsOf(run.view(6))).toBe(bitsOf(fresh.view(6)));
  });

  it('stops for a request for other settings, which gets a fresh session', async () => {
    const m = manual();
    let clock = 0;
    const sessions = createSessionAhead(() => (clock += 5), m.nextTask, m.idle, 16);
    finish(sessions.run(small({ depth: 4 })), 6);
    finish(sessions.run(small({ depth: 5 })), 6);
    await m.wake();
    expect(sessions.pending()).toEqual([sessionKey(small({ depth: 6 }))]);
    await m.tick();
    const run = sessions.run(small({ depth: 5, lr: 0.1 }));
    await m.tick(2);
    expect(m.waiting()).toBe(0); // the growing stopped at its next look
    expect(sessions.pending()).toEqual([sessionKey(small({ depth: 6 }))]); // kept for a return
    // A fresh session: its first slice is one step of the learner's network.
    expect(run.advance(6, Infinity)).toBe(false);
    expect(run.view(6)!.runs.map((r) => r.rec !== null)).toEqual([true, false, false]);
    finish(run, 6);
    const fresh = sessionRun(small({ depth: 5, lr: 0.1 }), () => 0);
    finish(fresh, 6);
    expect(bitsOf(run.view(6))).toBe(bitsOf(fresh.view(6)));
  });

  it('grows a guessed session only its first AHEAD_STEPS steps, then leaves the worker idle', async () => {
    const m = manual();
    let clock = 0;
    const sessions = createSessionAhead(() => (clock += 5), m.nextTask, m.idle, 16);
    finish(sessions.run(small({ width: 4 })), 6);
    finish(sessions.run(small({ width: 5 })), 6);
    await m.wake();
    await m.tick(20);
    expect(m.waiting()).toBe(0); // done growing, long before the answer's step 6
    const run = sessions.run(small({ width: 6 }));
    expect(run.advance(6, Infinity)).toBe(false); // the first slice trains nothing: it shows the grown steps
    expect(run.progress!()).toBe(AHEAD_STEPS);
    finish(run, 6);
    const fresh = sessionRun(small({ width: 6 }), () => 0);
    finish(fresh, 6);
    expect(bitsOf(run.view(6))).toBe(bitsOf(fresh.view(6)));
  });
});
