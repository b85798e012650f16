/**
 * The head start (headStart.ts) fits exactly what the page's first request asks for at a link:
 * the input the view builds from the store's reading of the address, and nothing for the real
 * sensor data (the page sends those with its request).
 */
import { describe, expect, it } from 'vitest';
import { createPanelStore } from '../../lib/params/store';
import { queryFor } from '../../lib/params/url';
import { linkedInput } from './headStart';
import { fitKey } from './present';
import { EXPERIMENTS } from './experiments';
import { schema } from './params';

/** The view's input for generated data (ImbalancedDataView) after the store opens `search`. */
function pageInput(search: string) {
  const store = createPanelStore(schema);
  store.getState().loadQuery(search);
  const { data, ratio, overlap, k, seed, method, threshold } = store.getState().params;
  return { data, ratio, overlap, k, seed, method, threshold, sensors: null };
}

describe('linkedInput', () => {
  const links = ['', '?ratio=7.3&overlap=0.25&k=2&seed=11&method=tomek&threshold=0.3', '?ratio=1e9&overlap=-3&k=abc', ...EXPERIMENTS.map((e) => `?${queryFor(schema, e.params)}`)];

  it('reads a link to generated data as the page’s store does', () => {
    for (const search of links) {
      const want = pageInput(search);
      if (want.data !== 'generated') continue;
      expect(linkedInput(search)).toEqual(want);
      expect(fitKey(linkedInput(search)!)).toBe(fitKey(want));
    }
  });

  it('gives no head start for the sensor data', () => {
    expect(linkedInput('?data=sensors&ratio=20')).toBeNull();
  });
});
