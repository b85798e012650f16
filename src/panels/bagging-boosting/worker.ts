// Vite's static worker pattern: the worker is bundled as its own chunk (see lib/worker/client.ts).
// Two instances of it (two factories: the kit keeps one worker per factory), each computing half
// of a frame (halves.ts), so a new setting's ensembles are fitted on both cores at once.
export const halves = [
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
  () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }),
] as const;

/** Every state fits in both: started as soon as the route is known (lib/worker/early.ts). */
export const early = halves;
