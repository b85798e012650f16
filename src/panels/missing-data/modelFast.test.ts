/**
 * The study's fast paths against the plain computation they replace, equal to the bit: a data
 * set's analysis against the reference path (every imputer fitted by the kit as scikit-learn
 * would: four k-NN fits, every iterative step), k-NN redone at another k against a fresh
 * analysis, the worker's cache against fresh runs, and the study split over workers (every other
 * data set each) against one worker.
 */
import { describe, expect, it } from 'vitest';
import { drain } from '../../lib/panel/schedule';
import { collectTransferables } from '../../lib/worker/transfer';
import { drawNumbers, drawSample } from './data';
import { fitRegressionImputer, regressionTransform, simpleStatistics } from '../../lib/learn/impute';
import { analyseDraw, features, mergeStudy, redoKnn, runStudy, StudyCache, studyJob, studyPartJob, type StudyInput } from './model';
import { fitRegressionXY, xyStatistics } from './fastFills';
import { copyF64, f64, inArena } from './arena';

const cases: [number, number, number, number, 'mcar' | 'mar' | 'mnar', number, number][] = [
  // seed, draw, n, rho, mechanism, rate, k
  [7, 0, 120, 0.6, 'mar', 0.3, 5],
  [3, 2, 60, -0.9, 'mnar', 0.6, 15],
  [11, 1, 90, 0.2, 'mcar', 0.45, 1],
  // Nothing missing; and 40 rows at 60 % MNAR, where few or no rows are complete.
  [4, 0, 50, 0.3, 'mar', 0, 5],
  [9, 5, 40, 0.9, 'mnar', 0.6, 3],
];

describe('one data set: the fast analysis equals the reference path', () => {
  for (const [seed, draw, n, rho, mech, rate, k] of cases) {
    for (const indicator of [false, true]) {
      it(`${mech} ${rate} n ${n} k ${k}${indicator ? ', indicators' : ''}`, () => {
        const s = drawSample(seed, draw, n, rho, mech, rate);
        expect(analyseDraw(s, k, indicator)).toEqual(analyseDraw(s, k, indicator, true));
      });
    }
  }
  it('redoing k-NN at another k equals a fresh analysis at that k', () => {
    const s = drawSample(2, 3, 80, 0.5, 'mar', 0.4);
    for (const [k1, k2] of [[5, 6], [15, 1]]) {
      const prev = analyseDraw(s, k1, true);
      expect(redoKnn(s, k2, true, prev)).toEqual(analyseDraw(s, k2, true));
      expect(redoKnn(s, k2, true, prev).est.knn).not.toEqual(prev.est.knn);
    }
  });
});

describe("the arena's reused memory (arena.ts) changes no number", () => {
  it('data sets analysed one after another inside it equal fresh analyses, also when its block grows mid-analysis', () => {
    // Larger n after smaller ones: the block is outgrown in the middle of an analysis, and the
    // views handed out before must keep their values. k moves too (redoKnn inside the arena).
    const plan: [number, number, number, 'mcar' | 'mar' | 'mnar', number, number][] = [
      [0, 40, 0.6, 'mar', 0.3, 5], [1, 40, -0.9, 'mnar', 0.6, 15], [2, 300, 0.2, 'mcar', 0.45, 1], [3, 400, 0.9, 'mnar', 0.6, 3], [4, 120, 0.6, 'mar', 0, 5],
    ];
    for (const [draw, n, rho, mech, rate, k] of plan) {
      for (const indicator of [false, true]) {
        const s = drawSample(7, draw, n, rho, mech, rate);
        const fresh = analyseDraw(s, k, indicator), { filled, ...numbers } = fresh;
        const inside = inArena(() => {
          const r = analyseDraw(s, k, indicator);
          // The filled matrices inside equal the fresh ones while the arena holds them.
          expect(r.filled).toEqual(filled);
          return { est: r.est, after: r.after, before: r.before };
        });
        expect(inside).toEqual(numbers);
        const redone = inArena(() => {
          const r = redoKnn(s, k + 1, indicator, fresh);
          return { est: r.est, after: r.after, before: r.before };
        });
        const again = analyseDraw(s, k + 1, indicator);
        expect(redone).toEqual({ est: again.est, after: again.after, before: again.before });
      }
    }
  });
  it('hands out zeroed views of one block inside, new arrays outside; a nested call keeps the outer views', () => {
    const outside = f64(4);
    const [a, b, c] = inArena(() => {
      const a = f64(3).fill(7);
      const inner = inArena(() => f64(2).fill(5));
      return [a, inner, copyF64(Float64Array.of(1, 2))];
    });
    expect(Array.from(outside)).toEqual([0, 0, 0, 0]);
    expect(Array.from(a)).toEqual([7, 7, 7]);
    expect(Array.from(b)).toEqual([5, 5]);
    expect(Array.from(c)).toEqual([1, 2]);
    expect(a.buffer).toBe(b.buffer);
    expect(outside.buffer).not.toBe(a.buffer);
    // The next call reuses the memory, zeroed.
    const again = inArena(() => f64(3));
    expect(again.buffer).toBe(a.buffer);
    expect(Array.from(again)).toEqual([0, 0, 0]);
  });
});

describe("the fast paths' parts: only x and y can be missing, so only their statistics and regressions matter", () => {
  const nan = NaN;
  it('mean and median of the observed x and y, worked by hand (even and odd counts, an empty column gives 0)', () => {
    const M = { data: Float64Array.from([3, 4, 9, nan, 1, 9, 1, 2, 9, 2, nan, 9, 7, 3, 9]), n: 5, d: 3 };
    // x: 3, 1, 2, 7 → median (2 + 3) / 2, mean 13 / 4; y: 4, 1, 2, 3 → median (2 + 3) / 2, mean 10 / 4.
    expect(Array.from(xyStatistics(M, 'median'))).toEqual([2.5, 2.5, 0]);
    expect(Array.from(xyStatistics(M, 'mean'))).toEqual([13 / 4, 10 / 4, 0]);
    // x all missing → 0; y: 5, −1, 2 (odd count) → median 2, mean 2.
    const E = { data: Float64Array.from([nan, 5, 1, nan, -1, 1, nan, 2, 1]), n: 3, d: 3 };
    expect(Array.from(xyStatistics(E, 'median'))).toEqual([0, 2, 0]);
    expect(Array.from(xyStatistics(E, 'mean'))).toEqual([0, 2, 0]);
  });
  it("x and y's statistics equal the kit's on study data (table and feature matrices)", () => {
    for (const [seed, draw, n, rho, mech, rate] of cases) {
      const s = drawSample(seed, draw, n, rho, mech, rate);
      for (const M of [features(s), features(s, 0, 17), features(s, 0, n, true)]) {
        for (const how of ['mean', 'median'] as const) expect(Array.from(xyStatistics(M, how))).toEqual(Array.from(simpleStatistics(M, how).subarray(0, 2)).concat(0));
      }
    }
  });
  it("regression on x and y only fills as the kit's full imputer does, also with no complete row", () => {
    for (const [seed, draw, n, rho, mech, rate] of [...cases, [2, 0, 12, 0.5, 'mnar', 0.6] as const]) {
      const s = drawSample(seed, draw, n, rho, mech, rate);
      for (const M of [features(s), features(s, 0, n, true)]) {
        const fast = fitRegressionXY(M), kit = fitRegressionImputer(M);
        expect(fast.completeRows).toBe(kit.completeRows);
        expect(fast.fits.slice(0, 2)).toEqual(kit.fits.slice(0, 2));
        expect(fast.fits.slice(2).every((f) => f === null)).toBe(true);
        expect(regressionTransform(fast, M)).toEqual(regressionTransform(kit, M));
      }
    }
    // Every row misses x or y: no fit, the means fill (x: 1, y: (2 + 4) / 2).
    const M = { data: Float64Array.from([1, NaN, 0, NaN, 2, 0, NaN, 4, 0]), n: 3, d: 3 };
    const none = fitRegressionXY(M);
    expect(none.completeRows).toBe(0);
    expect(none.fits).toEqual([null, null, null]);
    expect(Array.from(regressionTransform(none, M).data)).toEqual([1, 3, 0, 1, 2, 0, 1, 4, 0]);
  });
});

describe("the worker's cache gives what a fresh run gives", () => {
  const base: StudyInput = { mechanism: 'mar', rate: 0.3, rho: 0.6, n: 40, draws: 4, k: 5, indicator: false, seed: 7 };
  it('after moving k, draws up and down, and a control that changes the data', () => {
    const cache = new StudyCache();
    const path: StudyInput[] = [base, { ...base, k: 9 }, { ...base, k: 9, draws: 6 }, { ...base, k: 9, draws: 3 }, { ...base, k: 9, draws: 6, rho: 0.2 }, { ...base, k: 9, draws: 6, rho: 0.2, indicator: true }, { ...base, k: 2, draws: 6, rho: 0.2, indicator: true }];
    for (const input of path) {
      // As the worker does: the result's arrays are transferred to the page (detached here), so
      // nothing the cache keeps may be among them.
      const done = drain(studyJob(input, cache));
      const cached = structuredClone(done, { transfer: collectTransferables(done) });
      const fresh = runStudy(input);
      expect(cached).toEqual(fresh);
      expect(cache.draws.size).toBeGreaterThanOrEqual(input.draws);
    }
  });
  it("after moving ρ, the rate, the mechanism and n (each data set's random numbers kept), then the seed (drawn anew)", () => {
    const cache = new StudyCache();
    let first = null as unknown, asked = 0, seed = base.seed;
    const path: StudyInput[] = [base, { ...base, rho: -0.3 }, { ...base, rho: -0.3, rate: 0.5 }, { ...base, rho: -0.3, rate: 0.5, mechanism: 'mnar' }, { ...base, n: 50 }, { ...base, n: 40 }, { ...base, n: 70, draws: 6 }, { ...base, n: 50, seed: 8 }];
    for (const input of path) {
      expect(drain(studyJob(input, cache))).toEqual(runStudy(input));
      expect(cache.numbers.key).toBe(`${input.seed}`);
      // Every data set asked for so far at this seed, each equal to drawing its first n rows anew.
      asked = input.seed === seed ? Math.max(asked, input.draws) : input.draws;
      seed = input.seed;
      expect(cache.numbers.streams.size).toBe(asked);
      for (const [d, r] of cache.numbers.streams) expect(r.numbers(input.n)).toEqual(drawNumbers(input.seed, d, input.n));
      // Kept (the same object) while only ρ, the rate, the mechanism and n move; drawn anew for another seed.
      if (input.seed === base.seed) expect(cache.numbers.streams.get(0)).toBe((first ??= cache.numbers.streams.get(0)));
      else expect(cache.numbers.streams.get(0)).not.toBe(first);
    }
  });
  it('keeps the data sets of the last data setting only', () => {
    const cache = new StudyCache();
    drain(studyJob({ ...base, draws: 8 }, cache));
    expect(cache.draws.size).toBe(8);
    drain(studyJob({ ...base, draws: 3, rate: 0.5 }, cache));
    expect(cache.draws.size).toBe(3);
    // Only the first data set keeps its filled matrices (the scatter's).
    expect(Object.keys(cache.draws.get(0)!.r.filled)).toHaveLength(5);
    expect(Object.keys(cache.draws.get(1)!.r.filled)).toHaveLength(0);
  });
});

describe('the study split over workers, merged, is the one-worker study to the bit', () => {
  const base: StudyInput = { mechanism: 'mnar', rate: 0.4, rho: -0.5, n: 50, draws: 7, k: 3, indicator: true, seed: 5 };
  for (const shards of [2, 3]) {
    it(`${shards} shards, each with its own cache, through k and draws changes`, () => {
      const caches = Array.from({ length: shards }, () => new StudyCache());
      for (const input of [base, { ...base, k: 8 }, { ...base, k: 8, draws: 4 }, { ...base, k: 8, draws: 4, seed: 6 }]) {
        const parts = caches.map((c, j) => {
          const done = drain(studyPartJob(input, c, j, shards));
          // Sent to the page as the worker sends it (arrays transferred).
          return structuredClone(done, { transfer: collectTransferables(done) });
        });
        // Shard j takes the data sets j, j + shards, …
        parts.forEach((p, j) => expect(p.draws).toEqual(Array.from({ length: input.draws }, (_, d) => d).filter((d) => d % shards === j)));
        expect(mergeStudy(input, parts)).toEqual(runStudy(input));
      }
    });
  }
  it('refuses shards that miss a data set or hold one twice', () => {
    const input = { ...base, draws: 5 };
    const even = drain(studyPartJob(input, new StudyCache(), 0, 2));
    const odd = drain(studyPartJob(input, new StudyCache(), 1, 2));
    expect(() => mergeStudy(input, [even])).toThrow(/3 of 5/);
    expect(() => mergeStudy(input, [even, even])).toThrow(/6 of 5/);
    expect(() => mergeStudy(input, [odd])).toThrow(/2 of 5/);
    expect(mergeStudy(input, [odd, even])).toEqual(runStudy(input));
    // The right count is not enough: data sets 0, 2, 0, 2 are not 0 … 3, and a shorter study's
    // data sets 0 … 2 are not this one's 0 … 4.
    const four = { ...base, draws: 4 };
    const even4 = drain(studyPartJob(four, new StudyCache(), 0, 2));
    expect(() => mergeStudy(four, [even4, even4])).toThrow(/4 of 4/);
    const three = { ...base, draws: 3 };
    const short = [0, 1].map((j) => drain(studyPartJob(three, new StudyCache(), j, 2)));
    expect(() => mergeStudy(input, short)).toThrow(/3 of 5/);
    // More workers than data sets: the spare one holds none (and computes none).
    expect(drain(studyPartJob({ ...base, draws: 2 }, new StudyCache(), 2, 3)).draws).toEqual([]);
    // Every data set once, but the first one's scatter lost: said so, not shown empty.
    expect(() => mergeStudy(input, [odd, { ...even, first: null }])).toThrow(/no shard holds the first data set/);
  });
});
