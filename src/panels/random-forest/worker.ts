// Two factories, so two workers (client.ts keeps one per factory): the forest's view, and the
// rest of its permutation importances at the same time (permPart.ts). Apart from the view so the
// router can start them before the view loads (lib/worker/early.ts). Each is told the address
// first, so it starts on the linked forest at once (headStart.ts).
import { sendHeadStart } from '../../lib/worker/headStart';

export const computeWorker = () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }), 0);
export const permWorker = () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }), 1);

/** Every state uses both: started as soon as the route is known. */
export const early = [computeWorker, permWorker];
