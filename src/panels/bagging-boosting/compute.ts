/**
 * What the page shows for one link: the fitted ensembles (all MAX_ROUNDS rounds, cached per
 * setting so moving the round or an unrelated control re-fits nothing) and the shown round's
 * grids, in one call: the plain path that tests, the bench and the "Try this" checks use. The page
 * gets the same frame from two workers at once, each computing half of it (halves.ts, proven
 * equal to this bit for bit by halves.test.ts). Pure: no React, no DOM.
 *
 * Every typed array in a Frame is fresh: the worker moves (transfers) them to the page, and a
 * moved array is left empty on this side, so nothing cached may be handed out as it is.
 */
import { createCache } from '../../lib/panel/cache';
import {
  classKey,
  classRound,
  fitClass,
  fitReg,
  regKey,
  regRound,
  type AdaStop,
  type ClassFit,
  type ClassRound,
  type ClassSetting,
  type RegFit,
  type RegRound,
  type RegSetting,
} from './model';
import type { FrameInput } from './keys';

// The frame's input and its keys live in keys.ts (the page imports them there, without the models).
export { frameInput, sameInput, settingKey, type FrameInput } from './keys';

export interface Frame {
  /** The input this frame answers (the page compares it with the current params). */
  input: FrameInput;
  round: number;
  cls: {
    /** Training points, row-major n × 2, and their labels. */
    x: Float64Array;
    y: Int32Array;
    extent: [number, number, number, number];
    /** Rounds AdaBoost ran (MAX_ROUNDS unless it stopped). */
    adaRounds: number;
    adaStop: AdaStop;
    bagTrain: Float64Array;
    bagTest: Float64Array;
    adaTrain: Float64Array;
    adaTest: Float64Array;
  };
  shown: ClassRound;
  reg: {
    x: Float64Array;
    y: Float64Array;
    trainMse: Float64Array;
    testMse: Float64Array;
    initTrainMse: number;
    initTestMse: number;
  };
  regShown: RegRound;
}

export interface FrameComputer {
  frame(input: FrameInput): Frame;
  /** The cached fits (for tests and the bench). */
  classFit(s: ClassSetting): ClassFit;
  regFit(s: RegSetting): RegFit;
}

export function createFrameComputer(capacity = 3): FrameComputer {
  const classFits = createCache<ClassFit>(capacity);
  const regFits = createCache<RegFit>(capacity);
  const classFit = (s: ClassSetting) => classFits.get(classKey(s), () => fitClass(s));
  const regFit = (s: RegSetting) => regFits.get(regKey(s), () => fitReg(s));
  return {
    classFit,
    regFit,
    frame(input) {
      const c = classFit(input);
      const g = regFit(input);
      const shown = classRound(c, input.round);
      const [e0, e1, e2, e3] = c.data.extent;
      return {
        input,
        round: shown.round,
        cls: {
          x: c.data.train.data.slice(),
          y: c.data.yTrain.slice(),
          extent: [e0, e1, e2, e3],
          adaRounds: c.ada.length,
          adaStop: c.adaStop,
          bagTrain: c.curves.bagTrain.slice(),
          bagTest: c.curves.bagTest.slice(),
          adaTrain: c.curves.adaTrain.slice(),
          adaTest: c.curves.adaTest.slice(),
        },
        shown,
        reg: {
          x: g.data.train.data.slice(),
          y: g.data.yTrain.slice(),
          trainMse: g.trainMse.slice(),
          testMse: g.testMse.slice(),
          initTrainMse: g.initTrainMse,
          initTestMse: g.initTestMse,
        },
        regShown: regRound(g, input.round),
      };
    },
  };
}
