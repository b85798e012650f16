/**
 * The worker's frame (compute.ts) cut in two halves that two workers compute at once (issue 8:
 * on a two-core machine a new setting's result comes in about half the time; the page joins them
 * with lib/worker/useHalvesComputed). Half 0 is bagging: the 200 bagged trees, their error curves
 * and the shown round's bagging grids. Half 1 is the rest: AdaBoost's 200 rounds, its curves and
 * grids, and gradient boosting (the cheapest ensemble, so the halves cost about the same).
 *
 * mergeHalves puts them back together into exactly the Frame createFrameComputer().frame gives,
 * array for array and bit for bit (halves.test.ts checks it): the same kit calls in the same
 * order on the same inputs, only split between two workers. Fits are cached per setting in each
 * worker, so moving the round re-fits nothing. Every typed array in a part is fresh (the worker
 * transfers them). Pure: no React, no DOM.
 */
import type { AdaBoostRound, ForestMember, Matrix } from '../../lib/learn/api';
import { treePredict, treeProba } from '../../lib/learn/tree';
import { errorCurve, growMember } from '../../lib/learn/forest';
import { adaBoost } from '../../lib/learn/boost';
import { createCache } from '../../lib/panel/cache';
import { adaErrorCurve, adaStopOf, boundaryGrid, classData, classKey, classLearner, classOneShare, fitReg, regKey, regRound, voteShare, type AdaShown, type AdaStop, type ClassData, type ClassRound, type ClassSetting, type RegFit } from './model';
import { runningSum, type RunningSum } from './grids';
import type { Frame, FrameInput } from './compute';
import { MAX_ROUNDS } from './params';

/** What each worker is asked: the frame's input and which half it computes. */
export type HalfInput = FrameInput & { shard: 0 | 1; shards: 2 };

/** Half 0: bagging, and what both halves share (the input, the round, the training points). */
export interface BagPart {
  shard: 0;
  input: FrameInput;
  round: number;
  x: Float64Array;
  y: Int32Array;
  extent: [number, number, number, number];
  bagTrain: Float64Array;
  bagTest: Float64Array;
  bag: ClassRound['bag'];
}

/** Half 1: AdaBoost and gradient boosting. */
export interface BoostPart {
  shard: 1;
  adaRounds: number;
  adaStop: AdaStop;
  adaTrain: Float64Array;
  adaTest: Float64Array;
  ada: AdaShown | null;
  reg: Frame['reg'];
  regShown: Frame['regShown'];
}

export type Part = BagPart | BoostPart;

/** The round shown, as classRound clamps it. */
const shownRound = (round: number) => Math.max(1, Math.min(MAX_ROUNDS, Math.round(round)));

/** fitClass's bagging half: the same trees (growMember), curves and running vote sums. */
export interface BagFit {
  data: ClassData;
  members: ForestMember[];
  bagTrain: Float64Array;
  bagTest: Float64Array;
  G: Matrix;
  sum: RunningSum;
}

export function fitBag(s: ClassSetting): BagFit {
  const data = classData(s);
  const learner = classLearner(s.depth);
  const members: ForestMember[] = [];
  for (let m = 0; m < MAX_ROUNDS; m++) members.push(growMember(data.train, data.yTrain, { tree: learner, bootstrap: s.bootstrap, seed: s.seed }, m));
  const trees = members.map((b) => b.tree);
  const G = boundaryGrid(data.extent);
  const sum = runningSum(G.n, (t, out) => {
    const p = treeProba(trees[t], G);
    for (let i = 0; i < G.n; i++) out[i] += p[2 * i + 1];
  });
  return { data, members, G, sum, bagTrain: errorCurve(trees, data.train, data.yTrain), bagTest: errorCurve(trees, data.test, data.yTest) };
}

/** fitClass's AdaBoost half: the kit's rounds, their curves and running α-weighted votes. */
export interface AdaFit {
  data: ClassData;
  ada: AdaBoostRound[];
  adaStop: AdaStop;
  adaTrain: Float64Array;
  adaTest: Float64Array;
  G: Matrix;
  sum: RunningSum;
}

export function fitAda(s: ClassSetting): AdaFit {
  const data = classData(s);
  const ada = adaBoost(data.train, data.yTrain, MAX_ROUNDS, classLearner(s.depth));
  const G = boundaryGrid(data.extent);
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

/** classRound's bagging side for round m (1 … MAX_ROUNDS). */
export function bagShown(fit: BagFit, m: number): ClassRound['bag'] {
  const { G, members } = fit;
  const member = members[m - 1];
  let unique = 0;
  for (let i = 0; i < member.inBag.length; i++) if (member.inBag[i] > 0) unique++;
  const bagSum = fit.sum.upTo(m);
  const grid = new Float32Array(G.n);
  for (let i = 0; i < G.n; i++) grid[i] = bagSum[i] / m;
  return {
    inBag: member.inBag.slice(),
    unique,
    grid,
    treeGrid: classOneShare(treeProba(member.tree, G), G.n),
    trainError: fit.bagTrain[m - 1],
    testError: fit.bagTest[m - 1],
  };
}

/** classRound's AdaBoost side for round m: its last learner when AdaBoost stopped earlier. */
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
  return {
    learner: a,
    weights: r.weights.slice(),
    miss,
    error: r.error,
    alpha: r.alpha,
    perfect: r.perfect,
    grid,
    learnerGrid: Float32Array.from(treePredict(r.tree, G)),
    trainError: fit.adaTrain[m - 1],
    testError: fit.adaTest[m - 1],
  };
}

/** The input without the half's tag (a part's input compares equal to the page's). */
function frameInputOf(h: HalfInput): FrameInput {
  const { dataset, noise, n, depth, lr, bootstrap, seed, round } = h;
  return { dataset, noise, n, depth, lr, bootstrap, seed, round };
}

/** One worker's half: fits cached per setting (`capacity` settings), like createFrameComputer. */
export function createHalfComputer(capacity = 3) {
  const bags = createCache<BagFit>(capacity);
  const adas = createCache<AdaFit>(capacity);
  const regs = createCache<RegFit>(capacity);
  return (h: HalfInput): Part => {
    const input = frameInputOf(h);
    const m = shownRound(input.round);
    if (h.shard === 0) {
      const f = bags.get(classKey(input), () => fitBag(input));
      const [e0, e1, e2, e3] = f.data.extent;
      return { shard: 0, input, round: m, x: f.data.train.data.slice(), y: f.data.yTrain.slice(), extent: [e0, e1, e2, e3], bagTrain: f.bagTrain.slice(), bagTest: f.bagTest.slice(), bag: bagShown(f, m) };
    }
    const f = adas.get(classKey(input), () => fitAda(input));
    const g = regs.get(regKey(input), () => fitReg(input));
    return {
      shard: 1,
      adaRounds: f.ada.length,
      adaStop: f.adaStop,
      adaTrain: f.adaTrain.slice(),
      adaTest: f.adaTest.slice(),
      ada: adaShown(f, m),
      reg: { x: g.data.train.data.slice(), y: g.data.yTrain.slice(), trainMse: g.trainMse.slice(), testMse: g.testMse.slice(), initTrainMse: g.initTrainMse, initTestMse: g.initTestMse },
      regShown: regRound(g, input.round),
    };
  };
}

/** The two halves as the one Frame the page draws (the halves may come in either order). */
export function mergeHalves(_input: FrameInput, parts: [Part, Part]): Frame {
  const bag = parts.find((p): p is BagPart => p.shard === 0);
  const boost = parts.find((p): p is BoostPart => p.shard === 1);
  if (!bag || !boost) throw new Error('bagging-boosting: a frame needs both halves (bagging, and the boosting ensembles)');
  return {
    input: bag.input,
    round: bag.round,
    cls: { x: bag.x, y: bag.y, extent: bag.extent, adaRounds: boost.adaRounds, adaStop: boost.adaStop, bagTrain: bag.bagTrain, bagTest: bag.bagTest, adaTrain: boost.adaTrain, adaTest: boost.adaTest },
    shown: { round: bag.round, bag: bag.bag, ada: boost.ada },
    reg: boost.reg,
    regShown: boost.regShown,
  };
}
