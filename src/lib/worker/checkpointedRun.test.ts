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

  it('rewinds to a checkpoint exactly at the target without a step, and the history keeps only what the run has passed', () => {
    const c = new Counter();
    const run = new CheckpointedRun(c, { checkpointEvery: 10, evaluateEvery: 10 }, () => ({ sum: c.sum }));
    run.advance(35);
    const before = c.steps;
    run.advance(20); // a checkpoint stands at 20 itself (and at 30, past it)
    expect(c.restores).toEqual([20]);
    expect(c.steps).toBe(before);
    expect(run.history().map((h) => h.step)).toEqual([0, 10, 20]);
    run.advance(20); // already there: no rewind, no step
    expect(c.restores).toEqual([20]);
    // Forward again: the evaluations after 20 are recorded anew (once each), in step order.
    run.advance(30);
    expect(run.history().map((h) => [h.step, h.sum])).toEqual([0, 10, 20, 30].map((s) => [s, sumSquares(s)]));
    // Back to 5: the checkpoint at 0 (the only one at or before 5), then 5 steps.
    const mid = c.steps;
    run.advance(5);
    expect(c.restores).toEqual([20, 0]);
    expect(c.steps - mid).toBe(5);
    expect(run.history().map((h) => h.step)).toEqual([0]);
    // And forward past the old end: evaluations 10 and 20 come back once each.
    run.advance(25);
    expect(run.history().map((h) => h.step)).toEqual([0, 10, 20]);
  });

  it('a budget of zero still makes one step; the clock is read after each step', () => {
    const c = new Counter();
    const t = 100;
    const run = new CheckpointedRun(c, { checkpointEvery: 10, evaluateEvery: 10 }, () => ({}));
    expect(run.advance(10, 0, () => t)).toBe(false);
    expect(run.step).toBe(1);
    // A clock that stands still never spends a positive budget: all the way in one call.
    expect(run.advance(10, 1, () => t)).toBe(true);
    expect(run.step).toBe(10);
  });

  it('reports each step’s time to onStep', () => {
    const times: number[] = [];
    const run = new CheckpointedRun(new Counter(), { checkpointEvery: 5, evaluateEvery: 5 }, () => ({}), (ms) => times.push(ms));
    run.advance(7);
    expect(times).toHaveLength(7);
    expect(times.every((t) => t >= 0 && t < 1000)).toBe(true); // durations, not timestamps
  });

  it('takes each checkpoint once, however often the run passes its step, and evaluates again after a rewind', () => {
    const c = new Counter();
    let snaps = 0, evals = 0;
    const snapshot = c.snapshot.bind(c);
    c.snapshot = () => {
      snaps++;
      return snapshot();
    };
    const run = new CheckpointedRun(c, { checkpointEvery: 10, evaluateEvery: 10 }, () => {
      evals++;
      return { sum: c.sum };
    });
    run.advance(30); // checkpoints and evaluations at 0, 10, 20, 30
    expect([snaps, evals]).toEqual([4, 4]);
    run.advance(5); // back to the checkpoint at 0: the evaluations past it are dropped
    run.advance(30); // forward again: no new checkpoint, the three evaluations made anew
    expect([snaps, evals]).toEqual([4, 7]);
    expect(run.history().map((h) => h.step)).toEqual([0, 10, 20, 30]);
  });

  it('spends its budget on the real clock when none is given', () => {
    const c = new Counter();
    const train = c.trainStep.bind(c);
    c.trainStep = () => {
      const t = performance.now();
      while (performance.now() - t < 1); // a step of about 1 ms
      train();
    };
    const run = new CheckpointedRun(c, { checkpointEvery: 100, evaluateEvery: 100 }, () => ({}));
    expect(run.advance(300, 5)).toBe(false);
    expect(run.step).toBeGreaterThan(0);
    expect(run.step).toBeLessThan(100); // stopped after about 5 ms, not at the target
  });
});
