/**
 * The feature-engineering panel's worker: every case study's fits and scores (up to 100,000
 * gradient-descent steps, logistic fits with probability grids) run here, off the main thread.
 */
import { exposeModels } from '../../lib/worker/expose';
import { computeCase, type FeInput } from './model';

exposeModels({
  fe: (input: FeInput) => computeCase(input),
});
