/**
 * The glue in model.ts between the controls and the simulators, and the batching sweep, against
 * hand-worked numbers: every control reaches its simulator input; the sweep's loads are a
 * geometric series from a tenth of the unbatched capacity to 1.2 times the batch-64 capacity
 * (capacity = 1000 · replicas · b / (fixed + perItem · b) with constant times); a sweep point at
 * a tiny load has the latency of a lone request (the batch wait plus one batch's time) and at
 * four times the capacity rejects about three requests in four; the job steps point by point.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { abInput, driftInput, simInput, sweep, sweepInput, sweepJob, sweepPoint, sweepRates, SWEEP_BATCHES, SWEEP_LOADS, type SweepInput } from './model';
import { DRIFT_WINDOWS, SIM_WINDOWS, schema, type DeployParams } from './params';

const d = defaults(schema);
// Every control off its default, so a field taken from the wrong control shows.
const p: DeployParams = {
  ...d, rate: 37, replicas: 3, maxBatch: 5, maxWait: 7, fixed: 11, perItem: 13, dist: 'exp', spread: 0.45, queue: 17,
  requests: 1234.6, drift: 'sudden', shift: 0.7, start: 9, window: 250, threshold: 0.3, split: 0.35, pA: 0.2, pB: 0.25,
  visitors: 4321.4, alpha: 0.01, power: 0.9, seed: 5,
};

describe('the controls reach the simulators', () => {
  it('serving: each control its field, the request count whole, the player’s windows', () => {
    expect(simInput(p)).toEqual({
      rate: 37, replicas: 3, maxBatch: 5, maxWait: 7, fixed: 11, perItem: 13, dist: 'exp', spread: 0.45, queueLimit: 17,
      requests: 1235, windows: SIM_WINDOWS, seed: 5,
    });
  });
  it('drift and A/B: each control its field, 50 looks, whole visitors', () => {
    expect(driftInput(p)).toEqual({ kind: 'sudden', size: 0.7, start: 9, window: 250, threshold: 0.3, windows: DRIFT_WINDOWS, seed: 5 });
    expect(abInput(p)).toEqual({ split: 0.35, pA: 0.2, pB: 0.25, visitors: 4321, alpha: 0.01, power: 0.9, looks: 50, seed: 5 });
  });
  it('the sweep keeps what it does not vary', () => {
    expect(sweepInput(p)).toEqual({ replicas: 3, maxWait: 7, fixed: 11, perItem: 13, dist: 'exp', spread: 0.45, queueLimit: 17, seed: 5 });
  });
});

// One replica, 20 ms a batch plus 2 ms a request, constant: 1000 / 22 requests a second unbatched.
const s: SweepInput = { replicas: 1, maxWait: 10, fixed: 20, perItem: 2, dist: 'constant', spread: 0, queueLimit: 10, seed: 1 };

describe('the batching sweep', () => {
  it('tries SWEEP_LOADS geometric loads from 0.1 · capacity(1) to 1.2 · capacity(64)', () => {
    const r = sweepRates(s);
    expect(r).toHaveLength(10);
    expect(SWEEP_LOADS).toBe(10);
    expect(r[0]).toBeCloseTo((0.1 * 1000) / 22, 10);
    expect(r[9]).toBeCloseTo((1.2 * 64000) / (20 + 2 * 64), 10);
    const q = Math.pow(((1.2 * 64000) / 148) / (100 / 22), 1 / 9);
    for (let k = 1; k < 10; k++) expect(r[k] / r[k - 1]).toBeCloseTo(q, 10);
    // Two replicas and a log-normal factor (mean e^{σ²/2}) scale every load alike.
    const r2 = sweepRates({ ...s, replicas: 2, dist: 'lognormal', spread: 0.5 });
    for (let k = 0; k < 10; k++) expect(r2[k] / r[k]).toBeCloseTo(2 / Math.exp(0.125), 10);
  });

  it('a lone request waits for its batch, then takes one batch time', () => {
    // 0.01 per second against 45: almost never two requests at once, so p99 is the lone latency.
    expect(sweepPoint(s, 1, 0.01).p99).toBeCloseTo(22, 9);
    expect(sweepPoint(s, 8, 0.01).p99).toBeCloseTo(10 + 22, 9);
    expect(sweepPoint(s, 8, 0.01).rejected).toBe(0);
  });

  it('at four times the capacity about three in four are rejected, and it serves at capacity', () => {
    const cap = 1000 / 22;
    const pt = sweepPoint(s, 1, 4 * cap);
    // 4000 arrivals over 4000 / (4 cap) s: cap · that = 1000 served, 10 more queued at most.
    expect(pt.rejected).toBeGreaterThan(0.74);
    expect(pt.rejected).toBeLessThan(0.76);
    expect(pt.throughput / cap).toBeGreaterThan(0.97);
    expect(pt.throughput / cap).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('its job steps one point at a time, reports progress and ends once', () => {
    const total = SWEEP_BATCHES.length * SWEEP_LOADS;
    const job = sweepJob(s);
    expect(job.progress()).toBe(0);
    const ends: boolean[] = [];
    for (let k = 0; k < total; k++) ends.push(job.step());
    expect(ends.slice(0, -1).every((e) => !e)).toBe(true);
    expect(ends[total - 1]).toBe(true);
    expect(job.progress()).toBe(1);
    expect(job.step()).toBe(true);
    const r = job.result();
    expect(r.input).toBe(s);
    expect(r.curves.map((c) => c.maxBatch)).toEqual([...SWEEP_BATCHES]);
    for (const c of r.curves) {
      expect(c.rate).toEqual(sweepRates(s));
      expect(c.throughput).toHaveLength(SWEEP_LOADS);
      expect(c.p99).toHaveLength(SWEEP_LOADS);
      expect(c.rejected).toHaveLength(SWEEP_LOADS);
    }
    // The first point is batch 1 at the lightest load, the last batch 64 at the heaviest.
    expect(r.curves[0].p99[0]).toBe(sweepPoint(s, 1, r.rates[0]).p99);
    expect(r.curves[6].rejected[9]).toBe(sweepPoint(s, 64, r.rates[9]).rejected);
    expect(sweep(s).curves).toEqual(r.curves);
  });

  it('its progress counts the points done', () => {
    const job = sweepJob(s);
    job.step();
    job.step();
    expect(job.progress()).toBeCloseTo(2 / 70, 12);
  });
});
