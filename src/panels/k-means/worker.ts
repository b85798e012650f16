// Two workers, each computing the elbow for half of the K's (two factories: one worker each).
// Apart from the view so the router can start them before the view loads (lib/worker/early.ts).
export const elbowWorkers = [
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
] as const;

/** Every state shows the elbow: started as soon as the route is known. */
export const early = elbowWorkers;
