/**
 * The same network's gradients by tfjs autodiff (tf.grads), in float32 on the worker's backend:
 * the independent check on the hand backward pass. Only this file and the worker touch tfjs.
 * Every tensor is made inside tf.tidy; the result leaves as plain numbers.
 */
import * as tf from '../../lib/tf/tf';
import type { Activation, Head } from './params';

export interface AutodiffInput {
  /** W1 (6, row-major), b1 (3), W2 (3), b2: the parameters in PARAM_NAMES order. */
  theta: number[];
  x: [number, number];
  t: number;
  act: Activation;
  head: Head;
}

export interface AutodiffResult {
  loss: number;
  /** ∂L/∂θ in PARAM_NAMES order. */
  grad: number[];
}

function act(a: Activation, z: tf.Tensor): tf.Tensor {
  return a === 'sigmoid' ? tf.sigmoid(z) : a === 'tanh' ? tf.tanh(z) : tf.relu(z);
}

export function autodiff(inp: AutodiffInput): AutodiffResult {
  const out = tf.tidy(() => {
    const th = inp.theta;
    const W1 = tf.tensor2d(th.slice(0, 6), [3, 2]);
    const b1 = tf.tensor1d(th.slice(6, 9));
    const W2 = tf.tensor2d(th.slice(9, 12), [1, 3]);
    const b2 = tf.tensor1d([th[12]]);
    const x = tf.tensor2d(inp.x, [2, 1]);
    const f = (w1: tf.Tensor, c1: tf.Tensor, w2: tf.Tensor, c2: tf.Tensor): tf.Scalar => {
      const z1 = tf.add(tf.reshape(tf.matMul(w1 as tf.Tensor2D, x), [3]), c1);
      const h = tf.reshape(act(inp.act, z1), [3, 1]);
      const z2 = tf.add(tf.reshape(tf.matMul(w2 as tf.Tensor2D, h), [1]), c2);
      if (inp.head === 'sigmoid-ce') return tf.sum(tf.add(tf.mul(inp.t, tf.softplus(tf.neg(z2))), tf.mul(1 - inp.t, tf.softplus(z2))));
      const y = inp.head === 'linear-mse' ? z2 : tf.sigmoid(z2);
      return tf.sum(tf.mul(0.5, tf.square(tf.sub(y, inp.t))));
    };
    const { value, grads } = tf.valueAndGrads(f)([W1, b1, W2, b2]);
    return { value, grad: tf.concat(grads.map((g) => tf.reshape(g, [-1]))) };
  });
  const loss = out.value.dataSync()[0];
  const grad = Array.from(out.grad.dataSync());
  out.value.dispose();
  out.grad.dispose();
  return { loss, grad };
}
