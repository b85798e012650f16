/**
 * Interview mode (issue 15): every check's stated answer is what the model computes at the check's
 * state, every "show me" state shows what its words claim, and the texts quote no number that is
 * not checked. States open as a link opens them (schema defaults plus the state) and run through
 * runRegularization, the path the worker computes and the solution at λ the page computes.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import type { ShowMe } from '../../lib/panel/types';
import { runRegularization } from './compute';
import { LAMBDA_MAX, LAMBDA_MIN, schema, type RegParams } from './params';
import { interview } from './interview';

const D = defaults(schema);
const at = (over: Partial<RegParams>) => runRegularization({ ...D, ...over });
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const text = interview.answer.map((para) => para.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const links = interview.answer.flat().filter((x): x is ShowMe<typeof schema> => typeof x !== 'string');
const link = (words: string) => {
  const l = links.find((x) => x.text === words);
  if (!l) throw new Error(`no show-me link "${words}"`);
  return l.params;
};
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
const nonZero = (ws: number[]) => ws.filter((w) => w !== 0).length;

describe('regularization interview', () => {
  it('the answer is 120–250 words, quotes no number, and has at least two "show me" links', () => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(text)).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(quotedNumbers(text)).toEqual([]);
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
  });

  it('each "show me" state shows its claim', () => {
    // A middle λ lowers the test error below both ends of the path.
    const mid = at(link('lowers the test error'));
    const { test } = mid.path;
    expect(mid.at.test).toBeLessThan(Math.min(test[0], test[test.length - 1]));
    // Too much: every weight exactly zero, the intercept is the mean of y.
    const big = at(link('sets every weight to zero'));
    expect(big.at.nonZero).toBe(0);
    const y = big.path.problem.y;
    expect(big.at.b).toBeCloseTo(y.reduce((a, v) => a + v, 0) / y.length, 10);
    // Ridge: smaller weights than with almost no penalty, none zero anywhere on the path.
    const ridgeP = link('shrinks all weights but sets none to zero');
    const ridge = at(ridgeP);
    expect(ridge.at.l2Norm).toBeLessThan(at({ ...ridgeP, lambda: LAMBDA_MIN }).at.l2Norm);
    expect(Math.min(...ridge.path.nonZero)).toBe(D.p);
    // Lasso: many (here at least a third) exactly zero, some kept.
    const lasso = at(link('sets many weights exactly to zero'));
    expect(lasso.at.nonZero).toBeGreaterThan(0);
    expect(D.p - lasso.at.nonZero).toBeGreaterThanOrEqual(D.p / 3);
    // Correlated block: the lasso keeps one copy, the elastic net all of them, similar in size.
    expect(nonZero(at(link('keeps one of the group')).at.blockWeights)).toBe(1);
    const en = at(link('keeps the group together')).at.blockWeights;
    expect(nonZero(en)).toBe(en.length);
    expect(Math.max(...en) / Math.min(...en)).toBeLessThan(1.5);
    // More features than samples, few matter: the lasso's best error is far below ridge's.
    const wideP = link('more features than samples');
    const wide = at(wideP);
    expect(wideP.p!).toBeGreaterThan(wideP.n!);
    expect(wide.path.best.test * 5).toBeLessThan(at({ ...wideP, penalty: 'l2' }).path.best.test);
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

  it('the numbers in the questions and options are the settings of their states', () => {
    const [ridge, copies, wide, u] = interview.checks;
    expectQuoted(ridge.question, { '1': ridge.state.lambda!, '20': D.p, '5': D.k });
    expectQuoted(ridge.options.join(' '), { '15': D.p - D.k, '20': D.p });
    expectQuoted(copies.question, { '0.99': copies.state.rho!, '1': copies.state.lambda! });
    expect(Math.min(copies.state.k!, copies.state.p!)).toBeGreaterThanOrEqual(3); // all three copies matter
    expectQuoted(wide.question, { '60': wide.state.p!, '20': wide.state.n!, '5': D.k });
    expectQuoted(u.question, { '10⁻⁴': LAMBDA_MIN, '100': LAMBDA_MAX });
    expect(quotedNumbers([copies, wide, u].flatMap((c) => c.options).join(' '))).toEqual([]);
  });

  it('ridge: no weight is exactly zero', () => {
    const c = byId['ridge-zeros'];
    const r = at(c.state);
    const zeros = D.p - r.at.nonZero;
    const computed = zeros === 0 ? 0 : zeros === D.p ? 2 : 1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('near copies: the lasso keeps one', () => {
    const c = byId['lasso-copies'];
    const ws = at(c.state).at.blockWeights;
    const kept = nonZero(ws);
    const computed = kept === 1 ? 0 : kept === ws.length && Math.max(...ws) / Math.min(...ws) < 1.5 ? 1 : kept === 0 ? 2 : -1;
    expect(computed).toBe(c.answer);
  });

  it('more features than samples, sparse truth: the lasso wins', () => {
    const c = byId['wide-sparse'];
    const l1 = at({ ...c.state, penalty: 'l1' }).path.best.test;
    const l2 = at({ ...c.state, penalty: 'l2' }).path.best.test;
    const computed = Math.max(l1, l2) / Math.min(l1, l2) < 1.5 ? 2 : l1 < l2 ? 0 : 1;
    expect(computed).toBe(c.answer);
  });

  it('test error against λ: falls, then rises, with the state at the best λ', () => {
    const c = byId['lambda-u'];
    const r = at(c.state);
    const t = r.path.test;
    const best = Math.min(...t);
    const bi = t.indexOf(best);
    // Both ends clearly worse than the best means "falls, then rises".
    const computed = t[0] > 1.1 * best && t[t.length - 1] > 1.1 * best ? 0 : bi === t.length - 1 ? 1 : bi === 0 ? 2 : -1;
    expect(computed).toBe(c.answer);
    // The state's λ is the best one of the path, within one grid step.
    expect(Math.abs(Math.log10(c.state.lambda! / r.path.best.lambda))).toBeLessThanOrEqual(0.1 + 1e-9);
  });
});
