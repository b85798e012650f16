/**
 * The serving simulator against queueing theory: Erlang's C closed forms reproduce the
 * `queueing_and_drift` reference cases, and long seeded runs of the simulator (max batch 1,
 * exponential times: an M/M/c queue) match the closed-form mean waits within 3 % at ρ = 0.5 and
 * 0.8. Then the batching rule, the queue limit, the per-window bookkeeping and determinism.
 */
import { describe, expect, it } from 'vitest';
import { referenceCases } from '../../lib/learn/reference.testutil';
import { capacity, simulate, type SimInput } from './sim';
import { mmc } from './queueing';
import { sweep } from './model';

interface QueueCase { lambda: number; mu: number; servers: number; utilisation: number; p_wait: number; mean_wait_in_queue: number; mean_time_in_system: number; mean_number_in_system: number }
const cases = referenceCases<{ queueing_and_drift: { queues: QueueCase[] } }>().queueing_and_drift.queues;

/** M/M/c in the simulator's units: λ per ms, mean service 1/μ ms, no batching, no queue limit. */
function mmcRun(lambda: number, mu: number, c: number, requests: number, seed = 1): number {
  const s: SimInput = { rate: 1000 * lambda, replicas: c, maxBatch: 1, maxWait: 0, fixed: 0, perItem: 1 / mu, dist: 'exp', spread: 0, queueLimit: Infinity, requests, windows: 1, seed };
  return simulate(s, { windows: false, percentiles: false, warmup: requests / 100 }).totals.meanWait;
}

describe('M/M/c closed forms', () => {
  it.each(cases.map((c) => [`λ ${c.lambda}, μ ${c.mu}, c ${c.servers}`, c] as const))('reproduce the reference case %s', (_, c) => {
    const q = mmc(c.lambda, c.mu, c.servers)!;
    expect(q.utilisation).toBeCloseTo(c.utilisation, 12);
    expect(q.pWait / c.p_wait - 1).toBeCloseTo(0, 10);
    expect(q.meanWaitInQueue / c.mean_wait_in_queue - 1).toBeCloseTo(0, 10);
    expect(q.meanTimeInSystem / c.mean_time_in_system - 1).toBeCloseTo(0, 10);
    expect(q.meanNumberInSystem / c.mean_number_in_system - 1).toBeCloseTo(0, 10);
  });
  it('say when the queue is unstable', () => {
    expect(mmc(1, 1, 1)).toBeNull();
    expect(mmc(3.5, 1, 3)).toBeNull();
  });
});

describe('the simulator matches M/M/1 and M/M/c mean waits', () => {
  // The mean wait's run-to-run spread grows like (1 − ρ)^−2: a million requests put 3 % beyond
  // three standard errors at ρ = 0.8.
  it.each([
    [1, 0.5],
    [1, 0.8],
    [3, 0.5],
    [3, 0.8],
  ])('c = %i at ρ = %f, within 3 %', (c, rho) => {
    const mu = 1, lambda = rho * c * mu;
    const theory = mmc(lambda, mu, c)!.meanWaitInQueue;
    expect(Math.abs(mmcRun(lambda, mu, c, 1_000_000) / theory - 1)).toBeLessThan(0.03);
  });
  it('and the reference cases’ mean waits (3 % up to ρ = 0.8; 6 % at ρ = 0.9, where the mean is far noisier)', () => {
    for (const q of cases) {
      const sim = mmcRun(q.lambda, q.mu, q.servers, 1_000_000, 5);
      expect(Math.abs(sim / q.mean_wait_in_queue - 1), `λ ${q.lambda}, c ${q.servers}`).toBeLessThan(q.utilisation <= 0.8 ? 0.03 : 0.06);
    }
  });
});

const base: SimInput = { rate: 100, replicas: 1, maxBatch: 4, maxWait: 10, fixed: 5, perItem: 1, dist: 'constant', spread: 0, queueLimit: 1000, requests: 20000, windows: 20, seed: 3 };

describe('dynamic batching and the queue', () => {
  it('without load every batch is a single request that waited the full max wait', () => {
    // 0.1 request per second: the next one comes long after the wait is up.
    const r = simulate({ ...base, rate: 0.1, requests: 200 });
    expect(r.totals.meanBatch).toBe(1);
    expect(r.totals.meanWait).toBeCloseTo(10, 9);
    expect(r.totals.p50).toBeCloseTo(10 + 5 + 1, 9);
  });
  it('under heavy load batches are full and the replica never idles', () => {
    const r = simulate({ ...base, rate: 5000, queueLimit: 50 });
    expect(r.totals.meanBatch).toBeGreaterThan(3.99);
    expect(r.totals.utilisation).toBeGreaterThan(0.99);
    // Full batches of 4 every 9 ms: the capacity.
    expect(r.totals.throughput / capacity(base, 4) - 1).toBeCloseTo(0, 2);
    expect(r.totals.rejected).toBeGreaterThan(0);
  });
  it('a full queue rejects, and nothing is lost: accepted + rejected = requests', () => {
    const r = simulate({ ...base, rate: 2000, queueLimit: 5 });
    expect(r.totals.accepted + r.totals.rejected).toBe(base.requests);
    expect(r.totals.rejected).toBeGreaterThan(0);
    expect(r.rejectedSoFar[r.rejectedSoFar.length - 1]).toBe(r.totals.rejected);
  });
  it('no batch is larger than the max, and waits never exceed the max wait when a replica is free', () => {
    const r = simulate({ ...base, replicas: 8, rate: 300 });
    for (let b = 5; b < r.batchSizes.length; b++) expect(r.batchSizes[b]).toBe(0);
    expect(r.totals.meanWait).toBeLessThanOrEqual(10);
  });
  it('windows: served and offered add up, the system empties by the end, percentiles are ordered', () => {
    const r = simulate({ ...base, rate: 300, replicas: 2 });
    const sec = r.windowMs / 1000;
    const offered = r.offered.reduce((a, b) => a + b, 0) * sec;
    expect(Math.round(offered)).toBe(base.requests);
    for (let w = 0; w < r.p50.length; w++) {
      expect(r.p50[w]).toBeLessThanOrEqual(r.p95[w]);
      expect(r.p95[w]).toBeLessThanOrEqual(r.p99[w]);
      expect(r.inSystem[w]).toBeGreaterThanOrEqual(0);
    }
    expect(r.totals.p50).toBeLessThanOrEqual(r.totals.p99);
  });
  it('the same seed gives the same run; another seed another', () => {
    const a = simulate(base), b = simulate(base), c = simulate({ ...base, seed: 4 });
    expect(b.totals).toEqual(a.totals);
    expect(c.totals.p99).not.toBe(a.totals.p99);
  });
  it('degenerate inputs give numbers, not NaN or a hang', () => {
    const r = simulate({ ...base, requests: 1, queueLimit: 0 });
    expect(r.totals.rejected).toBe(1);
    const one = simulate({ ...base, requests: 1 });
    expect(one.totals.accepted).toBe(1);
    expect(Number.isFinite(one.totals.p99)).toBe(true);
  });
});

describe('the batching sweep', () => {
  it('larger batches reach higher throughput and reject less at the heaviest load', () => {
    const s = sweep({ replicas: 1, maxWait: 10, fixed: 20, perItem: 2, dist: 'constant', spread: 0, queueLimit: 500, seed: 1 });
    const most = (c: (typeof s.curves)[number]) => Math.max(...c.throughput);
    const one = s.curves.find((c) => c.maxBatch === 1)!, big = s.curves.find((c) => c.maxBatch === 32)!;
    expect(most(big)).toBeGreaterThan(3 * most(one));
    const last = s.rates.length - 1;
    expect(one.rejected[last]).toBeGreaterThan(0.7);
    expect(big.rejected[last]).toBeLessThan(0.4);
  });
});
