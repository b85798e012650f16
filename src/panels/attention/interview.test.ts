/**
 * Interview mode (issue 15): each check's stated answer is what the panel's own model shows at the
 * check's state (computeMechanics, the page's float64 mechanics, with the schema defaults plus the
 * state as a link opens it; the trained state by the worker's TrainingRun on the CPU backend, one
 * seeded run of 100 steps shared by the show-me link and the check); each "show me" state shows
 * its claim; the texts quote no number that is not checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { useCpuBackend } from '../../lib/tf/testing';
import * as tf from '../../lib/tf/tf';
import { computeMechanics } from './model';
import { EXAMPLES, schema, type AttentionParams } from './params';
import { TrainingRun, trainConfig, type TrainedView } from './run';
import { sourcePosition } from './task';
import { interview } from './interview';
import type { Check } from '../../lib/panel/types';

const full = (over: Partial<AttentionParams>): AttentionParams => ({ ...defaults(schema), ...over });
/** The mechanics the page computes for a state (MechanicsView's input). */
const at = (over: Partial<AttentionParams>) => {
  const p = full(over);
  return computeMechanics({ ...p, text: p.sentence === 'custom' ? p.text : EXAMPLES[p.sentence] });
};
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
const meanRowMax = (w: number[][]) => w.reduce((s, r) => s + Math.max(...r), 0) / w.length;

/** The trained mode at `step`, as the worker computes it (one run, released after the file). */
let run: TrainingRun | null = null;
let baseline = 0;
function trained(over: Partial<AttentionParams>): TrainedView {
  const p = full(over);
  run ??= new TrainingRun(trainConfig(p));
  run.advance(p.step);
  return run.view(p.sample);
}
beforeAll(async () => {
  await useCpuBackend();
  baseline = tf.memory().numTensors;
});
afterAll(() => {
  run?.dispose();
  expect(tf.memory().numTensors).toBe(baseline);
});

describe('attention interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, each a valid state', () => {
    const n = words.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
    expect(quotedNumbers(words)).toEqual([]);
  });

  it('each "show me" state shows its claim', () => {
    const [oneHot, repeat, causal, reverse] = links;
    // Unscaled at d_k = 128: rows nearly one-hot, far below the scaled entropy.
    const u = at(oneHot.params);
    expect(meanRowMax(u.weights)).toBeGreaterThan(0.8);
    expect(u.meanEntropy).toBeLessThan(u.meanEntropyOther / 3);
    // Repeated words without positions: every "dog" row is the same row; with positions they differ.
    const r = at(repeat.params);
    const dogs = r.tokens.flatMap((t, i) => (t === 'dog' ? [i] : []));
    expect(dogs.length).toBeGreaterThan(1);
    for (const i of dogs) expect(r.weights[i]).toEqual(r.weights[dogs[0]]);
    const withPos = at({ ...repeat.params, positions: true });
    expect(withPos.weights[dogs[1]]).not.toEqual(withPos.weights[dogs[0]]);
    // Causal: nothing above the diagonal.
    const c = at(causal.params);
    expect(c.maskedMax).toBe(0);
    c.weights.forEach((row, i) => row.forEach((w, j) => j > i && expect(w).toBe(0)));
    // Trained to reverse: most attention lands on the input each output needs.
    const v = trained(reverse.params);
    expect(full(reverse.params).task).toBe('reverse');
    expect(v.eval.targetMass).toBeGreaterThan(0.8);
  }, 60_000);

  it('unscaled, d_k = 128: the rows are nearly one-hot', () => {
    const c = byId['unscaled-wide'];
    const m = at(c.state);
    const computed = meanRowMax(m.weights) > 0.8 && m.meanEntropy < m.meanEntropyOther / 3
      ? 0
      : m.meanEntropy > 0.9 * m.curve.max ? 1 : 2;
    expectVerdict(c, ['Nearly one-hot:', 'Nearly uniform:', 'Much the'], computed);
    expectQuoted(c.question, { '128': c.state.dk! });
    // "a standard deviation near √d_k": the unscaled scores' spread is within a factor 1.5 of √128.
    expect(m.scoreStd / Math.sqrt(c.state.dk!)).toBeGreaterThan(1 / 1.5);
    expect(m.scoreStd / Math.sqrt(c.state.dk!)).toBeLessThan(1.5);
  });

  it('causal: the first token puts all its weight on itself', () => {
    const c = byId['causal-first-token'];
    const w0 = at(c.state).weights[0][0];
    const n = at(c.state).n;
    const computed = w0 === 1 ? 0 : w0 === 0 ? 2 : Math.abs(w0 - 1 / n) < 0.5 / n ? 1 : -1;
    expectVerdict(c, ['All of', 'About the', 'None: a'], computed);
  });

  it('repeated words without positions: the dog rows are identical', () => {
    const c = byId['repeat-no-positions'];
    const m = at(c.state);
    const dogs = m.tokens.flatMap((t, i) => (t === 'dog' ? [i] : []));
    expect(dogs.length).toBe(5); // "the five dog queries"
    const diff = Math.max(...dogs.map((i) => Math.max(...m.weights[i].map((w, j) => Math.abs(w - m.weights[dogs[0]][j])))));
    // "Each dog attends most to its neighbours": the row's largest weight on an adjacent key.
    const neighbours = dogs.every((i) => {
      const best = m.weights[i].indexOf(Math.max(...m.weights[i]));
      return Math.abs(best - i) === 1;
    });
    const computed = diff === 0 ? 0 : neighbours ? 1 : diff < 0.05 ? 2 : -1;
    expectVerdict(c, ['No: they', 'Yes: each', 'Yes, but'], computed);
  });

  it('scaled: the mean entropy stays roughly level from d_k = 1 to 128', () => {
    const c = byId['scaled-width'];
    const { curve } = at(c.state);
    expect(curve.dks[0]).toBe(1);
    expect(curve.dks[curve.dks.length - 1]).toBe(c.state.dk);
    const first = curve.scaled[0], last = curve.scaled[curve.scaled.length - 1];
    const lo = Math.min(...curve.scaled), hi = Math.max(...curve.scaled);
    const computed = hi - lo < 0.2 * first ? 0 : last < 0.3 * first ? 1 : last > 0.9 * curve.max ? 2 : -1;
    expectVerdict(c, ['It stays', 'It falls', 'It climbs'], computed);
    // The unscaled curve, by contrast, falls by more than half: the check is not trivially true.
    expect(curve.unscaled[curve.unscaled.length - 1]).toBeLessThan(curve.unscaled[0] / 2);
    expectQuoted(c.question, { '1': curve.dks[0], '128': c.state.dk! });
    // "keeps the spread of the scores about the same at every width": scaled spreads at d_k = 1, 16, 128.
    const spreads = [1, 16, c.state.dk!].map((dk) => at({ dk }).scoreStd);
    expect(Math.max(...spreads) / Math.min(...spreads)).toBeLessThan(1.5);
  });

  it('trained to reverse: the first output attends most to the last input', () => {
    const c = byId['reverse-first-output'];
    const p = full(c.state);
    const v = trained(c.state);
    const row = v.sample.weights[0];
    const L = row.length;
    expect(L).toBe(p.length);
    expect(sourcePosition(p.task, 0, L)).toBe(L - 1);
    const best = row.indexOf(Math.max(...row));
    const computed = Math.max(...row) < 2 / L ? 2 : best === L - 1 ? 0 : best === 0 ? 1 : -1;
    expectVerdict(c, ['The last', 'The first', 'All inputs'], computed);
    // "six digits" is the default sequence length.
    expect(p.length).toBe(6);
    expectQuoted(c.why, { '1': 'setting' }); // L − 1 − i
  }, 60_000);

  it('the other texts quote no number', () => {
    const rest = interview.checks.filter((c) => c.id !== 'reverse-first-output').map((c) => c.why);
    expect(quotedNumbers(rest.join(' '))).toEqual([]);
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
    for (const c of interview.checks.filter((x) => !['unscaled-wide', 'scaled-width'].includes(x.id)))
      expect(quotedNumbers(c.question)).toEqual([]);
  });
});
