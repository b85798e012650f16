// The panel's one worker (training and the learning curve share it): Vite's static worker pattern
// bundles compute.worker.ts as its own chunk; the kit keeps one instance per factory.
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });

/** Every state of the panel uses it: started as soon as the route is known (lib/worker/early.ts). */
export const early = [computeWorker];
