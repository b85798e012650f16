/**
 * Bagging (scikit-learn's BaggingClassifier): tree m is grown on its own bootstrap sample
 * (growMember, deterministic from the seed and m); the ensemble of m trees averages their class
 * probabilities (soft vote) and predicts the larger. All MAX_ROUNDS trees are grown once per
 * setting (one worker's half of a frame, halves.ts); bagShown is what one round shows. Pure: no
 * React, no DOM.
 */
import type { ForestMember, Matrix } from '../../lib/learn/api';
import { leafOf, leafShares, treeProba } from '../../lib/learn/tree';
import { errorCurve, growMember } from '../../lib/learn/forest';
import type { ContourLevel } from '../../lib/contour/levels';
import { MAX_ROUNDS } from './params';
import { runningSum, type RunningSum } from './grids';
import { boundaryGrid, boundaryLine, classData, classLearner, classOneShare, type ClassData, type ClassSetting } from './setting';

/** The bagging half of fitClass (two workers each fit one half, halves.ts): the trees, their curves and running vote sums. */
export interface BagFit {
  data: ClassData;
  members: ForestMember[];
  bagTrain: Float64Array;
  bagTest: Float64Array;
  G: Matrix;
  sum: RunningSum;
}

export function fitBag(s: ClassSetting, data = classData(s), G = boundaryGrid(data.extent)): BagFit {
  const learner = classLearner(s.depth);
  const members: ForestMember[] = [];
  for (let m = 0; m < MAX_ROUNDS; m++) members.push(growMember(data.train, data.yTrain, { tree: learner, bootstrap: s.bootstrap, seed: s.seed }, m));
  const trees = members.map((b) => b.tree);
  // Each tree's P(class 1) added at every grid point, read from a per-leaf table (the value
  // treeProba gives a point in that leaf, bit for bit): treeProba allocated 64 KB per tree (13 MB
  // for a round-200 link), and the garbage collection it caused was a large part of a cold half.
  const share = new Float64Array(2);
  const sum = runningSum(G.n, (t, out) => {
    const tree = trees[t], one = new Float64Array(tree.nodeCount);
    for (let k = 0; k < tree.nodeCount; k++) {
      if (tree.feature[k] >= 0) continue;
      leafShares(tree, k, share, 0);
      one[k] = share[1];
    }
    for (let i = 0; i < G.n; i++) out[i] += one[leafOf(tree, G.data, i * G.d)];
  });
  return { data, members, G, sum, bagTrain: errorCurve(trees, data.train, data.yTrain), bagTest: errorCurve(trees, data.test, data.yTest) };
}

/** What round m shows of bagging. */
export interface BagShown {
  /** How many times each training point was drawn for tree `round`. */
  inBag: Uint16Array;
  /** Distinct training points drawn. */
  unique: number;
  /** P(class 1) averaged over trees 1..round, on the grid. */
  grid: Float32Array;
  /** Tree `round`'s own P(class 1), on the grid. */
  treeGrid: Float32Array;
  /** The 0.5 lines of grid and treeGrid. */
  line: ContourLevel[];
  treeLine: ContourLevel[];
  trainError: number;
  testError: number;
}

/** The bagging side of classRound for round m (1 … MAX_ROUNDS). */
export function bagShown(fit: BagFit, m: number): BagShown {
  const { G, members } = fit;
  const member = members[m - 1];
  let unique = 0;
  for (let i = 0; i < member.inBag.length; i++) if (member.inBag[i] > 0) unique++;
  const bagSum = fit.sum.upTo(m);
  const grid = new Float32Array(G.n);
  for (let i = 0; i < G.n; i++) grid[i] = bagSum[i] / m;
  const treeGrid = classOneShare(treeProba(member.tree, G), G.n);
  return {
    inBag: member.inBag.slice(),
    unique,
    grid,
    treeGrid,
    line: boundaryLine(grid),
    treeLine: boundaryLine(treeGrid),
    trainError: fit.bagTrain[m - 1],
    testError: fit.bagTest[m - 1],
  };
}

