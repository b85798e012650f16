/**
 * The page's step ahead (pageAhead.ts, compute.ts `prepare`): its guess is the setting the slider's
 * next step gives, and a frame computed after a step ahead, whole, stopped part way or for another
 * setting, is the frame a fresh computer gives, to the bit; when the guess was right, the frame is
 * drawn from the run the step ahead recorded.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { createComputer } from './compute';
import { nextParams } from './pageAhead';
import { schema, type KMeansParams } from './params';

const D: KMeansParams = { ...defaults(schema), engine: 'js' };
const at = (p: Partial<KMeansParams>): KMeansParams => ({ ...D, ...p });

describe('nextParams', () => {
  it('guesses the next spread, groups, K and points; nothing for a choice, the seed, the step or two at once', () => {
    expect(nextParams(at({ spread: 0.6 }), at({ spread: 0.65 }))).toEqual(at({ spread: 0.7 }));
    expect(nextParams(at({ spread: 2 }), at({ spread: 1.95 }))).toEqual(at({ spread: 1.9 }));
    expect(nextParams(at({ groups: 7 }), at({ groups: 8 }))).toEqual(at({ groups: 7 }));
    expect(nextParams(at({ k: 4 }), at({ k: 5 }))).toEqual(at({ k: 6 }));
    expect(nextParams(at({ n: 1000 }), at({ n: 1262 }))).toEqual(at({ n: 1589 }));
    expect(nextParams(null, at({}))).toBeNull();
    expect(nextParams(at({}), at({ engine: 'tf' }))).toBeNull();
    expect(nextParams(at({}), at({ seed: 5 }))).toBeNull();
    expect(nextParams(at({}), at({ step: 3 }))).toBeNull();
    expect(nextParams(at({}), at({ spread: 0.65, k: 5 }))).toBeNull();
    expect(nextParams(at({ dataset: 'csv' }), at({ dataset: 'csv', k: 5 }))).toBeNull();
  });
});

describe('a frame after the page’s step ahead', () => {
  const cases: Partial<KMeansParams>[] = [
    { spread: 1.5 },
    { spread: 2, groups: 6, dataset: 'uneven', k: 7 },
    { n: 7962, step: 9 },
    { n: 20000, step: 0 },
    { n: 20000, step: 5 },
    { dataset: 'moons', k: 2, spread: 1.2, init: 'random' },
    { variant: 'minibatch', batch: 100, n: 3170, spread: 1.1 },
    { init: 'manual', centers: '0,0,1,1' },
    { step: -2 },
    { k: 10, n: 8 },
  ];
  /** Slices a stop lets through: a number stops after that many turns; Infinity never. */
  const stopAfter = (turns: number) => {
    let seen = 0;
    return () => seen++ >= turns;
  };

  for (const q of cases)
    it(`is the fresh frame, to the bit: ${JSON.stringify(q)}`, async () => {
      const p = at(q);
      const fresh = await createComputer().frame(p);
      for (const turns of [0, 1, 2, Infinity]) {
        const comp = createComputer();
        const run = await comp.prepare(p, stopAfter(turns));
        const f = await comp.frame(p);
        expect(f).toEqual(fresh);
        // The frame is drawn from the run recorded ahead (the same snapshot objects), not a second run.
        if (run && f.snap) expect(f.snap).toBe(run.at(f.step));
      }
      // A guess that was wrong: another setting's frame is its own fresh frame.
      const comp = createComputer();
      await comp.prepare(at({ ...q, spread: (q.spread ?? D.spread) + 0.05 }), stopAfter(Infinity));
      expect(await comp.frame(p)).toEqual(fresh);
    });

  it('records the whole run ahead when it is small, and only the start of a large one', async () => {
    const comp = createComputer();
    const small = await comp.prepare(at({ spread: 1.5 }), () => false);
    expect(small!.lastStep).not.toBeNull();
    const large = await comp.prepare(at({ n: 20000 }), () => false);
    expect(large!.snapshots).toHaveLength(1);
    // A stop before the first slice records nothing.
    expect(await createComputer().prepare(at({ spread: 1.2 }), () => true)).toBeNull();
  });
});
