/**
 * The cross-validation panel's worker: its three computations off the main thread (the page only
 * draws). The models are the pure functions of model.ts that the unit tests call; the two long
 * ones (the spread over up to 200 shuffles, the leak over 25 data sets × up to 2000 features)
 * keep their Stepwise pieces and hand the worker back between slices (sliced.ts), so a newer
 * setting's cancel is read and a superseded run stops instead of finishing for nothing. All
 * three share the worker: the quick fold scores slot in between the slices of the long ones.
 * The spread and the leak demo run in two copies of this worker, each on half of its shuffles
 * (spreadParts.ts) or data sets (leakParts.ts), so both cores share a new setting's work. Once
 * quiet, each worker computes its share one slider step ahead (cvAhead.ts, on the kit's step ahead).
 */
import { exposeModels, type ModelContext } from '../../lib/worker/expose';
import type { LeakParams, MainParams, SpreadParams } from './model';
import { kept } from './leakParts';
import { createCvAhead } from './cvAhead';
import type { Half } from '../../lib/worker/useHalvesComputed';

const ahead = createCvAhead(kept);

exposeModels({
  cv: (p: MainParams) => ahead.cv(p),
  // Half of the spread's shuffles; the page runs this module in a second worker for the other half.
  spreadPart: (p: Half<SpreadParams>, ctx: ModelContext) => ahead.spreadPart(p, ctx),
  // Half of the leak demo's data sets; the page runs this module in a second worker for the other half.
  leakPart: (p: Half<LeakParams>, ctx: ModelContext) => ahead.leakPart(p, ctx),
});
