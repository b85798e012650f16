/**
 * Interview mode (issue 15): every check's stated answer is what the model computes at the check's
 * state, every "show me" state shows what its words claim, and the texts quote no number that is
 * not checked. The states are opened as a link opens them (defaults plus the state), computed by
 * the float64 solver the default link uses.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { computeBiasVariance } from './model';
import { schema, type BiasVarianceParams } from './params';
import { interview } from './interview';

const at = async (over: Partial<BiasVarianceParams>) => {
  const p: BiasVarianceParams = { ...defaults(schema), ...over };
  return (await computeBiasVariance(p, { engine: 'float64', design: p.design })).current;
};
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const text = interview.answer.map((para) => para.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');

describe('bias-variance interview', () => {
  it('the answer is 120–250 words with at least two "show me" links', () => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(text)).toBeLessThanOrEqual(250);
    expect(interview.answer.flat().filter((x) => typeof x !== 'string').length).toBeGreaterThanOrEqual(2);
  });

  it('each "show me" state shows its claim', async () => {
    const base = await at({});
    const line = await at({ degree: 1 });
    expect(line.bias2).toBeGreaterThan(line.variance + line.noise); // a line misses the sine
    const flexible = await at({ degree: 12 });
    expect(flexible.variance).toBeGreaterThan(10 * base.variance); // degree 12 swings
    const more = await at({ degree: 12, n: 200 });
    expect(more.variance).toBeLessThan(flexible.variance / 10); // more data
    const ridge = await at({ degree: 12, useRidge: true, lambda: 1 });
    expect(ridge.variance).toBeLessThan(flexible.variance / 10); // regularisation
    const noisy = await at({ degree: 3, noise: 0.6 });
    expect(noisy.testMse).toBeGreaterThanOrEqual(noisy.noise); // the floor
    expect(noisy.noise).toBeCloseTo(0.36, 10);
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
    const [d15, more, line, cubic] = interview.checks;
    expectQuoted(d15.question, { '20': defaults(schema).n, '3': defaults(schema).degree, '15': d15.state.degree! });
    expectQuoted(more.question, { '12': more.state.degree!, '200': more.state.n!, '20': defaults(schema).n });
    expectQuoted(line.question, { '1': line.state.degree! });
    expectQuoted(cubic.question, {});
    expect(cubic.state).toEqual({ degree: 3, noise: 0 });
  });

  const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
  it('degree 15: variance rises sharply', async () => {
    const c = byId['degree-15-variance'];
    const low = await at({});
    const high = await at(c.state);
    const computed = high.variance > 10 * low.variance ? 0 : high.variance < low.variance / 1.5 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
  it('200 points: variance falls a lot', async () => {
    const c = byId['more-data'];
    const few = await at({ degree: 12 });
    const many = await at(c.state);
    const computed = many.variance < few.variance / 10 ? 0 : many.variance > few.variance ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
  it('a line on a sine: bias² dominates', async () => {
    const c = byId['line-dominant-term'];
    const r = await at(c.state);
    const terms = [r.bias2, r.variance, r.noise];
    expect(c.options[terms.indexOf(Math.max(...terms))]).toBe(c.options[c.answer]);
  });
  it('no noise, a cubic: the error is not zero and is mostly bias²', async () => {
    const c = byId['no-noise-cubic'];
    const r = await at(c.state);
    expect(r.noise).toBe(0);
    const computed = r.testMse < 1e-9 ? 1 : r.bias2 > r.variance ? 0 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
});
