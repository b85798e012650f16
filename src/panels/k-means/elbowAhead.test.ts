/**
 * The elbow one step ahead (elbowAhead.ts): its guess is the data set the slider's next step
 * gives, and a worker answering through it gives every request the curve the worker computed
 * before it had a step ahead (elbowCurve on the page's sample), to the bit, whether the step
 * ahead finished, stopped part way or guessed wrong; when it guessed right and finished, the
 * request is answered without computing.
 */
import { describe, expect, it } from 'vitest';
import { gate, settle } from '../../lib/worker/gate.testutil';
import { defaults } from '../../lib/params/schema';
import { createComputer, type ElbowInput } from './compute';
import { dataKey } from './data';
import { elbowCurve, elbowSample } from './elbow';
import { createElbowAhead, nextElbow, nextN, type ElbowAsk } from './elbowAhead';
import { pointsOf } from './model';
import { N_UP as N_GRID } from './nSteps.fixture';
import { schema, type KMeansParams } from './params';

describe('nextN: the points slider’s next step', () => {
  it('steps once more the same way along the slider’s values, and back at the top', () => {
    for (let j = 1; j < N_GRID.length - 1; j++) {
      expect(nextN(N_GRID[j - 1], N_GRID[j])).toBe(N_GRID[j + 1]);
      expect(nextN(N_GRID[j + 1], N_GRID[j])).toBe(N_GRID[j - 1]);
    }
    // The last position: the next step up does not exist, so the guess is the step back.
    expect(nextN(N_GRID.at(-2)!, N_GRID.at(-1)!)).toBe(N_GRID.at(-2));
    // From the default, between two positions: the first step went to either neighbour.
    expect(nextN(1000, 1262)).toBe(1589);
    expect(nextN(1000, 796)).toBe(632);
    expect(nextN(1000, 1000)).toBeNull();
  });
});

const D: KMeansParams = defaults(schema);
/** The view's elbow input (KMeansView.tsx): the data params and the sample of the page's data. */
function pageAsk(comp: ReturnType<typeof createComputer>, p: Partial<KMeansParams>, shard: 0 | 1): ElbowAsk {
  const { dataset, groups, spread, n, seed, csv } = { ...D, ...p };
  const input: ElbowInput = { dataset, groups, spread, n, seed, csv, sample: elbowSample(comp.data({ dataset, groups, spread, n, seed, csv }), seed).x };
  return { ...input, shard, shards: 2 };
}

describe('nextElbow', () => {
  const comp = createComputer();
  it('guesses the next spread, groups and n; nothing for a choice, the seed, two at once or own data', () => {
    const at = (p: Partial<KMeansParams>) => pageAsk(comp, p, 0);
    const pick = (a: ElbowAsk | null) => a && { spread: a.spread, groups: a.groups, n: a.n };
    expect(pick(nextElbow(at({ spread: 0.6 }), at({ spread: 0.65 })))).toEqual({ spread: 0.7, groups: 4, n: 1000 });
    expect(pick(nextElbow(at({ spread: 1.95 }), at({ spread: 2 })))).toEqual({ spread: 1.95, groups: 4, n: 1000 });
    expect(pick(nextElbow(at({ groups: 5 }), at({ groups: 4 })))).toEqual({ spread: 0.6, groups: 3, n: 1000 });
    expect(pick(nextElbow(at({ n: 1262 }), at({ n: 1589 })))).toEqual({ spread: 0.6, groups: 4, n: 2000 });
    expect(nextElbow(null, at({}))).toBeNull();
    expect(nextElbow(at({}), at({ dataset: 'aniso' }))).toBeNull();
    expect(nextElbow(at({}), at({ seed: 5 }))).toBeNull();
    expect(nextElbow(at({}), at({ spread: 0.65, n: 1262 }))).toBeNull();
    expect(nextElbow(at({ dataset: 'csv' }), at({ dataset: 'csv', spread: 0.65 }))).toBeNull();
  });
});

const none = () => Promise.resolve();

describe('a worker answering through the step ahead', () => {
  // Steps of each data slider, turns at the ends, a jump, another data set, a seed: hits and misses.
  const base: Partial<KMeansParams> = { n: 502, spread: 0.9 };
  const walk: Partial<KMeansParams>[] = [
    base,
    { ...base, spread: 0.95 },
    { ...base, spread: 1 },
    { ...base, spread: 1.05 },
    { ...base, spread: 1 },
    { ...base, spread: 0.95 },
    { ...base, spread: 0.95, n: 632 },
    { ...base, spread: 0.95, n: 796 },
    { ...base, spread: 0.95, n: 1002 },
    { ...base, spread: 0.95, n: 796 },
    { ...base, spread: 0.95, n: 632, groups: 4 },
    { ...base, spread: 0.95, n: 632, groups: 5 },
    { ...base, spread: 0.95, n: 632, groups: 6 },
    { ...base, spread: 1.5, n: 632, groups: 6 },
    { ...base, spread: 1.55, n: 632, groups: 6, dataset: 'uneven' },
    { ...base, spread: 1.6, n: 632, groups: 6, dataset: 'uneven' },
    { ...base, spread: 1.65, n: 632, groups: 6, dataset: 'uneven', seed: 9 },
    { ...base, spread: 1.7, n: 632, groups: 6, dataset: 'uneven', seed: 9 },
    { ...base, spread: 1.75, n: 632, groups: 6, dataset: 'uneven', seed: 9 },
  ];

  for (const steps of [0, 2, 100])
    it(`gives each request the curve of its sample, to the bit (step ahead of ${steps} K's between requests)`, async () => {
      for (const shard of [0, 1] as const) {
        const comp = createComputer();
        const idle = gate(), pause = gate();
        const worker = createElbowAhead({ idle: idle.wait, pause: pause.wait });
        let ready = 0, yields = 0;
        for (const p of walk) {
          const ask = pageAsk(comp, p, shard);
          const had = worker.prepared().includes(`${dataKey(ask)} ${shard}`);
          const ctx = { yield: async () => void yields++, cancelled: () => false };
          const y0 = yields;
          const got = await worker.elbow(ask, ctx);
          // The worker's curve before it had a step ahead (compute.worker.ts: elbowCurve on the sample sent).
          expect(got).toEqual(await elbowCurve(pointsOf(ask.sample), 'js', { seed: ask.seed, shard, pause: none }));
          // A step ahead finished for this very data set: answered with no K left to compute.
          if (had && yields === y0) ready++;
          idle.open(1);
          pause.open(steps);
          await settle();
        }
        // The second and later steps of one slider the same way (spread 1 and 1.05, n 796 and 1002,
        // groups 6, spread 1.75): a first step, a turn back, a jump or two settings at once are misses.
        if (steps === 100) expect(ready).toBe(6);
      }
    });

  it('answers a data set it has answered before from its cache, and never guesses one it holds', async () => {
    const comp = createComputer();
    const idle = gate(), pause = gate();
    const worker = createElbowAhead({ idle: idle.wait, pause: pause.wait });
    const ctx = { yield: none, cancelled: () => false };
    const a = pageAsk(comp, { spread: 0.6 }, 0), b = pageAsk(comp, { spread: 0.65 }, 0);
    const first = await worker.elbow(a, ctx);
    await worker.elbow(b, ctx);
    // Back to 0.6: the guess would be 0.55 (not cached), so a step ahead is prepared for it.
    expect(await worker.elbow(a, { yield: () => Promise.reject(new Error('computed again')), cancelled: () => false })).toBe(first);
    // The first two answers' waits find a newer request came meanwhile: no step ahead for them.
    idle.open(3);
    await settle();
    expect(worker.prepared()).toEqual([`blobs|4|0.55|1000|${D.seed} 0`]);
  });
});
