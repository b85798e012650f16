/**
 * The head start (headStart.ts): the worker starts, before the page asks, exactly the autodiff the
 * page's first request asks for at an address (the store's own reading of the link); the request
 * takes that answer only when it asks for the same numbers, and gets the same bits as a cold one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { linkSearches, storeParams as storeParamsOf } from '../../lib/params/links.testutil';
import { useCpuBackend } from '../../lib/tf/testing';
import { autodiffInput, autodiffKey } from './autodiffInput';
import { autodiff, type AutodiffInput, type AutodiffResult } from './grads.tf';
import { createEarlyAnswer, linkedInput } from './headStart';
import { computeLesson } from './lesson';
import panel from './panel';
import { schema } from './params';

beforeAll(useCpuBackend);

const storeParams = (search: string) => storeParamsOf(schema, search);

/** The default address, every "Try this" link, and hand-written ones (odd values clamp). */
const searches = linkSearches(schema, panel.experiments!, [
  '?step=9999&lr=7&activation=relu&W1=3,3,3,3,3,3',
  '?x1=nope&target=-3&head=linear-mse&W1=1,2&step=-4',
]);

const bits = (a: number[]) => a.map((x) => (Object.is(x, -0) ? '-0' : x));

describe('the head start reads the address as the page does', () => {
  for (const search of searches)
    it(`the view's first input: "${search}"`, () => {
      expect(linkedInput(search)).toEqual(autodiffInput(computeLesson(storeParams(search))));
    });

  it('the experiment links differ from each other (the check above compares real inputs)', () => {
    const keys = new Set(searches.map((s) => autodiffKey(linkedInput(s))));
    expect(keys.size).toBeGreaterThan(5);
  });
});

describe("the page's first request after the head start", () => {
  function counted() {
    const asked: string[] = [];
    const early = createEarlyAnswer(async (inp: AutodiffInput) => {
      asked.push(autodiffKey(inp));
      return autodiff(inp);
    });
    return { asked, early };
  }

  for (const search of searches)
    it(`takes the early answer, the same bits as a cold worker's: "${search}"`, async () => {
      const { asked, early } = counted();
      early.begin(search);
      const inp = autodiffInput(computeLesson(storeParams(search)));
      const got: AutodiffResult = await early.take(inp);
      expect(asked).toEqual([autodiffKey(inp)]);
      const cold = autodiff(inp);
      expect([got.loss, ...bits(got.grad)]).toEqual([cold.loss, ...bits(cold.grad)]);
    });

  it('a request for other numbers computes its own, and the early answer is used once', async () => {
    const { asked, early } = counted();
    early.begin('?step=209');
    const other = linkedInput('?step=509&activation=relu');
    await early.take(other);
    expect(asked).toEqual([autodiffKey(linkedInput('?step=209')), autodiffKey(other)]);
    const same = linkedInput('?step=209');
    await early.take(same);
    await early.take(same);
    expect(asked.length).toBe(4);
  });

  it('a second head start is ignored; a failed one lets the request compute and answer', async () => {
    let fail = true;
    const asked: string[] = [];
    const early = createEarlyAnswer(async (inp) => {
      asked.push(autodiffKey(inp));
      if (fail) throw new Error('backend failed');
      return autodiff(inp);
    });
    early.begin('');
    early.begin('?step=209');
    expect(asked).toEqual([autodiffKey(linkedInput(''))]);
    fail = false;
    const r = await early.take(linkedInput(''));
    expect(r.grad).toHaveLength(13);
    expect(asked.length).toBe(2);
  });
});
