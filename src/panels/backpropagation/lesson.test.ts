/**
 * The step decoding, what the page computes per input (computeLesson) and the step's equation:
 * every stage of an update is reached once, in order; the weights shown at update u are the
 * replay's; a diverged run stops at its last finite update; cross-entropy clips its target;
 * every stage's equation has numbers and no NaN; the shown update equals the previous weights
 * minus η times their gradient.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { bwdStage, computeLesson, stageOf } from './lesson';
import { backward, flatten, forward, gradientStep } from './model';
import { stepTex } from './stepTex';
import { chainFor, chainName } from './chain';
import { MAX_STEP, PARAM_NAMES, STAGES, schema, type BPParams } from './params';

const at = (p: Partial<BPParams>): BPParams => ({ ...defaults(schema), ...p });

describe('stages', () => {
  it('decode every step into update and stage, phases in order', () => {
    for (let step = 0; step <= MAX_STEP; step++) {
      const st = stageOf(step);
      expect(st.update * STAGES + st.s).toBe(step);
      expect(st.phase).toBe(st.s === 0 ? 'start' : st.s <= 5 ? 'forward' : 'backward');
    }
    // Each parameter's gradient is reached in the backward pass; W2 and b2 first.
    const order = PARAM_NAMES.map((_, k) => bwdStage(k));
    expect(Math.min(...order)).toBe(6);
    expect(Math.max(...order)).toBe(STAGES - 1);
    expect(order.slice(9).every((s) => s === 6)).toBe(true);
  });

  it('the weights at update u are u gradient steps from the link’s', () => {
    const p = at({ step: 3 * STAGES + 4, lr: 0.3 });
    const L = computeLesson(p);
    let net = computeLesson(at({ step: 0, lr: 0.3 })).net;
    for (let k = 0; k < 3; k++) net = gradientStep(net, backward(net, L.setup, forward(net, L.setup)).grad, 0.3);
    expect(flatten(L.net)).toEqual(flatten(net));
    expect(L.losses).toHaveLength(4);
    expect(L.prev).not.toBeNull();
    expect(flatten(gradientStep(L.prev!.net, L.prev!.grad, 0.3))).toEqual(flatten(L.net));
  });

  it('a diverging run stops at its last finite update, shown in full, with a note', () => {
    const L = computeLesson(at({ head: 'linear-mse', lr: 50, x1: 3, x2: 3, step: MAX_STEP }));
    expect(L.divergedAt).not.toBeNull();
    expect(L.stage.update).toBe(L.divergedAt! - 1);
    expect(L.stage.s).toBe(STAGES - 1);
    expect(L.notes.join(' ')).toContain('too big');
    expect([L.fwd.loss, ...L.bwd.grad, ...L.fd].every(Number.isFinite)).toBe(true);
  });

  it('cross-entropy clips its target into 0…1 and says so; squared error keeps it', () => {
    const ce = computeLesson(at({ target: 1.5 }));
    expect(ce.setup.t).toBe(1);
    expect(ce.notes.join(' ')).toContain('between 0 and 1');
    const mse = computeLesson(at({ target: 1.5, head: 'sigmoid-mse' }));
    expect(mse.setup.t).toBe(1.5);
    expect(mse.notes.join(' ')).toContain('never be reached');
  });
});

describe('step equations and chain rule', () => {
  it('every stage of two updates, every head and activation: TeX with numbers, no NaN', () => {
    for (const head of schema.head.options)
      for (const activation of schema.activation.options)
        for (let step = 0; step < 2 * STAGES; step++) {
          const p = at({ head, activation, step });
          const tex = stepTex(computeLesson(p), p.lr);
          expect(tex).not.toMatch(/NaN|undefined/);
          expect(tex).toMatch(/\d/);
        }
  });

  it('the update step writes the selected parameter’s own numbers', () => {
    const p = at({ step: STAGES, sel: 'W2_3' });
    const L = computeLesson(p);
    const tex = stepTex(L, p.lr);
    expect(tex).toContain(chainName(11));
    expect(tex).toContain(String(flatten(L.prev!.net)[11]));
  });

  it('chain names match the parameter names', () => {
    PARAM_NAMES.forEach((n, k) => expect(chainName(k).replace(/[{}]/g, '')).toBe(n.replace('_', '_')));
    const L = computeLesson(at({}));
    PARAM_NAMES.forEach((_, k) => expect(chainFor(k, L.net, L.setup, L.fwd, L.bwd).name).toBe(chainName(k)));
  });
});
