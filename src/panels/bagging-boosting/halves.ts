/**
 * The worker's frame (compute.ts) cut in two halves that two workers compute at once (issue 8:
 * on a two-core machine a new setting's result comes in about half the time; the page joins them
 * with lib/worker/useHalvesComputed). Half 0 is bagging: the 200 bagged trees, their error curves
 * and the shown round's bagging grids. Half 1 is the rest: AdaBoost's 200 rounds, its curves and
 * grids, and gradient boosting (the cheapest ensemble, so the halves cost about the same).
 *
 * mergeHalves (merge.ts) puts them back together into exactly the Frame createFrameComputer().frame gives,
 * array for array and bit for bit (halves.test.ts checks it): the same kit calls in the same
 * order on the same inputs, only split between two workers. Fits are cached per setting in each
 * worker, so moving the round re-fits nothing. Every typed array in a part is fresh (the worker
 * transfers them). Pure: no React, no DOM.
 */
import { createCache } from '../../lib/panel/cache';
import { adaShown, bagShown, classKey, fitAda, fitBag, fitReg, regKey, regRound, type AdaFit, type BagFit, type RegFit } from './model';
import type { FrameInput } from './compute';
import type { HalfInput, Part } from './merge';
import { MAX_ROUNDS } from './params';

// The parts' types and mergeHalves live in merge.ts (the page imports them there, without the models).
export { mergeHalves, type BagPart, type BoostPart, type HalfInput, type Part } from './merge';

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
