// Vite's static worker pattern (lib/worker/client.ts): two factories, one worker each. Apart from
// the hook so the router can start them before the view loads (lib/worker/early.ts). Each is told
// the address and its shard first, so it scores its half of the linked setting at once (headStart.ts).
import { sendHeadStart } from '../../lib/worker/headStart';

export const workers = [
  () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }), 0),
  () => sendHeadStart(new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }), 1),
] as const;

/** Every state computes in both: started as soon as the route is known. */
export const early = workers;
