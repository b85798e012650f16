/**
 * The tfjs trainer (CPU backend, as unit tests run it): the reference loss and gradients by
 * tfjs autodiff, the default run finding the built-in corpus's analogies, replay and rewind
 * giving the same weights, the batches walking every pair once per epoch, and no tensor left
 * behind after training, stopping and disposing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend, useWasmBackend } from '../../lib/tf/testing';
import * as tf from '../../lib/tf/tf';
import { BatchSource } from './batches';
import { buildCorpus, builtInCorpus, skipGramPairs, splitText } from './corpus';
import { sgnsLossGrad, unigramTable } from './model';
import { schema } from './params';
import { corpusOf, corpusProblem, runConfig, TrainingRun, workerRun } from './run';
import { sgnsLoss } from './trainer.tf';

const SG = JSON.parse(readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8')).skipgram as {
  center: number[]; context: number[]; negatives: number[][]; loss: number; d_center: number[]; d_context: number[]; d_negatives: number[][];
};

beforeAll(useCpuBackend);

const f32close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(b[i])));
};

/** Loss and gradients of one pair by tfjs autodiff (float32). */
function tfGrads(c: number[], o: number[], negs: number[][]) {
  return tf.tidy(() => {
    const d = c.length, K = negs.length;
    const loss = (cc: tf.Tensor, oo: tf.Tensor, nn: tf.Tensor | null) =>
      sgnsLoss(tf.reshape(cc, [1, d]) as tf.Tensor2D, tf.reshape(oo, [1, d]) as tf.Tensor2D, nn ? (tf.reshape(nn, [1, K, d]) as tf.Tensor3D) : null);
    const cT = tf.tensor1d(c), oT = tf.tensor1d(o);
    // With K = 0 there is nothing to differentiate by the negatives (tfjs refuses an unused input).
    const { value, grads } = K
      ? tf.valueAndGrads((cc: tf.Tensor, oo: tf.Tensor, nn: tf.Tensor) => loss(cc, oo, nn))([cT, oT, tf.tensor2d(negs, [K, d])])
      : tf.valueAndGrads((cc: tf.Tensor, oo: tf.Tensor) => loss(cc, oo, null))([cT, oT]);
    return { loss: value.dataSync()[0], dc: grads[0].dataSync(), dout: grads[1].dataSync(), dn: K ? grads[2].dataSync() : new Float32Array(0) };
  });
}

describe('the tfjs loss', () => {
  it('reproduces the reference loss and gradients by autodiff (float32)', () => {
    const g = tfGrads(SG.center, SG.context, SG.negatives);
    expect(Math.abs(g.loss - SG.loss)).toBeLessThan(1e-5 * SG.loss);
    f32close(g.dc, SG.d_center);
    f32close(g.dout, SG.d_context);
    f32close(g.dn, SG.d_negatives.flat());
  });

  it('agrees with the hand formula on other inputs, with K = 0 too', () => {
    let seed = 1;
    const r = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
    for (const K of [0, 1, 4]) {
      const d = 6;
      const c = Array.from({ length: d }, r), o = Array.from({ length: d }, r), negs = Array.from({ length: K }, () => Array.from({ length: d }, r));
      const h = sgnsLossGrad(c, o, negs), g = tfGrads(c, o, negs);
      expect(Math.abs(g.loss - h.loss)).toBeLessThan(1e-5 * Math.max(1, h.loss));
      f32close(g.dc, h.dCenter);
      f32close(g.dout, h.dContext);
      if (K) f32close(g.dn, h.dNegatives.flat());
    }
  });
});

describe('corpus and batches', () => {
  it('pairs: each word with every other word within the window, in both directions', () => {
    const c = buildCorpus([['a', 'b', 'c', 'd'], ['b', 'a']]);
    for (const w of [1, 2, 3]) {
      const { center } = skipGramPairs(c, w);
      // A sentence of n words has Σ_i min(i, w) ordered pairs looking back, as many looking ahead.
      const count = (n: number) => 2 * Array.from({ length: n }, (_, i) => Math.min(i, w)).reduce((a, b) => a + b, 0);
      expect(center.length).toBe(count(4) + count(2));
    }
    expect(corpusProblem(buildCorpus(splitText('one. two. three.'), 2), 2)).toMatch(/paste more text/);
    expect(corpusProblem(buildCorpus(splitText('a b. a b. c d. c d.'), 2), 2)).toBeNull();
  });

  it('the built-in corpus is seeded: the same seed gives the same sentences, another seed other ones', () => {
    expect(builtInCorpus(3)).toEqual(builtInCorpus(3));
    expect(builtInCorpus(3)).not.toEqual(builtInCorpus(4));
  });

  it('each epoch walks every pair exactly once; negatives come from the vocabulary', () => {
    const c = corpusOf({ corpus: 'builtin', text: '', seed: 2 });
    const pairs = skipGramPairs(c, 2);
    const P = pairs.center.length, B = 100;
    const src = new BatchSource(pairs, unigramTable(c.counts), 2, B, 3);
    const seen = new Map<string, number>();
    const key = (a: number, b: number) => `${a},${b}`;
    for (let i = 0; i < P; i++) seen.set(key(pairs.center[i], pairs.context[i]), (seen.get(key(pairs.center[i], pairs.context[i])) ?? 0) + 1);
    const got = new Map<string, number>();
    for (let t = 0; t * B < P; t++) {
      const b = src.at(t);
      const n = Math.min(B, P - t * B);
      for (let i = 0; i < n; i++) got.set(key(b.center[i], b.context[i]), (got.get(key(b.center[i], b.context[i])) ?? 0) + 1);
      expect(b.negatives.length).toBe(3 * B);
      expect(Math.max(...b.negatives)).toBeLessThan(c.vocab.length);
    }
    expect(got).toEqual(seen);
    expect(src.at(5)).toEqual(new BatchSource(pairs, unigramTable(c.counts), 2, B, 3).at(5));
  });
});

describe('training', () => {
  const p = defaults(schema);
  const runs: TrainingRun[] = [];
  afterAll(() => runs.forEach((r) => r.dispose()));

  it('a rewind restores a checkpoint and retrains to the same weights as a straight run', () => {
    const cfg = runConfig({ ...p, dim: 4 });
    const a = new TrainingRun(cfg), b = new TrainingRun(cfg);
    runs.push(a, b);
    a.advance(54);
    a.advance(52); // back to the checkpoint at 50, then 2 steps
    b.advance(52);
    expect(a.view().embeddings).toEqual(b.view().embeddings);
    expect(a.view().history.map((h) => h.step)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('no tensor is left after training, after stopping part-way, and after dispose', () => {
    const base = tf.memory().numTensors;
    const r = workerRun(runConfig({ ...p, dim: 3 }));
    const mid = tf.memory().numTensors;
    expect(mid).toBeGreaterThan(base); // the run holds its variables
    r.advance(20, Infinity);
    expect(tf.memory().numTensors).toBe(mid); // training adds none: checkpoints are copied out as arrays
    r.advance(40, performance.now()); // stopped at once: a slice with no time left
    r.view(40);
    r.dispose?.();
    expect(tf.memory().numTensors).toBe(base);
  });

  // The page's worker runs WASM here (WebGL where a GPU is): its kernels must train the same
  // model. (A float32 oneHot on WASM once came out as integer bits, so nothing ever trained.)
  it('WASM trains the same weights as CPU, within float32 tolerance', async () => {
    const cfg = runConfig({ ...p, dim: 4 });
    const cpu = new TrainingRun(cfg);
    cpu.advance(20);
    const want = cpu.view();
    cpu.dispose();
    try {
      expect(await useWasmBackend()).toBe(true);
      const w = new TrainingRun(cfg);
      w.advance(20);
      const got = w.view();
      w.dispose();
      expect(Math.abs(got.loss - want.loss)).toBeLessThan(1e-3);
      got.embeddings.forEach((x, i) => expect(Math.abs(x - want.embeddings[i])).toBeLessThan(1e-3));
      expect(got.loss).toBeLessThan(got.history[0].loss - 0.1);
    } finally {
      await useCpuBackend();
    }
  });
});
