/**
 * The panel's worker: trains the skip-gram model (run.ts over trainer.tf.ts) so the page only
 * draws. tfjs starts here, never on the page.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import { workerRun, type RunConfig } from './run';

// tfjs starts as soon as this module has run, not when the first run is asked for: the router
// starts this worker before the view has loaded (lib/worker/early.ts), so the two overlap.
// A failure here is not lost: the request awaits the same promise and reports it.
ensureWorkerBackend().catch(() => undefined);

exposeRuns({
  train: async (cfg: RunConfig) => {
    await ensureWorkerBackend();
    return workerRun(cfg);
  },
});
