/**
 * TfNet's Adam runs on one flat vector for all parameters (net.tf.ts): it must give the numbers of
 * the textbook form, one Adam step per parameter tensor, to the bit. The reference below is that
 * form, written out with the same tfjs ops on the same network, loss and full-batch gradient.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../lib/tf/tf';
import { useCpuBackend } from '../../lib/tf/testing';
import { defaults } from '../../lib/params/schema';
import { features } from './data';
import { ADAM, initParams, layout } from './mlp';
import { dataFor, specA } from './model';
import { TfNet } from './net.tf';
import { schema, type OverfitParams } from './params';

beforeAll(async () => {
  await useCpuBackend();
});

/** `epochs` full-batch Adam steps, one per tensor, in float32 tfjs; returns θ in TfNet's layout. */
function perTensorAdam(p: OverfitParams, epochs: number): Float32Array {
  const spec = specA(p);
  const { sizes, activation } = spec.cfg.arch;
  const { train } = dataFor(spec);
  const L = layout(spec.cfg.arch);
  const theta = initParams(spec.cfg.arch, spec.cfg.seed);
  const vars: tf.Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    vars.push(tf.variable(tf.tensor2d(Float32Array.from(theta.subarray(L.w[l], L.w[l] + sizes[l] * sizes[l + 1])), [sizes[l], sizes[l + 1]])));
    vars.push(tf.variable(tf.tensor1d(Float32Array.from(theta.subarray(L.b[l], L.b[l] + sizes[l + 1])))));
  }
  const m = vars.map((x) => tf.variable(tf.zerosLike(x), false)), v = vars.map((x) => tf.variable(tf.zerosLike(x), false));
  const X = tf.tensor2d(Float32Array.from(features(spec.cfg.features, train.x, train.n)), [train.n, sizes[0]]);
  const y = tf.tensor2d(Float32Array.from(train.y), [train.n, 1]);
  const { beta1: b1, beta2: b2, eps } = ADAM;
  for (let t = 1; t <= epochs; t++) {
    tf.tidy(() => {
      const loss = () => {
        let h: tf.Tensor = X;
        for (let l = 0; 2 * l < vars.length; l++) {
          const z = tf.add(tf.matMul(h as tf.Tensor2D, vars[2 * l] as tf.Tensor2D), vars[2 * l + 1]);
          h = 2 * l + 2 === vars.length ? z : activation === 'relu' ? tf.relu(z) : tf.tanh(z);
        }
        return tf.mean(tf.add(tf.sub(tf.relu(h), tf.mul(h, y)), tf.log1p(tf.exp(tf.neg(tf.abs(h)))))) as tf.Scalar;
      };
      const { grads } = tf.variableGrads(loss, vars);
      const c1 = 1 - b1 ** t, c2 = 1 - b2 ** t;
      vars.forEach((x, k) => {
        const g = grads[x.name];
        const mk = tf.add(tf.mul(b1, m[k]), tf.mul(1 - b1, g));
        const vk = tf.add(tf.mul(b2, v[k]), tf.mul(1 - b2, tf.square(g)));
        m[k].assign(mk);
        v[k].assign(vk);
        x.assign(tf.sub(x, tf.div(tf.mul(spec.cfg.lr / c1, mk), tf.add(tf.sqrt(tf.div(vk, c2)), eps))));
      });
    });
  }
  const out = new Float32Array(L.size);
  let at = 0;
  for (const x of vars) {
    const d = x.dataSync();
    out.set(d, at);
    at += d.length;
  }
  for (const t of [...vars, ...m, ...v, X, y]) t.dispose();
  return out;
}

describe('TfNet Adam on one flat vector', () => {
  const cases: Partial<OverfitParams>[] = [
    { dataset: 'spiral', noise: 0.05, n: 120, width: 8, depth: 6, features: 'poly', lr: 0.01 },
    { dataset: 'circles', n: 80, width: 4, depth: 2, lr: 0.03, activation: 'relu' },
  ];
  for (const over of cases) {
    it(`equals one Adam step per tensor, to the bit (${over.dataset}, ${over.depth} × ${over.width})`, () => {
      const p = { ...defaults(schema), ...over, useL2: false, dropout: 0, jitter: 0 };
      const spec = specA(p);
      const d = dataFor(spec);
      const net = new TfNet(spec.cfg, d.train, d.val);
      const epochs = 5;
      for (let e = 0; e < epochs; e++) net.step(e);
      const got = net.getWeights();
      const want = perTensorAdam(p, epochs);
      net.dispose();
      expect(got.length).toBe(want.length);
      let differ = 0;
      for (let i = 0; i < want.length; i++) if (!Object.is(got[i], want[i])) differ++;
      expect(differ).toBe(0);
      // The weights did move (the comparison is not of two untouched initialisations).
      expect(Array.from(got).some((w, i) => w !== Math.fround(initParams(spec.cfg.arch, spec.cfg.seed)[i]))).toBe(true);
    });
  }
});
