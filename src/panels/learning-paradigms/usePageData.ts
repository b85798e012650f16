/**
 * The points on the page, for drawing: the same pure generator the worker runs (under 1 ms for
 * 400 points), kept per data setting so a plot draws the points its result was computed on.
 */
import { useState } from 'react';
import { createCache } from '../../lib/panel/cache';
import { makeData, type LpData } from './data';
import { dataOf } from './model';
import type { LpParams } from './params';

export function usePageData(p: LpParams): LpData {
  const [cache] = useState(() => createCache<LpData>(4));
  const d = dataOf(p);
  return cache.get(`${d.dataset}|${d.n}|${d.noise}|${d.seed}`, () => makeData(d));
}
