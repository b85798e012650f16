/**
 * Worker-side entry of the kit. A panel's `compute.worker.ts` is just:
 *
 *   import { exposeModels, exposeRuns } from '../../lib/worker/expose';
 *   import { fit } from './model';
 *   exposeModels({ fit });                       // fit(input, ctx) → result (or a Promise)
 *   exposeRuns({ train: (config) => makeRun(config) });
 *
 * Call these synchronously at the module's top level (not after an await): messages that arrive
 * before the module has finished evaluating are held for it, later ones are not.
 */
import { createHost, type Host } from './host';

export type { ExposeOptions, Model, ModelContext, RunFactory, WorkerRun } from './host';

let host: Host | null = null;

function theHost(): Host {
  host ??= createHost(globalThis as unknown as Parameters<typeof createHost>[0]);
  return host;
}

/** Makes these pure models callable from the page (useWorkerComputed(factory, name, input)). */
export function exposeModels(...args: Parameters<Host['models']>): void {
  theHost().models(...args);
}

/** Makes these stateful runs advanceable from the page (useWorkerRun(factory, name, …)). */
export function exposeRuns(...args: Parameters<Host['runs']>): void {
  theHost().runs(...args);
}
