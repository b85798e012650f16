// The panel's worker, defined apart from the view so the router can start it early
// (lib/worker/early.ts). It is told the address first, so it computes the linked result at once
// (headStart.ts).
import { sendHeadStart } from '../../lib/worker/headStart';

export const computeWorker = () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }));

/** Started as soon as the route is known, while the view's chunks load (every setting uses it). */
export const early = [computeWorker];
