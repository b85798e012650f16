/**
 * The random-forest panel's worker: grows the forest tree by tree (model.ts's run), evaluates
 * every tree on the 100 × 100 grid here and sends the mean map as a Float32Array, so the page
 * only draws. The page asks for progress views: trees appear on the map as they are grown.
 * The page runs two of these workers: one grows the forest's view (part 0), the other scores the
 * rest of its permutation importances at the same time (part 1, permPart.ts). Each starts on the
 * address's forest before the page asks, and once idle grows the next slider step's (headStart.ts,
 * with the kit's step ahead and its waits).
 */
import { exposeRuns } from '../../lib/worker/expose';
import { createForestRun, type ForestConfig } from './model';
import { createPermRun } from './permPart';
import { createAhead, linkedRun } from './headStart';
import { onHeadStart } from '../../lib/worker/headStart';

const forest = createAhead(createForestRun);
const perm = createAhead(createPermRun);

// The page's first message, before the kit's init (worker.ts): the address being opened.
onHeadStart(({ shard, search }) => {
  if (shard !== 0 && shard !== 1) return;
  const { config, target } = linkedRun({ part: shard, search });
  if (shard === 0) forest.begin(config, target);
  else perm.begin(config, { trees: target.trees });
});

exposeRuns({
  forest: (config: ForestConfig) => forest.run(config),
  // The second worker's part of the same forest (permPart.ts): some columns' permutation importances.
  'forest-perm': (config: ForestConfig) => perm.run(config),
});
