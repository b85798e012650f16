/**
 * Workers a panel starts before its view has loaded (issue 8, link opens). A panel's `workers.ts`
 * may export `early`: the worker factories its view will use at the address being opened, either
 * a list (every state uses them) or a function of the address's query (a mode that needs a worker
 * the other modes do not). The router starts them as soon as the route is known (registry.ts,
 * PanelPage), so each worker's module loads while the panel's own chunks load and its first render
 * runs; the view's hooks then take them over (client.ts warm: one worker per factory, and one that
 * nobody claims ends after WARM_MS). Naming a worker the view will not use costs a worker that
 * loads and ends; missing one costs only the early start.
 */
import { warm, type WorkerFactory } from './client';

export type EarlyWorkers = readonly WorkerFactory[] | ((query: URLSearchParams) => readonly WorkerFactory[]);

/** The factories `early` names for this query (none for a module without `early`). */
export function earlyFactories(early: EarlyWorkers | undefined, query: URLSearchParams): readonly WorkerFactory[] {
  if (!early) return [];
  return typeof early === 'function' ? early(query) : early;
}

/** Starts them (idempotent per factory, see warm). */
export function startEarly(early: EarlyWorkers | undefined, query: URLSearchParams, start: (f: WorkerFactory) => void = warm): void {
  for (const f of earlyFactories(early, query)) start(f);
}
