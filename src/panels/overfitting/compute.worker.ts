/**
 * The panel's worker: trains A and B on the float64 engine (training.ts) so the page only draws.
 * A null config is the "not used" run of the tfjs engine, which trains on the page: it holds
 * nothing and answers at once.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { makeTraining, type TrainingConfig } from './training';

exposeRuns({
  train: (config: TrainingConfig | null) => (config ? makeTraining(config) : { advance: () => true, view: () => null }),
});
