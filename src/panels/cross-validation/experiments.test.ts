/**
 * Every number a "Try this" text quotes (title and notice), checked against the model at that
 * experiment's state (issue 16), with the pure functions the panel's worker runs (computeCv,
 * computeSpread, computeLeak). All of it is float64 JS, so the numbers are the same on every
 * machine; each is compared to the precision the text states ("about" gets the tolerance named
 * in its fact). An experiment without an entry here is checked with no facts, so any number it
 * quotes fails.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { computeCv, computeLeak, computeSpread, FRESH_POINTS } from './model';
import { schema, type CvParams } from './params';

type Facts = Record<string, Fact>;

const CHECKS: Record<string, (p: CvParams) => Facts> = {
  'One split is a lottery': (p) => {
    const s = computeSpread(p);
    const cv = computeCv(p);
    // The binomial standard error of an accuracy measured on n test predictions.
    const binomial = Math.sqrt((cv.score!.mean * (1 - cv.score!.mean)) / p.n);
    return {
      '200': p.repeats,
      '30': p.n,
      '0.33': Math.min(...s.single),
      '1': { value: Math.max(...s.single), tol: 0 },
      '0.14': s.singleStats.std,
      '5': p.folds,
      '0.04': s.kfoldStats.std,
      '0.07': binomial,
    };
  },
  '94 % accuracy on pure noise': (p) => {
    const l = computeLeak(p);
    return {
      '94': 100 * l.leakyStats.mean,
      '10': p.keep,
      '2000': p.features,
      '0.94': l.leakyStats.mean,
      // "about 0.5, the truth": the honest mean over the data sets, within sampling noise.
      '0.5': { value: l.honestStats!.mean, tol: 0.03 },
    };
  },
  'Split by patient, not by row': (p) => {
    const l = computeLeak(p);
    return { '0.85': l.leakyStats.mean, '0.77': l.honestStats!.mean, '0.73': l.reference };
  },
  'Stratify a rare class': (p) => {
    const inOrder = computeCv({ ...p, scheme: 'kfold' });
    const strat = computeCv(p);
    const ones = (r: typeof strat) => r.folds.map((f) => f.testOnes);
    expect(new Set(ones(strat))).toEqual(new Set([1, 2]));
    expect(strat.score!.std).toBeLessThan(inOrder.score!.std);
    return { '0': Math.min(...ones(inOrder)), '3': Math.max(...ones(inOrder)), '7': strat.ones, '1': Math.min(...ones(strat)), '2': Math.max(...ones(strat)) };
  },
  'Never train on the future': (p) => {
    const r = computeCv(p);
    const first = r.gallery.find((g) => g.scheme === 'timeseries')!.splits![0];
    const y = r.data.y;
    const trainOnes = first.train.reduce((a, i) => a + y[i], 0);
    expect(trainOnes).toBe(2);
    expect(first.test.every((i) => y[i] === 0)).toBe(true);
    // Every training split ends `gap` samples before its test window.
    for (const s of r.gallery.find((g) => g.scheme === 'timeseries')!.splits!) expect(Math.min(...s.test) - Math.max(...s.train) - 1).toBe(p.gap);
    return { '2': p.gap, '3': first.train.length, '1': 'setting', '0': { value: r.folds[0].accuracy, tol: 0 } };
  },
  'Tune k with the one-standard-error rule': (p) => {
    const t = computeCv(p).tuning!;
    const best = Math.max(...t.mean);
    const b = t.ks.indexOf(t.best);
    t.ks.forEach((k, j) => k > t.best && expect(t.mean[j]).toBeGreaterThanOrEqual(t.mean[b] - t.se[b] - 1e-12));
    return { '0.867': best, '11': t.best, '25': t.oneSE };
  },
  'Leave-one-out: n folds of one': (p) => {
    const r = computeCv(p);
    expect(r.folds.every((f) => f.testSize === 1 && (f.accuracy === 0 || f.accuracy === 1))).toBe(true);
    return { '30': r.folds.length, '0': 'setting', '1': 'setting', '0.38': r.score!.std, '0.07': r.score!.se };
  },
};

describe('cross-validation: the numbers the "Try this" texts quote', () => {
  it('the explanation’s “1000 fresh samples” is the model’s', () => {
    expect(FRESH_POINTS).toBe(1000);
  });

  for (const ex of panel.experiments) {
    it(ex.title, () => {
      const p: CvParams = { ...defaults(schema), ...ex.params };
      expectQuoted(`${ex.title}. ${ex.notice}`, CHECKS[ex.title]?.(p) ?? {});
    }, 60_000);
  }
});
