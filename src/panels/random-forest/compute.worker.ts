/**
 * The random-forest panel's worker: grows the forest tree by tree (model.ts's run), evaluates
 * every tree on the 100 × 100 grid here and sends the mean map as a Float32Array, so the page
 * only draws. The page asks for progress views: trees appear on the map as they are grown.
 */
import { exposeRuns } from '../../lib/worker/expose';
import { createForestRun, type ForestConfig } from './model';

exposeRuns({
  forest: (config: ForestConfig) => createForestRun(config),
});
