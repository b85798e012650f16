// The panel's main worker (every part's jobs but the sweep's halves): Vite's static worker pattern bundles
// compute.worker.ts as its own chunk; the kit keeps one instance per factory.
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
// The batching sweep's two halves (sweepHalves.ts), each in its own instance of the same module
// (two factories: the kit keeps one worker per factory), so they run at once and apart from the
// serving simulation.
export const sweepWorkers = [
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
] as const;
