/**
 * The ml-workflow panel's worker (two of them run, see useWorkflow.ts): loads the penguins once
 * (its own chunk) and either scores half of every cross-validation's folds for a setting (about
 * 150 small fits of the ~300) or finishes the project from the joined scores.
 * Both answers are kept for the last few settings (as k-means keeps its elbows): sweeping a
 * slider back over values just seen answers at once, with the same numbers (the computation is
 * deterministic in its input). A half's answer holds no typed arrays and is sent as it is; a
 * finished project holds some, which a send moves out, so the cache keeps its own copy.
 * A new worker scores its half of the linked setting before the page asks (headStart.ts).
 */
import { createCache } from '../../lib/panel/cache';
import { exposeModels } from '../../lib/worker/expose';
import { onHeadStart } from '../../lib/worker/headStart';
import type { Half } from '../../lib/worker/useHalvesComputed';
import { computeWorkflow, type FoldTable, type WfInput, type WfResult } from './model';
import { createFoldHalves } from './headStart';
import { loadPenguins } from './penguins';
import { settingKey } from './settingKey';

// A half is a few hundred numbers, a project a few tens of kB (the hand-off's fitted pipeline).
const parts = createFoldHalves(32);
const projects = createCache<WfResult>(16);

// The page's first message, before the kit's init (worker.ts): the address and this worker's shard.
onHeadStart((m) => void parts.begin(m.search, m.shard, loadPenguins));

exposeModels({
  folds: async ({ shard, shards, ...input }: Half<WfInput>) => {
    const t = await loadPenguins();
    return parts.half(input, t, shard, shards);
  },
  finish: async (table: FoldTable | null) => {
    if (!table) return null;
    const key = settingKey(table.input);
    const hit = projects.peek(key);
    if (hit) return structuredClone(hit);
    const r = computeWorkflow(table.input, await loadPenguins(), table);
    projects.set(key, structuredClone(r));
    return r;
  },
});
