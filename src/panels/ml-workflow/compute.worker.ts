/**
 * The ml-workflow panel's worker: loads the penguins once (its own chunk) and runs the whole
 * project for a setting (about two hundred small fits: every cross-validation fold of every
 * option, model and grid value), off the main thread.
 */
import { exposeModels } from '../../lib/worker/expose';
import { computeWorkflow, type WfInput } from './model';
import { loadPenguins } from './penguins';

exposeModels({
  wf: async (input: WfInput) => computeWorkflow(input, await loadPenguins()),
});
