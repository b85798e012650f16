// Vite's static worker pattern: the worker is bundled as its own chunk (see lib/worker/client.ts).
// Two instances of it (two factories: the kit keeps one worker per factory), each computing half
// of a frame (halves.ts), so a new setting's ensembles are fitted on both cores at once. Each is
// told the address and its half first, so it fits the linked setting at once (headStart.ts).
import { sendHeadStart } from '../../lib/worker/headStart';

export const halves = [
  () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }), 0),
  () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }), 1),
] as const;

/** Every state fits in both: started as soon as the route is known (lib/worker/early.ts). */
export const early = halves;
