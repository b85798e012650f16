/**
 * Interview mode (issue 15): each check's stated answer is what the panel's own model shows at the
 * check's state (createFrameComputer, what the worker runs, with the schema defaults plus the
 * state, as a link opens it); each "show me" state shows its claim; the texts quote no number that
 * is not checked. All float64 JS, the same on every machine.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { createFrameComputer, frameInput, type Frame } from './compute';
import { classRound } from './model';
import { schema, type BBParams } from './params';
import { interview } from './interview';
import type { Check } from '../../lib/panel/types';

const computer = createFrameComputer(16);
const full = (over: Partial<BBParams>): BBParams => ({ ...defaults(schema), ...over });
const at = (over: Partial<BBParams>): Frame => computer.frame(frameInput(full(over)));
const argmin = (a: Float64Array) => a.indexOf(Math.min(...a));
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

describe('bagging-boosting interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, each a valid state', () => {
    const n = words.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
    expect(quotedNumbers(words)).toEqual([]);
  });

  it('each "show me" state shows its claim', () => {
    const [deep, same, stumps, noisy, fast] = links;
    // The average of bootstrap trees errs far less on test points than one tree.
    const d = at(deep.params).cls;
    expect(full(deep.params).depth).toBeGreaterThan(1);
    expect(d.bagTest[199]).toBeLessThan(0.75 * d.bagTest[0]);
    // Without bootstrap samples the bagging curves are flat: one tree, copied.
    const s = at(same.params).cls;
    expect(new Set(s.bagTrain).size).toBe(1);
    expect(new Set(s.bagTest).size).toBe(1);
    // Stumps: bagging keeps the single stump's training error, AdaBoost drives it near zero.
    const b = at(stumps.params).cls;
    expect(full(stumps.params).depth).toBe(1);
    expect(Math.abs(b.bagTrain[199] - b.bagTrain[0])).toBeLessThan(0.05);
    expect(b.adaTrain[199]).toBeLessThan(0.03);
    // Noisy: AdaBoost's test error turns up while its training error keeps falling.
    const nz = at(noisy.params).cls;
    const best = argmin(nz.adaTest);
    expect(nz.adaTest[199]).toBeGreaterThan(nz.adaTest[best] + 0.02);
    expect(nz.adaTrain[199]).toBeLessThan(nz.adaTrain[best]);
    // ν = 1: the test MSE is lowest within a few trees and ends clearly higher.
    const g = at(fast.params).reg;
    expect(argmin(g.testMse)).toBeLessThan(5);
    expect(g.testMse[199]).toBeGreaterThan(1.5 * Math.min(...g.testMse));
  });

  it('bagged stumps: the training error barely moves', () => {
    const c = byId['bagged-stumps'];
    const p = full(c.state);
    const { cls } = at(c.state);
    const [one, many] = [cls.bagTrain[0], cls.bagTrain[p.round - 1]];
    const computed = many < 0.03 ? 1 : many > one + 0.05 ? 2 : Math.abs(many - one) < 0.05 ? 0 : -1;
    expectVerdict(c, ['It barely', 'It falls', 'It rises'], computed);
    // "Near copies ... much the same boundary": the average's class agrees with the first stump's on
    // nearly all of the boundary grid.
    const fit = computer.classFit(frameInput(p));
    const first = classRound(fit, 1).bag.treeGrid;
    const avg = classRound(fit, p.round).bag.grid;
    let same = 0;
    for (let i = 0; i < avg.length; i++) if (avg[i] >= 0.5 === first[i] >= 0.5) same++;
    expect(same / avg.length).toBeGreaterThan(0.9);
    expect(p.depth).toBe(1);
    expectQuoted(c.question, { '200': p.round });
  });

  it('XOR with stumps: AdaBoost stays near chance', () => {
    const c = byId['xor-stumps'];
    const p = full(c.state);
    const end = at(c.state).cls.adaTest[p.round - 1];
    const computed = end > 0.35 ? 0 : end < 0.05 ? 1 : 2;
    expectVerdict(c, ['Near chance', 'Close to', 'In between:'], computed);
    // "Trees of depth 2 ... then boosting succeeds."
    expect(at({ ...c.state, depth: 2 }).cls.adaTest[p.round - 1]).toBeLessThan(0.2);
    expect(p.depth).toBe(1);
    expectQuoted(c.question, { '200': p.round });
    expectQuoted(c.why, { '2': 'setting' });
  });

  it('noise 0.5: AdaBoost’s test error bottoms out early, then rises', () => {
    const c = byId['ada-noise'];
    const p = full(c.state);
    const { adaTest, adaTrain } = at(c.state).cls;
    const best = argmin(adaTest);
    const end = adaTest[p.round - 1];
    const computed = Math.min(...adaTest) >= adaTest[0] ? 2 : best < p.round / 4 && end > adaTest[best] + 0.02 ? 0 : end <= adaTest[best] + 0.005 ? 1 : -1;
    expectVerdict(c, ['It reaches', 'It keeps', 'It never'], computed);
    expect(adaTrain[p.round - 1]).toBeLessThan(adaTrain[best]); // "training error keeps falling"
    expectQuoted(c.question, { '0.5': p.noise, '200': p.round });
  });

  it('no bootstrap: every tree is the same', () => {
    const c = byId['no-bootstrap'];
    const { cls } = at(c.state);
    const flat = new Set(cls.bagTrain).size === 1 && new Set(cls.bagTest).size === 1;
    const withBootstrap = at({ ...c.state, bootstrap: true }).cls;
    const computed = flat ? 0 : withBootstrap.bagTest[49] < withBootstrap.bagTest[0] ? 1 : 2;
    expectVerdict(c, ['Nothing: every', 'It still', 'It lowers'], computed);
  });

  it('ν = 1 with depth-3 trees: the test MSE is lowest after the first tree', () => {
    const c = byId['gb-shrinkage'];
    const p = full(c.state);
    const { testMse } = at(c.state).reg;
    const best = argmin(testMse);
    const computed = best === 0 ? 0 : best === p.round - 1 ? 2 : Math.abs(best + 1 - p.round / 2) < p.round / 4 ? 1 : -1;
    expectVerdict(c, ['After the', 'After about', 'At the'], computed);
    // "A small ν with more trees ... ends lower": ν = 0.05's best is below ν = 1's.
    expect(Math.min(...at({ ...c.state, lr: 0.05 }).reg.testMse)).toBeLessThan(testMse[best]);
    expectQuoted(c.question, { '3': p.depth, '1': p.lr });
    expectQuoted(c.why, { '1': p.lr });
  });

  it('the other texts quote only checked numbers', () => {
    const rest = interview.checks.filter((c) => !['xor-stumps', 'gb-shrinkage'].includes(c.id)).map((c) => c.why);
    expect(quotedNumbers([...rest, ...interview.checks.flatMap((c) => c.options)].join(' '))).toEqual([]);
    expect(quotedNumbers(byId['no-bootstrap'].question)).toEqual([]);
    const [variance, ...others] = interview.followUps;
    expectQuoted(variance.answer, { '1': 'setting' }); // (1 − ρ): part of the formula
    expect(quotedNumbers(others.map((f) => `${f.question} ${f.answer}`).join(' ') + variance.question)).toEqual([]);
    for (const c of interview.checks) expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
  });
});
