/**
 * The panel's worker: trains the learner's network and the compared presets (sessionRun.ts over
 * train.ts and the tfjs model) so the page only draws, and once idle trains the next depth or
 * width step's session ahead (ahead.ts). tfjs starts here, not on the page.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import type { VGParams } from './params';
import { createSessionAhead } from './ahead';

const sessions = createSessionAhead();

exposeRuns({
  session: async (p: VGParams) => {
    await ensureWorkerBackend();
    return sessions.run(p);
  },
});
