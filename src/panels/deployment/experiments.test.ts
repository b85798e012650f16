/**
 * Every number a "Try this" notice quotes, computed by the model at the experiment's params
 * (expectQuoted, lib/panel/quoted.ts), and the claims the notices make in words.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted } from '../../lib/panel/quoted';
import { abFor, driftFor, serveFor, simInput } from './model';
import { capacity } from './sim';
import { zTestPower } from './stats';
import { EXPERIMENTS } from './experiments';
import { schema, type DeployParams } from './params';

const exp = (title: string) => {
  const e = EXPERIMENTS.find((x) => x.title === title);
  if (!e) throw new Error(`no experiment "${title}"`);
  const p: DeployParams = { ...defaults(schema), ...e.params };
  return { notice: e.notice, p };
};

describe('the "Try this" notices', () => {
  it('turn batching off', () => {
    const { notice, p } = exp('Turn batching off');
    const r = serveFor(p);
    expectQuoted(notice, { '80': capacity(simInput(p), 1), '150': 'setting' });
    expect(p.rate).toBe(150);
    const share = r.totals.rejected / p.requests;
    // "nearly half"
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.5);
  });

  it('an M/M/1 queue at ρ = 0.8', () => {
    const { notice, p } = exp('An M/M/1 queue at ρ = 0.8');
    const mu = 1000 / (p.fixed + p.perItem), lambda = p.rate;
    const theory = (1000 * (lambda / mu)) / (mu - lambda);
    expectQuoted(notice, { '10': 'setting', '80': 'setting', '40': theory });
    const sim = serveFor(p).totals.meanWait;
    // "within a few percent"
    expect(Math.abs(sim / theory - 1)).toBeLessThan(0.04);
  });

  it('at light load, batching only adds waiting', () => {
    const { notice, p } = exp('At light load, batching only adds waiting');
    const batched = serveFor(p).totals;
    const single = serveFor({ ...p, maxBatch: 1 }).totals;
    expectQuoted(notice, { '5': 'setting', '20': { value: batched.p50 - single.p50, tol: 3 }, '1': 'setting' });
    expect(p.maxWait).toBe(20);
    // "rarely fills"
    expect(batched.meanBatch).toBeLessThan(1.3);
  });

  it('a sudden drift sets off the alert', () => {
    const { notice, p } = exp('A sudden drift sets off the alert');
    const r = driftFor(p);
    expectQuoted(notice, { '1': 'setting', '10': r.alertAt ?? NaN, '0.2': 'setting' });
    expect(p.start).toBe(10);
    expect(p.threshold).toBe(0.2);
    const mean = (a: Float64Array, i: number, j: number) => a.slice(i, j).reduce((s, v) => s + v, 0) / (j - i);
    expect(mean(r.accuracy, 10, 40)).toBeLessThan(mean(r.accuracy, 0, 9) - 0.02);
  });

  it('small windows raise false alarms', () => {
    const { notice, p } = exp('Small windows raise false alarms');
    const r = driftFor(p);
    expectQuoted(notice, { '50': 'setting', '0.2': 'setting' });
    expect(r.falseAlarms).toBeGreaterThan(0);
  });

  it('an underpowered A/B test', () => {
    const { notice, p } = exp('An underpowered A/B test');
    const r = abFor(p);
    expectQuoted(notice, { '10': 'setting', '12': 'setting', '0.05': 'setting', '0.8': 'setting', '3,835': Math.ceil(r.nEven), '2,000': 'setting' });
    expect([p.pA, p.pB, p.alpha, p.power, p.visitors]).toEqual([0.1, 0.12, 0.05, 0.8, 2000]);
    // "little chance": with 1,000 visitors per arm the power is under a third.
    expect(zTestPower(r.hTrue, 1000, p.alpha)).toBeLessThan(1 / 3);
  });
});
