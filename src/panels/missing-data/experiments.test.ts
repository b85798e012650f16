/**
 * Every number a "Try this" notice quotes, computed by the model at the experiment's params
 * (expectQuoted, lib/panel/quoted.ts), and the claims the notices make in words.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted } from '../../lib/panel/quoted';
import { runStudy, type StudyResult } from './model';
import { EXPERIMENTS } from './experiments';
import { schema } from './params';

const exp = (title: string) => {
  const e = EXPERIMENTS.find((x) => x.title === title);
  if (!e) throw new Error(`no experiment "${title}"`);
  const p = { ...defaults(schema), ...e.params };
  const r = runStudy(p);
  const row = (key: string) => r.rows.find((x) => x.key === key)!;
  return { notice: e.notice, p, r, row };
};
/** The average is below `v` by more than 4 standard errors. */
const clearlyBelow = (s: StudyResult['rows'][number]['meanY'], v: number) => s.mean! + (4 * s.sd!) / Math.sqrt(s.count) < v;

describe('the "Try this" notices', () => {
  it('mean imputation shrinks the variance', () => {
    const { notice, row } = exp('Mean imputation shrinks the variance');
    const m = row('mean');
    expectQuoted(notice, { '0': { value: m.meanY.mean!, tol: 0.05 }, '0.70': { value: m.varY.mean!, tol: 0.01 } });
  });

  it('MAR: regression on z recovers the mean', () => {
    const { notice, row } = exp('MAR: regression on z recovers the mean');
    expectQuoted(notice, { '−0.25': { value: row('mean').meanY.mean!, tol: 0.01 }, '0': { value: row('regression').meanY.mean!, tol: 0.03 } });
  });

  it('MNAR: nothing observed can fix it', () => {
    const { notice, r } = exp('MNAR: nothing observed can fix it');
    expectQuoted(notice, {});
    for (const rw of r.rows) if (rw.key !== 'complete') expect(clearlyBelow(rw.meanY, 0), rw.key).toBe(true);
  });

  it('imputing on a fitted line bends correlations up', () => {
    const { notice, row, p } = exp('Imputing on a fitted line bends correlations up');
    expectQuoted(notice, { '0.6': 'setting' });
    expect(p.rho).toBe(0.6);
    const c = row('iterative').corr;
    expect(c.mean! - (4 * c.sd!) / Math.sqrt(c.count)).toBeGreaterThan(0.6);
  });

  it('imputing before the split flatters the test error', () => {
    const { notice, row } = exp('Imputing before the split flatters the test error');
    expectQuoted(notice, {});
    expect(row('iterative').mseBefore.mean!).toBeLessThan(row('complete').mseAfter.mean!);
    expect(row('iterative').mseAfter.mean!).toBeGreaterThan(row('complete').mseAfter.mean!);
  });

  it('a missing indicator carries information', () => {
    const { notice, row, p } = exp('A missing indicator carries information');
    expectQuoted(notice, {});
    const without = runStudy({ ...p, indicator: false }).rows.find((x) => x.key === 'mean')!;
    const ratio = row('mean').mseAfter.mean! / without.mseAfter.mean!;
    // "roughly by half"
    expect(ratio).toBeGreaterThan(0.35);
    expect(ratio).toBeLessThan(0.65);
  });
});
