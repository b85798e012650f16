/**
 * The random-forest panel's worker: grows the forest tree by tree (model.ts's run), evaluates
 * every tree on the 100 × 100 grid here and sends the mean map as a Float32Array, so the page
 * only draws. The page asks for progress views: trees appear on the map as they are grown.
 * The page runs two of these workers: one grows the forest's view (part 0), the other scores the
 * rest of its permutation importances at the same time (part 1, permPart.ts).
 */
import { exposeRuns } from '../../lib/worker/expose';
import { createForestRun, type ForestConfig } from './model';
import { createPermRun } from './permPart';

exposeRuns({
  forest: (config: ForestConfig) => createForestRun(config),
  // The second worker's part of the same forest (permPart.ts): some columns' permutation importances.
  'forest-perm': (config: ForestConfig) => createPermRun(config),
});
