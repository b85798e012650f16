/**
 * The bagging-boosting panel's worker: fits the ensembles for all rounds (200 trees grown
 * twice plus 200 regression trees: tens to a few hundred milliseconds at 500 points) and
 * evaluates the shown round's boundaries on their grids, so the page only draws. The page runs
 * two of these workers, each computing one half of the frame (halves.ts: bagging in one,
 * AdaBoost and gradient boosting in the other), and joins them. Fits are cached per setting in
 * each: stepping through rounds re-fits nothing.
 */
import { exposeModels } from '../../lib/worker/expose';
import { createHalfComputer, type HalfInput } from './halves';

const half = createHalfComputer();

exposeModels({
  half: (input: HalfInput) => half(input),
});
