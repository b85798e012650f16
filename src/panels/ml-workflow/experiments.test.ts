/**
 * Every claim a "Try this" text makes (issue 16), checked against the model at that experiment's
 * state with computeWorkflow, the computation the panel's worker does, on the real penguins.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { computeWorkflow, inputOf, type WfResult } from './model';
import { schema, type WfParams } from './params';
import { penguins } from './penguins.testutil';

type Facts = Record<string, Fact>;
const at = (p: WfParams): WfResult => computeWorkflow(inputOf(p), penguins());

const CHECKS: Record<string, (p: WfParams) => Facts> = {
  'A baseline first': (p) => {
    const r = at(p);
    expect(r.baseline.majorityCv).toBeLessThan(0.5); // "fewer than half"
    expect(r.baseline.ruleCv).toBeGreaterThan(0.5); // "most of them"
    return {};
  },
  'k-NN needs scaled columns': (p) => {
    const r = at(p);
    const scaled = r.prepChoices.find((c) => c.key === 'scale' && c.option === 'standard')!;
    const unscaled = r.prepChoices.find((c) => c.key === 'scale' && c.option === 'none')!;
    expect(unscaled.chosen).toBe(true);
    expect(unscaled.cv.mean).toBeLessThan(scaled.cv.mean - 0.1); // "far below"
    return {};
  },
  'A leaked column looks perfect': (p) => {
    const r = at(p);
    expect(r.final.cv.mean).toBeGreaterThanOrEqual(0.99); // "flawless"
    expect(r.final.testAcc).toBeGreaterThanOrEqual(0.99);
    expect(r.final.deployedAcc!).toBeLessThan(r.final.noLeakAcc!);
    return {};
  },
  'Tuning on the test set flatters': (p) => {
    const r = at(p);
    expect(r.optimism!.fresh).toBeLessThan(r.optimism!.reported);
    return { '8': r.optimism!.tries };
  },
  'Error analysis: sex is harder': (p) => {
    const r = at(p);
    expect(r.final.testAcc).toBeGreaterThan(r.baseline.majorityTest + 0.2); // "by far"
    // Mean body mass of each species and sex over all birds with both known.
    const t = penguins();
    const meanMass = (species: string, sex: string) => {
      const m = Array.from(t.num.mass).filter((v, i) => t.cat.species[i] === species && t.cat.sex[i] === sex && !Number.isNaN(v));
      return m.reduce((a, b) => a + b, 0) / m.length;
    };
    const wrong = r.final.worst.filter((w) => w.truth !== w.predicted);
    expect(wrong.length).toBeGreaterThan(0);
    for (const w of wrong) {
      const mass = Number(w.features['body mass (g)']), mean = meanMass(w.features.species, w.truth);
      if (w.truth === 'male') expect(mass).toBeLessThan(mean);
      else expect(mass).toBeGreaterThan(mean);
    }
    return {};
  },
};

describe('ml-workflow: the claims the "Try this" texts make', () => {
  for (const ex of panel.experiments) {
    it(ex.title, () => {
      const p: WfParams = { ...defaults(schema), ...ex.params };
      const check = CHECKS[ex.title];
      expect(check, `a check for "${ex.title}"`).toBeDefined();
      expectQuoted(`${ex.title}. ${ex.notice}`, check(p));
    });
  }
});
