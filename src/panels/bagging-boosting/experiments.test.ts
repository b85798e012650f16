/**
 * Every number a "Try this" text quotes (title and notice), checked against the model at that
 * experiment's state (issue 16), with the function the panel's worker runs (createFrameComputer).
 * All of it is float64 JS, so the numbers are the same on every machine; each is compared to the
 * precision the text states. An experiment without an entry here is checked with no facts, so
 * any number it quotes fails.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { createFrameComputer, frameInput, type Frame } from './compute';
import { schema, type BBParams } from './params';

type Facts = Record<string, Fact>;
const computer = createFrameComputer();
const frame = (p: BBParams): Frame => computer.frame(frameInput(p));
const argmin = (a: Float64Array) => a.indexOf(Math.min(...a));

const CHECKS: Record<string, (p: BBParams) => Facts> = {
  'Averaging stumps keeps their bias': (p) => {
    const c = frame(p).cls;
    expect(p.depth).toBe(1);
    return { '200': p.round, '0.147': c.bagTrain[199], '0.167': c.bagTrain[0], '0.007': c.adaTrain[199] };
  },
  'Bagging cuts variance': (p) => {
    const c = frame(p).cls;
    return { '3': p.depth, '0.248': c.bagTest[0], '200': p.round, '0.151': c.bagTest[199] };
  },
  'Stumps cannot learn XOR': (p) => {
    const c = frame(p).cls;
    const deeper = frame({ ...p, depth: 2 }).cls;
    return { '0.44': c.adaTest[199], '200': p.round, '2': 'setting', '0.12': deeper.adaTest[199] };
  },
  'AdaBoost chases noise': (p) => {
    const c = frame(p).cls;
    const best = argmin(c.adaTest);
    return { '0.073': c.adaTrain[199], '0.173': c.adaTest[best], '17': best + 1, '0.216': c.adaTest[199], '200': p.round };
  },
  'Bagging without resampling': (p) => {
    const c = frame(p).cls;
    expect(new Set(c.bagTrain).size).toBe(1);
    expect(new Set(c.bagTest).size).toBe(1);
    return {};
  },
  Shrinkage: (p) => {
    const r = frame(p).reg;
    const slow = frame({ ...p, lr: 0.05 }).reg;
    const best = argmin(slow.testMse);
    expect(argmin(r.testMse)).toBe(0);
    return {
      '1': p.lr,
      '3': p.depth,
      '0.000': r.trainMse[199],
      '200': p.round,
      '0.112': r.testMse[0],
      '0.213': r.testMse[199],
      '0.05': 'setting',
      '0.100': slow.testMse[best],
      '72': best + 1,
      '0.09': p.noise ** 2,
    };
  },
};

describe('bagging-boosting: the numbers the "Try this" texts quote', () => {
  for (const ex of panel.experiments) {
    it(ex.title, () => {
      const p: BBParams = { ...defaults(schema), ...ex.params };
      expectQuoted(`${ex.title}. ${ex.notice}`, CHECKS[ex.title]?.(p) ?? {});
    }, 60_000);
  }
});
