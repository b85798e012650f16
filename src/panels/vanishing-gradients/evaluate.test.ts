/**
 * evaluate() reads its arrays back out of the tidy through a variable instead of returning them
 * from it (model.ts: tidy walked every returned element, the larger part of a training step at
 * width 46). The numbers must be those of the code before that change, to the bit: the reference
 * here is that code, kept as it was (the same ops, its arrays returned from the tidy). On the CPU
 * backend (unit tests) and on WASM (the workers' backend) where it starts in Node.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '../../lib/tf/tf';
import { useCpuBackend, useWasmBackend } from '../../lib/tf/testing';
import { evaluate, lossOf, type Evaluation } from './model';
import { initialWeights, layerShapes, makeTask, type NetConfig } from './setup';
import { bitsOf } from './viewBits';

/** evaluate() before the change, verbatim but for its name. */
function evaluateBefore(spec: NetConfig, weights: Float32Array[], shapes: [number, number][], x: Float32Array, t: Float32Array, n: number): Evaluation {
  const kept: tf.Tensor[] = [];
  let parts: Float32Array[];
  try {
    parts = tf.tidy(() => {
      const ws = weights.map((w, i) => tf.tensor2d(w, shapes[i]));
      const xt = tf.tensor2d(x, [n, shapes[0][0]]);
      const tt = tf.tensor2d(t, [n, 1]);
      const { value, grads } = tf.valueAndGrads((...w: tf.Tensor[]) => lossOf(spec, w as tf.Tensor2D[], xt, tt, kept))(ws);
      const all = [value, ...grads, ...kept];
      if (tf.getBackend() !== 'webgl') return all.map((a) => a.dataSync() as Float32Array);
      const flat = tf.concat(all.map((a) => tf.reshape(a, [-1]))).dataSync() as Float32Array;
      let o = 0;
      return all.map((a) => flat.subarray(o, (o += a.size)));
    });
  } finally {
    for (const k of kept) k.dispose();
  }
  const L = weights.length;
  const grads = parts.slice(1, 1 + L);
  const gradNorms = new Float64Array(L);
  grads.forEach((g, i) => {
    let s = 0;
    for (let k = 0; k < g.length; k++) s += g[k] * g[k];
    gradNorms[i] = Math.sqrt(s);
  });
  return { loss: parts[0][0], gradNorms, grads, hidden: parts.slice(1 + L, 2 * L), output: parts[2 * L] };
}

const NETS: NetConfig[] = [
  { depth: 20, width: 46, activation: 'sigmoid', init: 'naive', naiveStd: 1, batchNorm: false, residual: 'off' },
  { depth: 7, width: 9, activation: 'relu', init: 'he', naiveStd: 1, batchNorm: true, residual: 'off' },
  { depth: 6, width: 12, activation: 'tanh', init: 'xavier', naiveStd: 1, batchNorm: false, residual: 'scaled' },
  { depth: 5, width: 8, activation: 'elu', init: 'naive', naiveStd: 0.7, batchNorm: true, residual: 'plain' },
  // Overflows: Infinity and NaN must come back as they did.
  { depth: 30, width: 16, activation: 'relu', init: 'naive', naiveStd: 3, batchNorm: false, residual: 'off' },
  { depth: 1, width: 4, activation: 'leaky', init: 'naive', naiveStd: 1, batchNorm: false, residual: 'off' },
];

function sameAsBefore(): void {
  for (const task of ['wave', 'circles'] as const) {
    const d = makeTask(task, 3);
    for (const cfg of NETS) {
      const shapes = layerShapes(cfg.depth, cfg.width, d.inDim);
      const w = initialWeights(2, cfg, d.inDim);
      const before = tf.memory().numTensors;
      const got = evaluate(cfg, w, shapes, d.x, d.t, d.n);
      expect(tf.memory().numTensors, 'no tensor outlives a call').toBe(before);
      expect(bitsOf(got), `${task} ${JSON.stringify(cfg)}`).toBe(bitsOf(evaluateBefore(cfg, w, shapes, d.x, d.t, d.n)));
    }
  }
}

describe('evaluate gives the numbers of the code before it stopped returning arrays from its tidy', () => {
  afterAll(async () => {
    await useCpuBackend();
  });

  it('on the CPU backend', async () => {
    await useCpuBackend();
    sameAsBefore();
  });

  it('on the WASM backend', async (ctx) => {
    if (!(await useWasmBackend())) ctx.skip();
    sameAsBefore();
  });
});
