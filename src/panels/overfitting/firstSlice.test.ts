/**
 * The short first slice of a new training run (firstSlice.ts): only the first advance is cut, to
 * FIRST_SLICE_MS after it starts; the run then reaches the target with the numbers and weights of
 * a run advanced in one go.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { specA, specB } from './model';
import { schema, type OverfitParams } from './params';
import { makeTraining } from './training';
import { FIRST_SLICE_MS, shortFirstSlice } from './firstSlice';

const base = (over: Partial<OverfitParams> = {}): OverfitParams => ({ ...defaults(schema), ...over });

describe('a new run’s short first slice', () => {
  it('cuts the deadline of the first advance only, and passes the target through', () => {
    const calls: [number, number][] = [];
    let clock = 1000;
    const run = shortFirstSlice(
      {
        advance: (target: number, deadline: number) => (calls.push([target, deadline]), false),
        view: (target: number) => target,
      },
      () => clock,
    );
    run.advance(400, 1016);
    clock = 1003;
    run.advance(400, 1019);
    run.advance(500, Infinity);
    expect(calls).toEqual([
      [400, 1000 + FIRST_SLICE_MS],
      [400, 1019],
      [500, Infinity],
    ]);
  });

  it('keeps an earlier deadline than its own', () => {
    const calls: number[] = [];
    const run = shortFirstSlice({ advance: (_: number, d: number) => (calls.push(d), true), view: () => null }, () => 0);
    run.advance(1, -5);
    expect(calls).toEqual([-5]);
  });

  it('a training run: the first advance stops once its slice is over (one epoch each for A and B), then the same numbers as one advance', () => {
    const p = base({ compare: 'plain', dropout: 0.2 });
    // A clock whose first slice is already over: the first advance trains its minimum, one epoch per run.
    const sliced = shortFirstSlice(makeTraining({ key: 'k', a: specA(p), b: specB(p) }), () => -Infinity);
    expect(sliced.advance(60, Infinity)).toBe(false);
    const first = sliced.view(60);
    expect([first.epoch, first.a.epoch, first.b!.epoch, first.reached]).toEqual([1, 1, 1, false]);
    expect(sliced.advance(60, Infinity)).toBe(true);
    const whole = makeTraining({ key: 'k', a: specA(p), b: specB(p) });
    whole.advance(60, Infinity);
    const v = sliced.view(60), w = whole.view(60);
    expect(v.a.hist).toEqual(w.a.hist);
    expect(v.b!.hist).toEqual(w.b!.hist);
    expect(Array.from(v.a.weights)).toEqual(Array.from(w.a.weights));
    expect(Array.from(v.b!.weights)).toEqual(Array.from(w.b!.weights));
    expect(v.reached && v.epoch === 60).toBe(true);
  });
});
