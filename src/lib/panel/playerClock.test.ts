import { describe, expect, it } from 'vitest';
import { stepsThisFrame } from './playerClock';

describe('stepsThisFrame', () => {
  it('moves speed × time, carrying fractions to the next frame', () => {
    const c = { carry: 0 };
    // 20 steps/s at 60 Hz: 1/3 step per frame -> one step every third frame.
    const moves = Array.from({ length: 6 }, () => stepsThisFrame(c, 1000 / 60, 20, Infinity, false));
    expect(moves.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('caps a frame and drops the debt instead of bursting', () => {
    const c = { carry: 0 };
    expect(stepsThisFrame(c, 100, 1000, 5, false)).toBe(5);
    expect(c.carry).toBe(0);
  });

  it('Infinity speed moves the cap every frame', () => {
    expect(stepsThisFrame({ carry: 0 }, 16, Infinity, 7, false)).toBe(7);
  });

  it('waits while busy and forgets the time spent waiting', () => {
    const c = { carry: 0.9 };
    expect(stepsThisFrame(c, 500, 10, Infinity, true)).toBe(0);
    expect(c.carry).toBe(0);
  });

  it('Infinity speed with no cap moves one step a frame, and leaves the carry alone', () => {
    const c = { carry: 0.25 };
    expect(stepsThisFrame(c, 16, Infinity, Infinity, false)).toBe(1);
    expect(c.carry).toBe(0.25);
  });

  it('a frame that reaches the cap exactly keeps its fraction for the next frame', () => {
    const c = { carry: 0 };
    // 2.5 steps/s for one second: 2 steps (the cap) and half a step carried.
    expect(stepsThisFrame(c, 1000, 2.5, 2, false)).toBe(2);
    expect(c.carry).toBeCloseTo(0.5, 12);
    // A fractional cap rounds down, but never below one step.
    expect(stepsThisFrame({ carry: 0 }, 1000, 10, 2.9, false)).toBe(2);
    expect(stepsThisFrame({ carry: 0 }, 1000, 10, 0.3, false)).toBe(1);
  });
});
