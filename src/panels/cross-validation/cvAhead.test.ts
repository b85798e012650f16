/**
 * The workers' step ahead (cvAhead.ts): its guess is the setting the slider's next step gives,
 * and a worker answering through it gives every request the numbers of the computation it ran
 * before (computeCv, a spread half and a leak half from scratch, with fresh noise sets), to the
 * bit, whether the step ahead finished, stopped part way or guessed wrong; a right guess that
 * finished answers without a slice of work. The quiet signal holds a step ahead back while any
 * request runs.
 */
import { describe, expect, it } from 'vitest';
import { gate, settle } from '../../lib/worker/gate.testutil';
import { defaults } from '../../lib/params/schema';
import { drain } from '../../lib/panel/schedule';
import type { Half } from '../../lib/worker/useHalvesComputed';
import { createCvAhead, createQuiet, leakKey, mainKey, nextLeak, nextMain, nextSpread, spreadKey } from './cvAhead';
import { leakPartRun } from './leakParts';
import { computeCv, type LeakParams, type MainParams, type SpreadParams } from './model';
import { NoiseSets } from './noiseSets';
import { schema, type CvParams } from './params';
import { spreadPartRun } from './spreadParts';

const D: CvParams = defaults(schema);

/** The view's three inputs (CrossValidationView.tsx), for one worker's half. */
function inputs(q: Partial<CvParams>, shard: 0 | 1) {
  const { n, folds, scheme, gap, window, balance, groups, groupEffect, k, repeats, leak, features, keep, seed } = { ...D, ...q };
  const main: MainParams = { n, folds, scheme, gap, window, balance, groups, groupEffect, k, seed };
  const spread: Half<SpreadParams> = { n, folds, balance, groups, groupEffect, k, repeats, seed, shard, shards: 2 };
  const leakIn: LeakParams =
    leak === 'selection'
      ? { leak, n, folds, k, features, keep, seed, balance: 0.3, groups: 2, groupEffect: 0 }
      : { leak, n, folds, k, features: 10, keep: 1, seed, balance, groups, groupEffect };
  return { main, spread, leak: { ...leakIn, shard, shards: 2 } as Half<LeakParams> };
}

describe('the guesses', () => {
  it('step the slider last moved once more the same way, back at an end, and nothing else', () => {
    const a = inputs({ n: 30 }, 0), b = inputs({ n: 31 }, 0);
    expect(nextMain(a.main, b.main)?.n).toBe(32);
    expect(nextSpread(a.spread, b.spread)?.n).toBe(32);
    expect(nextLeak(a.leak, b.leak)?.n).toBe(32);
    expect(nextMain(inputs({ n: 59 }, 0).main, inputs({ n: 60 }, 0).main)?.n).toBe(59);
    expect(nextMain(inputs({ k: 5 }, 0).main, inputs({ k: 7 }, 0).main)?.k).toBe(9);
    expect(nextSpread(inputs({ repeats: 100 }, 1).spread, inputs({ repeats: 90 }, 1).spread)?.repeats).toBe(80);
    expect(nextMain(inputs({ balance: 0.3 }, 0).main, inputs({ balance: 0.35 }, 0).main)?.balance).toBe(0.4);
    expect(nextMain(a.main, inputs({ scheme: 'loo' }, 0).main)).toBeNull();
    expect(nextMain(a.main, inputs({ seed: 3 }, 0).main)).toBeNull();
    expect(nextMain(a.main, inputs({ n: 31, folds: 6 }, 0).main)).toBeNull();
    expect(nextLeak(inputs({ features: 500 }, 0).leak, inputs({ features: 631 }, 0).leak)).toBeNull();
  });
});


describe('a worker answering through the step ahead', () => {
  // Steps of several sliders, turns, a jump, a log slider, another demo, a seed: hits and misses.
  const walk: Partial<CvParams>[] = [
    { n: 30 },
    { n: 31 },
    { n: 32 },
    { n: 33 },
    { n: 32 },
    { n: 31 },
    { n: 31, folds: 6 },
    { n: 31, folds: 7 },
    { n: 31, folds: 7, k: 7 },
    { n: 31, folds: 7, k: 9 },
    { n: 31, folds: 7, k: 9, features: 1000 },
    { n: 32, folds: 7, k: 9, features: 1000 },
    { n: 33, folds: 7, k: 9, features: 1000 },
    { n: 33, folds: 7, k: 9, leak: 'groups' },
    { n: 33, folds: 7, k: 9, leak: 'groups', groupEffect: 0.65 },
    { n: 33, folds: 7, k: 9, leak: 'groups', groupEffect: 0.7 },
    { n: 33, folds: 7, k: 9, leak: 'groups', groupEffect: 0.7, seed: 4 },
    { n: 34, folds: 7, k: 9, leak: 'groups', groupEffect: 0.7, seed: 4 },
    { n: 35, folds: 7, k: 9, leak: 'groups', groupEffect: 0.7, seed: 4 },
  ];

  for (const steps of [0, 3, 1000])
    it(`gives each request the numbers computed afresh, to the bit (step ahead of ${steps} slices between requests)`, async () => {
      for (const shard of [0, 1] as const) {
        const idle = gate(), pause = gate();
        const w = createCvAhead(new NoiseSets(), { idle: idle.wait, pause: pause.wait });
        // The view asks a computation again only when its input changed.
        const last: Record<string, string> = {};
        const hits = { main: 0, spread: 0, leak: 0 };
        const ctx = { yield: () => Promise.resolve(), cancelled: () => false };
        for (const q of walk) {
          const x = inputs(q, shard);
          const ready = w.prepared();
          const asked = (name: 'main' | 'spread' | 'leak') => {
            const key = JSON.stringify(x[name]);
            if (last[name] === key) return false;
            last[name] = key;
            return true;
          };
          // A request whose very input was prepared takes that work (the kit's step ahead).
          if (shard === 0 && asked('main')) {
            if (ready.main.includes(mainKey(x.main))) hits.main++;
            expect(await w.cv(x.main)).toEqual(computeCv(x.main));
          }
          if (asked('spread')) {
            if (ready.spread.includes(spreadKey(x.spread))) hits.spread++;
            expect(await w.spreadPart(x.spread, ctx)).toEqual(drain(spreadPartRun(x.spread)));
          }
          if (asked('leak')) {
            if (ready.leak.includes(leakKey(x.leak))) hits.leak++;
            expect(await w.leakPart(x.leak, ctx)).toEqual(drain(leakPartRun(x.leak, new NoiseSets())));
          }
          // Each answer's wait for quiet; then the step ahead's slices.
          idle.open(3);
          pause.open(steps);
          await settle();
        }
        if (steps > 0) {
          // Second and later steps the same way: n 32, 33, 31, folds 7, k 9, n 33, groupEffect 0.7
          // and n 35; a first step, a turn, a jump, a log slider or a seed are misses.
          expect(hits).toEqual({ main: shard === 0 ? 8 : 0, spread: 8, leak: 8 });
        }
      }
    });
});

describe('the quiet signal', () => {
  it('holds a pause while a request runs and lets it go when none does', async () => {
    const quiet = createQuiet(5);
    let release!: () => void;
    const req = quiet.run(() => new Promise<void>((r) => (release = r)));
    let paused = false;
    const p = quiet.pause().then(() => (paused = true));
    await settle();
    await settle();
    expect(paused).toBe(false);
    release();
    await req;
    await p;
    expect(paused).toBe(true);
  });

  it('is idle only after a request-free wait', async () => {
    let t = 0;
    const quiet = createQuiet(5, () => t);
    await quiet.run(async () => {});
    let idle = false;
    const p = quiet.idle().then(() => (idle = true));
    // The clock has not moved: the wait starts again.
    await new Promise((r) => setTimeout(r, 15));
    expect(idle).toBe(false);
    t = 10;
    await p;
    expect(idle).toBe(true);
  });
});
