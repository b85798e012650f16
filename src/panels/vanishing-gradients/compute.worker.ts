/**
 * The panel's worker: trains the learner's network and the compared presets (sessionRun.ts over
 * train.ts and the tfjs model) so the page only draws. tfjs starts here, not on the page.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import type { VGParams } from './params';
import { sessionRun } from './sessionRun';

exposeRuns({
  session: async (p: VGParams) => {
    await ensureWorkerBackend();
    return sessionRun(p);
  },
});
