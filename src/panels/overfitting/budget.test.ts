import { describe, expect, it } from 'vitest';
import { epochsFor, WORKER_CHUNK_MS, workerBudget } from './budget';

describe('the training budget per frame', () => {
  it('divides the budget by the cost of an epoch', () => {
    expect(epochsFor(6, 0.2)).toBe(30);
    expect(epochsFor(6, 7)).toBe(0);
    expect(epochsFor(6, 0)).toBe(6000);
  });

  it('in the worker, asks for a chunk of epochs (at least one), whatever the frames', () => {
    let ms = 2;
    const f = workerBudget(() => ms);
    expect(f()).toBe(WORKER_CHUNK_MS / 2);
    ms = 1000;
    expect(f()).toBe(1);
  });
});
