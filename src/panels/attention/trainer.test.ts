/**
 * The trained mode's tfjs code against outside truths: its attention op reproduces PyTorch's
 * scaled_dot_product_attention (float32 tolerance); Adam's first step moves every weight by the
 * step size (m̂ = g, v̂ = g², so the update is lr·g/|g|); the default run learns to reverse
 * digits to ≥ 95 % token accuracy from a fixed seed; a run moved back and forward lands on the
 * same numbers; nothing leaks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from '../../lib/tf/tf';
import { useCpuBackend } from '../../lib/tf/testing';
import { defaults } from '../../lib/params/schema';
import { AttentionTrainer, initialWeights, sdpa, type TrainConfig } from './trainer.tf';
import { TARGET_ACC, TrainingRun, workerRun, trainConfig, trainingNote } from './run';
import { makeBatch, sourcePosition, trainBatch } from './task';
import { schema } from './params';

function loadOracles() {
  let text: string;
  try {
    text = readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8');
  } catch {
    text = readFileSync(`${process.cwd()}/../shared/oracles/reference-cases.json`, 'utf8');
  }
  return JSON.parse(text);
}
const ORACLES = loadOracles();
const DEFAULT_CFG = trainConfig(defaults(schema));

beforeAll(async () => {
  await useCpuBackend();
});

describe('the tfjs attention op against PyTorch (float32)', () => {
  for (const c of ORACLES.attention.cases as { name: string; input: { Q: number[][]; K: number[][]; V: number[][]; causal: boolean }; expected: { weights: number[][]; output: number[][] } }[]) {
    it(c.name, () => {
      const before = tf.memory().numTensors;
      const [w, o] = tf.tidy(() => {
        const t = (m: number[][]) => tf.tensor3d([m]);
        const r = sdpa(t(c.input.Q), t(c.input.K), t(c.input.V), c.input.causal);
        return [r.weights.arraySync()[0], r.output.arraySync()[0]];
      });
      const close = (a: number[][], b: number[][]) => {
        expect(a.map((row) => row.length)).toEqual(b.map((row) => row.length));
        a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - b[i][j])).toBeLessThan(2e-6 * Math.max(1, Math.abs(b[i][j])))));
      };
      close(w, c.expected.weights);
      close(o, c.expected.output);
      if (c.input.causal) for (let i = 0; i < w.length; i++) for (let j = i + 1; j < w.length; j++) expect(w[i][j]).toBe(0);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('the toy task', () => {
  it('reverse, copy and shift read the right input positions', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => sourcePosition('reverse', i, 6))).toEqual([5, 4, 3, 2, 1, 0]);
    expect([0, 1, 2].map((i) => sourcePosition('copy', i, 3))).toEqual([0, 1, 2]);
    expect([0, 1, 2, 3].map((i) => sourcePosition('shift', i, 4))).toEqual([1, 2, 3, 0]);
    const b = makeBatch('reverse', 2, 5, 3, 'x');
    expect(Array.from(b.y.subarray(0, 5))).toEqual(Array.from(b.x.subarray(0, 5)).reverse());
  });
  it('batch t is the same whenever it is drawn, and differs from batch t+1', () => {
    expect(trainBatch('reverse', 4, 6, 1, 7)).toEqual(trainBatch('reverse', 4, 6, 1, 7));
    expect(trainBatch('reverse', 4, 6, 1, 7).x).not.toEqual(trainBatch('reverse', 4, 6, 1, 8).x);
  });
});

describe('AttentionTrainer', () => {
  it("Adam's first step moves each weight by the step size, against its gradient's sign", () => {
    const cfg: TrainConfig = { ...DEFAULT_CFG, lr: 0.01 };
    const t = new AttentionTrainer(cfg);
    const w0 = t.snapshot().values.slice(0, 7);
    t.trainStep();
    const w1 = t.snapshot().values.slice(0, 7);
    expect(w0).toHaveLength(7);
    expect(w1.map((a) => a.length)).toEqual(w0.map((a) => a.length));
    let moved = 0, total = 0;
    w0.forEach((a, k) =>
      a.forEach((v, i) => {
        const d = Math.abs(w1[k][i] - v);
        expect(d).toBeLessThan(cfg.lr * 1.0001);
        total++;
        if (Math.abs(d - cfg.lr) < cfg.lr * 0.02) moved++;
      }),
    );
    // Every weight gets a non-zero gradient from a batch of 32 sequences (all digits occur).
    expect(moved / total).toBeGreaterThan(0.97);
    t.dispose();
  });

  it('initial weights come from the seed: same seed same weights, other seed other weights', () => {
    expect(initialWeights(DEFAULT_CFG).Wq).toEqual(initialWeights(DEFAULT_CFG).Wq);
    expect(initialWeights(DEFAULT_CFG).Wq).not.toEqual(initialWeights({ ...DEFAULT_CFG, seed: 2 }).Wq);
    expect(Array.from(initialWeights(DEFAULT_CFG).b)).toEqual(new Array(10).fill(0));
  });
});

describe('training the default model (reverse 6 digits, seed 1)', () => {
  it(`reaches ≥ ${TARGET_ACC * 100} % token accuracy, the attention map turns anti-diagonal, and replays exactly`, () => {
    const before = tf.memory().numTensors;
    const run = new TrainingRun(DEFAULT_CFG);
    let step = 0;
    let acc = 0;
    while (step < 300 && acc < TARGET_ACC) {
      step += 10;
      run.advance(step);
      acc = run.view(0).eval.tokenAcc;
    }
    const v = run.view(0);
    expect(v.eval.tokenAcc).toBeGreaterThanOrEqual(TARGET_ACC);
    expect(v.reachedAt).toBe(step);
    expect(v.history[0]).toMatchObject({ step: 0 });
    expect(v.history[0].tokenAcc).toBeLessThan(0.3);
    // The attention pattern the task needs: each output position looks mostly at L−1−i.
    expect(v.eval.targetMass).toBeGreaterThan(0.75);
    expect(v.sample.weights.map((row) => row.length)).toEqual(new Array(6).fill(6));
    v.sample.weights.forEach((row, i) => expect(row.indexOf(Math.max(...row))).toBe(5 - i));
    v.sample.weights.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5));

    // Back to an earlier step (restores the checkpoint at 50) and forward again: identical.
    run.advance(step - 15);
    expect(run.step).toBe(step - 15);
    run.advance(step);
    expect(run.view(0)).toEqual(v);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 30_000);
});

describe('the run the worker advances slice by slice (workerRun)', () => {
  it('reaches its step in slices with the same numbers as in one go, and dispose releases every tensor', () => {
    const before = tf.memory().numTensors;
    const whole = new TrainingRun(DEFAULT_CFG);
    whole.advance(12);
    const clock = 0;
    const sliced = workerRun(DEFAULT_CFG, () => clock);
    const target = { step: 12, sample: 3 };
    let calls = 1;
    // Every call finds its deadline already passed: one training step each, as in a slow slice.
    while (!sliced.advance(target, clock - 1)) {
      expect(sliced.progress!()).toBe(calls);
      calls++;
    }
    expect(calls).toBe(12);
    expect(sliced.view(target)).toEqual(whole.view(3));
    whole.dispose();
    sliced.dispose!();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('trainingNote', () => {
  const ev = (tokenAcc: number) => ({ loss: 1, tokenAcc, seqAcc: 0, targetMass: 0 });
  it('says nothing for a healthy run or early on', () => {
    expect(trainingNote({ step: 100, eval: ev(0.99), history: [{ step: 90, ...ev(0.98) }] }, 0.005)).toBeNull();
    expect(trainingNote({ step: 100, eval: ev(0.2), history: [] }, 0.0003)).toBeNull();
  });
  it('flags a run that lost what it had learned, and one that crawls', () => {
    expect(trainingNote({ step: 250, eval: ev(0.6), history: [{ step: 30, ...ev(0.97) }] }, 0.1)).toMatch(/fallen from its best of 97 % to 60 %/);
    expect(trainingNote({ step: 200, eval: ev(0.16), history: [] }, 0.0003)).toMatch(/crawling/);
  });
});
