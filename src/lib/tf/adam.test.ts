/** AdamVariables against Adam worked by hand (float64), checkpoints, and tensor ownership. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from './tf';
import { useCpuBackend } from './testing';
import { ADAM, AdamVariables } from './adam';

beforeAll(useCpuBackend);

/** Adam on L(w) = Σ a_i (w_i − c_i)², by hand in float64. */
function byHand(w0: number[], a: number[], c: number[], lr: number, steps: number): number[] {
  const { beta1, beta2, eps } = ADAM;
  const w = [...w0], m = w.map(() => 0), v = w.map(() => 0);
  for (let t = 1; t <= steps; t++)
    for (let i = 0; i < w.length; i++) {
      const g = 2 * a[i] * (w[i] - c[i]);
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      w[i] -= (lr * (m[i] / (1 - beta1 ** t))) / (Math.sqrt(v[i] / (1 - beta2 ** t)) + eps);
    }
  return w;
}

describe('AdamVariables', () => {
  const w0 = [0.3, -1.2, 2.5], a = [1, 10, 0.1], c = [1, 0.5, -2];
  const loss = (opt: AdamVariables) => () => tf.sum(tf.mul(tf.tensor1d(a), tf.square(tf.sub(opt.vars[0], tf.tensor1d(c))))) as tf.Scalar;

  it('follows Adam worked by hand; the first step moves each weight by about lr against its gradient', () => {
    const opt = new AdamVariables([tf.tensor1d(w0)]);
    opt.minimize(loss(opt), 0.1);
    const one = Array.from(opt.vars[0].dataSync());
    one.forEach((x, i) => expect(x).toBeCloseTo(w0[i] - 0.1 * Math.sign(w0[i] - c[i]), 5));
    for (let s = 1; s < 25; s++) opt.minimize(loss(opt), 0.1);
    expect(opt.step).toBe(25);
    const hand = byHand(w0, a, c, 0.1, 25);
    Array.from(opt.vars[0].dataSync()).forEach((x, i) => expect(x).toBeCloseTo(hand[i], 4));
    opt.dispose();
  });

  it('a restored checkpoint (weights and moments) replays the same steps', () => {
    const opt = new AdamVariables([tf.tensor1d(w0), tf.tensor2d([[1, 2]])]);
    for (let s = 0; s < 5; s++) opt.minimize(loss(opt), 0.05);
    const snap = opt.snapshot();
    for (let s = 0; s < 5; s++) opt.minimize(loss(opt), 0.05);
    const after = Array.from(opt.vars[0].dataSync());
    opt.restore(snap);
    expect(opt.step).toBe(5);
    for (let s = 0; s < 5; s++) opt.minimize(loss(opt), 0.05);
    expect(Array.from(opt.vars[0].dataSync())).toEqual(after);
    expect(Array.from(opt.vars[1].dataSync())).toEqual([1, 2]); // no gradient reached it: unchanged
    opt.dispose();
  });

  it('owns what it is given and leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    const init = tf.tensor1d(w0);
    const opt = new AdamVariables([init]);
    expect(init.isDisposed).toBe(true);
    for (let s = 0; s < 3; s++) opt.minimize(loss(opt), 0.1);
    opt.snapshot();
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
