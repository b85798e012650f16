// Two factories, so two workers; Vite's static worker pattern bundles the module once. Apart from
// the hook so the router can start them before the view loads (lib/worker/early.ts). Each is told
// the address first, so it starts its half of the linked study at once (lib/worker/headStart.ts).
import { sendHeadStart } from '../../lib/worker/headStart';

export const halves = [
  () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }), 0),
  () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }), 1),
] as const;

/** Every state runs the study in both: started as soon as the route is known. */
export const early = halves;
