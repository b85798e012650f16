// Vite's static worker pattern (lib/worker/client.ts): two factories, one worker each. Apart from
// the hook so the router can start them before the view loads (lib/worker/early.ts).
export const workers = [
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
] as const;

/** Every state computes in both: started as soon as the route is known. */
export const early = workers;
