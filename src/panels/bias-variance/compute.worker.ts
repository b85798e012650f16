/**
 * The bias-variance panel's worker: computeBiasVariance (up to 300 sets × 20 degrees) off the main
 * thread, for both solvers. The model is model.ts's, the pure function the unit tests call; its
 * one-entry core cache lives here, so the degree slider still costs only curve evaluations.
 * The float64 default must not load tfjs: lib/tf/worker (and with it tfjs) is imported
 * dynamically, only for engine=tf, and model.ts loads the batched float32 solver the same way.
 * The worker announces its backend to the page (the panel's badge shows it, lib/tf/WorkerBadge.tsx).
 * A new worker computes the address's result before the page asks (headStart.ts).
 */
import { exposeModels } from '../../lib/worker/expose';
import { biasVariance } from './answer';
import { headStart } from './headStart';
import { onHeadStart } from '../../lib/worker/headStart';

// The page's first message, before the kit's init (worker.ts): the address being opened.
onHeadStart((m) => headStart(m.search, biasVariance));

// The result holds plain arrays only (nothing of the cached core), so transfer has nothing to move.
exposeModels({ biasVariance });
