/** The panel's worker, defined apart from the view so the router can start it early (lib/worker/early.ts). */
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });

/** Started as soon as the route is known, while the view's chunks load (every setting uses it). */
export const early = [computeWorker];
