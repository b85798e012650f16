/** The panel's worker, apart from the view so the router can start it before the view loads (lib/worker/early.ts). */
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });

import type { EarlyWorkers } from '../../lib/worker/early';

/** Only the spam data set is made in it: started early for a link to that data. */
export const early: EarlyWorkers = (q) => (q.get('data') === 'spam' ? [computeWorker] : []);
