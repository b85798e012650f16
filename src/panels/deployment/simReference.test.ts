/**
 * The faster serving simulator (sim.ts with simBuffers.ts and the Floyd–Rivest selection in
 * stats.ts) gives the results of the simulator before it (simReference.testutil.ts) to the bit:
 * every total, every per-window array and the batch sizes, over seeded random settings of every
 * control (rejections, each latency distribution, batching or not, with and without windows,
 * warm-up and percentiles), and along walks that reuse the kept draws and working arrays
 * (more requests, fewer, another rate, seed or distribution and back, a long run then short ones).
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../lib/random/rng';
import { simulate, type SimInput, type SimOptions, type SimResult } from './sim';
import { simulateReference } from './simReference.testutil';
import { room } from './simBuffers';

/** Object.is on every number: 0 and −0 differ, NaN equals NaN. */
function expectSame(got: SimResult, want: SimResult, what: string): void {
  expect(got.input).toBe(want.input);
  for (const k of Object.keys(want.totals) as (keyof SimResult['totals'])[])
    expect(Object.is(got.totals[k], want.totals[k]), `${what}: totals.${k} ${got.totals[k]} ≠ ${want.totals[k]}`).toBe(true);
  expect(Object.is(got.windowMs, want.windowMs), `${what}: windowMs`).toBe(true);
  for (const k of ['p50', 'p95', 'p99', 'offered', 'served', 'rejectedRate', 'inSystem', 'rejectedSoFar', 'batchSizes'] as const) {
    expect(got[k].length, `${what}: ${k}.length`).toBe(want[k].length);
    for (let i = 0; i < want[k].length; i++) expect(Object.is(got[k][i], want[k][i]), `${what}: ${k}[${i}] ${got[k][i]} ≠ ${want[k][i]}`).toBe(true);
  }
}

const check = (s: SimInput, opts: SimOptions = {}, what = JSON.stringify(s)) => expectSame(simulate(s, opts), simulateReference(s, opts), what);

const base: SimInput = { rate: 150, replicas: 2, maxBatch: 8, maxWait: 5, fixed: 20, perItem: 4, dist: 'lognormal', spread: 0.3, queueLimit: 500, requests: 20000, windows: 60, seed: 11 };

describe('the serving simulator, faster, gives the same numbers', () => {
  it('over 150 seeded random settings of every control', () => {
    const r = stream(31, 'sim-settings');
    const logU = (lo: number, hi: number) => lo * (hi / lo) ** r.next();
    const dists = ['lognormal', 'exp', 'constant'] as const;
    let rejecting = 0, batching = 0;
    for (let t = 0; t < 150; t++) {
      const s: SimInput = {
        rate: logU(1, 1e5),
        replicas: 1 + r.int(16),
        maxBatch: r.next() < 0.3 ? 1 : 1 + r.int(64),
        maxWait: r.next() < 0.1 ? 0 : 100 * r.next(),
        fixed: logU(1e-4, 200),
        perItem: logU(1e-4, 50),
        dist: dists[r.int(3)],
        spread: 1.5 * r.next(),
        queueLimit: r.next() < 0.1 ? Infinity : 1 + r.int(2000),
        requests: 1 + r.int(t % 10 === 0 ? 40000 : 4000),
        windows: 1 + r.int(60),
        seed: r.int(1000),
      };
      const opts: SimOptions = t % 4 === 1 ? { windows: false } : t % 4 === 2 ? { warmup: r.int(s.requests) } : t % 4 === 3 ? { windows: false, percentiles: false } : {};
      const want = simulateReference(s, opts);
      if (want.totals.rejected > 0) rejecting++;
      if (want.totals.meanBatch > 1.5) batching++;
      expectSame(simulate(s, opts), want, `setting ${t}: ${JSON.stringify(s)} ${JSON.stringify(opts)}`);
    }
    // The draw covered what matters: overloads that reject, and real batches.
    expect(rejecting).toBeGreaterThan(20);
    expect(batching).toBeGreaterThan(20);
  });

  it('along a walk that reuses the kept draws and working arrays', () => {
    // "Simulated requests" up then down (prefixes of the kept draws), another rate and seed and
    // back, the sweep's 4,000-request runs at several rates, a long run then short ones.
    const walk: Partial<SimInput>[] = [
      {}, { requests: 22387 }, { requests: 25119 }, { requests: 28184 }, { requests: 25119 }, { requests: 1000 },
      { queueLimit: 7 }, { rate: 400 }, { rate: 150, requests: 30000 }, { seed: 12 }, { seed: 11 },
      ...[20, 35, 60, 100, 170].map((rate) => ({ rate, requests: 4000, windows: 1 })),
      { requests: 60000 }, { requests: 3000 }, { requests: 59999 }, { dist: 'exp' }, { dist: 'constant', maxBatch: 1 },
    ];
    for (const [k, over] of walk.entries()) check({ ...base, ...over }, {}, `step ${k}: ${JSON.stringify(over)}`);
  });

  it('along the requests slider past a quarter of the most, where the arrays get room for the most at once', () => {
    // 224k (room a quarter more), then 282k and 355k (room for a million: no reallocation), then
    // down to 20k (the arrays shrink again) and back up.
    expect(room(224000)).toBe(280000);
    expect(room(282000)).toBe(1e6);
    expect(room(1e6)).toBe(1e6);
    for (const n of [1, 1000, 224000, 250000, 250001, 999999, 1e6]) expect(room(n)).toBeGreaterThanOrEqual(n);
    for (const requests of [223872, 281838, 354813, 20000, 354813]) check({ ...base, requests }, {}, `requests ${requests}`);
  });

  it('the default serving settings, and a quarter of a million requests', () => {
    check(base);
    check({ ...base, requests: 250000, rate: 80, replicas: 1, maxBatch: 1, fixed: 1e-4, perItem: 10, dist: 'exp' });
  });
});
