/**
 * A link's first answer (issue 8): the worker races to the linked step alone (compute.ts head),
 * and the view shows it until the full answer, with the faint part, arrives (frames.ts
 * openingAnswer). The head must hold exactly the full frame's numbers at its step, and must leave
 * the cached race so that the full answer after it is exactly what it is without a head.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend } from '../../lib/tf/testing';
import { createComputer, SLICE, workerParams, type GDResult } from './compute';
import { frameAt, linkReplays, openingAnswer, RACE_MS_PER_STEP } from './frames';
import { schema, type GDParams } from './params';

beforeAll(useCpuBackend);

const base = (over: Partial<GDParams> = {}): GDParams => ({ ...defaults(schema), ...over });
const go = { cancelled: () => false, yield: async () => undefined };
/** Every number of the runs, as bits: equal here means equal to the bit (−0 and NaN included). */
const hex = (v: number) => Array.from(new Uint8Array(Float64Array.of(v).buffer), (b) => b.toString(16).padStart(2, '0')).join('');
const bits = (r: GDResult) => JSON.stringify(r.runs, (_, v: unknown) => (typeof v === 'number' ? hex(v) : v));

// Diverging runs (lr above 2/L) stop inside the window, so the head also cuts their statuses.
const CASES: GDParams[] = [
  base({ surface: 'saddle', start: [-2.5, 0.001], optimizers: ['sgd', 'momentum', 'adam'], lr: 0.1, lrAdaptive: 0.05, step: 40 }),
  base({ surface: 'bowl', kappa: 10, optimizers: ['sgd', 'momentum', 'adam'], lr: 0.21, step: 150 }),
  base({ surface: 'logistic', optimizers: ['sgd', 'adam'], start: [-1.5, 2.5], lr: 0.5, batch: 10, step: 230 }),
  base({ surface: 'bowl', optimizers: ['sgd'], step: 0 }),
];

describe('the head (a link opens at its step first)', () => {
  it('holds the full frame at its step, to the bit, without the part ahead', async () => {
    for (const p of CASES) {
      const head = (await createComputer().head(p, go))!;
      const full = createComputer()(p);
      expect(head.ahead).toBeNull();
      expect(bits(head)).toBe(bits(full));
      expect({ ...head, ahead: full.ahead }).toEqual(full);
    }
  });

  it('at the last step, where nothing lies ahead, is the full frame', async () => {
    const p = base({ surface: 'rosenbrock', start: [-1.2, 1], optimizers: ['sgd', 'adam'], lr: 0.001, lrAdaptive: 0.05, step: 500 });
    expect(await createComputer().head(p, go)).toEqual(createComputer()(p));
  });

  it('races only to the step, and the full answer after it (or beside it, as in the worker) is unchanged', async () => {
    for (const p of CASES) {
      const compute = createComputer();
      let yields = 0;
      await compute.head(p, { cancelled: () => false, yield: async () => void yields++ });
      expect(yields).toBe(Math.max(0, Math.ceil(p.step / SLICE) - 1));
      const after = (await compute.sliced(workerParams(p), go))!;
      expect(after).toEqual(createComputer()(workerParams(p)));
      expect(bits(frameAt(after, p.step))).toBe(bits(createComputer()(p)));

      // The worker runs the two calls at once, their slices alternating on the one cached race.
      const both = createComputer();
      const tick = { cancelled: () => false, yield: () => new Promise<void>((r) => setTimeout(r, 0)) };
      const [full, head] = await Promise.all([both.sliced(workerParams(p), tick), both.head(p, tick)]);
      expect(full).toEqual(after);
      expect(bits(head!)).toBe(bits(createComputer()(p)));
    }
  });

  it('stops once cancelled, and returns nothing', async () => {
    const p = CASES[2];
    let cancelled = false;
    expect(await createComputer().head(p, { cancelled: () => cancelled, yield: async () => void (cancelled = true) })).toBeNull();
  });
});

describe('what the view shows while a link opens', () => {
  const p = CASES[0];
  let head: GDResult, full: GDResult;
  beforeAll(async () => {
    head = (await createComputer().head(p, go))!;
    full = createComputer()(workerParams(p));
  });

  it('the head for the step on screen, as done, until the first full answer; then the full answer as it comes', () => {
    expect(openingAnswer({ result: null, pending: true }, { result: head, pending: false }, p.step)).toEqual({ result: head, pending: false });
    const fullPending = { result: full, pending: true };
    expect(openingAnswer(fullPending, { result: head, pending: false }, p.step)).toBe(fullPending);
    const fullDone = { result: full, pending: false };
    expect(openingAnswer(fullDone, { result: null, pending: true }, p.step)).toBe(fullDone);
  });

  it('nothing, busy, while the head is pending, failed, or answers another step', () => {
    const nothing = { result: null, pending: true };
    expect(openingAnswer(nothing, { result: head, pending: true }, p.step)).toEqual(nothing);
    expect(openingAnswer(nothing, { result: null, pending: false }, p.step)).toEqual(nothing);
    expect(openingAnswer(nothing, { result: head, pending: false }, p.step + 1)).toEqual(nothing);
  });

  it('a head frame is never cut to another step (it holds nothing past its own)', () => {
    expect(frameAt(head, p.step - 1)).toBe(head);
  });
});

describe('a link to a far iteration says it is replaying there', () => {
  it('above 150 ms of assumed race (0.6 ms a step: above step 250), unless the player runs', () => {
    expect(RACE_MS_PER_STEP).toBe(0.6);
    // The Rosenbrock "Try this" link (step 500) says so; the 100- and 200-step links do not.
    expect(linkReplays(500, false)).toBe(true);
    expect(linkReplays(251, false)).toBe(true);
    expect(linkReplays(250, false)).toBe(false);
    expect(linkReplays(200, false)).toBe(false);
    expect(linkReplays(0, false)).toBe(false);
    // Playing shows the steps on the way on purpose: no note.
    expect(linkReplays(500, true)).toBe(false);
  });
});
