/**
 * The kit's step ahead (stepAhead.ts): the guess is the value the slider's next step gives (the
 * same way, back at an end, rounded as the store rounds it); the work is prepared only once the
 * page is idle and no request came, grows a slice per task, stops at any request, is handed over
 * once to a request for its key, and no more than `size` works are held.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manual } from './gate.testutil';
import { defineSchema, defaults } from '../params/schema';
import { createPanelStore } from '../params/store';
import { createStepAhead, STEP_AHEAD_IDLE_MS, stepPredictor, type StepAheadWork } from './stepAhead';

const schema = defineSchema({
  a: { kind: 'number', label: 'a', min: 0, max: 1, step: 0.05, default: 0.3 },
  k: { kind: 'int', label: 'k', min: 1, max: 10, default: 4 },
  // The grid stops short of max: 0, 2, …, 8.
  e: { kind: 'int', label: 'e', min: 0, max: 9, step: 2, default: 4 },
  lr: { kind: 'number', label: 'lr', min: 0.01, max: 1, step: 0.1, scale: 'log', default: 0.1 },
  c: { kind: 'choice', label: 'c', options: ['x', 'y'], default: 'x' },
  seed: { kind: 'int', label: 'seed', min: 0, max: 99, default: 1 },
} as const);
/** `r`: an input field that is neither compared nor in the key (like bagging-boosting's round). */
type P = { a: number; k: number; e: number; lr: number; c: 'x' | 'y'; seed: number; r: number };
const FIELDS = ['a', 'k', 'e', 'lr', 'c', 'seed'] as const;
const base: P = { ...defaults(schema), r: 0 };
const at = (over: Partial<P>): P => ({ ...base, ...over });
const predict = stepPredictor<P>(schema, ['a', 'k', 'e'], FIELDS);

describe('stepPredictor', () => {
  it('the slider last moved, one step further the same way', () => {
    expect(predict(at({ k: 4 }), at({ k: 5 }))).toEqual(at({ k: 6 }));
    expect(predict(at({ k: 5 }), at({ k: 4 }))).toEqual(at({ k: 3 }));
    expect(predict(at({ a: 0.3 }), at({ a: 0.35 }))).toEqual(at({ a: 0.4 }));
    expect(predict(at({ a: 0.35 }), at({ a: 0.3 }))).toEqual(at({ a: 0.25 }));
    // A jump counts as a step the same way (a drag skips values): one step, not the jump's size.
    expect(predict(at({ k: 2 }), at({ k: 5 }))).toEqual(at({ k: 6 }));
  });

  it('back one step where the next would pass an end of the range (the grid may stop short of max)', () => {
    expect(predict(at({ k: 9 }), at({ k: 10 }))).toEqual(at({ k: 9 }));
    expect(predict(at({ k: 2 }), at({ k: 1 }))).toEqual(at({ k: 2 }));
    expect(predict(at({ a: 0.95 }), at({ a: 1 }))).toEqual(at({ a: 0.95 }));
    expect(predict(at({ a: 0.05 }), at({ a: 0 }))).toEqual(at({ a: 0.05 }));
    expect(predict(at({ e: 4 }), at({ e: 6 }))).toEqual(at({ e: 8 }));
    expect(predict(at({ e: 6 }), at({ e: 8 }))).toEqual(at({ e: 6 }));
  });

  it('the very value the store holds after the slider’s next step, over every step of each slider both ways', () => {
    // The store's value after a step from v is coerce(v ± step); float sums drift (0.05 · 7), so
    // an unrounded guess would miss the key of the request it is meant for.
    for (const name of ['a', 'k', 'e'] as const) {
      const spec = schema[name];
      const step = 'step' in spec ? spec.step : 1;
      for (const dir of [1, -1]) {
        const store = createPanelStore(schema);
        store.getState().set(name, dir > 0 ? spec.min : name === 'e' ? 8 : spec.max);
        let before = store.getState().params as P;
        store.getState().set(name, before[name] + dir * step);
        let checked = 0;
        for (;;) {
          const now = store.getState().params as P;
          const v = now[name] + dir * step;
          if (v > spec.max + 1e-9 || v < spec.min - 1e-9) break;
          store.getState().set(name, v);
          expect(predict(before, now), `${name} ${dir > 0 ? 'up' : 'down'} after ${now[name]}`).toEqual(store.getState().params);
          before = now;
          checked++;
        }
        expect(checked).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('nothing without history, when nothing or two settings moved, or a field that is not a slider', () => {
    expect(predict(null, at({}))).toBeNull();
    expect(predict(at({}), at({}))).toBeNull();
    expect(predict(at({ k: 4, a: 0.3 }), at({ k: 5, a: 0.35 }))).toBeNull();
    expect(predict(at({ c: 'x' }), at({ c: 'y' }))).toBeNull();
    expect(predict(at({ seed: 1 }), at({ seed: 2 }))).toBeNull();
    expect(predict(at({ lr: 0.1 }), at({ lr: 0.1259 }))).toBeNull(); // not a predicted slider here
    expect(predict(at({ r: 1 }), at({ r: 2 }))).toBeNull();
  });

  it('refuses at once what it cannot guess: a log slider, a choice, an unknown name, a slider not compared', () => {
    expect(() => stepPredictor<P>(schema, ['lr'], FIELDS)).toThrow(/log/);
    expect(() => stepPredictor<P>(schema, ['c'], FIELDS)).toThrow(/not a number slider/);
    expect(() => stepPredictor<P & { z: number }>(schema, ['z'], [...FIELDS, 'z'])).toThrow(/not a number slider/);
    expect(() => stepPredictor<P>(schema, ['k'], ['a'])).toThrow(/not among/);
  });
});

/** Work that takes `slices` grow calls; it records every call. */
interface Work {
  id: number;
  made: P;
  done: number;
  toward: P[];
}
function harness(over: Partial<StepAheadWork<P, Work>> = {}, slices = 5) {
  const m = manual();
  const works: Work[] = [];
  let held = 0;
  const key = (p: P) => `${p.a}|${p.k}|${p.e}|${p.lr}|${p.c}|${p.seed}`;
  const sa = createStepAhead<P, Work>({
    key,
    predict,
    make: (p) => {
      held = Math.max(held, sa.keys().length + 1);
      const w = { id: works.length, made: p, done: 0, toward: [] };
      works.push(w);
      return w;
    },
    grow: (w, p) => {
      w.toward.push(p);
      return ++w.done >= slices;
    },
    idle: m.idle,
    pause: m.nextTask,
    ...over,
  });
  /** A request answered at once (a worker whose answer needs no slices). */
  const ask = (p: P) => {
    const w = sa.take(p);
    sa.answered(p);
    return w;
  };
  return { m, sa, works, ask, key, held: () => held };
}

describe('createStepAhead', () => {
  it('prepares the guess only once idle, a slice at once and one per task, and hands it over once', async () => {
    const { m, sa, works, ask } = harness();
    ask(at({ k: 4 }));
    ask(at({ k: 5 }));
    expect(works).toHaveLength(0); // the page draws first
    await m.wake();
    expect(sa.keys()).toHaveLength(1);
    expect(works.map((w) => w.made)).toEqual([at({ k: 6 })]);
    expect(works[0].done).toBe(1); // the first slice at once
    await m.tick(2);
    expect(works[0].done).toBe(3);
    const got = sa.take(at({ k: 6 }));
    expect(got).toBe(works[0]);
    expect(sa.keys()).toEqual([]);
    expect(sa.take(at({ k: 6 }))).toBeNull(); // once only
  });

  it('any request stops the growing, even one for other settings', async () => {
    const { m, sa, works, ask } = harness({}, 100);
    ask(at({ a: 0.3 }));
    ask(at({ a: 0.35 }));
    await m.wake();
    await m.tick(3);
    expect(works[0].done).toBe(4);
    sa.take(at({ c: 'y' }));
    await m.tick(20);
    expect(works[0].done).toBe(4);
    expect(m.waiting()).toBe(0);
    // Kept (not grown) until a newer guess replaces it: a request for it still gets it.
    expect(sa.take(at({ a: 0.4 }))).toBe(works[0]);
  });

  it('a request for the setting already shown stops the growing too (a slice of the page’s own work)', async () => {
    const { m, sa, works, ask } = harness({}, 100);
    ask(at({ k: 4 }));
    ask(at({ k: 5 }));
    await m.wake();
    expect(sa.take(at({ k: 5 }))).toBeNull();
    await m.tick(10);
    expect(works[0].done).toBe(1);
    // And it is no step of the slider: the history still says 4 → 5, so the guess is still 6.
    sa.answered(at({ k: 5 }));
    await m.wake();
    expect(works.map((w) => w.made.k)).toEqual([6]);
    expect(works[0].done).toBe(2);
  });

  it('a request while the page draws drops the step ahead; so does an answer to an older request', async () => {
    const { m, sa, works, ask } = harness();
    ask(at({ k: 4 }));
    ask(at({ k: 5 }));
    sa.take(at({ k: 6 })); // asked before the idle wait ended
    await m.wake();
    expect(works).toHaveLength(0);
    sa.answered(at({ k: 5 })); // a late answer to k 5: the page now waits for k 6
    await m.wake();
    expect(works).toHaveLength(0);
  });

  it('the history: a field outside the key (r, like a round) keeps the slider’s step, at the newest input', async () => {
    const { m, works, ask } = harness();
    ask(at({ a: 0.3 }));
    ask(at({ a: 0.35 }));
    ask(at({ a: 0.35, r: 5 }));
    await m.wake();
    expect(works.map((w) => w.made)).toEqual([at({ a: 0.4, r: 5 })]);
  });

  it('the same guess again resumes its work toward the newer input; a new guess replaces it (size 1)', async () => {
    const { m, sa, works, ask } = harness({}, 100);
    ask(at({ k: 4 }));
    ask(at({ k: 5 }));
    await m.wake();
    await m.tick(2);
    ask(at({ k: 5, r: 5 })); // same key: same guess, same work
    await m.wake();
    expect(works).toHaveLength(1);
    expect(works[0].toward.at(-1)).toEqual(at({ k: 6, r: 5 }));
    expect(works[0].done).toBe(4);
    ask(at({ k: 4 })); // the other way
    await m.wake();
    expect(works.map((w) => w.made.k)).toEqual([6, 3]);
    expect(sa.keys()).toHaveLength(1);
    expect(sa.take(at({ k: 6 }))).toBeNull();
  });

  it('holds at most `size` works, the oldest dropped first, and before the new one is made', async () => {
    const { m, sa, ask, held } = harness({ size: 2 });
    for (const k of [4, 5, 4, 3, 4, 5]) {
      ask(at({ k }));
      await m.wake();
    }
    expect(held()).toBe(2);
    expect(sa.keys()).toHaveLength(2);
    // Guesses 6, 3, 2, 5, 6 (3 and 5 taken by their requests): the newest two left are 2 and 6.
    expect(sa.take(at({ k: 2 }))).not.toBeNull();
    expect(sa.take(at({ k: 6 }))).not.toBeNull();
  });

  it('a kept work is resumed when guessed (a turn back costs nothing new), and dropped like any other', async () => {
    const { m, sa, works, ask, key } = harness();
    const old: Work = { id: -1, made: at({ k: 9 }), done: 5, toward: [] };
    ask(at({ k: 9 }));
    ask(at({ k: 10 }));
    sa.keep(key(at({ k: 9 })), old);
    await m.wake();
    expect(works).toHaveLength(0); // the guess k 9 (back from the end) is the work kept
    expect(old.toward).toEqual([at({ k: 9 })]);
    expect(sa.take(at({ k: 9 }))).toBe(old);
  });

  it('backIsFree: at the end of a range the step ahead skips the setting before (the worker keeps it) for the one after', async () => {
    const { m, sa, works, ask } = harness({ backIsFree: true }, 100);
    ask(at({ k: 9 }));
    ask(at({ k: 10 }));
    await m.wake();
    expect(works.map((w) => w.made.k)).toEqual([8]);
    // The request for 9 is served by the worker's own keeping: it stops the growing of 8 for a
    // moment, and its answer (guess 8: no longer the setting before) resumes the same work.
    ask(at({ k: 9 }));
    await m.wake();
    expect(works.map((w) => w.made.k)).toEqual([8]);
    expect(works[0].toward.map((p) => p.k)).toEqual([8, 8]);
    expect(sa.take(at({ k: 8 }))).toBe(works[0]);
    // Without it, the turn back itself is prepared.
    const plain = harness();
    plain.ask(at({ k: 9 }));
    plain.ask(at({ k: 10 }));
    await plain.m.wake();
    expect(plain.works.map((w) => w.made.k)).toEqual([9]);
  });

  it('backIsFree on a range of two values: no guess (the other value is kept, the current shown)', async () => {
    const two = stepPredictor<P>(defineSchema({ ...schema, k: { kind: 'int', label: 'k', min: 1, max: 2, default: 1 } }), ['k'], FIELDS);
    const { m, works, ask } = harness({ backIsFree: true, predict: two });
    ask(at({ k: 1 }));
    ask(at({ k: 2 }));
    await m.wake();
    expect(works).toHaveLength(0);
  });

  it('a head start grows at once and only before any request', async () => {
    const { m, sa, works } = harness({}, 3);
    sa.begin(at({ a: 0.5 }));
    expect(works[0].done).toBe(1);
    await m.tick(5);
    expect(works[0].done).toBe(3);
    expect(m.waiting()).toBe(0); // done: no more slices
    expect(sa.take(at({ a: 0.5 }))).toBe(works[0]);
    sa.begin(at({ a: 0.6 }));
    expect(works).toHaveLength(1);
  });

  it('a failing slice or make loses only the step ahead', async () => {
    let fail = true;
    const { m, sa, works, ask } = harness({
      grow: (w) => {
        if (fail) throw new Error('lost');
        return ++w.done >= 2;
      },
    });
    ask(at({ k: 4 }));
    ask(at({ k: 5 }));
    await m.wake();
    expect(works).toHaveLength(1);
    expect(sa.keys()).toEqual([]);
    expect(sa.take(at({ k: 6 }))).toBeNull();
    fail = false;
    const broken = harness({
      make: () => {
        throw new Error('no');
      },
    });
    broken.ask(at({ k: 4 }));
    broken.ask(at({ k: 5 }));
    await expect(broken.m.wake()).resolves.toBeUndefined();
    expect(broken.sa.keys()).toEqual([]);
  });

  describe('the default waits', () => {
    afterEach(() => vi.useRealTimers());
    it(`start ${STEP_AHEAD_IDLE_MS} ms after the answer`, async () => {
      vi.useFakeTimers({ toFake: ['setTimeout'] });
      const made: P[] = [];
      const sa = createStepAhead<P, null>({ key: (p) => String(p.k), predict, make: (p) => (made.push(p), null), grow: () => true });
      sa.take(at({ k: 4 }));
      sa.take(at({ k: 5 }));
      sa.answered(at({ k: 5 }));
      await vi.advanceTimersByTimeAsync(STEP_AHEAD_IDLE_MS - 1);
      expect(made).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(made).toEqual([at({ k: 6 })]);
    });
  });
});
