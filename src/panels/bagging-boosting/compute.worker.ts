/**
 * The bagging-boosting panel's worker: fits the ensembles for all rounds (200 trees grown
 * twice plus 200 regression trees: tens to a few hundred milliseconds at 500 points) and
 * evaluates the shown round's boundaries on their grids, so the page only draws. The page runs
 * two of these workers, each computing one half of the frame (halves.ts: bagging in one,
 * AdaBoost and gradient boosting in the other), and joins them. Fits are cached per setting in
 * each: stepping through rounds re-fits nothing. A new worker fits the address's setting before
 * the page asks, and once idle the next slider step's (headStart.ts, with the kit's step ahead).
 */
import { exposeModels } from '../../lib/worker/expose';
import { createHalfComputer, type HalfInput } from './halves';
import { createAhead } from './headStart';
import { onHeadStart } from '../../lib/worker/headStart';

const ahead = createAhead(createHalfComputer());

// The page's first message, before the kit's init (worker.ts): the address being opened.
onHeadStart((m) => ahead.begin(m));

exposeModels({
  half: (input: HalfInput) => ahead.answer(input),
});
