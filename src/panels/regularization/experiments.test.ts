/**
 * Every number a "Try this" experiment quotes, checked against the model at the experiment's
 * state (issue 16): the schema defaults with the experiment's params on top, as the link opens,
 * run through runRegularization (the path the worker computes and the solution at λ the page
 * computes). A number added to a notice without a check here fails, and so does a model change
 * that moves one. Everything is float64 JS (usesTf: false), so there is no backend to vary.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { runRegularization, type RegResult } from './compute';
import { schema, type RegParams } from './params';

const stateOf = (over: Partial<RegParams>): RegParams => ({ ...defaults(schema), ...over });

type Check = (r: RegResult, p: RegParams) => Record<string, Fact>;

/** Per experiment title: the fact behind every number its title and notice quote. */
const CHECKS: Record<string, Check> = {
  'Ridge shrinks, lasso zeroes': ({ path }, p) => {
    // ‖w‖₂ falls as λ grows (λ ascending along the path), while single weights need not.
    const norms = path.coefs.map((w) => Math.hypot(...w));
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThanOrEqual(norms[i - 1] * (1 + 1e-12));
    const grows = path.paths.some((w) => w.some((v, i) => i > 0 && Math.abs(v) > Math.abs(w[i - 1]) + 1e-9));
    const crosses = path.paths.some((w) => w.some((v, i) => i > 0 && v * w[i - 1] < 0));
    expect([grows, crosses]).toEqual([true, true]);
    // The lasso on the same data does reach exactly 0, one weight at a time.
    const lasso = runRegularization({ ...p, penalty: 'l1' }).path;
    expect(lasso.nonZero[lasso.nonZero.length - 1]).toBe(0);
    expect(Math.min(...path.nonZero)).toBe(Math.max(...path.nonZero));
    return { '20': Math.min(...path.nonZero), '0': 'setting' };
  },
  'Lasso keeps one of a correlated group': ({ at }) => {
    expect([at.blockWeights[0], at.blockWeights[2]]).toEqual([0, 0]);
    return { '1': 'setting', '3': at.blockWeights.length, '3.1': at.blockWeights[1] };
  },
  'Elastic net keeps the group': ({ at }) => {
    for (const w of at.blockWeights) expect(w).not.toBe(0);
    // "about 1 each": the block weight farthest from 1 still rounds to 1.
    const farthest = at.blockWeights.reduce((a, w) => (Math.abs(w - 1) > Math.abs(a - 1) ? w : a), 1);
    return { '1': farthest };
  },
  'Past λ_max everything is zero': ({ path, at }) => {
    expect(at.lambda).toBeGreaterThan(path.lambdaMax);
    const y = path.problem.y;
    expect(at.b).toBeCloseTo(y.reduce((a, v) => a + v, 0) / y.length, 12); // predicts the mean of y
    return { '0': Math.max(...Array.from(at.w, Math.abs)) };
  },
  'More features than samples': ({ path, at }, p) => {
    const ridge = runRegularization({ ...p, penalty: 'l2' }).path;
    expect(at.trueKept).toBe(path.k); // the lasso keeps all that matter
    return {
      '60': p.p,
      '20': p.n,
      '5': p.k,
      '13': at.nonZero,
      '0.5': at.test,
      '7.4': Math.min(...ridge.test),
    };
  },
  'Ridge at λ → 0 with p > n': ({ at }, p) => ({
    '0': { value: at.train, tol: 1e-6 },
    '30': { value: at.test / p.noise ** 2, tol: 3 },
  }),
};

describe('every number the "Try this" texts quote holds at the experiment’s state (issue 16)', () => {
  it('no check is left for an experiment that is gone', () => {
    const titles = panel.experiments.map((e) => e.title);
    for (const t of Object.keys(CHECKS)) expect(titles).toContain(t);
  });
  for (const e of panel.experiments)
    it(e.title, () => {
      const p = stateOf(e.params);
      const facts = CHECKS[e.title]?.(runRegularization(p), p) ?? {};
      expectQuoted(`${e.title}: ${e.notice}`, facts);
    });
});
