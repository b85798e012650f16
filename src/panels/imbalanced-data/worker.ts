/** The panel's worker, apart from the view so the router can start it before the view loads (lib/worker/early.ts). It is told the address first, so it fits the linked setting at once (lib/worker/headStart.ts). */
import { sendHeadStart } from '../../lib/worker/headStart';

export const computeWorker = () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }));

/** Every state of the panel uses it: started as soon as the route is known. */
export const early = [computeWorker];
