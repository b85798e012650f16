/**
 * Every number a "Try this" text quotes, recomputed from the model at that experiment's state
 * (lib/panel/quoted.ts), plus the claims the sentences make in words (zero gradients, the kink's
 * half slope, the loss going up).
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { atMost, expectQuoted, type Fact } from '../../lib/panel/quoted';
import panel from './panel';
import { computeLesson } from './lesson';
import { finiteDifferences } from './model';
import { schema, type BPParams } from './params';

const at = (p: Partial<BPParams>): BPParams => ({ ...defaults(schema), ...p });

const CHECKS: Record<string, (p: BPParams) => Record<string, Fact>> = {
  'Follow one gradient back': (p) => {
    expect(computeLesson(p).stage.s).toBe(0);
    return {};
  },
  'Twenty updates': (p) => {
    const L = computeLesson(p);
    const steps = L.losses.slice(1).map((l, k) => L.losses[k] - l);
    steps.slice(1).forEach((d, k) => expect(d).toBeLessThan(steps[k])); // each update smaller
    return { '20': L.stage.update, '1.53': L.losses[0], '0.035': L.fwd.loss };
  },
  'A ReLU unit switched off': (p) => {
    const L = computeLesson(p);
    for (const j of [0, 2]) {
      expect(L.fwd.z1[j]).toBeLessThan(0);
      expect([L.bwd.grad[2 * j], L.bwd.grad[2 * j + 1], L.bwd.grad[6 + j], L.bwd.grad[9 + j]].every((g) => g === 0)).toBe(true);
    }
    const start = computeLesson({ ...p, step: 9 });
    expect(start.fwd.z1[0]).toBe(L.fwd.z1[0]); // untouched in 50 updates
    return { '0': L.fwd.h[0], '50': L.stage.update, '0.713': L.losses[0], '0.0052': L.fwd.loss };
  },
  'ReLU exactly at its kink': (p) => {
    const L = computeLesson(p);
    expect(L.fwd.z1[0]).toBe(0);
    const fd = finiteDifferences(L.net, L.setup);
    const right = L.bwd.delta2 * L.net.W2[0]; // slope of L in b1₁ just right of the kink
    expect(fd[6] / right).toBeCloseTo(0.5, 4);
    expect(L.kink[6]).toBe(true);
    return { '0': { value: Math.max(Math.abs(L.fwd.z1[0]), Math.abs(L.bwd.grad[6])), tol: 0 } };
  },
  'A saturated sigmoid unit': (p) => {
    const L = computeLesson(p);
    expect(Math.abs(L.bwd.grad[1])).toBeLessThan(1e-5);
    expect(Math.abs(Math.log10(Math.abs(L.bwd.grad[1])) + 6)).toBeLessThan(0.5); // W1₁₂ too: about 10⁻⁶
    return {
      '11.9': L.fwd.z1[0],
      '10⁻⁵': atMost(10 ** -5, L.bwd.dphi[0]), // written as the token's own value
      '10⁻⁶': Math.abs(L.bwd.grad[0]),
      '0.04': Math.abs(L.bwd.grad[4]),
    };
  },
  'Confidently wrong, with squared error': (p) => {
    const L = computeLesson(p);
    const ce = computeLesson({ ...p, head: 'sigmoid-ce' });
    expect(ce.bwd.delta2).toBeCloseTo(ce.fwd.y - 1, 12);
    return { '0.0002': L.fwd.y, '1': 'setting', '−0.0002': L.bwd.delta2, '−1': ce.bwd.delta2 };
  },
  'Too big a learning rate': (p) => {
    const L = computeLesson(p);
    const first = computeLesson({ ...p, step: 9 });
    expect(first.next.predicted).toBeLessThan(first.fwd.loss);
    return { '10': p.lr, '1.53': L.losses[0], '2.61': L.losses[1] };
  },
};

describe('"Try this" numbers', () => {
  it('has a check for every experiment', () => expect(panel.experiments.map((e) => e.title).sort()).toEqual(Object.keys(CHECKS).sort()));
  for (const e of panel.experiments)
    it(e.title, () => {
      const facts = CHECKS[e.title]?.(at(e.params)) ?? {};
      expectQuoted(`${e.title} ${e.notice}`, facts);
    });
});
