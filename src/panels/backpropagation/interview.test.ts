/**
 * Interview mode (issue 15): each check's stated answer is what the lesson (the panel's own model,
 * as the view computes it) shows at the check's state; each "show me" state shows its claim; the
 * texts quote no number that is not checked.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { activationSlope } from './model';
import { computeLesson, stageOf } from './lesson';
import { PARAM_NAMES, schema, type BPParams } from './params';
import { interview } from './interview';

const at = (over: Partial<BPParams>) => computeLesson({ ...defaults(schema), ...over });
const words = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));

describe('backpropagation interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, each a valid state', () => {
    const n = words.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    const links = interview.answer.flat().filter((x) => typeof x !== 'string');
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const l of links) expect(Object.keys(l.params).every((k) => k in schema)).toBe(true);
    expect(quotedNumbers(words)).toEqual([]);
  });

  it('each "show me" state shows its claim', () => {
    const [chain, descent, saturated, overshoot] = interview.answer.flat().filter((x) => typeof x !== 'string');
    // The chain-rule state is in the backward pass, with the selected weight's gradient = δ × input.
    const c = at(chain.params);
    expect(c.stage.phase).toBe('backward');
    const j = PARAM_NAMES.indexOf(c.sel);
    expect(c.bwd.grad[j]).toBeCloseTo(c.bwd.delta1[2] * c.setup.x[0], 12);
    // Descent: the loss after the updates is below the start.
    const d = at(descent.params);
    expect(d.losses[d.losses.length - 1]).toBeLessThan(d.losses[0] / 2);
    // Saturated: the selected weight's gradient is orders of magnitude below the default's.
    const s = at(saturated.params);
    const base = at({ activation: 'sigmoid' });
    expect(Math.abs(s.bwd.grad[s.selIndex])).toBeLessThan(Math.abs(base.bwd.grad[base.selIndex]) / 100);
    // Overshoot: one update with the large rate raises the loss.
    const o = at(overshoot.params);
    expect(o.losses[1]).toBeGreaterThan(o.losses[0]);
  });

  it('ReLU off: the incoming gradients of a unit with negative z are exactly zero', () => {
    const c = byId['relu-off'];
    const r = at(c.state);
    const off = r.fwd.h.map((_, k) => k).filter((k) => r.fwd.z1[k] < 0);
    expect(off.length).toBeGreaterThan(0); // the state really has a unit that is off
    const mags = off.flatMap((k) => [r.bwd.grad[2 * k], r.bwd.grad[2 * k + 1], r.bwd.grad[6 + k]].map(Math.abs));
    const tanh = at({ ...c.state, activation: 'tanh' });
    const same = off.every((k) => Math.abs(tanh.bwd.grad[2 * k] - r.bwd.grad[2 * k]) < 1e-12);
    const computed = mags.every((g) => g === 0) ? 0 : same ? 2 : 1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('η = 10: one update raises the loss', () => {
    const c = byId['big-step'];
    const r = at(c.state);
    expect(stageOf(c.state.step!).update).toBe(1);
    const [l0, l1] = r.losses;
    const computed = l1 > l0 ? 0 : l1 < l0 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expectQuoted(c.question, { '10': c.state.lr! });
  });

  it('confidently wrong: cross-entropy sends the larger δ₂', () => {
    const c = byId['ce-vs-mse'];
    const mse = at(c.state);
    const ce = at({ ...c.state, head: 'sigmoid-ce' });
    expect(mse.fwd.y).toBeLessThan(0.01); // ŷ near 0, as the question says
    expect(mse.setup.t).toBe(1);
    const a = Math.abs(ce.bwd.delta2), b = Math.abs(mse.bwd.delta2);
    const computed = a > 2 * b ? 0 : b > 2 * a ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expect(ce.bwd.delta2).toBeCloseTo(ce.fwd.y - 1, 12); // "δ₂ = ŷ − t, close to −1"
    expectQuoted(c.question, { '0': 'setting', '1': mse.setup.t });
    // "(1 − ŷ)" is part of the formula; "close to −1" is δ₂ under cross-entropy.
    expectQuoted(c.why, { '1': 'setting', '−1': { value: ce.bwd.delta2, tol: 0.01 } });
  });

  it('follow-ups quote only checked numbers', () => {
    const [vanish, ...rest] = interview.followUps;
    expectQuoted(vanish.answer, { '0.25': activationSlope('sigmoid', 0) });
    expect(quotedNumbers(rest.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
    expect(quotedNumbers(interview.checks.filter((c) => c.id !== 'ce-vs-mse').map((c) => c.why).join(' '))).toEqual([]);
  });
});
