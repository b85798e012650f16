/** CheckpointedRun with a counting trainer: where it rewinds to, what it replays, what it records. */
import { describe, expect, it } from 'vitest';
import { CheckpointedRun, type Trainable } from './checkpointedRun';

/** A deterministic trainer: its state after step t is a pure function of t (a running sum). */
class Counter implements Trainable<{ step: number; sum: number }> {
  step = 0;
  sum = 0;
  steps = 0; // training steps actually run, to see what a rewind costs
  restores: number[] = [];
  disposed = false;
  trainStep() {
    this.step += 1;
    this.sum += this.step * this.step;
    this.steps += 1;
  }
  snapshot() {
    return { step: this.step, sum: this.sum };
  }
  restore(s: { step: number; sum: number }) {
    this.restores.push(s.step);
    this.step = s.step;
    this.sum = s.sum;
  }
  dispose() {
    this.disposed = true;
  }
}
const sumSquares = (n: number) => (n * (n + 1) * (2 * n + 1)) / 6;

describe('CheckpointedRun', () => {
  it('trains forward, evaluates on its schedule, and a step back restores the nearest checkpoint', () => {
    const c = new Counter();
    const run = new CheckpointedRun(c, { checkpointEvery: 10, evaluateEvery: 5 }, () => ({ sum: c.sum }));
    expect(run.advance(27)).toBe(true);
    expect(c.sum).toBe(sumSquares(27));
    expect(run.history().map((h) => h.step)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(run.history().every((h) => h.sum === sumSquares(h.step))).toBe(true);
    const before = c.steps;
    expect(run.advance(13)).toBe(true);
    expect(c.restores).toEqual([10]); // the last checkpoint at or before 13
    expect(c.steps - before).toBe(3); // and three steps forward from it
    expect(c.sum).toBe(sumSquares(13));
    expect(run.history().map((h) => h.step)).toEqual([0, 5, 10]);
    run.dispose();
    expect(c.disposed).toBe(true);
  });

  it('stops when the budget is spent and resumes where it stopped', () => {
    const c = new Counter();
    let clock = 0;
    const run = new CheckpointedRun(c, { checkpointEvery: 50, evaluateEvery: 50 }, () => ({}));
    const now = () => (clock += 1); // each check of the clock costs one "ms"
    expect(run.advance(100, 10, now)).toBe(false);
    const reached = run.step;
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(100);
    expect(run.advance(100)).toBe(true);
    expect(c.sum).toBe(sumSquares(100));
    expect(c.restores).toEqual([]); // forward only: no rewind
  });

  it('reports each step’s time to onStep', () => {
    const times: number[] = [];
    const run = new CheckpointedRun(new Counter(), { checkpointEvery: 5, evaluateEvery: 5 }, () => ({}), (ms) => times.push(ms));
    run.advance(7);
    expect(times).toHaveLength(7);
    expect(times.every((t) => t >= 0)).toBe(true);
  });
});
