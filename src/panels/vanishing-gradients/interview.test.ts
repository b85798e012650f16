/**
 * Interview mode (issue 15): each check's stated answer is what the panel's own networks show at
 * the check's state (a Session, what the worker trains, viewed with snapshot(), the readout's
 * source; the schema defaults plus the state, as a link opens it, with the network alone since a
 * compared preset trains apart from it); each "show me" state shows its claim; the texts quote no
 * number that is not checked. Most states are at step 0 (initialisation) to keep the file short;
 * two train for the default 50 steps, on the CPU backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { useCpuBackend } from '../../lib/tf/testing';
import * as tf from '../../lib/tf/tf';
import { schema, type VGParams } from './params';
import { initStd, makeTask } from './setup';
import { STALL_NORM, VANISH_RATIO } from './stats';
import { Session } from './train';
import { snapshot, type RunView } from './view';
import { interview } from './interview';
import type { Check } from '../../lib/panel/types';

const full = (over: Partial<VGParams>): VGParams => ({ ...defaults(schema), ...over });
/** The learner's network at a state, as the readout shows it (sessions cached per state). */
const sessions = new Map<string, Session>();
function at(over: Partial<VGParams>): RunView {
  const p: VGParams = { ...full(over), compare: [] };
  const key = JSON.stringify(p);
  let s = sessions.get(key);
  if (!s) sessions.set(key, (s = new Session(p)));
  s.work(p.step, Infinity);
  return snapshot(s, p).runs[0];
}
/** What the readout calls the network at step 0: 0 vanishing, 1 exploding, 2 neither. */
const initState = (r: RunView) => (r.initVerdict!.vanishing ? 0 : r.initVerdict!.exploding ? 1 : 2);
const meanFlat = (r: RunView) => r.rec!.flat.reduce((a, b) => a + b, 0) / r.rec!.flat.length;
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
const sigmoidSlope0 = 0.25, tanhSlope0 = 1; // σ'(0) = σ(0)(1 − σ(0)); tanh'(0) = 1 − tanh²(0)
const targetVariance = (p: VGParams) => {
  const t = makeTask(p.task, p.seed).t;
  const m = t.reduce((a, b) => a + b, 0) / t.length;
  return t.reduce((a, b) => a + (b - m) ** 2, 0) / t.length;
};

let baseline = 0;
beforeAll(async () => {
  await useCpuBackend();
  baseline = tf.memory().numTensors;
});
afterAll(() => {
  // Sessions keep their weights as plain arrays: every tensor of the training steps is freed.
  expect(tf.memory().numTensors).toBe(baseline);
});

describe('vanishing-gradients interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, each a valid state', () => {
    const n = words.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
    expect(quotedNumbers(words)).toEqual([]);
    // The first link changes what the default page shows.
    expect(links[0].params).not.toEqual({});
  });

  it('each "show me" state shows its claim', () => {
    const [vanish, stall, explode, he, bn, residual, clip] = links;
    const v = at(vanish.params);
    expect(v.initVerdict!.ratio).toBeLessThan(VANISH_RATIO); // orders of magnitude less
    const s = at(stall.params);
    expect(Math.abs(s.rec!.loss - targetVariance(full(stall.params)))).toBeLessThan(0.01);
    const e = at(explode.params);
    expect(initState(e)).toBe(1);
    const h = at(he.params);
    expect(initState(h)).toBe(2);
    const b = at(bn.params);
    expect(initState(b)).toBe(2);
    expect(Math.max(...b.rec!.flat)).toBe(0); // out of the flat tails
    const r = at(residual.params);
    expect(initState(r)).toBe(2);
    expect(r.initVerdict!.ratio).toBeGreaterThan(100 * v.initVerdict!.ratio);
    // Clipping: training no longer diverges, but the gradients are still exploding.
    const c = at(clip.params);
    const unclipped = at({ ...clip.params, clip: false });
    expect(unclipped.divergedAt).not.toBeNull();
    expect(c.divergedAt).toBeNull();
    expect(c.verdict!.exploding).toBe(true);
  }, 30_000);

  it('Xavier with the sigmoid: still vanishing, even more than naive', () => {
    const c = byId['xavier-sigmoid'];
    const r = at(c.state);
    expectVerdict(c, ['Yes, it', 'No: it', 'No: every'], initState(r));
    expect(r.initVerdict!.ratio).toBeLessThan(at({ step: 0 }).initVerdict!.ratio); // "even less"
    // "several-fold" per layer: the ratio spread over the depth − 1 layers in between.
    const perLayer = r.initVerdict!.ratio ** (-1 / (full(c.state).depth - 1));
    expect(perLayer).toBeGreaterThan(2);
    expect(perLayer).toBeLessThan(10);
    expect(initStd('xavier', 1, 16, 16)).toBeCloseTo(Math.sqrt(1 / 16), 12);
    expect(sigmoidSlope0).toBe(1 / (1 + Math.exp(0)) * (1 - 1 / (1 + Math.exp(0))));
  });

  it('tanh with naive weights: the gradient grows on the way back', () => {
    const c = byId['tanh-naive'];
    const r = at(c.state);
    const computed = r.initVerdict!.exploding && r.initVerdict!.ratio > 1 ? 0 : r.initVerdict!.vanishing ? 1 : 2;
    expectVerdict(c, ['It grows:', 'It still', 'It stays'], computed);
    expect(meanFlat(r)).toBeGreaterThan(0.2); // there are saturated units
    expect(tanhSlope0 / sigmoidSlope0).toBe(4); // "four times the sigmoid's"
    expect(tanhSlope0).toBe(1 - Math.tanh(0) ** 2);
  });

  it('ReLU with He: the first layer is within a small factor of the last', () => {
    const c = byId['relu-he'];
    const ratio = at(c.state).initVerdict!.ratio;
    const computed = ratio > 0.1 && ratio < 10 ? 0 : ratio < 1e-3 ? 1 : ratio > 1e3 ? 2 : -1;
    expectVerdict(c, ['Within a', 'Thousands of times smaller', 'Thousands of times larger'], computed);
    expect(initStd('he', 1, 16, 16) ** 2).toBeCloseTo(2 / 16, 12); // "variance two over the fan-in"
    const off = meanFlat(at(c.state));
    expect(Math.abs(off - 0.5)).toBeLessThan(0.1); // "about half its units" off
  });

  it('the sigmoid stalls at the variance of the targets: it predicts the mean', () => {
    const c = byId['sigmoid-stall'];
    const p = full(c.state);
    const r = at(c.state);
    expect(p.optimizer).toBe('sgd');
    const computed = Math.abs(r.rec!.loss - targetVariance(p)) < 0.01 ? 0 : r.rec!.loss > 0.9 * r.init!.loss ? 2 : 1;
    expectVerdict(c, ['Only to', 'The surface,', 'Nothing: the'], computed);
    // "its loss stops falling" and "every layer's gradient is tiny".
    const tail = r.losses.slice(-10);
    expect(Math.max(...tail) - Math.min(...tail)).toBeLessThan(0.001);
    expect(r.verdict!.maxNorm).toBeLessThan(STALL_NORM);
  }, 30_000);

  it('the checks and follow-ups quote no number', () => {
    const texts = [...interview.checks.flatMap((c) => [c.why, ...c.options]), ...interview.followUps.flatMap((f) => [f.question, f.answer])];
    expect(quotedNumbers(texts.join(' '))).toEqual([]);
    // "At step 0" is the step of the state the check opens.
    for (const c of interview.checks) expectQuoted(c.question, c.state.step === undefined ? {} : { '0': c.state.step });
    for (const c of interview.checks) expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
  });
});
