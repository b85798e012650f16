/**
 * The hand backward pass against PyTorch (reference-cases.json, `backprop`: float64 autograd, so
 * ~1e-9), against central finite differences on many seeded random networks for every activation
 * and output/loss, against closed forms (δ2 = ŷ − t for sigmoid + cross-entropy, ReLU's kink),
 * and the first-order prediction of an update, ΔL ≈ −η‖g‖².
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the oracle file is untyped JSON */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { backward, finiteDifferences, flatten, forward, gradientStep, kinkParams, largestGap, replay, sigmoid, FD_TOL, type Net, type Setup } from './model';
import { chainFor } from './chain';
import { ACTIVATIONS, HEADS, drawWeights, schema } from './params';
import { BACKPROP, expectedGrad, fromCase, randomCase } from './cases.testutil';

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(1e-12, Math.abs(b));

describe('reference cases (PyTorch autograd, float64)', () => {
  it('has the three activations', () => expect(BACKPROP.cases.map((c: any) => c.input.hidden_activation).sort()).toEqual([...ACTIVATIONS].sort()));
  for (const c of BACKPROP.cases) {
    it(c.name, () => {
      const { net, s } = fromCase(c);
      const f = forward(net, s);
      const e = c.expected;
      f.z1.forEach((z, j) => expect(close(z, e.z1[j], 1e-9)).toBe(true));
      f.h.forEach((h, j) => expect(close(h, e.h[j], 1e-9)).toBe(true));
      expect(close(f.z2, e.z2[0], 1e-9)).toBe(true);
      expect(close(f.y, e.y[0], 1e-9)).toBe(true);
      expect(close(f.loss, e.loss, 1e-9)).toBe(true);
      const g = backward(net, s, f).grad, want = expectedGrad(c);
      g.forEach((v, k) => expect(close(v, want[k], 1e-9), `gradient ${k}: ${v} vs ${want[k]}`).toBe(true));
    });
  }
});

describe('hand backward pass = central finite differences', () => {
  for (const act of ACTIVATIONS)
    for (const head of HEADS)
      it(`${act}, ${head}: 40 random networks, every parameter`, () => {
        for (let seed = 1; seed <= 40; seed++) {
          const { net, s } = randomCase(seed * 7 + 3, act, head, seed % 4 === 0 ? 2 : 1);
          const g = backward(net, s, forward(net, s)).grad;
          const kink = kinkParams(net, s);
          expect(kink.some(Boolean)).toBe(false); // a random network never sits on ReLU's kink
          expect(largestGap(g, finiteDifferences(net, s)).gap).toBeLessThan(FD_TOL);
          // Not a trivial agreement: the gradient is not all zeros.
          expect(Math.max(...g.map(Math.abs))).toBeGreaterThan(0);
        }
      });

  it('the finite-difference error shrinks as h² (a smooth function, checked at two steps)', () => {
    const { net, s } = randomCase(11, 'tanh', 'linear-mse');
    const g = backward(net, s, forward(net, s)).grad;
    const e1 = largestGap(g, finiteDifferences(net, s, 1e-2)).gap;
    const e2 = largestGap(g, finiteDifferences(net, s, 1e-3)).gap;
    expect(e1 / e2).toBeGreaterThan(50); // ideally 100
    expect(e1 / e2).toBeLessThan(200);
  });
});

describe('closed forms', () => {
  it('sigmoid + cross-entropy: δ2 = ŷ − t, and stays exact when the output saturates', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { net, s } = randomCase(seed, 'sigmoid', 'sigmoid-ce');
      const f = forward(net, s);
      expect(backward(net, s, f).delta2).toBeCloseTo(f.y - s.t, 14);
    }
    const net: Net = { W1: [0, 0, 0, 0, 0, 0], b1: [0, 0, 0], W2: [0, 0, 0], b2: 40 };
    const s: Setup = { x: [1, 1], t: 1, act: 'tanh', head: 'sigmoid-ce' };
    const b = backward(net, s, forward(net, s));
    // σ(40) − 1 = −σ(−40) ≈ −4.2e−18: rounding σ(40) to 1 first would give 0.
    expect(b.delta2 / -sigmoid(-40)).toBeCloseTo(1, 12);
    expect(forward(net, s).loss / sigmoid(-40)).toBeCloseTo(1, 6); // L = log(1 + e^−40)
  });

  it('ReLU at exactly z = 0: slope 0 by convention; central differences give half the slope', () => {
    // Hidden unit 1: z = 0.5·1 − 1·0.5 + 0 = 0 exactly.
    const net: Net = { W1: [0.5, -1, 0.3, 0.2, -0.4, 0.6], b1: [0, 0.1, 0.2], W2: [1.5, -0.7, 0.9], b2: 0.1 };
    const s: Setup = { x: [1, 0.5], t: 1, act: 'relu', head: 'linear-mse' };
    const f = forward(net, s);
    expect(f.z1[0]).toBe(0);
    const b = backward(net, s, f);
    expect(b.grad[6] === 0).toBe(true); // b1_1 (−0 or 0)
    const fd = finiteDifferences(net, s);
    // Right of the kink the slope is δ2·W2_1; the central difference straddles it: half of that.
    expect(fd[6] / (b.delta2 * net.W2[0])).toBeCloseTo(0.5, 4);
    expect(kinkParams(net, s).slice(0, 9)).toEqual([true, true, false, false, false, false, true, false, false]);
    // Off the flagged parameters the two agree.
    expect(largestGap(b.grad, fd, kinkParams(net, s)).gap).toBeLessThan(FD_TOL);
  });

  it('each gradient is the product of its chain-rule factors', () => {
    for (const head of HEADS)
      for (let seed = 1; seed <= 10; seed++) {
        const { net, s } = randomCase(seed + 100, ACTIVATIONS[seed % 3], head);
        const f = forward(net, s), b = backward(net, s, f);
        for (let k = 0; k < 13; k++) {
          const c = chainFor(k, net, s, f, b);
          const prod = c.factors.reduce((a, x) => a * x.value, 1);
          expect(close(prod, b.grad[k], 1e-12), `${head} ${k}`).toBe(true);
          expect(c.product).toBe(b.grad[k]);
        }
      }
  });
});

describe('updates', () => {
  it('first order: ΔL ≈ −η‖g‖² for a small learning rate, and the loss falls', () => {
    for (const head of HEADS)
      for (let seed = 1; seed <= 10; seed++) {
        const { net, s } = randomCase(seed + 200, ACTIVATIONS[seed % 3], head);
        const f = forward(net, s), g = backward(net, s, f).grad;
        const n2 = g.reduce((a, v) => a + v * v, 0);
        const lr = 1e-4;
        const after = forward(gradientStep(net, g, lr), s).loss;
        expect(after).toBeLessThan(f.loss);
        expect((f.loss - after) / (lr * n2)).toBeCloseTo(1, 2);
      }
  });

  it('replays deterministically and stops where a huge learning rate blows up', () => {
    const { net, s } = randomCase(5, 'tanh', 'linear-mse', 2);
    const a = replay(net, s, 0.05, 30), b = replay(net, s, 0.05, 30);
    expect(a.losses).toEqual(b.losses);
    expect(a.divergedAt).toBeNull();
    expect(a.losses[30]).toBeLessThan(a.losses[0]);
    const wild = replay({ ...net, W2: [8, 8, 8], b2: 0 }, { ...s, x: [3, 3], t: 0 }, 50, 100);
    expect(wild.divergedAt).not.toBeNull();
    expect(wild.nets.length).toBe(wild.divergedAt);
    expect(wild.losses.every(Number.isFinite)).toBe(true);
  });
});

describe('params', () => {
  it('default weights are those the default seed draws, and a seed always draws the same', () => {
    const d = defaults(schema), w = drawWeights(d.seed);
    expect([...d.W1, ...d.b1, ...d.W2, d.b2]).toEqual([...w.W1, ...w.b1, ...w.W2, w.b2]);
    expect(drawWeights(7)).toEqual(drawWeights(7));
    expect(drawWeights(7)).not.toEqual(drawWeights(8));
    expect(flatten({ ...w }).every((v) => Math.abs(v) <= schema.W1.max && Math.abs(v * 100 - Math.round(v * 100)) < 1e-9)).toBe(true);
  });
});
