/**
 * The worker's head start on a link (issue 8, link opens): the router starts the panel's worker as
 * soon as the address is known (worker.ts, lib/worker/early.ts), but the page asks for the fits
 * only once its chunks have loaded and its first render is committed. So the worker is told the
 * address first (lib/worker/headStart.ts), reads the settings from it exactly as the page's store does
 * (parseQuery with the panel's schema) and fits them into its cache; the page's request then finds
 * them there (compute.worker.ts). The real sensor data come with the page's request, so a link to
 * them gets no head start. Pure.
 */
import { parseQuery } from '../../lib/params/url';
import type { ImbalanceInput } from './model';
import { schema } from './params';

/** The input the page's first request sends at this address (ImbalancedDataView), or null for the sensor data. */
export function linkedInput(search: string): ImbalanceInput | null {
  const { data, ratio, overlap, k, seed, method, threshold } = parseQuery(schema, search).params;
  return data === 'generated' ? { data, ratio, overlap, k, seed, method, threshold, sensors: null } : null;
}
