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
import { createCache } from '../../lib/panel/cache';
import { adaShown, bagShown, classKey, fitAda, fitBag, fitReg, regKey, regRound, type AdaFit, type AdaShown, type AdaStop, type BagFit, type ClassRound, type RegFit } from './model';
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
