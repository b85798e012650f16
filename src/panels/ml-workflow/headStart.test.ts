/**
 * The head start (headStart.ts): each worker scores, before the page asks, exactly the half of the
 * folds the page's first request asks it for at an address (the store's own reading of the link),
 * into the cache that request reads; the request then gets the same bits as from a cold worker.
 */
import { describe, expect, it } from 'vitest';
import { linkSearches, storeParams as storeParamsOf } from '../../lib/params/links.testutil';
import { createFoldHalves, linkedInput } from './headStart';
import { foldPart, inputOf, type FoldPart, type WfInput } from './model';
import panel from './panel';
import { schema } from './params';
import { penguins } from './penguins.testutil';
import { settingKey } from './settingKey';

const storeParams = (search: string) => storeParamsOf(schema, search);

const searches = linkSearches(schema, panel.experiments!, [
  '?folds=3&test=0.3&model=knn&seed=4&step=handoff',
  '?folds=99&test=-1&model=nope&leak=yes&target=%3Cb%3E',
]);

// Every number by value (NaN and ±∞ as strings, so toEqual compares them too).
const plain = (p: FoldPart) => JSON.parse(JSON.stringify(p, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));

describe('the head start reads the address as the page does', () => {
  for (const search of searches)
    it(`the view's first input: "${search}"`, () => {
      expect(linkedInput(search)).toEqual(inputOf(storeParams(search)));
    });

  it('the links differ (the check above compares real settings)', () => {
    expect(new Set(searches.map((s) => settingKey(linkedInput(s)))).size).toBeGreaterThan(4);
  });
});

describe("the page's first request after the head start", () => {
  function counted() {
    const made: string[] = [];
    const halves = createFoldHalves(8, (input: WfInput, t, shard, shards) => {
      made.push(`${settingKey(input)} ${shard}/${shards}`);
      return foldPart(input, t, shard, shards);
    });
    return { made, halves };
  }

  // The default and two experiments (a fold table takes ~0.1–0.5 s to score in Node).
  for (const search of [searches[0], searches[2], searches[4]])
    for (const shard of [0, 1])
      it(`finds half ${shard} scored and gets a cold worker's bits: "${search}"`, async () => {
        const t = penguins();
        const { made, halves } = counted();
        await halves.begin(search, shard, async () => t);
        const input = inputOf(storeParams(search));
        const got = halves.half(input, t, shard, 2);
        expect(made).toEqual([`${settingKey(input)} ${shard}/2`]);
        expect(plain(got)).toEqual(plain(foldPart(input, t, shard, 2)));
      });

  it('a request for another setting or shard computes its own; no table or a bad shard, no head start', async () => {
    const t = penguins();
    const { made, halves } = counted();
    await halves.begin('?model=tree&folds=3', 0, async () => t);
    halves.half(linkedInput('?model=tree&folds=3'), t, 1, 2);
    halves.half(linkedInput('?model=knn&folds=3'), t, 0, 2);
    expect(made.length).toBe(3);
    await halves.begin('?folds=4', 0, async () => {
      throw new Error('no penguins');
    });
    await halves.begin('?folds=4', 7, async () => t);
    expect(made.length).toBe(3);
  });
});
