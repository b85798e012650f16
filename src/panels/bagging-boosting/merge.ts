/**
 * The page's side of the two halves (halves.ts): what each half sends, and mergeHalves, which
 * puts them back together into exactly the Frame createFrameComputer().frame gives. Apart from
 * halves.ts so the page's chunk does not pull in the learners that only the worker runs (types
 * only from the models). Pure: no React, no DOM.
 */
import type { AdaShown, AdaStop, ClassRound } from './model';
import type { Frame, FrameInput } from './compute';

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
