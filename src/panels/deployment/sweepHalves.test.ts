/**
 * The sweep in halves: every point lands where the serial sweep puts it. The truths are the
 * point simulations themselves (sweepPoint, tested against hand-worked latencies in
 * sweep.test.ts) and the index rule written out here: point k is batch size k div 10 at load
 * k mod 10, and goes to half k mod 2. Small sweep settings (one replica, a short queue) keep it fast.
 */
import { describe, expect, it } from 'vitest';
import { sweep, sweepPoint, sweepRates, SWEEP_BATCHES, SWEEP_LOADS, type SweepInput } from './model';
import { mergeSweep, partSize, sweepPartJob, type SweepPart } from './sweepHalves';

const s: SweepInput = { replicas: 1, maxWait: 10, fixed: 20, perItem: 2, dist: 'lognormal', spread: 0.4, queueLimit: 10, seed: 3 };
const TOTAL = SWEEP_BATCHES.length * SWEEP_LOADS; // 70

function runPart(shard: number, shards: number): SweepPart {
  const job = sweepPartJob({ ...s, shard, shards });
  while (!job.step());
  return job.result();
}

describe('the sweep in halves', () => {
  it('shares the points out one by one: 70 points, 35 each; 7 of 3 halves get 3, 2, 2', () => {
    expect(partSize(TOTAL, 0, 2)).toBe(35);
    expect(partSize(TOTAL, 1, 2)).toBe(35);
    expect([0, 1, 2].map((k) => partSize(7, k, 3))).toEqual([3, 2, 2]);
    expect(partSize(TOTAL, 0, 1)).toBe(TOTAL);
  });

  // Run inside the tests, never while the file is collected: a failure there must fail a test.
  let memo: [SweepPart, SweepPart] | null = null;
  const halves = () => (memo ??= [runPart(0, 2), runPart(1, 2)]);

  it('each half computes its points: half h, slot j is point 2j + h', () => {
    const rates = sweepRates(s);
    for (const [h, j] of [[0, 0], [1, 0], [0, 17], [1, 34], [0, 34]]) {
      const k = 2 * j + h;
      const pt = sweepPoint(s, SWEEP_BATCHES[Math.floor(k / 10)], rates[k % 10]);
      expect(halves()[h].throughput[j]).toBe(pt.throughput);
      expect(halves()[h].p99[j]).toBe(pt.p99);
      expect(halves()[h].rejected[j]).toBe(pt.rejected);
    }
  });

  it('merged, the serial sweep to the bit, whatever the number of parts', () => {
    const serial = sweep(s);
    const merged = mergeSweep(s, halves());
    expect(merged.input).toBe(s);
    expect(merged.rates).toEqual(serial.rates);
    expect(merged.curves).toEqual(serial.curves);
    expect(mergeSweep(s, [runPart(0, 1)]).curves).toEqual(serial.curves);
    // Bit for bit, value by value (Object.is: 0 and −0 differ, NaN is NaN).
    for (let b = 0; b < SWEEP_BATCHES.length; b++)
      for (let i = 0; i < SWEEP_LOADS; i++)
        for (const key of ['throughput', 'p99', 'rejected'] as const) expect(Object.is(merged.curves[b][key][i], serial.curves[b][key][i])).toBe(true);
  });

  it('steps one point at a time, counts its progress and ends once', () => {
    const job = sweepPartJob({ ...s, shard: 1, shards: 2 });
    expect(job.progress()).toBe(0);
    const ends: boolean[] = [];
    for (let j = 0; j < 35; j++) ends.push(job.step());
    expect(ends.slice(0, -1).every((e) => !e)).toBe(true);
    expect(ends[34]).toBe(true);
    expect(job.progress()).toBe(1);
    expect(job.step()).toBe(true);
    expect(job.result().p99).toHaveLength(35);
  });

  it('reports progress as the share of its own points done', () => {
    const job = sweepPartJob({ ...s, shard: 0, shards: 2 });
    job.step();
    job.step();
    expect(job.progress()).toBeCloseTo(2 / 35, 12);
  });
});
