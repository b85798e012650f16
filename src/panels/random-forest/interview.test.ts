/**
 * Interview mode (issue 15): every check's stated answer is what the forest computes at the
 * check's state, every "show me" state shows what its words claim, and the texts quote no number
 * that is not checked. States open as a link opens them (schema defaults plus the state) and are
 * grown by computeForest, the run the panel's worker does (float64 JS, seeded).
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import type { ShowMe } from '../../lib/panel/types';
import { computeForest, type ForestView } from './model';
import { schema, type ForestParams } from './params';
import { interview } from './interview';

const D = defaults(schema);
const stateOf = (over: Partial<ForestParams>): ForestParams => ({ ...D, ...over });
// Several texts open the same state: grow each forest once.
const grown = new Map<string, ForestView>();
const at = (over: Partial<ForestParams>): ForestView => {
  const key = JSON.stringify(stateOf(over));
  if (!grown.has(key)) grown.set(key, computeForest(stateOf(over)));
  return grown.get(key)!;
};
const scores = (over: Partial<ForestParams>) => at(over).scores!;
const last = (v: Float64Array) => v[v.length - 1];
const mean = (v: ArrayLike<number>) => Array.from(v).reduce((a, x) => a + x, 0) / v.length;
const sum = (v: ArrayLike<number>) => Array.from(v).reduce((a, x) => a + x, 0);
/** Share of impurity and of (positive) permutation importance on the noise columns (2 onwards). */
function noiseShares(over: Partial<ForestParams>) {
  const s = scores(over);
  const pos = Array.from(s.permMean!, (x) => Math.max(0, x));
  return { impurity: sum(s.impurity.slice(2)) / sum(s.impurity), permutation: sum(pos.slice(2)) / sum(pos) };
}
/** Whether the forest's trees are one tree: same test error and the same boundary on the grid. */
function allSame(v: ForestView) {
  const s = v.scores!;
  const grids = v.multiples.map((m) => m.grid);
  return s.treeErrors.every((e) => e === s.treeErrors[0]) && grids.every((g) => g.every((x, i) => x === grids[0][i]));
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const text = interview.answer.map((para) => para.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const links = interview.answer.flat().filter((x): x is ShowMe<typeof schema> => typeof x !== 'string');
const link = (words: string) => {
  const l = links.find((x) => x.text === words);
  if (!l) throw new Error(`no show-me link "${words}"`);
  return l.params;
};
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));

describe('random-forest interview', () => {
  it('the answer is 120–250 words with at least two "show me" links; its only number is the 1 of 1 − ρ', () => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(text)).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expectQuoted(text, { '1': 'setting' });
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
  });

  it('each "show me" state shows its claim', () => {
    const f = scores(link('the forest errs less than its trees'));
    expect(last(f.testError)).toBeLessThan(mean(f.treeErrors) - 0.03);
    expect(allSame(at(link('without it every tree is the same')))).toBe(true);
    expect(allSame(at(link('the error levels off instead of overfitting')))).toBe(false); // with it they differ
    // More trees: the curve falls, and over its second half stays within 0.02 of its lowest value.
    const curve = Array.from(scores(link('the error levels off instead of overfitting')).testError);
    const half = curve.slice(curve.length >> 1);
    expect(curve[0] - last(Float64Array.from(curve))).toBeGreaterThan(0.05);
    expect(Math.max(...half) - Math.min(...curve)).toBeLessThanOrEqual(0.02);
    // Stumps on XOR: at chance, within 0.05 of a half.
    expect(Math.abs(last(scores(link('stumps on XOR')).testError) - 0.5)).toBeLessThan(0.05);
    // Out-of-bag error: defined for every training point, within 0.06 of the error on fresh points.
    const o = scores(link('out-of-bag error'));
    expect(last(o.oobCoverage)).toBe(1);
    expect(Math.abs(last(o.oobError) - last(o.testError))).toBeLessThan(0.06);
    // Noise columns: at least half the impurity importance.
    expect(noiseShares(link('noise columns take a large share of it')).impurity).toBeGreaterThan(0.5);
  });

  it('each check has options, a valid answer and a state; its numbers are the settings of its state', () => {
    expect(interview.checks.length).toBeGreaterThanOrEqual(3);
    for (const c of interview.checks) {
      expect(c.options.length).toBeGreaterThanOrEqual(2);
      expect(c.answer).toBeGreaterThanOrEqual(0);
      expect(c.answer).toBeLessThan(c.options.length);
      expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
    }
    const [vs, more, noise, stumps, none] = interview.checks;
    expectQuoted(vs.question, { '0.35': vs.state.jitter!, '200': vs.state.trees! });
    expectQuoted(vs.options.join(' '), { '200': vs.state.trees! });
    expect(stateOf(vs.state).depth).toBe(schema.depth.max); // "fully grown": no depth limit
    expectQuoted(more.question, { '1': schema.trees.min, '200': more.state.trees! });
    expectQuoted(noise.question, { '10': noise.state.noise! });
    expect(noise.state.features).toBe('1'); // "one random feature"
    expectQuoted(stumps.question, { '200': stumps.state.trees!, '1': stumps.state.depth! });
    expectQuoted(none.question, { '100': stateOf(none.state).trees });
    for (const c of [more, noise, stumps, none]) expect(quotedNumbers(c.options.join(' '))).toEqual([]);
    expect(quotedNumbers(interview.checks.map((c) => c.why).join(' '))).toEqual([]);
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
  });

  it('200 trees against one: the forest errs clearly less', () => {
    const c = byId['forest-vs-tree'];
    const s = scores(c.state);
    const d = last(s.testError) - mean(s.treeErrors);
    const computed = d < -0.02 ? 0 : d > 0.02 ? 2 : 1;
    expect(computed).toBe(c.answer);
  });

  it('1 to 200 trees: the test error falls, then levels off', () => {
    const c = byId['more-trees'];
    const curve = Array.from(scores(c.state).testError);
    const low = Math.min(...curve), end = curve[curve.length - 1];
    const half = curve.slice(curve.length >> 1);
    const falls = curve[0] - end > 0.03;
    const flat = Math.max(...half) - Math.min(...half) <= 0.02;
    const computed = !falls ? -1 : end - low > 0.03 ? 1 : flat ? 0 : 2;
    expect(computed).toBe(c.answer);
  });

  it('noise columns: impurity importance credits them, permutation importance does not', () => {
    const c = byId['impurity-noise'];
    const { impurity, permutation } = noiseShares(c.state);
    const computed = impurity > 0.3 && permutation < 0.1 ? 0 : permutation > 0.3 && impurity < 0.1 ? 1 : impurity < 0.1 && permutation < 0.1 ? 2 : -1;
    expect(computed).toBe(c.answer);
  });

  it('stumps on XOR: the average is a coin flip', () => {
    const c = byId['stumps-xor'];
    const s = scores(c.state);
    const err = last(s.testError);
    const computed = err < 0.1 ? 2 : err < mean(s.treeErrors) - 0.1 ? 1 : Math.abs(err - 0.5) < 0.05 ? 0 : -1;
    expect(computed).toBe(c.answer);
  });

  it('no bootstrap, all features: every tree is the same', () => {
    const c = byId['no-randomness'];
    const v = at(c.state);
    const sd = (x: Float64Array) => Math.sqrt(mean(Array.from(x, (e) => (e - mean(x)) ** 2)));
    const computed = allSame(v) ? 0 : sd(v.scores!.treeErrors) < sd(scores({ trees: 200 }).treeErrors) / 2 ? 1 : 2;
    expect(computed).toBe(c.answer);
  });
});
