import { describe, expect, it } from 'vitest';
import { adaptBudget, epochsFor, frameBudget, TRAIN_BUDGET_MS, WORKER_CHUNK_MS, workerBudget } from './budget';

describe('the training budget per frame', () => {
  it('shrinks on late frames, grows on timely ones, and stays within its bounds', () => {
    expect(adaptBudget(6, 33)).toBeCloseTo(4.2);
    expect(adaptBudget(6, 16.7)).toBe(6.25);
    expect(adaptBudget(6, 19)).toBe(6);
    expect(adaptBudget(TRAIN_BUDGET_MS.min, 100)).toBe(TRAIN_BUDGET_MS.min);
    expect(adaptBudget(TRAIN_BUDGET_MS.max, 10)).toBe(TRAIN_BUDGET_MS.max);
  });

  it('divides the budget by the cost of an epoch', () => {
    expect(epochsFor(6, 0.2)).toBe(30);
    expect(epochsFor(6, 7)).toBe(0);
    expect(epochsFor(6, 0)).toBe(6000);
  });

  it('adapts to the gaps between calls and starts afresh after a pause', () => {
    let t = 0;
    const next = frameBudget(() => 0.125, () => t);
    expect(next()).toBe(48); // first call: the start budget, 6 ms
    t += 40;
    expect(next()).toBe(33); // late frame: 4.2 ms
    t += 40;
    expect(next()).toBe(23); // 2.94 ms
    for (let i = 0; i < 100; i++) {
      t += 16;
      next();
    }
    t += 16;
    expect(next()).toBe(80); // back up to the 10 ms ceiling
    t += 5000; // paused, then played again
    expect(next()).toBe(48);
  });

  it('in the worker, asks for a chunk of epochs (at least one), whatever the frames', () => {
    let ms = 2;
    const f = workerBudget(() => ms);
    expect(f()).toBe(WORKER_CHUNK_MS / 2);
    ms = 1000;
    expect(f()).toBe(1);
  });
});
