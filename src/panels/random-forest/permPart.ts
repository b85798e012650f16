/**
 * A forest split over two workers (issue 8). The permutation importance is most of a fresh
 * forest's work once it has noise columns (each tree sends every test row down again for every
 * shuffle of every column), and a column's importance reads only its own shuffles and the rows as
 * they are. So part 1 (createPermRun, in a second worker) grows the same trees, each from its own
 * random stream, and scores some columns (permColumns) while part 0 (createForestRun with
 * part 0) does the rest: the map, the curves and the other columns. joinParts puts the two views
 * together into exactly the view a single run gives (permPart.test.ts checks it to the bit).
 * Pure.
 */
import { growMember } from '../../lib/learn/forest';
import { createCache } from '../../lib/panel/cache';
import { makeData } from './data';
import { configKey, forestOptions, permColumns, permutationOf, type ForestConfig, type ForestView } from './model';

/** What part 1 sends: its columns' importances for the first `trees` trees. */
export interface PermView {
  key: string;
  trees: number;
  /** Trees scored so far (the importances are only sent once all `trees` are). */
  grown: number;
  /** permColumns(d, 1): the columns whose entries in mean and sd are this part's. */
  columns: number[];
  mean: Float64Array;
  sd: Float64Array;
}

/** Part 1's run: the target is the tree count (the picked tree does not matter here). */
export function createPermRun(config: ForestConfig) {
  const data = makeData(config.data);
  const opts = forestOptions(config, data.d);
  const key = configKey(config);
  const columns = permColumns(data.d, 1);
  const perm = permutationOf(data, config.data.seed, 1);
  const scored = createCache<{ mean: Float64Array; sd: Float64Array }>(4);
  return {
    advance(t: { trees: number }, deadline: number): boolean {
      let grew = false;
      // Nothing to score (no noise columns: part 0 scores both): no tree to grow either.
      while (columns.length > 0 && perm.size < t.trees) {
        if (grew && performance.now() >= deadline) return false;
        perm.add(growMember(data.X, data.y, opts, perm.size).tree);
        grew = true;
      }
      return true;
    },
    view(t: { trees: number }): PermView {
      const grown = columns.length > 0 ? Math.min(t.trees, perm.size) : t.trees;
      const imp = grown === t.trees ? scored.get(String(t.trees), () => perm.importance(t.trees)) : null;
      // Views are transferred: fresh copies, never the cached arrays.
      return { key, trees: t.trees, grown, columns, mean: imp ? imp.mean.slice() : new Float64Array(0), sd: imp ? imp.sd.slice() : new Float64Array(0) };
    },
    progress: () => perm.size,
  };
}

/**
 * Part 0's view with part 1's columns filled in: the whole run's view. Until part 1 has scored
 * the same forest at the same tree count, the scores are left out (null: "computing"), so a
 * half-filled importance is never drawn.
 */
export function joinParts(view: ForestView | null, perm: PermView | null): ForestView | null {
  if (!view || !view.scores) return view;
  if (!perm || perm.key !== view.key || perm.trees !== view.trees || perm.grown !== perm.trees) return { ...view, scores: null };
  const permMean = view.scores.permMean.slice(), permSd = view.scores.permSd.slice();
  for (const j of perm.columns) {
    permMean[j] = perm.mean[j];
    permSd[j] = perm.sd[j];
  }
  return { ...view, scores: { ...view.scores, permMean, permSd } };
}
