// Vite's static worker pattern: the worker is bundled as its own chunk (see lib/worker/client.ts).
// Apart from the view so the router can start the workers before the view loads (lib/worker/early.ts).
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
// The spread's and the leak demo's other halves run in a second copy of the same worker (two cores: about half the wait).
export const halves = [computeWorker, () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' })] as const;

/** Every state uses both: started as soon as the route is known. */
export const early = halves;
