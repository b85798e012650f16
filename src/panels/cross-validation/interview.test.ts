/**
 * Interview mode (issue 15): every check's stated answer is what the model computes at the check's
 * state, every "show me" state shows what its words claim, and the texts quote no number that is
 * not checked. States open as a link opens them (schema defaults plus the state) and run through
 * the functions the panel's worker runs: computeCv, computeSpread and computeLeak (float64 JS).
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import type { ShowMe } from '../../lib/panel/types';
import { computeCv, computeLeak, computeSpread } from './model';
import { schema, type CvParams } from './params';
import { interview } from './interview';

const D = defaults(schema);
const stateOf = (over: Partial<CvParams>): CvParams => ({ ...D, ...over });
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const text = interview.answer.map((para) => para.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const links = interview.answer.flat().filter((x): x is ShowMe<typeof schema> => typeof x !== 'string');
const link = (words: string) => {
  const l = links.find((x) => x.text === words);
  if (!l) throw new Error(`no show-me link "${words}"`);
  return stateOf(l.params);
};
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
/** Clearly apart: one value more than `ratio` times the other. */
const apart = (a: number, b: number, ratio: number) => Math.max(a, b) > ratio * Math.min(a, b);

describe('cross-validation interview', () => {
  it('the answer is 120–250 words, quotes no number, and has at least two "show me" links', () => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(text)).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(quotedNumbers(text)).toEqual([]);
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
  });

  it('each "show me" state shows its claim', () => {
    // One split against the k-fold mean: the single fold's score spreads at least twice as much.
    const s = computeSpread(link('a single split is a lottery'));
    expect(s.singleStats.std).toBeGreaterThan(2 * s.kfoldStats.std);
    // Stratified folds keep the rare class's share: test counts differ by at most one, less than in order.
    const stratP = link('Stratify a rare class');
    const ones = (p: CvParams) => computeCv(p).folds.map((f) => f.testOnes);
    const range = (v: number[]) => Math.max(...v) - Math.min(...v);
    expect(range(ones(stratP))).toBeLessThanOrEqual(1);
    expect(range(ones({ ...stratP, scheme: 'kfold' }))).toBeGreaterThan(1);
    // Time-series splits: every training sample comes before its test window.
    const tsP = link('train only on the past');
    const ts = computeCv(tsP).gallery.find((g) => g.scheme === tsP.scheme)!.splits!;
    expect(ts.length).toBeGreaterThan(1);
    for (const sp of ts) expect(Math.max(...sp.train)).toBeLessThan(Math.min(...sp.test));
    // Group k-fold: no group on both sides of any split.
    const gP = link('split by group');
    const r = computeCv(gP);
    for (const sp of r.gallery.find((g) => g.scheme === gP.scheme)!.splits!) {
      const trainGroups = new Set(sp.train.map((i) => r.data.group[i]));
      expect(sp.test.some((i) => trainGroups.has(r.data.group[i]))).toBe(false);
    }
    // Selecting on all rows: pure noise scores far above chance (and honestly it does not).
    const leak = computeLeak(link('choosing features on all rows first'));
    expect(leak.leakyStats.mean).toBeGreaterThan(leak.reference + 0.3);
    expect(Math.abs(leak.honestStats!.mean - leak.reference)).toBeLessThan(0.05);
    // Tuning: the curve has a best k and the one-SE rule picks a simpler (larger) one.
    const t = computeCv(link('tune hyper-parameters')).tuning!;
    expect(t.oneSE).toBeGreaterThan(t.best);
  });

  it('each check has options, a valid answer and a state, and quotes only checked numbers', () => {
    expect(interview.checks.length).toBeGreaterThanOrEqual(3);
    for (const c of interview.checks) {
      expect(c.options.length).toBeGreaterThanOrEqual(2);
      expect(c.answer).toBeGreaterThanOrEqual(0);
      expect(c.answer).toBeLessThan(c.options.length);
      expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
    }
    const [spread, noise, group, oneSe] = interview.checks;
    const sp = stateOf(spread.state);
    expectQuoted(spread.question, { '30': sp.n, '200': sp.repeats, '5': sp.folds });
    expectQuoted(spread.options.join(' '), { '5': sp.folds });
    const np = stateOf(noise.state);
    expectQuoted(noise.question, { '500': np.features, '10': np.keep });
    expectQuoted(noise.options.join(' '), { '0.5': computeLeak(np).reference });
    for (const c of [group, oneSe]) expect(quotedNumbers(`${c.question} ${c.options.join(' ')}`)).toEqual([]);
    expect(quotedNumbers(interview.checks.map((c) => c.why).join(' '))).toEqual([]);
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
  });

  it('one held-out fold moves more than the k-fold mean', () => {
    const c = byId['one-split-spread'];
    const s = computeSpread(stateOf(c.state));
    const [one, mean] = [s.singleStats.std, s.kfoldStats.std];
    const computed = !apart(one, mean, 1.5) ? 2 : one > mean ? 0 : 1;
    expect(computed).toBe(c.answer);
  });

  it('features chosen on all rows: noise scores far above chance', () => {
    const c = byId['noise-selection'];
    const l = computeLeak(stateOf(c.state));
    const d = l.leakyStats.mean - l.reference;
    const computed = d > 0.1 ? 1 : d < -0.1 ? 2 : Math.abs(d) < 0.05 ? 0 : -1;
    expect(computed).toBe(c.answer);
  });

  it('grouped data: shuffled folds score higher, group folds are closer to new groups', () => {
    const c = byId['group-leak'];
    const l = computeLeak(stateOf(c.state));
    const shuffled = l.leakyStats.mean, grouped = l.honestStats!.mean, fresh = l.reference;
    const groupCloser = Math.abs(grouped - fresh) < Math.abs(shuffled - fresh);
    const computed = Math.abs(shuffled - grouped) < 0.02 ? 2 : shuffled > grouped && groupCloser ? 0 : grouped > shuffled && groupCloser ? 1 : -1;
    expect(computed).toBe(c.answer);
  });

  it('the one-standard-error rule picks a larger k than the best mean', () => {
    const c = byId['one-se-rule'];
    const t = computeCv(stateOf(c.state)).tuning!;
    const computed = t.oneSE > t.best ? 0 : t.oneSE === t.best ? 1 : 2;
    expect(computed).toBe(c.answer);
  });
});
