import { describe, expect, it } from 'vitest';
import { CATCH_UP_MS, stepsThisFrame } from './playerClock';

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

  it('waits while busy; at 10 steps/s the wait counts towards the next step, but never more than one step', () => {
    const c = { carry: 0 };
    // 10 steps/s, busy for 0.05 s: half a step is kept.
    expect(stepsThisFrame(c, 50, 10, Infinity, true)).toBe(0);
    expect(c.carry).toBeCloseTo(0.5, 12);
    // Busy for another 0.5 s (5 steps' worth): capped at one step, no burst afterwards.
    expect(stepsThisFrame(c, 500, 10, Infinity, true)).toBe(0);
    expect(c.carry).toBe(1);
    expect(stepsThisFrame(c, 10, 10, Infinity, false)).toBe(1);
    expect(c.carry).toBeCloseTo(0.1, 12);
    // Infinity speed has no carry to keep.
    const d = { carry: 0.4 };
    expect(stepsThisFrame(d, 500, Infinity, 3, true)).toBe(0);
    expect(d.carry).toBe(0);
  });

  it('one step per round trip: a step that is busy for two frames of three still plays at two thirds of 60 steps/s, not one third', () => {
    // 60 steps/s at 60 Hz; each step keeps the panel busy for the next two frames.
    const c = { carry: 0 };
    let steps = 0, busyFor = 0;
    for (let f = 0; f < 60; f++) {
      const k = stepsThisFrame(c, 1000 / 60, 60, Infinity, busyFor > 0);
      if (busyFor > 0) busyFor--;
      else if (k > 0) [steps, busyFor] = [steps + k, 2];
    }
    // Every third frame moves; the carry kept over the wait makes it three steps: one second plays
    // the 60 asked for (with one step kept it was two steps a move, 40).
    expect(steps).toBeGreaterThanOrEqual(58);
    expect(steps).toBeLessThanOrEqual(60);
  });

  it('keeps at most CATCH_UP_MS of steps over a long wait, so a stall is not paid back in a burst', () => {
    const c = { carry: 0 };
    // 60 steps/s, busy for a whole second: 3 steps (50 ms) are kept, not 60.
    expect(stepsThisFrame(c, 1000, 60, Infinity, true)).toBe(0);
    expect(c.carry).toBeCloseTo((CATCH_UP_MS / 1000) * 60, 12);
    expect(stepsThisFrame(c, 1000 / 60, 60, Infinity, false)).toBe(4);
    // 250 steps/s: 12.5 steps kept; the frame's own 4.17 makes 16, with the fraction carried.
    const d = { carry: 0 };
    stepsThisFrame(d, 1000, 250, Infinity, true);
    expect(stepsThisFrame(d, 1000 / 60, 250, Infinity, false)).toBe(Math.floor(12.5 + 250 / 60));
    // A per-frame cap still bounds the move.
    const e = { carry: 0 };
    stepsThisFrame(e, 1000, 250, Infinity, true);
    expect(stepsThisFrame(e, 1000 / 60, 250, 5, false)).toBe(5);
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
