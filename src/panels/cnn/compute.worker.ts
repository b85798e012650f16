/**
 * The panel's worker: trains the network mode's CNN (run.ts over net.tf.ts) so the page only
 * draws. tfjs starts here, not on the page; the kernel mode needs no worker.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { ensureWorkerBackend } from '../../lib/tf/worker';
import type { NetConfig } from './net.tf';
import { workerRun } from './run';

exposeRuns({
  train: async (cfg: NetConfig) => {
    await ensureWorkerBackend();
    return workerRun(cfg);
  },
});
