/**
 * The look-ahead (lookahead.ts): its guess is the number the slider's next step gives, and a
 * worker answering through it gives every request the numbers of a fresh study, whether the
 * look-ahead finished, stopped part way or guessed wrong.
 */
import { describe, expect, it } from 'vitest';
import { gate, settle } from '../../lib/worker/gate.testutil';
import { defaults } from '../../lib/params/schema';
import { createPanelStore } from '../../lib/params/store';
import { drain } from '../../lib/panel/schedule';
import { StudyCache, studyKey, studyPartJob, type StudyInput } from './model';
import { AHEAD, createLookahead, linkedStudy, nextSetting } from './lookahead';
import { schema } from './params';

const base: StudyInput = (() => {
  const { mechanism, rate, rho, n, draws, k, indicator, seed } = defaults(schema);
  return { mechanism, rate, rho, n, draws, k, indicator, seed };
})();

describe('nextSetting', () => {
  it('steps the slider last moved once more the same way, and back at the end of its range', () => {
    expect(nextSetting(null, base)).toBeNull();
    expect(nextSetting({ ...base, rho: 0.6 }, { ...base, rho: 0.65 })).toEqual({ ...base, rho: 0.7 });
    expect(nextSetting({ ...base, rho: 0.85 }, { ...base, rho: 0.9 })).toEqual({ ...base, rho: 0.85 });
    expect(nextSetting({ ...base, rate: 0.3 }, { ...base, rate: 0.25 })).toEqual({ ...base, rate: 0.2 });
    expect(nextSetting({ ...base, rate: 0.05 }, { ...base, rate: 0 })).toEqual({ ...base, rate: 0.05 });
    expect(nextSetting({ ...base, n: 390 }, { ...base, n: 400 })).toEqual({ ...base, n: 390 });
    expect(nextSetting({ ...base, n: 200 }, { ...base, n: 210 })).toEqual({ ...base, n: 220 });
  });

  it('guesses nothing when another control moved, or two at once', () => {
    expect(nextSetting(base, base)).toBeNull();
    expect(nextSetting(base, { ...base, k: 6 })).toBeNull();
    expect(nextSetting(base, { ...base, draws: 110 })).toBeNull();
    expect(nextSetting(base, { ...base, mechanism: 'mnar' })).toBeNull();
    expect(nextSetting(base, { ...base, rho: 0.65, n: 210 })).toBeNull();
  });

  it('gives the very number of the next step on the slider’s grid (a decimal, as the range input steps it)', () => {
    for (const name of AHEAD) {
      const spec = schema[name], step: number = spec.step;
      const decimals = (String(step).split('.')[1] ?? '').length;
      const grid = (i: number) => Number((spec.min + i * step).toFixed(decimals));
      const count = Math.round((spec.max - spec.min) / step);
      for (let i = 1; i < count; i++) {
        expect(nextSetting({ ...base, [name]: grid(i - 1) }, { ...base, [name]: grid(i) })?.[name]).toBe(grid(i + 1));
        expect(nextSetting({ ...base, [name]: grid(i + 1) }, { ...base, [name]: grid(i) })?.[name]).toBe(grid(i - 1));
      }
    }
  });
});


describe('a worker answering through the look-ahead', () => {
  const small: StudyInput = { ...base, n: 50, draws: 8, rho: 0.8, rate: 0.5 };
  // Steps of each slider, turns at the ends, a jump, another slider, a seed: hits and misses.
  const walk: StudyInput[] = [
    small,
    { ...small, rho: 0.85 },
    { ...small, rho: 0.9 },
    { ...small, rho: 0.85 },
    { ...small, rho: 0.8 },
    { ...small, rho: 0.8, rate: 0.55 },
    { ...small, rho: 0.8, rate: 0.6 },
    { ...small, rho: 0.8, rate: 0.55 },
    { ...small, rho: 0.8, rate: 0.55, n: 60 },
    { ...small, rho: 0.8, rate: 0.55, n: 70 },
    { ...small, rho: 0.8, rate: 0.55, n: 40 },
    { ...small, rho: 0.8, rate: 0.55, n: 50 },
    { ...small, rho: 0.8, rate: 0.55, n: 50, k: 3 },
    { ...small, rho: 0.8, rate: 0.55, n: 60, k: 3 },
    { ...small, rho: 0.8, rate: 0.55, n: 70, k: 3, seed: 9 },
    { ...small, rho: 0.8, rate: 0.55, n: 80, k: 3, seed: 9 },
    { ...small, rho: 0.8, rate: 0.55, n: 90, k: 3, seed: 9 },
  ];

  for (const steps of [0, 2, 100])
    it(`gives each request a fresh study's numbers (look-ahead of ${steps} data sets between requests)`, async () => {
      for (const shard of [0, 1]) {
        const idle = gate(), pause = gate();
        const la = createLookahead(idle.wait, pause.wait);
        let last: StudyInput | null = null, guess: StudyInput | null = null, hits = 0;
        for (const input of walk) {
          const cache = la.take(input);
          // A full look-ahead that guessed this setting has analysed all of this shard's data sets.
          if (guess && studyKey(guess) === studyKey(input)) {
            hits++;
            if (steps === 100) expect(cache.draws.size).toBe(input.draws / 2);
          }
          expect(drain(studyPartJob(input, cache, shard, 2))).toEqual(drain(studyPartJob(input, new StudyCache(), shard, 2)));
          la.after(input, shard, 2);
          guess = nextSetting(last, input);
          last = input;
          idle.open(1);
          pause.open(steps);
          await settle();
        }
        expect(hits).toBeGreaterThanOrEqual(8);
      }
    });
});

describe('the head start on a link', () => {
  const links = ['', '?v=1&mechanism=mcar&rate=0.3&method=mean&indicator=0&split=after&rho=0.6&k=5&n=200&draws=100&seed=7', '?rate=0.55&rho=-0.35&n=60&draws=20&k=3&indicator=1&seed=12', '?n=9999&rate=abc&rho=0.123456'];

  it('reads the address as the page’s store does', () => {
    for (const search of links) {
      const store = createPanelStore(schema);
      store.getState().loadQuery(search);
      const { mechanism, rate, rho, n, draws, k, indicator, seed } = store.getState().params;
      expect(linkedStudy(search)).toEqual({ mechanism, rate, rho, n, draws, k, indicator, seed });
    }
  });

  for (const steps of [0, 3, 100])
    it(`the linked request gets a fresh study's numbers after ${steps} head-start data sets; another request too`, async () => {
      const small = linkedStudy('?n=50&draws=20&rate=0.4&k=3&seed=5');
      for (const asked of [small, { ...small, rho: 0.1 }]) {
        const pause = gate();
        const la = createLookahead(() => Promise.resolve(), pause.wait);
        la.begin(small, 1, 2);
        pause.open(steps);
        await settle();
        const cache = la.take(asked);
        // The first data set is analysed at once; the rest one per pause, up to this shard's half.
        expect(cache.draws.size).toBe(asked === small ? Math.min(small.draws / 2, steps + 1) : 0);
        expect(drain(studyPartJob(asked, cache, 1, 2))).toEqual(drain(studyPartJob(asked, new StudyCache(), 1, 2)));
      }
    });
});
