/**
 * The panel's worker: trains the skip-gram model (run.ts over trainer.tf.ts) so the page only
 * draws. tfjs starts here, never on the page.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import { workerRun, type RunConfig } from './run';

exposeRuns({
  train: async (cfg: RunConfig) => {
    await ensureWorkerBackend();
    return workerRun(cfg);
  },
});
