// The panel's one worker (every part shares it): Vite's static worker pattern bundles
// compute.worker.ts as its own chunk; the kit keeps one instance per factory.
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
