/**
 * The random forest, grown one tree at a time (the worker advances it in slices, so trees
 * appear on the map as they are grown), and everything the panel shows about it: the mean
 * probability map, a few trees' own maps, the picked tree, test and out-of-bag error against
 * the number of trees, impurity and permutation importances. CART, bagging, OOB and the
 * importances are the learners kit's (src/lib/learn); this file only orders the work, and
 * tally.ts keeps the curves tree by tree (each tree is scored once). Pure.
 */
import type { ForestMember, ForestOptions, Tree } from '../../lib/learn/api';
import { forestPermutation, growMember, type ForestPermutation } from '../../lib/learn/forest';
import { createCache } from '../../lib/panel/cache';
import { contourLevels, type ContourLevel } from '../../lib/contour/levels';
import { stream } from '../../lib/random/rng';
import { GRID_N, makeData, type ForestData } from './data';
import { createTally, type Tally } from './tally';
import { planePermutation } from './planePermutation';
import { addTreeGrid, gridAxes, treeGrid, type GridAxes } from './grid';
import { DEPTH_NONE, type ForestParams } from './params';
import { configKey, configOf, featuresPerSplit, type ForestConfig, type ForestTarget } from './config';

// The page imports these from config.ts (not this file: see there); the worker's code and the tests from here.
export { configKey, configOf, featuresPerSplit } from './config';
export type { ConfigParams, ForestConfig, ForestTarget } from './config';

/** The forest map's contour: where the mean P(class 1) is one half. */
export const MAP_LEVEL = [0.5];
/** Trees whose own maps are drawn as small multiples beside the forest's. */
export const MULTIPLES = 4;
/** Shuffles per column for the permutation importances. */
export const PERM_REPEATS = 5;
/** Every data set has two classes (the trees are told, so each has both even if its sample misses one). */
const CLASSES = 2;

export function forestOptions(c: ForestConfig, d: number): ForestOptions {
  return {
    tree: {
      criterion: c.criterion,
      nClasses: CLASSES,
      maxDepth: c.depth >= DEPTH_NONE ? Infinity : c.depth,
      minSamplesSplit: c.minSplit,
      maxFeatures: featuresPerSplit(c.features, d),
    },
    bootstrap: c.bootstrap,
    seed: c.data.seed,
  };
}

/** What the forest of T trees scores (computed once all T are grown). */
export interface Scores {
  /** Test error of the first t + 1 trees' average, t = 0 … T − 1. */
  testError: Float64Array;
  /** OOB error of the first t + 1 trees (NaN while no point has an out-of-bag tree). */
  oobError: Float64Array;
  /** Share of training points with at least one out-of-bag tree among the first t + 1. */
  oobCoverage: Float64Array;
  /** Each tree's own test error. */
  treeErrors: Float64Array;
  /** Mean impurity decrease per feature (sums to 1 unless no tree split). */
  impurity: Float64Array;
  /** Drop in test accuracy when the column is shuffled: mean and sd over PERM_REPEATS shuffles. */
  permMean: Float64Array;
  permSd: Float64Array;
}

export interface PickedView {
  /** 0-based index of the tree in the forest. */
  index: number;
  tree: Tree;
  grid: Float32Array;
  /** Times each training point was drawn for this tree (0 = out of bag). */
  inBag: Uint16Array;
}

export interface ForestView {
  key: string;
  trees: number;
  /** Trees the map averages (less than `trees` while growing). */
  grown: number;
  /** Mean P(class 1) of the grown trees on the GRID_N² grid (values[i + j·GRID_N]). */
  map: Float32Array;
  /** The map's MAP_LEVEL line, traced here so the page only draws it. */
  contour: ContourLevel[];
  multiples: { index: number; grid: Float32Array }[];
  picked: PickedView | null;
  /** Null until all `trees` are grown and scored (curves and importances arrive together). */
  scores: Scores | null;
}

function copyTree(t: Tree): Tree {
  return {
    ...t,
    feature: t.feature.slice(), threshold: t.threshold.slice(), left: t.left.slice(), right: t.right.slice(),
    depth: t.depth.slice(), impurity: t.impurity.slice(), nSamples: t.nSamples.slice(), weightedN: t.weightedN.slice(), value: t.value.slice(),
  };
}

/** Views are transferred (their typed arrays move to the page): every array sent is a copy. */
function copyScores(s: Scores): Scores {
  return {
    testError: s.testError.slice(), oobError: s.oobError.slice(), oobCoverage: s.oobCoverage.slice(), treeErrors: s.treeErrors.slice(),
    impurity: s.impurity.slice(), permMean: s.permMean.slice(), permSd: s.permSd.slice(),
  };
}

/**
 * Permutation importances of the forest on the test points (its own stream: reproducible), built
 * up tree by tree: the kit's forestPermutation, the same numbers as permutationImportance with the
 * forest's vote, cheap to extend when the trees slider adds one tree.
 */
export function permutationOf(data: ForestData, seed: number, part?: 0 | 1): ForestPermutation {
  const columns = permColumns(data.d, part);
  // Without noise columns the trees cut the plane into rectangles: planePermutation finds every
  // shuffled row's leaf by look-up (the same numbers in a fifth of the time, or less).
  if (data.d === 2 && columns.length === 2) return planePermutation(data.Xtest, data.ytest, stream(seed, 'permutation'), PERM_REPEATS);
  return forestPermutation(data.Xtest, data.ytest, stream(seed, 'permutation'), PERM_REPEATS, columns);
}

/**
 * The columns whose permutation importance a part scores. Whole: all. With noise columns, every
 * other column each (x₁ and x₂ cost the most: a shuffle there moves most rows to another leaf,
 * so each part gets one); part 0 also grows the map and the curves. Without noise columns the
 * plane look-up makes the importances cheap, less than growing the trees a second time would
 * cost: part 0 scores both and part 1 has nothing to do (it grows no tree).
 */
export function permColumns(d: number, part?: 0 | 1): number[] {
  const all = Array.from({ length: d }, (_, j) => j);
  if (part === undefined) return all;
  if (d === 2) return part === 0 ? all : [];
  return all.filter((j) => j % 2 === part);
}

/** The worker's run: grows trees toward the target in slices; view(target) is what the page draws. */
export function createForestRun(config: ForestConfig) {
  const data = makeData(config.data);
  const opts = forestOptions(config, data.d);
  const key = configKey(config);
  const g: GridAxes = gridAxes(data.extent, GRID_N);
  const members: ForestMember[] = [];
  const grids = createCache<Float32Array>(MULTIPLES + 4);
  // Sum of the first accN trees' grids, added in tree order (so a map never depends on the path taken).
  const acc = new Float64Array(GRID_N * GRID_N);
  let accN = 0;
  const scores = createCache<Scores>(4);
  // Each tree is scored once, in order, after the map: its test rows' leaves (as they are and with
  // each column shuffled: the permutation importance), then its votes on the curves (the tally).
  let perm: ForestPermutation | null = null;
  let tally: Tally | null = null;

  const gridOf = (k: number) => grids.get(String(k), () => treeGrid(members[k].tree, g));
  const accumulateTo = (T: number) => {
    if (accN > T) {
      acc.fill(0);
      accN = 0;
    }
    for (; accN < T; accN++) addTreeGrid(members[accN].tree, g, acc);
  };

  return {
    advance(t: ForestTarget, deadline: number): boolean {
      const T = t.trees;
      let grew = false;
      while (members.length < T) {
        if (grew && performance.now() >= deadline) return false;
        members.push(growMember(data.X, data.y, opts, members.length));
        if (accN === members.length - 1) accumulateTo(members.length);
        grew = true;
      }
      let s = scores.peek(String(T));
      if (!s) {
        // Scored in the same slice when there is time left: a pause here would send the page a
        // map to draw only to draw it again with the scores a few milliseconds later. When the
        // slice ends first, the view sent is the full map, the scores still coming. Sliced a tree
        // at a time (well under a millisecond), so a newer setting does not wait behind them;
        // the trees already scored stay for the next target (the trees slider).
        perm ??= permutationOf(data, config.data.seed, config.part);
        tally ??= createTally(data.X, data.y, data.ytest, data.d, CLASSES);
        while (perm.size < T) {
          const k = perm.size;
          perm.add(members[k].tree);
          tally.add(members[k], perm.leaves(k));
          if (perm.size < T && performance.now() >= deadline) return false;
        }
        const p = perm.importance(T);
        s = { ...tally.curves(T), permMean: p.mean, permSd: p.sd };
        scores.set(String(T), s);
      }
      return true;
    },
    view(t: ForestTarget): ForestView {
      const grown = Math.min(t.trees, members.length);
      accumulateTo(grown);
      const map = new Float32Array(acc.length);
      if (grown > 0) for (let i = 0; i < acc.length; i++) map[i] = acc[i] / grown;
      const multiples = [];
      for (let k = 0; k < Math.min(MULTIPLES, grown); k++) multiples.push({ index: k, grid: gridOf(k).slice() });
      const pi = Math.min(Math.max(1, t.pick), t.trees) - 1;
      const picked = pi < grown ? { index: pi, tree: copyTree(members[pi].tree), grid: gridOf(pi).slice(), inBag: members[pi].inBag.slice() } : null;
      const s = grown === t.trees ? scores.peek(String(t.trees)) : undefined;
      const contour = contourLevels({ values: map, nx: GRID_N, ny: GRID_N }, MAP_LEVEL);
      return { key, trees: t.trees, grown, map, contour, multiples, picked, scores: s ? copyScores(s) : null };
    },
    progress: () => members.length,
  };
}

export type ForestRun = ReturnType<typeof createForestRun>;

/** The whole computation at once (tests, bench, experiments): the view the page would end on. */
export function computeForest(p: ForestParams): ForestView {
  const run = createForestRun(configOf(p));
  const t = { trees: p.trees, pick: p.tree };
  while (!run.advance(t, Infinity));
  return run.view(t);
}
