/**
 * The overfitting model against truths that do not come from our code: PyTorch's autograd and
 * optimizers and scikit-learn's L2 logistic regression (../shared/oracles), finite differences,
 * hand-worked early-stopping sequences (through the panel's own Run), tfjs autodiff for the
 * hand-written backward pass; and
 * the "must hold" facts of PANELS.md §18: with little data and a large network the training loss
 * falls well below the validation loss, weight decay lowers the weight norm, early stopping
 * returns the best validation epoch.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../lib/tf/tf';
import { useCpuBackend } from '../../lib/tf/testing';
import { defaults } from '../../lib/params/schema';
import { features, gridFeatures, trainingSet, validationSet, VAL_N, type Split } from './data';
import { adamStep, dropoutMasks, gradient, initParams, layout, logits, sgdStep, sigmoid, weightNorm2, bce, type Arch } from './mlp';
import { gridProbsTfPlain } from './net.tf';
import { createRun, curveSizes, earlyStopping, gridProbsTf, JsNet, LearningCurve, Run, specA, specB, trainRun, type Net, type Evaluation } from './model';
import { schema, type OverfitParams } from './params';

/* eslint-disable @typescript-eslint/no-explicit-any -- the oracle file is untyped JSON */
function oracles(): Record<string, any> {
  let text: string;
  try {
    text = readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8');
  } catch {
    text = readFileSync(process.cwd() + '/../shared/oracles/reference-cases.json', 'utf8');
  }
  return JSON.parse(text);
}
const ORACLE = oracles();

const base = (over: Partial<OverfitParams> = {}): OverfitParams => ({ ...defaults(schema), ...over });
const relClose = (a: number, b: number, rel: number, abs = 1e-12) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;

beforeAll(async () => {
  await useCpuBackend();
});

describe('backward pass', () => {
  // PyTorch autograd, float64: 2-3-1, sigmoid output, loss ½(y − t)². W1 rows are hidden units.
  // The oracle has a third case with sigmoid hidden units: this panel's network offers tanh and
  // ReLU only (mlp.ts, Activation), so there is no code here for it to check; the sigmoid hidden
  // layer is the vanishing-gradients panel's, checked against its own PyTorch cases there.
  const cases = ORACLE.backprop.cases.filter((c: any) => c.input.hidden_activation !== 'sigmoid');
  it('the oracle cases for the activations the panel has: tanh and ReLU (sigmoid is not one)', () => {
    expect(cases.map((c: any) => c.input.hidden_activation).sort()).toEqual(['relu', 'tanh']);
    expect(ORACLE.backprop.cases.length - cases.length).toBe(1);
  });
  for (const c of cases) {
    it(`matches torch autograd: ${c.name}`, () => {
      const { W1, b1, W2, b2, x, target, hidden_activation } = c.input;
      const arch: Arch = { sizes: [2, 3, 1], activation: hidden_activation };
      const L = layout(arch);
      const theta = new Float64Array(L.size);
      for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) theta[L.w[0] + i * 3 + j] = W1[j][i];
      theta.set(b1, L.b[0]);
      theta.set(W2[0], L.w[1]);
      theta[L.b[1]] = b2[0];
      const z = logits(arch, theta, x, 1)[0];
      expect(relClose(z, c.expected.z2[0], 1e-12)).toBe(true);
      const g = gradient(arch, theta, x, 1, (zz) => {
        const y = sigmoid(zz);
        return (y - target) * y * (1 - y);
      });
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 3; j++) expect(g[L.w[0] + i * 3 + j]).toBeCloseTo(c.expected.dW1[j][i], 12);
      for (let j = 0; j < 3; j++) {
        expect(g[L.b[0] + j]).toBeCloseTo(c.expected.db1[j], 12);
        expect(g[L.w[1] + j]).toBeCloseTo(c.expected.dW2[0][j], 12);
      }
      expect(g[L.b[1]]).toBeCloseTo(c.expected.db2[0], 12);
    });
  }

  it('matches central finite differences of the mean cross-entropy, with dropout masks, tanh and ReLU', () => {
    for (const activation of ['tanh', 'relu'] as const) {
      const arch: Arch = { sizes: [7, 5, 4, 1], activation };
      const d = trainingSet('moons', 0.2, 12, 3);
      const X = features('poly', d.x, d.n);
      const theta = initParams(arch, 7);
      for (let k = 0; k < theta.length; k++) theta[k] += 0.05 * Math.sin(k); // non-zero biases too
      const masks = dropoutMasks(arch.sizes, d.n, 0.3, 5, 0);
      const loss = (th: Float64Array) => {
        const z = logits(arch, th, X, d.n, masks);
        let s = 0;
        for (let r = 0; r < d.n; r++) s += bce(z[r], d.y[r]);
        return s / d.n;
      };
      const g = gradient(arch, theta, X, d.n, (z, r) => (sigmoid(z) - d.y[r]) / d.n, masks);
      const h = 1e-6;
      let worst = 0;
      for (let k = 0; k < theta.length; k++) {
        const tp = theta.slice(), tm = theta.slice();
        tp[k] += h;
        tm[k] -= h;
        const fd = (loss(tp) - loss(tm)) / (2 * h);
        worst = Math.max(worst, Math.abs(fd - g[k]) / Math.max(1e-4, Math.abs(fd)));
      }
      expect(worst).toBeLessThan(1e-5);
    }
  });

  it('dropout masks drop about p of the units and keep the mean (inverted dropout)', () => {
    const m = dropoutMasks([2, 50, 50, 1], 200, 0.3, 1, 4);
    const all = [...m[0]!, ...m[1]!];
    const dropped = all.filter((v) => v === 0).length / all.length;
    expect(Math.abs(dropped - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(all.reduce((s, v) => s + v, 0) / all.length - 1)).toBeLessThan(0.03);
    expect(dropoutMasks([2, 5, 1], 3, 0, 1, 0)).toEqual([null]);
  });
});

describe('optimizers', () => {
  const rosen = (p: Float64Array) => [-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]), 200 * (p[1] - p[0] * p[0])];
  const bowl = (p: Float64Array) => [p[0], 10 * p[1]];
  const find = (name: string) => ORACLE.optimizers.cases.find((c: any) => c.name === name);

  it('Adam reproduces torch.optim.Adam on the Rosenbrock function', () => {
    const c = find('adam on rosenbrock');
    const p = Float64Array.from(c.input.start as number[]);
    const s = { m: new Float64Array(2), v: new Float64Array(2), t: 0 };
    for (let k = 1; k < c.expected.path.length; k++) {
      adamStep(p, rosen(p), s, 0.1);
      expect(p[0]).toBeCloseTo(c.expected.path[k][0], 10);
      expect(p[1]).toBeCloseTo(c.expected.path[k][1], 10);
    }
  });

  it('gradient descent reproduces torch.optim.SGD on the bowl', () => {
    const c = find('sgd on bowl_1_10');
    const p = Float64Array.from(c.input.start as number[]);
    for (let k = 1; k < c.expected.path.length; k++) {
      sgdStep(p, bowl(p), 0.001);
      expect(p[0]).toBeCloseTo(c.expected.path[k][0], 12);
      expect(p[1]).toBeCloseTo(c.expected.path[k][1], 12);
    }
  });
});

describe('L2 weight decay', () => {
  it('a network with no hidden layer and λ = 1/(C·n) converges to scikit-learn’s L2 logistic regression (C = 1)', () => {
    const o = ORACLE.logistic;
    const n = o.X.length;
    const split: Split = { x: Float64Array.from(o.X.flat()), y: Float64Array.from(o.y), n };
    const cfg = { arch: { sizes: [2, 1], activation: 'tanh' as const }, features: 'xy' as const, optimizer: 'adam' as const, lr: 0.05, batch: n, dropout: 0, l2: 1 / n, jitter: 0, earlyStop: false, patience: 1, seed: 1 };
    const net = new JsNet(cfg, split, split);
    for (let e = 0; e < 3000; e++) net.step(e);
    const { coef, intercept } = o.fits.l2_C1;
    expect(net.theta[0]).toBeCloseTo(coef[0], 5);
    expect(net.theta[1]).toBeCloseTo(coef[1], 5);
    expect(net.theta[2]).toBeCloseTo(intercept, 5);
  });

  it('weight decay lowers the weight norm, more for a larger λ (same seed, same data)', () => {
    const norms = [0, 0.001, 0.01, 0.05].map((l2) => {
      const r = trainRun(specA(base({ useL2: l2 > 0, l2: l2 || 0.01, width: 12 })), 300);
      return r.hist.wnorm[r.epoch];
    });
    for (let k = 1; k < norms.length; k++) expect(norms[k]).toBeLessThan(norms[k - 1]);
    expect(norms[3]).toBeLessThan(norms[0] / 10);
    // And the recorded norm is Σ W² of the weights (biases excluded), computed independently.
    const r = trainRun(specA(base()), 20);
    const arch = specA(base()).cfg.arch;
    const theta = r.weights();
    let s = 0;
    const L = layout(arch);
    for (let l = 0; l < L.w.length; l++) for (let k = 0; k < arch.sizes[l] * arch.sizes[l + 1]; k++) s += theta[L.w[l] + k] ** 2;
    expect(r.hist.wnorm[20]).toBeCloseTo(s, 10);
    expect(weightNorm2(arch, theta)).toBeCloseTo(s, 10);
  });
});

describe('overfitting (must hold)', () => {
  it('little data and a large network: training loss falls well below validation loss (float64 engine)', () => {
    const r = trainRun(specA(base({ n: 20, width: 16, depth: 3 })), 700);
    const k = r.epoch;
    expect(r.hist.trainLoss[k]).toBeLessThan(0.02);
    expect(r.hist.valLoss[k]).toBeGreaterThan(10 * r.hist.trainLoss[k]);
    expect(r.hist.valLoss[k]).toBeGreaterThan(0.5);
    // The validation loss turned: its minimum lies early and well below its final value.
    expect(r.bestEpoch).toBeLessThan(300);
    expect(r.hist.valLoss[r.bestEpoch]).toBeLessThan(0.6 * r.hist.valLoss[k]);
    expect(r.hist.trainAcc[k]).toBe(1);
  });

  it('the same holds when tfjs trains the network (CPU backend, fixed seed)', () => {
    const before = tf.memory().numTensors;
    const run = createRun({ ...specA(base({ n: 20, width: 16, depth: 2, lr: 0.05 })), engine: 'tf' });
    run.advance(100);
    const k = run.epoch;
    expect(run.hist.trainLoss[k]).toBeLessThan(0.05);
    expect(run.hist.valLoss[k]).toBeGreaterThan(5 * run.hist.trainLoss[k]);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 20_000);

  it('more data closes the gap: with 4× the points the final gap is smaller', () => {
    const p = base({ compare: 'more', width: 12 });
    const a = trainRun(specA(p), 500), b = trainRun(specB(p)!, 500);
    const gap = (r: Run) => r.hist.valLoss[r.epoch] - r.hist.trainLoss[r.epoch];
    expect(gap(b)).toBeLessThan(0.6 * gap(a));
  });
});

describe('early stopping', () => {
  /** A stand-in network whose validation loss after k updates is valLoss[k]; its "weights" count its updates. */
  function scripted(valLoss: readonly number[]): Net {
    let w = 0;
    return {
      step: () => void (w += 1),
      evaluate: (): Evaluation => ({ trainLoss: 1, valLoss: valLoss[w], trainAcc: 0, valAcc: 0, wnorm: w }),
      getWeights: () => Float64Array.of(w),
      setWeights: (t) => void (w = t[0]),
      saveState: () => Float64Array.of(w),
      loadState: (st) => void (w = st[0]),
      dispose: () => {},
    };
  }

  it("hand-worked sequences: best epoch is the minimum, stop comes `patience` epochs after it, in earlyStopping and in the panel's Run", () => {
    const v = [1, 0.8, 0.9, 0.7, 0.75, 0.8, 0.85, 0.6];
    const cases: [readonly number[], number, number, number | null][] = [
      [v, 2, 3, 5],
      [v, 3, 3, 6],
      [v, 4, 7, null],
      [[1, 1, 1], 1, 0, 1], // ties are not improvements
      [[1, 0.5, 0.5, 0.5, 0.4], 2, 1, 3],
      [[1, 0.5, 0.5, 0.4, 0.4, 0.4], 3, 3, null],
    ];
    for (const [seq, patience, best, stop] of cases) {
      const run = new Run(scripted(seq), { earlyStop: true, patience });
      run.advance(seq.length - 1);
      const what = `${JSON.stringify(seq)}, patience ${patience}`;
      expect({ best: run.bestEpoch, stop: run.stoppedAt }, what).toEqual({ best, stop });
      expect(earlyStopping(seq, patience), what).toEqual({ best, stop });
      expect(run.epoch, what).toBe(stop ?? seq.length - 1);
      // A stopped run shows, and holds, the best epoch's weights; a running one its latest.
      expect(run.shown, what).toBe(stop === null ? seq.length - 1 : best);
      expect(run.weights()[0], what).toBe(stop === null ? seq.length - 1 : best);
      expect(run.done, what).toBe(stop !== null);
    }
    // Off: it never stops, and still tracks the best epoch.
    const off = new Run(scripted(v), { earlyStop: false, patience: 1 });
    off.advance(v.length - 1);
    expect({ best: off.bestEpoch, stop: off.stoppedAt, epoch: off.epoch }).toEqual({ best: 7, stop: null, epoch: 7 });
  });

  it('a run returns the best validation epoch, stops at best + patience and restores the best weights', () => {
    const patience = 40;
    const p = base({ earlyStop: true, patience });
    const run = trainRun(specA(p), 3000);
    const v = run.hist.valLoss;
    const argmin = v.indexOf(Math.min(...v));
    expect(run.bestEpoch).toBe(argmin);
    expect(run.stoppedAt).toBe(argmin + patience);
    expect(run.epoch).toBe(run.stoppedAt);
    expect(run.shown).toBe(argmin);
    // The restored weights are the best epoch's: evaluating them gives its validation loss.
    expect(run.net.evaluate().valLoss).toBeCloseTo(v[argmin], 12);
    // Early stopping changes nothing before it fires.
    const free = trainRun(specA(base()), run.epoch);
    expect(free.hist.valLoss).toEqual(v);
    expect(earlyStopping(free.hist.valLoss, patience)).toEqual({ best: argmin, stop: argmin + patience });
  });
});

describe('runs', () => {
  it('rewinding to a checkpoint and replaying gives exactly the straight-through run (dropout and jitter on)', () => {
    const s = specA(base({ dropout: 0.2, jitter: 0.05 }));
    const straight = trainRun(s, 137);
    const r = trainRun(s, 180);
    r.seek(60);
    r.advance(60);
    expect(r.epoch).toBe(60);
    expect(r.hist.valLoss).toEqual(straight.hist.valLoss.slice(0, 61));
    r.advance(137);
    expect(r.hist.trainLoss).toEqual(straight.hist.trainLoss);
    expect(Array.from(r.weights())).toEqual(Array.from(straight.weights()));
  });

  it('a run is plain full-batch Adam on mean cross-entropy + (λ/2)Σw², written out step by step', () => {
    const p = base({ useL2: true, l2: 0.01, width: 6 });
    const s = specA(p);
    const run = trainRun(s, 40);
    const d = trainingSet('moons', p.noise, p.n, p.seed);
    const X = features('xy', d.x, d.n);
    const arch = s.cfg.arch, L = layout(arch);
    const theta = initParams(arch, p.seed);
    const st = { m: new Float64Array(L.size), v: new Float64Array(L.size), t: 0 };
    for (let e = 0; e < 40; e++) {
      const g = gradient(arch, theta, X, d.n, (z, r) => (sigmoid(z) - d.y[r]) / d.n);
      for (let l = 0; l < L.w.length; l++) for (let k = 0; k < arch.sizes[l] * arch.sizes[l + 1]; k++) g[L.w[l] + k] += 0.01 * theta[L.w[l] + k];
      adamStep(theta, g, st, p.lr);
    }
    const w = run.weights();
    for (let k = 0; k < L.size; k++) expect(w[k]).toBeCloseTo(theta[k], 12);
    const z = logits(arch, theta, X, d.n);
    expect(run.hist.trainLoss[40]).toBeCloseTo(Array.from(z).reduce((acc, zz, r) => acc + bce(zz, d.y[r]), 0) / d.n, 12);
  });

  it('a diverging update leaves the run at its last finite epoch', () => {
    // A stand-in network whose loss turns infinite after 7 updates (its "weights" count steps).
    let w = 0;
    const ev = (): Evaluation => ({ trainLoss: w < 8 ? 1 / (1 + w) : Infinity, valLoss: 1, trainAcc: 0, valAcc: 0, wnorm: w });
    const net: Net = {
      step: () => void (w += 1),
      evaluate: ev,
      getWeights: () => Float64Array.of(w),
      setWeights: (t) => void (w = t[0]),
      saveState: () => Float64Array.of(w),
      loadState: (s) => void (w = s[0]),
      dispose: () => {},
    };
    const run = new Run(net, { earlyStop: false, patience: 5 });
    expect(run.advance(100)).toBe(true);
    expect(run.epoch).toBe(7);
    expect(run.divergedAt).toBe(8);
    expect(run.hist.trainLoss.every(Number.isFinite)).toBe(true);
    expect(run.weights()[0]).toBe(7);
  });

  it('tfjs autodiff trains the same network as the hand-written float64 backward pass', () => {
    const s = specA(base({ dropout: 0.2, useL2: true, l2: 0.003, jitter: 0.05, activation: 'relu', features: 'poly', width: 8, depth: 3 }));
    const js = trainRun(s, 25);
    const before = tf.memory().numTensors;
    const t = createRun({ ...s, engine: 'tf' });
    t.advance(25);
    expect(t.hist.valLoss).toHaveLength(26);
    expect(js.hist.valLoss).toHaveLength(26);
    for (let k = 0; k <= 25; k++) {
      expect(relClose(t.hist.trainLoss[k], js.hist.trainLoss[k], 2e-4)).toBe(true);
      expect(relClose(t.hist.valLoss[k], js.hist.valLoss[k], 2e-4)).toBe(true);
      expect(relClose(t.hist.wnorm[k], js.hist.wnorm[k], 2e-4)).toBe(true);
    }
    // Rewind and replay through the tfjs state too.
    t.seek(10);
    t.advance(25);
    expect(relClose(t.hist.valLoss[25], js.hist.valLoss[25], 2e-4)).toBe(true);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the batched tfjs grids (fused with tanh folded into σ, and op by op) equal the float64 forward pass', () => {
    for (const activation of ['tanh', 'relu'] as const) {
      const s = specA(base({ features: 'poly', width: 8, depth: 6, activation }));
      const r = trainRun(s, 30);
      const z = logits(s.cfg.arch, r.weights(), gridFeatures('poly', 40, 30), 1200);
      for (const f of [gridProbsTf, gridProbsTfPlain]) {
        const before = tf.memory().numTensors;
        const probs = f(s.cfg.arch, r.weights(), 'poly', 40, 30);
        expect(tf.memory().numTensors).toBe(before);
        expect(probs.length).toBe(1200);
        let worst = 0;
        for (let k = 0; k < 1200; k++) worst = Math.max(worst, Math.abs(probs[k] - sigmoid(z[k])));
        expect(worst).toBeLessThan(2e-5);
      }
    }
  });
});

describe('data and comparisons', () => {
  it('training sets are nested in n; the validation set does not depend on n', () => {
    const small = trainingSet('spiral', 0.1, 40, 9), big = trainingSet('spiral', 0.1, 160, 9);
    expect(Array.from(big.x.subarray(0, 80))).toEqual(Array.from(small.x));
    expect(Array.from(big.y.subarray(0, 40))).toEqual(Array.from(small.y));
    expect(Array.from(validationSet('spiral', 0.1, 9).x)).toEqual(Array.from(validationSet('spiral', 0.1, 9).x));
    expect(validationSet('spiral', 0.1, 9).n).toBe(VAL_N);
    const ones = big.y.reduce((s, v) => s + v, 0);
    expect(ones).toBeGreaterThan(50);
    expect(ones).toBeLessThan(110);
  });

  it('the poly features are TensorFlow Playground’s seven', () => {
    expect(Array.from(features('poly', [0.5, -2], 1))).toEqual([0.5, -2, 0.25, 4, -1, Math.sin(0.5), Math.sin(-2)]);
  });

  it('B differs from A in one thing only, and starts from the same weights when the shapes match', () => {
    const p = base({ dropout: 0.3, useL2: true, compare: 'plain' });
    const a = specA(p), b = specB(p)!;
    expect(b.cfg).toEqual({ ...a.cfg, dropout: 0, l2: 0, jitter: 0, earlyStop: false });
    expect(specB(base({ compare: 'more', n: 400 }))!.n).toBe(1000);
    expect(specB(base({ compare: 'small' }))!.cfg.arch.sizes).toEqual([2, 4, 1]);
    expect(specB(base())).toBeNull();
    expect(Array.from(initParams(a.cfg.arch, 1))).toEqual(Array.from(initParams(b.cfg.arch, 1)));
  });

  it('learning curve: training loss rises and validation loss falls with more data', () => {
    const curve = new LearningCurve(specA(base({ width: 8 })));
    const sizes = curveSizes(30, [10, 40, 160]);
    expect(sizes).toEqual([10, 30, 40, 160]);
    expect(curve.step(200, sizes)).toBe(true);
    const pts = curve.points(200, sizes);
    expect(pts.map((q) => q.n)).toEqual([10, 30, 40, 160]);
    const first = pts[0], last = pts[pts.length - 1];
    expect(last.trainLoss).toBeGreaterThan(first.trainLoss);
    expect(last.valLoss).toBeLessThan(first.valLoss);
    // The point at the current n is the run the panel shows at that epoch.
    const r = trainRun(specA(base({ width: 8 })), 200);
    expect(pts[1].valLoss).toBe(r.hist.valLoss[200]);
    // Moving to another epoch trains (or rewinds) each size to it, as a fresh run would.
    expect(curve.points(150, sizes)).toEqual([]);
    expect(curve.step(150, sizes)).toBe(true);
    expect(curve.points(150, sizes)[1].trainLoss).toBe(r.hist.trainLoss[150]);
  });
});
