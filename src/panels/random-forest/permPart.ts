/**
 * A forest split over two workers (issue 8). The permutation importance is most of a fresh
 * forest's work once it has noise columns (each tree sends every test row down again for every
 * shuffle of every column), and a column's importance reads only its own shuffles and the rows as
 * they are. So part 1 (createPermRun, in a second worker) grows the same trees, each from its own
 * random stream, and scores some columns (permColumns) while part 0 (createForestRun with
 * part 0) does the rest: the map, the curves and the other columns. joinParts puts the two views
 * together into exactly the view a single run gives (permPart.test.ts checks it to the bit); it
 * lives in join.ts with PermView, for the page. Pure.
 */
import { growMember } from '../../lib/learn/forest';
import { createCache } from '../../lib/panel/cache';
import { makeData } from './data';
import { configKey, forestOptions, permColumns, permutationOf, type ForestConfig } from './model';
import type { PermView } from './join';

// The page imports these from join.ts (not this file: it grows trees); the tests from here.
export { joinParts } from './join';
export type { PermView } from './join';

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
