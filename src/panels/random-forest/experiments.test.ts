/**
 * Every number a "Try this" text quotes (title and notice), checked against the model at that
 * experiment's state (issue 16) with computeForest, the same run the panel's worker does. All
 * float64 JS, seeded: the same numbers on every machine, compared to the precision written.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { computeForest } from './model';
import { schema, type ForestParams } from './params';

type Facts = Record<string, Fact>;

const at = (p: ForestParams) => computeForest(p).scores!;
const last = (v: Float64Array) => v[v.length - 1];
const mean = (v: Float64Array) => v.reduce((a, x) => a + x, 0) / v.length;
const noiseShare = (v: Float64Array) => v.slice(2).reduce((a, x) => a + x, 0);

const CHECKS: Record<string, (p: ForestParams) => Facts> = {
  'One tree against the forest': (p) => {
    const s = at(p);
    expect(last(s.testError)).toBeLessThan(mean(s.treeErrors));
    return { '0.18': mean(s.treeErrors), '200': p.trees, '0.12': last(s.testError), '0.16': last(s.oobError) };
  },
  'Noise features steal impurity importance': (p) => {
    const s = at(p);
    expect(p.features).toBe('1'); // "one feature drawn per split"
    // "less than 0.02": shuffling any one noise column moves the accuracy by less than that.
    for (let j = 2; j < s.permMean!.length; j++) expect(Math.abs(s.permMean![j])).toBeLessThan(0.02);
    return { '10': p.noise, '0.63': noiseShare(s.impurity), '0.02': { value: 0.02, tol: 0 } };
  },
  'Averaging cannot fix bias': (p) => {
    const s = at(p), deeper = at({ ...p, depth: 2 });
    return { '200': p.trees, '1': p.depth, '0.51': last(s.testError), '2': 'setting', '0.34': last(deeper.testError) };
  },
  'No randomness, no forest': (p) => {
    const s = at(p);
    for (const e of s.treeErrors) expect(e).toBe(s.treeErrors[0]);
    expect(s.oobError.every((x) => Number.isNaN(x))).toBe(true);
    return { '100': p.trees, '0.122': last(s.testError) };
  },
};

describe('random-forest: the numbers the "Try this" texts quote', () => {
  for (const ex of panel.experiments) {
    it(ex.title, () => {
      const p: ForestParams = { ...defaults(schema), ...ex.params };
      expectQuoted(`${ex.title}. ${ex.notice}`, CHECKS[ex.title]?.(p) ?? {});
    }, 60_000);
  }
});
