/**
 * The cross-validation panel's worker: its three computations off the main thread (the page only
 * draws). The models are the pure functions of model.ts that the unit tests call; the two long
 * ones (the spread over up to 200 shuffles, the leak over 25 data sets × up to 2000 features)
 * keep their Stepwise pieces and hand the worker back between slices (sliced.ts), so a newer
 * setting's cancel is read and a superseded run stops instead of finishing for nothing. All
 * three share the worker: the quick fold scores slot in between the slices of the long ones.
 * The leak demo runs in two copies of this worker, each on half of its data sets (leakParts.ts).
 */
import { exposeModels, type ModelContext } from '../../lib/worker/expose';
import { computeCv, spreadRun, type LeakParams, type MainParams, type SpreadParams } from './model';
import { leakPartRun } from './leakParts';
import { sliced } from '../../lib/worker/sliced';
import type { Half } from '../../lib/worker/useHalvesComputed';

exposeModels({
  cv: (p: MainParams) => computeCv(p),
  spread: (p: SpreadParams, ctx: ModelContext) => sliced(spreadRun(p), ctx),
  // Half of the leak demo's data sets; the page runs this module in a second worker for the other half.
  leakPart: (p: Half<LeakParams>, ctx: ModelContext) => sliced(leakPartRun(p), ctx),
});
