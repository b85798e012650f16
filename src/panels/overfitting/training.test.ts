/**
 * The worker's training run (training.ts) against the page's: the same histories and weights at
 * the target, intermediate views while catching up, rewinds, and B when it differs from A.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { specA, specB, trainRun } from './model';
import { schema, type OverfitParams } from './params';
import { makeTraining } from './training';

const base = (over: Partial<OverfitParams> = {}): OverfitParams => ({ ...defaults(schema), ...over });

describe('the worker’s training run', () => {
  it('reaches the target with the same numbers and weights as a run on the page, A and B', () => {
    const p = base({ compare: 'small', batch: 10 });
    const t = makeTraining({ key: 'k', a: specA(p), b: specB(p) });
    expect(t.advance(120, Infinity)).toBe(true);
    const v = t.view(120);
    const a = trainRun(specA(p), 120), b = trainRun(specB(p)!, 120);
    expect(v).toMatchObject({ key: 'k', target: 120, epoch: 120, reached: true, done: false });
    expect(v.a.hist).toEqual(a.hist);
    expect(v.b!.hist).toEqual(b.hist);
    expect(Array.from(v.a.weights)).toEqual(Array.from(a.weights()));
    expect(v.msPerEpoch).toBeGreaterThan(0);
  });

  it('in slices, shows A and B at one intermediate epoch, then the target; rewinds replay exactly', () => {
    const p = base({ compare: 'plain', dropout: 0.2 });
    const t = makeTraining({ key: 'k', a: specA(p), b: specB(p) });
    expect(t.advance(300, performance.now() - 1)).toBe(false); // one epoch each, then the deadline
    const mid = t.view(300);
    expect(mid.reached).toBe(false);
    expect(mid.epoch).toBe(1);
    expect(mid.a.epoch).toBe(1);
    expect(mid.b!.epoch).toBe(1);
    while (!t.advance(300, performance.now() + 5));
    t.advance(90, Infinity);
    const back = t.view(90);
    expect(back.epoch).toBe(90);
    expect(back.a.hist.valLoss).toEqual(trainRun(specA(p), 90).hist.valLoss);
    t.dispose();
  });

  it('an early stop is done, shows the best epoch and its weights', () => {
    const p = base({ earlyStop: true, patience: 50 });
    const t = makeTraining({ key: 'k', a: specA(p), b: null });
    t.advance(1500, Infinity);
    const v = t.view(1500);
    expect(v).toMatchObject({ epoch: 1500, reached: true, done: true });
    expect(v.a).toMatchObject({ stoppedAt: 106, bestEpoch: 56, shown: 56 });
    expect(v.a.hist.trainLoss.length).toBe(107);
  });
});
