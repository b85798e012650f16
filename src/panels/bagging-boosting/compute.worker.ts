/**
 * The bagging-boosting panel's worker: fits the three ensembles for all rounds (200 trees grown
 * twice plus 200 regression trees: tens to a few hundred milliseconds at 500 points) and
 * evaluates the shown round's boundaries on their grids, so the page only draws. Fits are cached
 * per setting (compute.ts): stepping through rounds re-fits nothing.
 */
import { exposeModels } from '../../lib/worker/expose';
import { createFrameComputer, type FrameInput } from './compute';

const computer = createFrameComputer();

exposeModels({
  frame: (input: FrameInput) => computer.frame(input),
});
