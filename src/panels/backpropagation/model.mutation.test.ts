/**
 * The parts of model.ts that the gradient checks in model.test.ts do not pin on their own (found by
 * mutation testing): each node's local derivative as the backward pass reports it (the chain-rule
 * table shows them), the saturated cross-entropy case, which parameters cross ReLU's kink, the
 * largest-gap measure, and where a replay stops. Every expectation is a hand formula or a value
 * worked by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  activate,
  activationSlope,
  backward,
  DIVERGED,
  forward,
  kinkParams,
  largestGap,
  outputOf,
  paramIndex,
  replay,
  sigmoid,
  softplus,
  unflatten,
  flatten,
  type Net,
  type Setup,
} from './model';
import { ACTIVATIONS, HEADS, PARAM_NAMES } from './params';
import { randomCase } from './cases.testutil';

describe('activations and the output, at points worked by hand', () => {
  it('σ, softplus, tanh and ReLU with their slopes', () => {
    expect(sigmoid(0)).toBe(0.5);
    // Past |z| ≈ 709, e^|z| overflows: σ must take the branch that never forms it (σ(710) = 1, not
    // ∞/∞; σ(−710) = e^−710 > 0, not 1/∞ = 0).
    expect(sigmoid(710)).toBe(1);
    expect(sigmoid(-710)).toBeGreaterThan(0);
    expect(sigmoid(-710) / Math.exp(-710)).toBeCloseTo(1, 6);
    for (const z of [-3, -0.4, 0.7, 5]) {
      expect(sigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
      expect(softplus(z)).toBeCloseTo(Math.log(1 + Math.exp(z)), 14);
      expect(activate('sigmoid', z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
      expect(activate('tanh', z)).toBeCloseTo((Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)), 14);
      const s = 1 / (1 + Math.exp(-z));
      expect(activationSlope('sigmoid', z)).toBeCloseTo(s * (1 - s), 15);
      expect(activationSlope('tanh', z)).toBeCloseTo(1 - Math.tanh(z) ** 2, 14);
    }
    // Far out, softplus(z) = z + log(1 + e^−z) ≈ z, and softplus(−z) ≈ e^−z without overflow.
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBeGreaterThanOrEqual(0);
    expect(softplus(-30) / Math.exp(-30)).toBeCloseTo(1, 10);
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
    // ReLU: max(z, 0), slope 1 right of 0 and 0 at and left of it.
    expect([-2, -1e-12, 0, 1e-12, 1.5].map((z) => activate('relu', z))).toEqual([0, 0, 0, 1e-12, 1.5]);
    expect([-2, -1e-12, 0, 1e-12, 1.5].map((z) => activationSlope('relu', z))).toEqual([0, 0, 0, 1, 1]);
    // The output unit: the identity for the linear head, σ for both sigmoid heads.
    expect(outputOf('linear-mse', -2.5)).toBe(-2.5);
    expect(outputOf('sigmoid-mse', -2.5)).toBeCloseTo(1 / (1 + Math.exp(2.5)), 15);
    expect(outputOf('sigmoid-ce', 1.2)).toBeCloseTo(1 / (1 + Math.exp(-1.2)), 15);
  });
});

describe('the backward pass, node by node', () => {
  it('reports each local derivative as its hand formula, for every activation and head', () => {
    for (const act of ACTIVATIONS)
      for (const head of HEADS)
        for (let seed = 1; seed <= 6; seed++) {
          const { net, s } = randomCase(seed + 300, act, head);
          const f = forward(net, s), b = backward(net, s, f);
          const y = f.y, t = s.t;
          // ∂L/∂ŷ: ŷ − t for ½(ŷ − t)², and −t/ŷ + (1 − t)/(1 − ŷ) for cross-entropy.
          const dLdy = head === 'sigmoid-ce' ? -t / y + (1 - t) / (1 - y) : y - t;
          const dydz = head === 'linear-mse' ? 1 : y * (1 - y);
          expect(b.dLdy).toBeCloseTo(dLdy, 10);
          expect(b.dydz).toBeCloseTo(dydz, 14);
          expect(b.delta2).toBeCloseTo(dLdy * dydz, 10);
          for (let j = 0; j < 3; j++) {
            const z = f.z1[j];
            const slope = act === 'relu' ? (z > 0 ? 1 : 0) : act === 'tanh' ? 1 - Math.tanh(z) ** 2 : (1 / (1 + Math.exp(-z))) * (1 - 1 / (1 + Math.exp(-z)));
            expect(b.dh[j]).toBeCloseTo(b.delta2 * net.W2[j], 12);
            expect(b.dphi[j]).toBeCloseTo(slope, 12);
            expect(b.delta1[j]).toBeCloseTo(b.delta2 * net.W2[j] * slope, 12);
          }
          expect(b.grad).toHaveLength(13);
        }
  });

  it('cross-entropy at a saturated output: ∂ŷ/∂z2 underflows to 0, so ∂L/∂ŷ is NaN, while δ2 = ŷ − t stays exact', () => {
    const net: Net = { W1: [0, 0, 0, 0, 0, 0], b1: [0, 0, 0], W2: [0, 0, 0], b2: 800 };
    const s: Setup = { x: [1, 1], t: 0.25, act: 'tanh', head: 'sigmoid-ce' };
    const b = backward(net, s, forward(net, s));
    expect(b.dydz).toBe(0);
    expect(Number.isNaN(b.dLdy)).toBe(true);
    expect(b.delta2).toBe(0.75); // σ(800) − t = 1 − 0.25
  });
});

describe('parameters whose finite difference crosses ReLU’s kink', () => {
  // Hidden unit 1 sits 0.7·h above its kink; x = (1, 0.5), so W1_11 moves z1_1 by ±h, W1_12 by
  // ±h/2 and b1_1 by ±h: only W1_11 and b1_1 reach across.
  const h = 1e-5;
  const net: Net = { W1: [0.5, -1, 0.3, 0.2, -0.4, 0.6], b1: [0.7 * h, 0.1, 0.2], W2: [1.5, -0.7, 0.9], b2: 0.1 };
  const s: Setup = { x: [1, 0.5], t: 1, act: 'relu', head: 'linear-mse' };
  it('scales each weight’s reach by its input, a bias’s by 1', () => {
    expect(kinkParams(net, s, h)).toEqual([true, false, false, false, false, false, true, false, false, false, false, false, false]);
    // A larger step reaches from W1_12 too.
    expect(kinkParams(net, s, 2 * h).slice(0, 3)).toEqual([true, true, false]);
  });
  it('flags nothing for smooth activations, nor for W2 and b2 (they do not move z1)', () => {
    for (const act of ['sigmoid', 'tanh'] as const) expect(kinkParams(net, { ...s, act }, h).some(Boolean)).toBe(false);
    // All three hidden units at exactly 0: every W1 and b1 is flagged, never W2 or b2.
    const flat: Net = { W1: [0, 0, 0, 0, 0, 0], b1: [0, 0, 0], W2: [1, 1, 1], b2: 0 };
    expect(kinkParams(flat, s, h)).toEqual([...Array(9).fill(true), false, false, false, false]);
    // Exactly one step from the kink counts: z1 − h lands on 0, where the slope changes. A bias
    // moves z1 by the full step whatever the inputs (here 0.5, which would halve a weight's reach).
    const edge: Net = { ...flat, W1: [0, 0, 1, 1, 1, 1], b1: [h, 1, 1] };
    const half: Setup = { ...s, x: [0.5, 0.5] };
    expect(kinkParams(edge, half, h)[6]).toBe(true);
    expect(kinkParams(edge, half, h / 2)[6]).toBe(false);
  });
});

describe('largestGap: max |a − b| / (1 + max |a|), and where', () => {
  it('on a hand-worked example, with and without skipped entries', () => {
    // scale = 1 + 3 = 4; gaps 0, 0.5/4, 0.1/4, 0.3/4.
    const a = [1, 2, -3, 0.5], b = [1, 2.5, -3.1, 0.2];
    expect(largestGap(a, b).gap).toBeCloseTo(0.125, 15);
    expect(largestGap(a, b).at).toBe(1);
    const skipped = largestGap(a, b, [false, true, false, false]);
    expect(skipped.gap).toBeCloseTo(0.075, 14);
    expect(skipped.at).toBe(3);
    // Equal vectors: gap 0 at 0. A NaN counts as the largest gap, wherever it is (a later finite
    // gap must not replace it: the check would then pass a gradient that is not a number).
    expect(largestGap([1, 2], [1, 2])).toEqual({ gap: 0, at: 0 });
    // The first entry counts like any other; of two equal gaps the first is reported.
    expect(largestGap([0, 1], [1, 1])).toEqual({ gap: 0.5, at: 0 });
    expect(largestGap([1, 0, 1], [2, 0, 2])).toEqual({ gap: 0.5, at: 0 });
    expect(largestGap([1, 2, 3], [1, NaN, 3]).at).toBe(1);
    expect(Number.isNaN(largestGap([1, 2, 3], [1, NaN, 3]).gap)).toBe(true);
  });
});

describe('parameter order', () => {
  it('flatten, unflatten and paramIndex follow the gradient table: W1 (unit, input), b1, W2, b2', () => {
    const net: Net = { W1: [1, 2, 3, 4, 5, 6], b1: [7, 8, 9], W2: [10, 11, 12], b2: 13 };
    expect(flatten(net)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(unflatten(flatten(net))).toEqual(net);
    expect(PARAM_NAMES.map(paramIndex)).toEqual(PARAM_NAMES.map((_, k) => k));
    expect(paramIndex('W1_32')).toBe(5);
    expect(paramIndex('b2')).toBe(12);
  });
});

describe('where a replay stops', () => {
  // With a learning rate of 0 every update leaves the weights where they are, so the stop rule
  // sees the starting weights and loss again at update 1.
  const base: Net = { W1: [1, 0, 0, 0, 0, 0], b1: [0, 0, 0], W2: [1, 0, 0], b2: 0 };
  const s = (x0: number): Setup => ({ x: [x0, 0], t: 0, act: 'relu', head: 'linear-mse' });
  it('a finite loss above 1e8 stops it at update 1; one below runs on', () => {
    // ŷ = x0, L = x0²/2: 2e8 for x0 = 2e4, 5e7 for x0 = 1e4.
    const high = replay(base, s(2e4), 0, 5);
    expect(high.divergedAt).toBe(1);
    expect(high.nets).toHaveLength(1);
    expect(high.losses).toEqual([2e8]);
    const low = replay(base, s(1e4), 0, 5);
    expect(low.divergedAt).toBeNull();
    expect(low.losses).toEqual(Array(6).fill(5e7));
    expect(low.nets).toHaveLength(6);
  });
  it('a weight beyond 1e8 stops it even when the loss is small; exactly 1e8 does not', () => {
    // x = 0: z1 = b1, so W1_11 does not touch the loss (L = 0).
    const at = (w: number) => replay({ ...base, W1: [w, 0, 0, 0, 0, 0] }, s(0), 0, 3);
    expect(at(2 * DIVERGED).divergedAt).toBe(1);
    expect(at(-2 * DIVERGED).divergedAt).toBe(1);
    expect(at(DIVERGED).divergedAt).toBeNull();
    expect(at(DIVERGED).losses).toEqual([0, 0, 0, 0]);
  });
  it('a loss of exactly 1e8 is still in range', () => {
    // Cross-entropy with t = 0 at z2 = 1e8: L = softplus(1e8) = 1e8 exactly in float64 (log1p(e^−1e8) = 0).
    const r = replay({ ...base, W2: [0, 0, 0], b2: DIVERGED }, { ...s(0), head: 'sigmoid-ce' }, 0, 2);
    expect(r.losses).toEqual([DIVERGED, DIVERGED, DIVERGED]);
    expect(r.divergedAt).toBeNull();
  });
  it('one plain update is θ − η∇L (hand-worked on a linear unit)', () => {
    // ReLU unit with z1 = 2 > 0, ŷ = W2_1·z1 = 2, t = 0: δ2 = 2, ∇W2_1 = δ2·h = 4, ∇W1_11 = δ2·W2_1·x0 = 4,
    // ∇b1_1 = 2, ∇b2 = 2. With η = 0.1: W2_1 = 0.6, W1_11 = 0.6, b1_1 = −0.2, b2 = −0.2.
    const r = replay(base, s(2), 0.1, 1);
    expect(r.nets).toHaveLength(2);
    const n = r.nets[1];
    expect(n.W1[0]).toBeCloseTo(0.6, 15);
    expect(n.W2[0]).toBeCloseTo(0.6, 15);
    expect(n.b1[0]).toBeCloseTo(-0.2, 15);
    expect(n.b2).toBeCloseTo(-0.2, 15);
    // z1 = 0.6·2 − 0.2 = 1, ŷ = 0.6·1 − 0.2 = 0.4, L = 0.08.
    expect(r.losses[1]).toBeCloseTo(0.08, 14);
  });
});
