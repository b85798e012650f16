/**
 * AdaBoost (SAMME, learning rate 1): the kit's rounds (lib/learn/boost), the error curves of the
 * ensemble after every round, and what one round shows; the ensemble of m learners predicts the
 * class with the largest Σ α·[h = k] (ties to the lower class). All MAX_ROUNDS rounds are run
 * once per setting (in one worker's half of a frame, halves.ts). Pure: no React, no DOM.
 */
import type { AdaBoostRound, Matrix, Tree } from '../../lib/learn/api';
import { leafOf, leafPrediction, treePredict } from '../../lib/learn/tree';
import { adaBoost } from '../../lib/learn/boost';
import type { ContourLevel } from '../../lib/contour/levels';
import { MAX_ROUNDS } from './params';
import { runningSum, type RunningSum } from './grids';
import { boundaryGrid, boundaryLine, classData, classLearner, type ClassData, type ClassSetting } from './setting';

/** Why AdaBoost stopped before MAX_ROUNDS (scikit-learn's rules), or null. */
export type AdaStop = null | { after: number; reason: 'perfect' | 'weak' };

/**
 * What treePredict gives a point in each leaf, by node (the larger class weight, ties to the
 * lower class; a regression tree's leaf value), worked out once per tree rather than once per
 * point: adaErrorCurve reads it instead of allocating a prediction array per round.
 */
export function leafPredictions(tree: Tree): Float64Array {
  const out = new Float64Array(tree.nodeCount);
  for (let leaf = 0; leaf < tree.nodeCount; leaf++) if (tree.feature[leaf] < 0) out[leaf] = leafPrediction(tree, leaf);
  return out;
}

/**
 * Misclassification of the SAMME vote after each round, in one pass (O(rounds · n)): each
 * learner's predictions are added to running class scores. Equal to adaBoostPredict(rounds, X, m)
 * for every m (model.test.ts checks it). The scores are added in the same order as a plain
 * treePredict loop would (adaboost.test.ts checks it bit for bit), one fused pass per round: it
 * was a sixth of the boosting worker's time with two passes and a prediction array per round.
 */
export function adaErrorCurve(rounds: readonly AdaBoostRound[], X: Matrix, y: Int32Array, length = rounds.length): Float64Array {
  const { n, d, data } = X;
  const s0 = new Float64Array(n);
  const s1 = new Float64Array(n);
  const out = new Float64Array(length);
  for (let m = 0; m < length; m++) {
    if (m < rounds.length) {
      const { tree, alpha } = rounds[m];
      const pred = leafPredictions(tree);
      let wrong = 0;
      for (let i = 0; i < n; i++) {
        if (pred[leafOf(tree, data, i * d)] === 1) s1[i] += alpha;
        else s0[i] += alpha;
        if ((s1[i] > s0[i] ? 1 : 0) !== y[i]) wrong++;
      }
      out[m] = wrong / n;
    } else out[m] = m > 0 ? out[m - 1] : Number.NaN;
  }
  return out;
}

export function adaStopOf(rounds: readonly AdaBoostRound[]): AdaStop {
  if (rounds.length >= MAX_ROUNDS) return null;
  const last = rounds[rounds.length - 1];
  return { after: rounds.length, reason: last && last.perfect ? 'perfect' : 'weak' };
}

/**
 * The α-weighted share of the vote for class 1, Σ α[h = 1] / Σ α, in [0, 1] (0.5 = the boundary;
 * an infinite α, a perfect learner, decides alone).
 */
export function voteShare(s0: number, s1: number): number {
  if (!Number.isFinite(s0) || !Number.isFinite(s1)) return s1 > s0 ? 1 : s1 < s0 ? 0 : 0.5;
  const t = s0 + s1;
  return t > 0 ? s1 / t : 0.5;
}

export interface AdaShown {
  /** The learner shown (1-based): `round`, or the last one when AdaBoost stopped earlier. */
  learner: number;
  weights: Float64Array;
  /** 1 where learner `learner` misclassifies the training point. */
  miss: Uint8Array;
  error: number;
  /** α of the learner (scikit-learn keeps a perfect learner with α = 1). */
  alpha: number;
  perfect: boolean;
  /** Σα[h = 1] / Σα of learners 1..learner, on the grid. */
  grid: Float32Array;
  /** Learner `learner`'s own prediction (0 or 1), on the grid. */
  learnerGrid: Float32Array;
  /** The 0.5 lines of grid and learnerGrid. */
  line: ContourLevel[];
  learnerLine: ContourLevel[];
  trainError: number;
  testError: number;
}

/** The AdaBoost half of fitClass: the kit's rounds, their curves and running α-weighted votes. */
export interface AdaFit {
  data: ClassData;
  ada: AdaBoostRound[];
  adaStop: AdaStop;
  adaTrain: Float64Array;
  adaTest: Float64Array;
  G: Matrix;
  sum: RunningSum;
}

export function fitAda(s: ClassSetting, data = classData(s), G = boundaryGrid(data.extent)): AdaFit {
  const ada = adaBoost(data.train, data.yTrain, MAX_ROUNDS, classLearner(s.depth));
  // α added where learner t predicts class 1, read from its per-leaf predictions (treePredict's,
  // bit for bit) instead of a 32 KB prediction array per learner: less garbage in a cold half.
  const sum = runningSum(G.n, (t, out) => {
    const { tree, alpha } = ada[t];
    const pred = leafPredictions(tree);
    for (let i = 0; i < G.n; i++) if (pred[leafOf(tree, G.data, i * G.d)] === 1) out[i] += alpha;
  });
  return {
    data,
    ada,
    adaStop: adaStopOf(ada),
    G,
    sum,
    adaTrain: adaErrorCurve(ada, data.train, data.yTrain, MAX_ROUNDS),
    adaTest: adaErrorCurve(ada, data.test, data.yTest, MAX_ROUNDS),
  };
}

/** The AdaBoost side of classRound for round m: its last learner when AdaBoost stopped earlier. */
export function adaShown(fit: AdaFit, m: number): AdaShown | null {
  const { ada, data, G } = fit;
  const a = Math.min(m, ada.length);
  if (a === 0) return null;
  const r = ada[a - 1];
  const pred = treePredict(r.tree, data.train);
  const miss = new Uint8Array(data.train.n);
  for (let i = 0; i < miss.length; i++) miss[i] = pred[i] !== data.yTrain[i] ? 1 : 0;
  const ones = fit.sum.upTo(a);
  let total = 0;
  for (let t = 0; t < a; t++) total += ada[t].alpha;
  const grid = new Float32Array(G.n);
  for (let i = 0; i < G.n; i++) grid[i] = voteShare(total - ones[i], ones[i]);
  const learnerGrid = Float32Array.from(treePredict(r.tree, G));
  return {
    learner: a,
    weights: r.weights.slice(),
    miss,
    error: r.error,
    alpha: r.alpha,
    perfect: r.perfect,
    grid,
    learnerGrid,
    line: boundaryLine(grid),
    learnerLine: boundaryLine(learnerGrid),
    trainError: fit.adaTrain[m - 1],
    testError: fit.adaTest[m - 1],
  };
}
