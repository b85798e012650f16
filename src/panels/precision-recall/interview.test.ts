/**
 * Interview mode (issue 15): every check's stated answer is what the panel's model (syntheticSet
 * + analyse, float64, as the view runs it) computes at the check's state, every "show me" state
 * shows what its words claim, and the texts quote no number that is not checked. States are
 * opened as a link opens them: schema defaults plus the state, on the synthetic data.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { analyse, syntheticSet, type PrResult, type XY } from './model';
import { schema, type PrParams } from './params';
import { interview } from './interview';

const cache = new Map<string, PrResult>();
const at = (over: Partial<PrParams>): PrResult => {
  const key = JSON.stringify(over);
  if (!cache.has(key)) {
    const p: PrParams = { ...defaults(schema), ...over };
    cache.set(key, analyse(syntheticSet(p), p));
  }
  return cache.get(key)!;
};
const num = (v: number | null): number => {
  expect(v).not.toBeNull();
  return v!;
};
const peakAt = (curve: XY[]): number => curve.reduce((best, pt) => (pt[1] > best[1] ? pt : best))[0];
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const text = interview.answer.map((para) => para.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const links = Object.fromEntries(interview.answer.flat().flatMap((x) => (typeof x === 'string' ? [] : [[x.text, x.params]])));
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
const d = defaults(schema);

describe('precision-recall interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, all on the synthetic data', () => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(text)).toBeLessThanOrEqual(250);
    expect(Object.keys(links).length).toBeGreaterThanOrEqual(2);
    for (const s of [...Object.values(links), ...interview.checks.map((c) => c.state)]) expect(s.data ?? d.data).toBe('synthetic');
    expectQuoted(text, { '1': 100 * links['At 1% positives'].prevalence! });
  });

  it('each "show me" state shows its claim', () => {
    const base = at({});
    // Raising the threshold: precision up, recall down.
    const up = at(links['raising it']);
    expect(up.current.threshold).toBeGreaterThan(base.current.threshold);
    expect(num(up.current.metrics.precision)).toBeGreaterThan(num(base.current.metrics.precision));
    expect(num(up.current.metrics.recall)).toBeLessThan(num(base.current.metrics.recall));
    // F2 leans to recall: it peaks at a lower threshold than F1.
    const f2 = at(links['F2 weighs recall more']);
    expect(peakAt(f2.sweep.fbeta)).toBeLessThan(peakAt(f2.sweep.f1));
    // Pricing the errors moves the chosen threshold, and that threshold has the lowest cost.
    const cost = at(links['choose the threshold with the lowest cost']);
    expect(cost.best.threshold).not.toBe(base.best.threshold);
    expect(cost.best.cost).toBeLessThanOrEqual(cost.current.cost);
    expect(cost.best.cost).toBeLessThanOrEqual(cost.allNegative.cost);
    // Rare positives: precision collapses, ROC AUC hardly moves.
    const rare = at(links['At 1% positives']);
    expect(num(rare.current.metrics.precision)).toBeLessThan(0.25 * num(base.current.metrics.precision));
    expect(Math.abs(num(rare.rocAuc) - num(base.rocAuc))).toBeLessThan(0.05);
    // Accuracy: always "negative" beats the classifier.
    const acc = at(links['Accuracy is worse still']);
    expect(num(acc.allNegative.metrics.accuracy)).toBeGreaterThan(num(acc.current.metrics.accuracy));
  });

  it('each check has options, a valid answer and a state, and quotes only checked numbers', () => {
    expect(interview.checks.length).toBeGreaterThanOrEqual(3);
    for (const c of interview.checks) {
      expect(c.options.length).toBeGreaterThanOrEqual(2);
      expect(c.answer).toBeGreaterThanOrEqual(0);
      expect(c.answer).toBeLessThan(c.options.length);
      expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
    }
    expect(quotedNumbers(interview.checks.map((c) => c.why).join(' '))).toEqual([]);
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
  });

  it('the numbers in the questions are the settings of their states', () => {
    const rare = byId['rare-positives'];
    expectQuoted(rare.question, { '10': { value: 100 * d.prevalence, tol: 0 }, '1': 100 * rare.state.prevalence! });
    expect(d.prevalence / rare.state.prevalence!).toBeCloseTo(10, 10); // "ten times rarer"
    const acc = byId['accuracy-trap'];
    expectQuoted(acc.question, { '1': 100 * acc.state.prevalence!, '2': acc.state.threshold! });
    expectQuoted(byId['cost-threshold'].question, {});
    expect(byId['cost-threshold'].state.costRatio).toBe(10); // "ten times"
    expectQuoted(byId['f2-peak'].question, {});
    expect(byId['f2-peak'].state.beta).toBe(2);
    expectQuoted(byId['no-separation'].question, { '0': byId['no-separation'].state.separation! });
  });

  it('rarer positives: precision falls a lot, ROC AUC barely moves', () => {
    const c = byId['rare-positives'];
    const [b, r] = [at({}), at(c.state)];
    const precFalls = num(r.current.metrics.precision) < 0.5 * num(b.current.metrics.precision);
    const aucFalls = num(r.rocAuc) < num(b.rocAuc) - 0.05;
    const computed = precFalls && !aucFalls ? 0 : precFalls ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
  it('accuracy at 1% positives: always "negative" wins', () => {
    const c = byId['accuracy-trap'];
    const r = at(c.state);
    const [cls, neg] = [num(r.current.metrics.accuracy), num(r.allNegative.metrics.accuracy)];
    const computed = neg > cls ? 0 : cls > neg ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    // The why: the classifier loses exactly when its false alarms outnumber its hits.
    expect(r.current.counts.fp).toBeGreaterThan(r.current.counts.tp);
  });
  it('false alarms ten times dearer: the cost-optimal threshold moves up', () => {
    const c = byId['cost-threshold'];
    const [b, r] = [at({}), at(c.state)];
    const computed = r.best.threshold > b.best.threshold ? 0 : r.best.threshold < b.best.threshold ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
  it('F2 peaks at a lower threshold than F1', () => {
    const c = byId['f2-peak'];
    const r = at(c.state);
    const [f2, f1] = [peakAt(r.sweep.fbeta), peakAt(r.sweep.f1)];
    const computed = f2 < f1 ? 0 : f2 > f1 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
  it('no separation: average precision is about the share of positives', () => {
    const c = byId['no-separation'];
    const r = at(c.state);
    const ap = num(r.averagePrecision);
    const candidates = [r.prevalence, 0.5, 0];
    const dist = candidates.map((v) => Math.abs(ap - v));
    expect(c.options[dist.indexOf(Math.min(...dist))]).toBe(c.options[c.answer]);
    expect(Math.abs(num(r.rocAuc) - 0.5)).toBeLessThan(0.05); // "while ROC AUC sits near one half"
  });
});
