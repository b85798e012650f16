// Two factories, so two workers (client.ts keeps one per factory): the forest's view, and the
// rest of its permutation importances at the same time (permPart.ts). Apart from the view so the
// router can start them before the view loads (lib/worker/early.ts).
export const computeWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
export const permWorker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });

/** Every state uses both: started as soon as the route is known. */
export const early = [computeWorker, permWorker];
