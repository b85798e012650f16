/**
 * The regularization panel's worker: the coefficient path (61 warm-started solves; up to ~15 ms
 * at n 200, p 60) off the main thread. The model is compute.ts's cachedPath, the same pure
 * function the unit tests reach; its cache of recent paths lives here, so switching the penalty
 * back and forth answers at once. Transfer is off because the cache keeps the arrays it returns.
 * The λ slider's one solve (atLambda, ~0.6 ms) stays on the page.
 */
import { exposeModels } from '../../lib/worker/expose';
import { cachedPath } from './compute';
import type { PathParams } from './model';

exposeModels({ path: (pp: PathParams) => cachedPath(pp) }, { transfer: false });
