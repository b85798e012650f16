/**
 * The ml-workflow panel's worker (two of them run, see useWorkflow.ts): loads the penguins once
 * (its own chunk) and either scores half of every cross-validation's folds for a setting (about
 * 150 small fits of the ~300) or finishes the project from the joined scores.
 */
import { exposeModels } from '../../lib/worker/expose';
import type { Half } from '../../lib/worker/useHalvesComputed';
import { computeWorkflow, foldPart, type FoldTable, type WfInput } from './model';
import { loadPenguins } from './penguins';

exposeModels({
  folds: async ({ shard, shards, ...input }: Half<WfInput>) => foldPart(input, await loadPenguins(), shard, shards),
  finish: async (table: FoldTable | null) => (table ? computeWorkflow(table.input, await loadPenguins(), table) : null),
});
