/** The panel's worker factory, one function shared by the view and the bench (the worker kit keys its connection on it). */
import { sendHeadStart } from '../../lib/worker/headStart';

/** Told the address first, so it starts the linked autodiff at once (headStart.ts). */
export const computeWorker = () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }));

/** Every state of the panel uses it: started as soon as the route is known (lib/worker/early.ts). */
export const early = [computeWorker];
