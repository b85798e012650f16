/**
 * The bagging-boosting model: the data, the three ensembles grown for all MAX_ROUNDS rounds, and
 * what one round shows. PURE: no React, no DOM; the learners are the shared kit's (src/lib/learn),
 * this file only feeds them and reads their results round by round.
 *
 * - Bagging (scikit-learn's BaggingClassifier): tree m is grown on its own bootstrap sample
 *   (growMember, deterministic from the seed and m); the ensemble of m trees averages their class
 *   probabilities (soft vote) and predicts the larger.
 * - AdaBoost (SAMME, learning rate 1): the kit's rounds; the ensemble of m learners predicts the
 *   class with the largest Σ α·[h = k] (ties to the lower class).
 * - Gradient boosting with squared loss on 1-D data: F₀ = mean(y), F_m = F_{m−1} + ν·h_m where
 *   h_m is a regression tree fitted to the residuals y − F_{m−1}.
 */
import type { AdaBoostRound, ForestMember, GradientBoostModel, Matrix, TreeOptions } from '../../lib/learn/api';
import { treePredict, treeProba } from '../../lib/learn/tree';
import { errorCurve, growMember } from '../../lib/learn/forest';
import { adaBoost, gradientBoost, gradientBoostPredict } from '../../lib/learn/boost';
import { circles, moons, noisy1D, trueFunction, xor, type Dataset2D } from '../../lib/random/datasets';
import { stream } from '../../lib/random/rng';
import { MAX_ROUNDS, type BBParams, type DatasetName } from './params';
import { gridMatrix, runningSum, type RunningSum } from './grids';
import { contourLevels, type ContourLevel } from '../../lib/contour/levels';

/** Test points: enough that the test error moves smoothly (it is an estimate of the true error). */
export const N_TEST_CLS = 1000;
export const N_TEST_REG = 400;
/** Boundary grids are GRID_N × GRID_N samples; the 1-D curves CURVE_N samples. */
export const GRID_N = 64;
export const CURVE_N = 161;
/** The 1-D regression target and the plotted x range. */
export const REG_FUNCTION = 'sine' as const;
export const REG_X: readonly [number, number] = [-1, 1];

export type ClassSetting = Pick<BBParams, 'dataset' | 'noise' | 'n' | 'depth' | 'bootstrap' | 'seed'>;
export type RegSetting = Pick<BBParams, 'noise' | 'n' | 'depth' | 'lr' | 'seed'>;

export const classKey = (s: ClassSetting) => `${s.dataset}|${s.noise}|${s.n}|${s.depth}|${s.bootstrap}|${s.seed}`;
export const regKey = (s: RegSetting) => `${s.noise}|${s.n}|${s.depth}|${s.lr}|${s.seed}`;

export interface ClassData {
  train: Matrix;
  yTrain: Int32Array;
  test: Matrix;
  yTest: Int32Array;
  /** [x0, x1, y0, y1]: the plotted rectangle, and the first and last grid samples. */
  extent: [number, number, number, number];
}

const GENERATORS: Record<DatasetName, (rng: ReturnType<typeof stream>, n: number, noise: number) => Dataset2D> = {
  moons: (rng, n, noise) => moons(rng, n, noise),
  circles: (rng, n, noise) => circles(rng, n, noise),
  xor: (rng, n, noise) => xor(rng, n, noise),
};
/** The noise-free data's bounding box per data set, padded below by the noise. */
const BOX: Record<DatasetName, [number, number, number, number]> = {
  moons: [-1, 2, -0.5, 1],
  circles: [-1, 1, -1, 1],
  xor: [-1, 1, -1, 1],
};

const asMatrix = (d: Dataset2D): Matrix => ({ data: d.x, n: d.n, d: 2 });

export function classData(s: Pick<ClassSetting, 'dataset' | 'noise' | 'n' | 'seed'>): ClassData {
  const gen = GENERATORS[s.dataset];
  const train = gen(stream(s.seed, 'class-train'), s.n, s.noise);
  const test = gen(stream(s.seed, 'class-test'), N_TEST_CLS, s.noise);
  // Two standard deviations of noise around the clean shapes hold nearly every point.
  const pad = 0.25 + 2 * s.noise;
  const b = BOX[s.dataset];
  return { train: asMatrix(train), yTrain: train.y, test: asMatrix(test), yTest: test.y, extent: [b[0] - pad, b[1] + pad, b[2] - pad, b[3] + pad] };
}

export const classLearner = (depth: number): TreeOptions => ({ criterion: 'gini', nClasses: 2, maxDepth: depth });
export const regLearner = (depth: number): TreeOptions => ({ criterion: 'squared_error', maxDepth: depth });

/** Why AdaBoost stopped before MAX_ROUNDS (scikit-learn's rules), or null. */
export type AdaStop = null | { after: number; reason: 'perfect' | 'weak' };

export interface ClassCurves {
  bagTrain: Float64Array;
  bagTest: Float64Array;
  /** AdaBoost's errors after rounds 1..adaRounds; later entries repeat the last (the ensemble stopped). */
  adaTrain: Float64Array;
  adaTest: Float64Array;
}

export interface ClassFit {
  data: ClassData;
  members: ForestMember[];
  ada: AdaBoostRound[];
  adaStop: AdaStop;
  curves: ClassCurves;
  /** The boundary grid and the running vote sums on it (filled as rounds are shown). */
  grid: { G: Matrix; bag: RunningSum; ada: RunningSum };
}

/**
 * Misclassification of the SAMME vote after each round, in one pass (O(rounds · n)): each
 * learner's predictions are added to running class scores. Equal to adaBoostPredict(rounds, X, m)
 * for every m (model.test.ts checks it).
 */
export function adaErrorCurve(rounds: readonly AdaBoostRound[], X: Matrix, y: Int32Array, length = rounds.length): Float64Array {
  const n = X.n;
  const s0 = new Float64Array(n);
  const s1 = new Float64Array(n);
  const out = new Float64Array(length);
  for (let m = 0; m < length; m++) {
    if (m < rounds.length) {
      const r = rounds[m];
      const pred = treePredict(r.tree, X);
      for (let i = 0; i < n; i++) (pred[i] === 1 ? s1 : s0)[i] += r.alpha;
      let wrong = 0;
      for (let i = 0; i < n; i++) wrong += (s1[i] > s0[i] ? 1 : 0) !== y[i] ? 1 : 0;
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

export function fitClass(s: ClassSetting): ClassFit {
  const data = classData(s);
  const G = boundaryGrid(data.extent);
  // Bagging sums each tree's P(class 1); AdaBoost sums α · [h = 1] (its total vote is Σ α).
  const bag = fitBag(s, data, G), ada = fitAda(s, data, G);
  return {
    data,
    grid: { G, bag: bag.sum, ada: ada.sum },
    members: bag.members,
    ada: ada.ada,
    adaStop: ada.adaStop,
    curves: { bagTrain: bag.bagTrain, bagTest: bag.bagTest, adaTrain: ada.adaTrain, adaTest: ada.adaTest },
  };
}

/** A boundary (share 0.5) traced on a grid in the worker, so the page only draws it. */
const boundaryLine = (grid: Float32Array): ContourLevel[] => contourLevels({ values: grid, nx: GRID_N, ny: GRID_N }, [0.5]);

/** The boundary grid's sample points (GRID_N × GRID_N over the extent). */
export const boundaryGrid = (extent: ClassData['extent']): Matrix => gridMatrix(extent, GRID_N, GRID_N);

/** Column 1 of an n × 2 probability matrix, as float32 for the heat map. */
export function classOneShare(p: Float64Array, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = p[2 * i + 1];
  return out;
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

export interface ClassRound {
  round: number;
  bag: {
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
  };
  /** Null when AdaBoost found no learner better than chance in its first round. */
  ada: AdaShown | null;
}

export function classRound(fit: ClassFit, round: number): ClassRound {
  const m = Math.max(1, Math.min(MAX_ROUNDS, Math.round(round)));
  const { data, members, ada, adaStop, curves } = fit;
  const { G } = fit.grid;
  return {
    round: m,
    bag: bagShown({ data, members, G, sum: fit.grid.bag, bagTrain: curves.bagTrain, bagTest: curves.bagTest }, m),
    ada: adaShown({ data, ada, adaStop, G, sum: fit.grid.ada, adaTrain: curves.adaTrain, adaTest: curves.adaTest }, m),
  };
}

// ---- gradient boosting on 1-D regression -------------------------------------------------------

export interface RegData {
  train: Matrix;
  yTrain: Float64Array;
  test: Matrix;
  yTest: Float64Array;
}

export function regData(s: Pick<RegSetting, 'noise' | 'n' | 'seed'>): RegData {
  const f = trueFunction(REG_FUNCTION);
  const tr = noisy1D(stream(s.seed, 'reg-train'), f, s.n, s.noise, REG_X[0], REG_X[1]);
  const te = noisy1D(stream(s.seed, 'reg-test'), f, N_TEST_REG, s.noise, REG_X[0], REG_X[1]);
  return { train: { data: tr.x, n: tr.n, d: 1 }, yTrain: tr.y, test: { data: te.x, n: te.n, d: 1 }, yTest: te.y };
}

export interface RegFit {
  data: RegData;
  model: GradientBoostModel;
  lr: number;
  /** MSE after rounds 1..MAX_ROUNDS (train: the kit's train_score_). */
  trainMse: Float64Array;
  testMse: Float64Array;
  /** MSE of F₀ = mean(y). */
  initTrainMse: number;
  initTestMse: number;
}

export function mse(y: ArrayLike<number>, f: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - f[i]) ** 2;
  return y.length ? s / y.length : 0;
}

export function fitReg(s: RegSetting): RegFit {
  const data = regData(s);
  const model = gradientBoost(data.train, data.yTrain, MAX_ROUNDS, s.lr, regLearner(s.depth));
  const rounds = model.rounds;
  const trainMse = Float64Array.from(rounds, (r) => r.trainMse);
  // The test predictions one round at a time (O(rounds · n), not the O(rounds² · n) of calling
  // gradientBoostPredict for every m): F_m = F_{m−1} + ν·h_m, with ν·h_m from the kit's own
  // predictor applied to the one tree (model.test.ts checks F against gradientBoostPredict).
  const testMse = new Float64Array(rounds.length);
  const F = new Float64Array(data.test.n).fill(model.init);
  for (let m = 1; m <= rounds.length; m++) {
    const step = treeStep(model, m, data.test);
    for (let i = 0; i < F.length; i++) F[i] += step[i];
    testMse[m - 1] = mse(data.yTest, F);
  }
  const meanOnly = new Float64Array(data.test.n).fill(model.init);
  return {
    data,
    model,
    lr: s.lr,
    trainMse,
    testMse,
    initTrainMse: mse(data.yTrain, new Float64Array(data.train.n).fill(model.init)),
    initTestMse: mse(data.yTest, meanOnly),
  };
}

/** ν·h_m(X): what round m adds, as the kit's predictor computes it (the model of that one tree). */
export function treeStep(model: GradientBoostModel, m: number, X: Matrix): Float64Array {
  const one: GradientBoostModel = { ...model, init: 0, rounds: [model.rounds[m - 1]] };
  return gradientBoostPredict(one, X, 1);
}

export interface RegRound {
  round: number;
  /** The plotted x samples, and F_{m−1}, F_m and h_m (the tree, unshrunk) on them. */
  xs: Float64Array;
  Fprev: Float64Array;
  F: Float64Array;
  h: Float64Array;
  /** y − F_{m−1} at the training points: what tree m was fitted to. */
  residuals: Float64Array;
  trainMse: number;
  testMse: number;
  prevTrainMse: number;
}

export function regRound(fit: RegFit, round: number): RegRound {
  const m = Math.max(1, Math.min(fit.model.rounds.length, Math.round(round)));
  const xs = new Float64Array(CURVE_N);
  for (let i = 0; i < CURVE_N; i++) xs[i] = REG_X[0] + ((REG_X[1] - REG_X[0]) * i) / (CURVE_N - 1);
  const X: Matrix = { data: xs, n: CURVE_N, d: 1 };
  const r = fit.model.rounds[m - 1];
  return {
    round: m,
    xs,
    Fprev: gradientBoostPredict(fit.model, X, m - 1),
    F: gradientBoostPredict(fit.model, X, m),
    h: treePredict(r.tree, X),
    residuals: r.residuals.slice(),
    trainMse: fit.trainMse[m - 1],
    testMse: fit.testMse[m - 1],
    prevTrainMse: m > 1 ? fit.trainMse[m - 2] : fit.initTrainMse,
  };
}

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
  const sum = runningSum(G.n, (t, out) => {
    const p = treeProba(trees[t], G);
    for (let i = 0; i < G.n; i++) out[i] += p[2 * i + 1];
  });
  return { data, members, G, sum, bagTrain: errorCurve(trees, data.train, data.yTrain), bagTest: errorCurve(trees, data.test, data.yTest) };
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
  const sum = runningSum(G.n, (t, out) => {
    const pred = treePredict(ada[t].tree, G);
    for (let i = 0; i < G.n; i++) if (pred[i] === 1) out[i] += ada[t].alpha;
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

/** The bagging side of classRound for round m (1 … MAX_ROUNDS). */
export function bagShown(fit: BagFit, m: number): ClassRound['bag'] {
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
