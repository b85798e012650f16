/** The panel's one worker (Vite's static pattern, so it is bundled as its own chunk). */
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });

/** Every state of the panel uses it: started as soon as the route is known (lib/worker/early.ts). */
export const early = [computeWorker];
