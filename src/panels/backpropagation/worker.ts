/** The panel's worker factory, one function shared by the view and the bench (the worker kit keys its connection on it). */
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });

/** Every state of the panel uses it: started as soon as the route is known (lib/worker/early.ts). */
export const early = [computeWorker];
