/**
 * tfjs autodiff (grads.tf.ts, float32, CPU backend in Node) against the PyTorch reference cases
 * and the hand backward pass on seeded random networks, every activation × output/loss; and no
 * tensor is left behind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../lib/tf/tf';
import { useCpuBackend } from '../../lib/tf/testing';
import { backward, flatten, forward, largestGap, TF_TOL } from './model';
import { autodiff } from './grads.tf';
import { ACTIVATIONS, HEADS } from './params';
import { BACKPROP, expectedGrad, fromCase, randomCase } from './cases.testutil';

beforeAll(useCpuBackend);

describe('tfjs autodiff', () => {
  it('reproduces the reference cases to float32 tolerance', () => {
    for (const c of BACKPROP.cases) {
      const { net, s } = fromCase(c);
      const r = autodiff({ theta: flatten(net), x: [s.x[0], s.x[1]], t: s.t, act: s.act, head: s.head });
      expect(Math.abs(r.loss - c.expected.loss) / c.expected.loss).toBeLessThan(1e-5);
      expect(largestGap(expectedGrad(c), r.grad).gap).toBeLessThan(TF_TOL);
      // And far tighter than the tolerance on these well-scaled cases.
      expect(largestGap(expectedGrad(c), r.grad).gap).toBeLessThan(1e-6);
    }
  });

  for (const act of ACTIVATIONS)
    it(`${act}: equals the hand backward pass for every output/loss on 15 random networks`, () => {
      for (const head of HEADS)
        for (let seed = 1; seed <= 15; seed++) {
          const { net, s } = randomCase(seed * 13 + 1, act, head, seed % 3 === 0 ? 2 : 1);
          const hand = backward(net, s, forward(net, s)).grad;
          const r = autodiff({ theta: flatten(net), x: [s.x[0], s.x[1]], t: s.t, act: s.act, head: s.head });
          expect(r.grad).toHaveLength(13);
          expect(largestGap(hand, r.grad).gap, `${head} seed ${seed}`).toBeLessThan(TF_TOL);
          expect(Math.abs(r.loss - forward(net, s).loss)).toBeLessThan(1e-4 * (1 + forward(net, s).loss));
        }
    });

  it('leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    const { net, s } = randomCase(3, 'relu', 'sigmoid-ce');
    for (let k = 0; k < 5; k++) autodiff({ theta: flatten(net), x: [s.x[0], s.x[1]], t: s.t, act: s.act, head: s.head });
    expect(tf.memory().numTensors).toBe(before);
  });
});
