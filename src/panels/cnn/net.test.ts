/**
 * The network's tfjs pieces on the CPU backend: tf.conv2d and max/avg pooling against PyTorch's
 * numbers (reference-cases.json, float32 tolerance), our conv3x3 against the direct loops of
 * model.ts, its hand-written gradient against tfjs's own conv2d gradient, the tiny CNN of the
 * reference; then a short seeded training run on WASM (as the worker runs it): clearly above
 * chance, replayable through a checkpoint, and leaving no tensor behind after training, stopping
 * and disposing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceCases } from '../../lib/learn/reference.testutil';
import { createRng } from '../../lib/random/rng';
import { useCpuBackend, useWasmBackend } from '../../lib/tf/testing';
import * as tf from '../../lib/tf/tf';
import { conv2d, grid, toRows } from './model';
import { conv3x3, CnnTrainer } from './net.tf';
import { TrainingRun, workerRun } from './run';
import { CLASSES } from './modelDigits';

interface Ref {
  cnn: { image: number[][]; kernel: number[][]; cases: { input: { stride: number; padding: number }; expected: { output: number[][] } }[]; max_pool_2x2_stride_2: number[][]; avg_pool_2x2_stride_2: number[][]; max_pool_3x3_stride_2: number[][] };
  tiny_cnn: { image: number[][]; conv_weights: number[][][]; conv_bias: number[]; dense_weights: number[][]; dense_bias: number[]; after_pool: number[][][]; probabilities: number[] };
}
const ref = referenceCases<Ref>();
const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-5) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
};
const img4 = (rows: number[][]) => tf.tensor4d(rows.flat(), [1, rows.length, rows[0].length, 1]);

describe('cnn: tfjs on the CPU backend', () => {
  beforeAll(useCpuBackend);

  it('tf.conv2d (stride, padding) and max/avg pooling reproduce PyTorch', () => {
    const x = img4(ref.cnn.image);
    const k = tf.tensor4d(ref.cnn.kernel.flat(), [3, 3, 1, 1]);
    for (const c of ref.cnn.cases) {
      const { stride: s, padding: p } = c.input;
      const y = tf.tidy(() => tf.conv2d(tf.pad(x, [[0, 0], [p, p], [p, p], [0, 0]]) as tf.Tensor4D, k, s, 'valid'));
      close(y.dataSync(), c.expected.output.flat());
      y.dispose();
    }
    const pools: [tf.Tensor, number[][]][] = [
      [tf.maxPool(x, 2, 2, 'valid'), ref.cnn.max_pool_2x2_stride_2],
      [tf.avgPool(x, 2, 2, 'valid'), ref.cnn.avg_pool_2x2_stride_2],
      [tf.maxPool(x, 3, 2, 'valid'), ref.cnn.max_pool_3x3_stride_2],
    ];
    for (const [t, want] of pools) close(t.dataSync(), want.flat());
    tf.dispose([x, k, ...pools.map((q) => q[0])]);
  });

  it('the tiny CNN of the reference: conv + bias → ReLU → max-pool → dense → softmax', () => {
    const t = ref.tiny_cnn;
    const out = tf.tidy(() => {
      // [3 filters][3][3] → [3, 3, 1, 3]
      const K = tf.reshape(tf.transpose(tf.tensor3d(t.conv_weights.flat(2), [3, 3, 3]), [1, 2, 0]), [3, 3, 1, 3]) as tf.Tensor4D;
      const a = tf.maxPool(tf.relu(tf.add(tf.conv2d(img4(t.image), K, 1, 'valid'), t.conv_bias)) as tf.Tensor4D, 2, 2, 'valid');
      const flat = tf.reshape(tf.transpose(a, [0, 3, 1, 2]), [1, -1]); // channel, row, column
      const logits = tf.add(tf.matMul(flat, tf.tensor2d(t.dense_weights), false, true), t.dense_bias);
      return [tf.transpose(a, [0, 3, 1, 2]), tf.softmax(logits)];
    });
    close(out[0].dataSync(), t.after_pool.flat(2));
    close(out[1].dataSync(), t.probabilities);
    tf.dispose(out);
  });

  it('conv3x3 equals the direct loops (padding 1), and its gradient equals tfjs’s own conv2d gradient', () => {
    const rng = createRng(11);
    const [B, h, w, c, f] = [2, 6, 5, 3, 4];
    const xs = Array.from({ length: B * h * w * c }, () => rng.uniform(-1, 1));
    const ks = Array.from({ length: 9 * c * f }, () => rng.uniform(-1, 1));
    const before = tf.memory().numTensors;
    const x = tf.tensor4d(xs, [B, h, w, c]);
    const K = tf.tensor4d(ks, [3, 3, c, f]);
    const y = conv3x3(x, K);
    // Direct: sum over input channels of model.ts's single-channel conv2d.
    const yd = y.dataSync();
    for (let n = 0; n < B; n++) for (let o = 0; o < f; o++) {
      const sum = grid(h, w);
      for (let i = 0; i < c; i++) {
        const img = grid(h, w, Array.from({ length: h * w }, (_, p) => xs[(n * h * w + p) * c + i]));
        const ker = grid(3, 3, Array.from({ length: 9 }, (_, q) => ks[q * c * f + i * f + o]));
        conv2d(img, ker, { stride: 1, pad: 1, dil: 1 }).data.forEach((v, p) => (sum.data[p] += v));
      }
      close(Array.from({ length: h * w }, (_, p) => yd[(n * h * w + p) * f + o]), toRows(sum).flat());
    }
    const dy = tf.tensor4d(Array.from({ length: B * h * w * f }, () => rng.uniform(-1, 1)), [B, h, w, f]);
    const loss = (g: (a: tf.Tensor4D, b: tf.Tensor4D) => tf.Tensor4D) => (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(g(a as tf.Tensor4D, b as tf.Tensor4D), dy));
    const ours = tf.grads(loss(conv3x3))([x, K]);
    const theirs = tf.grads(loss((a, b) => tf.conv2d(a, b, 1, 'same')))([x, K]);
    close(ours[0].dataSync(), theirs[0].dataSync());
    close(ours[1].dataSync(), theirs[1].dataSync());
    tf.dispose([x, K, y, dy, ...ours, ...theirs]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('cnn: a short training run (WASM backend, as in the worker)', () => {
  beforeAll(async () => {
    expect(await useWasmBackend()).toBe(true);
  });
  afterAll(useCpuBackend);
  const cfg = { f1: 4, f2: 8, lr: 0.01, seed: 3, batch: 32 };

  it('learns clearly above chance, replays through a checkpoint, and leaks no tensor', () => {
    const base = tf.memory().numTensors;
    const run = new TrainingRun(cfg);
    const start = run.view(new Float32Array(256));
    expect(start.eval.acc).toBeLessThan(0.3);
    run.advance(100);
    const v = run.view(new Float32Array(256));
    expect(v.step).toBe(100);
    expect(v.eval.acc).toBeGreaterThan(0.6); // chance is 1/CLASSES
    expect(v.eval.acc).toBeGreaterThan(5 / CLASSES);
    expect(v.inspect.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(v.inspect.conv1).toHaveLength(4);
    expect(v.inspect.pool2[0]).toHaveLength(16);
    const w100 = run.trainer.snapshot().values[0];
    // Back to step 50 (from the checkpoint at 0) and on to 100 again: the same weights.
    run.advance(50);
    expect(run.step).toBe(50);
    run.advance(100);
    close(run.trainer.snapshot().values[0], w100, 1e-6);
    run.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });

  it('a worker run stopped half-way (a newer target, then disposed) leaves no tensor', () => {
    const base = tf.memory().numTensors;
    const r = workerRun(cfg);
    const t = { step: 400, image: Array(256).fill(0) };
    expect(r.advance(t, performance.now() + 5)).toBe(false); // out of budget: stopped mid-training
    expect(r.progress!()).toBeGreaterThan(0);
    r.dispose!();
    expect(tf.memory().numTensors).toBe(base);
    const tr = new CnnTrainer(cfg);
    tr.trainStep();
    tr.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});
