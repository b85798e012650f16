/**
 * The panel's worker: trains the trained mode's attention model (run.ts over trainer.tf.ts) so
 * the page only draws. tfjs starts here, not on the page; the mechanics mode needs no worker.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import type { TrainConfig } from './trainer.tf';
import { workerRun } from './run';

exposeRuns({
  train: async (cfg: TrainConfig) => {
    await ensureWorkerBackend();
    return workerRun(cfg);
  },
});
