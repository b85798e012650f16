/**
 * Interview mode (issue 15): each check's stated answer is what the panel's own model shows at the
 * check's state (fitAll and tableAt, what the worker computes and the table and readout show, with
 * the schema defaults plus the state, as a link opens it); each "show me" state shows its claim;
 * the texts quote no number that is not checked.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { fitAll, tableAt, type Fitted, type ImbalanceInput, type RowKey, type TableRow } from './model';
import { classCounts } from './resample';
import { schema, type ImbalanceParams } from './params';
import { interview } from './interview';
import type { Check } from '../../lib/panel/types';

/** Fits per data setting (the six fits do not depend on the method shown or the threshold). */
const fits = new Map<string, Fitted>();
function at(over: Partial<ImbalanceParams>) {
  const p: ImbalanceInput = { ...defaults(schema), ...over, sensors: null };
  expect(p.data).toBe('generated');
  const key = JSON.stringify([p.ratio, p.overlap, p.k, p.seed]);
  let f = fits.get(key);
  if (!f) fits.set(key, (f = fitAll(p)));
  const rows = tableAt(f, p.threshold);
  return { p, f, row: (k: RowKey): TableRow => rows.find((r) => r.key === k)! };
}
const links = interview.answer.flat().filter((x) => typeof x !== 'string');
const words = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
/**
 * The model's verdict `k` names the option starting with `prefixes[k]` (each prefix fits exactly
 * one option, so the options can be listed in any order); it must be the stated answer.
 */
function expectVerdict(c: Check, prefixes: readonly string[], k: number): void {
  const index = prefixes.map((p) => {
    const fits = c.options.flatMap((o, i) => (o.startsWith(p) ? [i] : []));
    expect(fits, `"${p}" in ${c.id}`).toHaveLength(1);
    return fits[0];
  });
  expect(k, `no option fits what the model computes for ${c.id}`).toBeGreaterThanOrEqual(0);
  expect(c.options[c.answer]).toBe(c.options[index[k]]);
}
/** Three-way verdict on a change from a to b: 0 about equal, 1 b clearly higher, 2 b clearly lower. */
const compare = (a: number, b: number, tol: number) => (Math.abs(b - a) <= tol ? 0 : b > a ? 1 : 2);

describe('imbalanced-data interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, each a valid state', () => {
    const n = words.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
    expect(quotedNumbers(words)).toEqual([]);
  });

  it('each "show me" state shows its claim', () => {
    const [ignore, over, smote, under, weights, threshold] = links;
    // "At a hundred to one", the untreated model finds almost none and ties the majority rule.
    const a = at(ignore.params);
    expect(a.p.ratio).toBe(100);
    expect(a.row('none').metrics.recall!).toBeLessThan(0.2);
    expect(Math.abs(a.row('none').metrics.accuracy! - a.row('majority').metrics.accuracy!)).toBeLessThan(0.005);
    // The PR baseline is the minority share: AP of the constant rule.
    const [, testMinority] = classCounts(a.f.split.test.y);
    expect(a.f.majorityAp!).toBeCloseTo(testMinority / a.f.split.test.y.length, 12);
    // Oversampling repeats minority rows (every added row copies an original minority row).
    const o = at(over.params);
    const ro = o.f.fits.oversample.resampled;
    const [maj, min] = classCounts(o.f.split.train.y);
    expect(classCounts(ro.y)).toEqual([maj, maj]);
    for (let i = 0; i < ro.y.length; i++) if (ro.y[i] === 1) expect(o.f.split.train.y[ro.source[i]]).toBe(1);
    // SMOTE's added rows are synthetic.
    const rs = at(smote.params).f.fits.smote.resampled;
    expect(Array.from(rs.source).filter((s) => s === -1).length).toBe(maj - min);
    // Undersampling drops majority rows.
    const ru = at(under.params).f.fits.undersample.resampled;
    expect(classCounts(ru.y)).toEqual([min, min]);
    expect(ru.removed.length).toBe(maj - min);
    // Class weights: the minority's weight is larger, and, like every method, the boundary moves
    // into the majority class: recall up, precision down, and here F1 down.
    const w = at(weights.params);
    const wts = w.f.fits.weights.weights!;
    const y = w.f.split.train.y;
    const minW = wts[y.indexOf(1)], majW = wts[y.indexOf(0)];
    expect(minW).toBeGreaterThan(majW);
    for (const k of ['oversample', 'smote', 'undersample', 'weights'] as const) {
      expect(w.row(k).metrics.recall!).toBeGreaterThan(w.row('none').metrics.recall!);
      expect(w.row(k).metrics.precision!).toBeLessThan(w.row('none').metrics.precision!);
      expect(w.row(k).metrics.f1!).toBeLessThan(w.row('none').metrics.f1!); // "F1 need not improve"
    }
    // Lowering the untreated threshold finds what class weights find at 0.5, at about the same precision.
    const t = at(threshold.params);
    const weighted = at({ method: 'weights' }).row('weights');
    expect(Math.abs(t.row('none').counts.tp - weighted.counts.tp)).toBeLessThanOrEqual(0.02 * weighted.counts.tp);
    expect(Math.abs(t.row('none').metrics.precision! - weighted.metrics.precision!)).toBeLessThan(0.02);
  });

  it('"weighting mostly shifts the intercept": the two boundaries are nearly parallel', () => {
    const { f } = at({ method: 'weights' });
    const a = f.fits.none.coef, b = f.fits.weights.coef;
    const cos = (a[0] * b[0] + a[1] * b[1]) / Math.hypot(...a) / Math.hypot(...b);
    expect(cos).toBeGreaterThan(0.99);
    expect(f.fits.weights.intercept).toBeGreaterThan(f.fits.none.intercept);
  });

  it('1 : 100: the untreated model is about as accurate as always "majority"', () => {
    const c = byId['accuracy-ignores'];
    const { p, row } = at(c.state);
    const computed = compare(row('majority').metrics.accuracy!, row('none').metrics.accuracy!, 0.005);
    expectVerdict(c, ['About the', 'The model,', 'Always “majority”,'], computed);
    expectQuoted(c.question, { '1': 'setting', '100': p.ratio, '0.5': p.threshold });
    expect(row('none').counts.tp).toBeGreaterThan(0); // "finds a few rare cases"
    expect(row('majority').counts.tp).toBe(0);
  });

  it('1 : 100 with SMOTE: accuracy falls', () => {
    const c = byId['smote-accuracy'];
    const { p, row } = at(c.state);
    const [none, smote] = [row('none'), row('smote')];
    const computed = [2, 1, 0][compare(none.metrics.accuracy!, smote.metrics.accuracy!, 0.005)];
    expectVerdict(c, ['It falls', 'It rises', 'It stays'], computed);
    expect(smote.metrics.recall!).toBeGreaterThan(none.metrics.recall! + 0.3); // "recall jumps"
    expect(smote.counts.fp - none.counts.fp).toBeGreaterThan(smote.counts.tp - none.counts.tp); // alarms outnumber hits
    expectQuoted(c.question, { '1': 'setting', '100': p.ratio, '0.5': p.threshold });
  });

  it('default 1 : 20: the untreated model has the higher F1', () => {
    const c = byId['f1-default'];
    const { p, row } = at(c.state);
    const [none, smote] = [row('none'), row('smote')];
    const computed = [2, 1, 0][compare(none.metrics.f1!, smote.metrics.f1!, 0.01)];
    expectVerdict(c, ['The untreated', 'SMOTE', 'They are'], computed);
    // "several false alarms for every extra minority point it finds".
    expect((smote.counts.fp - none.counts.fp) / (smote.counts.tp - none.counts.tp)).toBeGreaterThan(3);
    expectQuoted(c.question, { '1': 'setting', '20': p.ratio, '0.5': p.threshold });
    expect(p.ratio).toBe(defaults(schema).ratio);
  });

  it('class weights: the average precision hardly changes', () => {
    const c = byId['weights-ap'];
    const { row } = at(c.state);
    const computed = [0, 1, 2][compare(row('none').ap!, row('weights').ap!, 0.01)];
    expectVerdict(c, ['It hardly', 'It rises', 'It falls'], computed);
  });

  it('Tomek links: the balance hardly changes', () => {
    const c = byId['tomek-balance'];
    const { f, row } = at(c.state);
    const [maj, min] = classCounts(f.split.train.y);
    const [maj2, min2] = row('tomek').train;
    expect(min2).toBe(min); // only majority points go
    const share = (maj - maj2) / maj;
    const computed = min2 > maj2 ? 2 : maj2 === min2 ? 1 : share < 0.05 ? 0 : -1;
    expectVerdict(c, ['Hardly at', 'It becomes', 'The minority'], computed);
    expect(share).toBeGreaterThan(0.01); // "a few percent", not none
    expect(c.state.overlap!).toBeGreaterThan(defaults(schema).overlap); // "overlapping more"
  });

  it('the whys and follow-ups quote no number', () => {
    const texts = [...interview.checks.flatMap((c) => [c.why, ...c.options]), ...interview.followUps.flatMap((f) => [f.question, f.answer])];
    expect(quotedNumbers(texts.join(' '))).toEqual([]);
    for (const c of interview.checks) expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
    expect(quotedNumbers(byId['weights-ap'].question + byId['tomek-balance'].question)).toEqual([]);
  });
});
