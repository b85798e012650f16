/**
 * The head start (headStart.ts): the worker computes, before the page asks, exactly the result the
 * page's first request asks for at an address (the store's own reading of the link), so that
 * request finds the costly core in the cache instead of computing it; and the answer it gets
 * is the same bits as a cold worker's.
 */
import { describe, expect, it } from 'vitest';
import { linkSearches, storeParams as storeParamsOf } from '../../lib/params/links.testutil';
import { biasVariance } from './answer';
import { headStart, linkedParams } from './headStart';
import { computeBiasVariance, type BiasVarianceResult } from './model';
import panel from './panel';
import { schema } from './params';

const storeParams = (search: string) => storeParamsOf(schema, search);

const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : x));

function expectSameBits(got: BiasVarianceResult, want: BiasVarianceResult) {
  expect(got.byDegree).toEqual(want.byDegree);
  expect(got.current).toEqual(want.current);
  for (const k of ['grid', 'truth', 'trainFit', 'meanFit'] as const) expect(bits(got[k]), k).toEqual(bits(want[k]));
  expect(got.fits.map(bits)).toEqual(want.fits.map(bits));
  expect([bits(got.train.x), bits(got.train.y), got.status, got.message]).toEqual([bits(want.train.x), bits(want.train.y), want.status, want.message]);
}

/** The panel's default address and every "Try this" link, and hand-written ones (odd values clamp). */
const searches = linkSearches(schema, panel.experiments!, [
  '?degree=7&n=33&noise=0.5&fn=cubic&sets=40',
  '?n=2&degree=99&sets=1e9&lambda=-4&design=nope&engine=%3Cb%3E&embed=1',
]);

describe('the head start reads the address as the page does', () => {
  for (const search of searches)
    it(`the store's first params: "${search}"`, () => {
      expect(linkedParams(search)).toEqual(storeParams(search));
    });

  it('own data (data=csv) get no head start: own.ts keeps no cache, the work would be lost', () => {
    expect(linkedParams('?data=csv&csv=x,y')).toBeNull();
    const asked: unknown[] = [];
    headStart('?data=csv', async (p) => asked.push(p));
    expect(asked).toEqual([]);
  });
});

describe("the page's first request after the head start", () => {
  // The float64 links (the tfjs one is checked by experiments.test.ts; its solver needs a backend).
  const js = searches.filter((s) => storeParams(s).engine === 'js');

  for (const search of js)
    it(`finds the linked core cached and gets a cold worker's bits: "${search}"`, async () => {
      const p = storeParams(search);
      // A cold worker's answer; then another setting, so the one-entry core cache forgets it.
      const cold = await biasVariance(p);
      await biasVariance({ ...p, seed: p.seed + 1 });

      let started: Promise<unknown> | null = null;
      headStart(search, (q) => (started = biasVariance(q)));
      expect(started).not.toBeNull();
      const head = (await started!) as BiasVarianceResult;
      const asked = await biasVariance(p);
      // The same core object: the request computed no fit of its own.
      expect(asked.byDegree).toBe(head.byDegree);
      expectSameBits(asked, cold);
    });

  it('a request for other settings computes its own, the same bits as cold', async () => {
    const p = storeParams('?degree=5');
    headStart('?degree=5', biasVariance);
    const other = { ...p, noise: 0.4 };
    const asked = await biasVariance(other);
    await biasVariance(p);
    const cold = await computeBiasVariance(other, { engine: 'float64', design: other.design });
    expectSameBits(asked, cold);
  });
});
