import type { EarlyWorkers } from '../../lib/worker/early';

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

/**
 * Started as soon as the route is known (lib/worker/early.ts): every part uses the main worker;
 * the serving part (the default) also asks the sweep's two halves once its result is painted.
 */
export const early: EarlyWorkers = (q) => ((q.get('part') ?? 'serve') === 'serve' ? [computeWorker, ...sweepWorkers] : [computeWorker]);
