// Two factories, so two workers; Vite's static worker pattern bundles the module once. Apart from
// the hook so the router can start them before the view loads (lib/worker/early.ts).
export const halves = [
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
] as const;

/** Every state runs the study in both: started as soon as the route is known. */
export const early = halves;
