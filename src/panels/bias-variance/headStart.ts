/**
 * The head start on a link (issue 8, link opens). The router starts the panel's worker as soon as
 * the address is known (worker.ts, lib/worker/early.ts), but the page asks for its result only
 * once its chunks have loaded and its first render is committed: ~100 ms in which the worker sat
 * loaded and idle. Now the new worker is told the address first (lib/worker/headStart.ts), reads
 * the settings from it as the page's store does (parseQuery with the panel's schema) and computes
 * that result at once. Its core (every set's fit at every degree, the costly part) lands in
 * model.ts's core cache, keyed on every input it depends on, where the page's first request
 * finds it, done or under way. Nothing is sent: the answer is still the page's request's, from
 * the same cache a cold worker fills, so it is the same bits (headStart.test.ts). No DOM.
 */
import { parseQuery } from '../../lib/params/url';
import { schema, type BiasVarianceParams } from './params';

/** The params the page's first render asks for at this address, or null when a head start would
 *  not help: own data (data=csv) go through own.ts, which keeps no cache. */
export function linkedParams(search: string): BiasVarianceParams | null {
  const { params } = parseQuery(schema, search);
  return params.data === 'generated' ? params : null;
}

/** Starts `compute` (the worker's own biasVariance) on the linked params; a failure loses only
 *  the head start: the page's request computes again and reports its own error. */
export function headStart(search: string, compute: (p: BiasVarianceParams) => Promise<unknown>): void {
  const p = linkedParams(search);
  if (p) compute(p).catch(() => {});
}
