/**
 * The page's side of the forest split over two workers (permPart.ts): what part 1 sends, and how
 * the page puts the two parts' views together. Apart from permPart.ts so the page's chunk does not
 * load the worker's code (pageImports.test.ts). Pure.
 */
import type { ForestView } from './model';

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
