/**
 * The batch size: at the training set size (or the default, above it) an epoch is exactly the
 * full-batch update the panel always made, bit for bit; below it an epoch is ⌈n/b⌉ updates over
 * a seeded shuffle, checked by hand on a two-point set (a closed form without hidden layer,
 * central finite differences with one), and the same seed gives the same run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../../lib/tf/testing';
import { defaults } from '../../lib/params/schema';
import { features, MAX_POOL, trainingSet, type Split } from './data';
import { adamStep, bce, gradient, initParams, layout, logits, sigmoid, sgdStep, type Arch } from './mlp';
import { createRun, moreData, specA, trainRun } from './model';
import { batchOrder, batchSize, JsNet, type TrainConfig } from './train';
import { TfNet } from './net.tf';
import { batchText } from './readout';
import { schema, type OverfitParams } from './params';

const base = (over: Partial<OverfitParams> = {}): OverfitParams => ({ ...defaults(schema), ...over });

beforeAll(async () => {
  await useCpuBackend();
});

describe('full batch', () => {
  it('the default batch is the whole set for every run, even B with 4× the largest n', () => {
    expect(schema.batch.default).toBeGreaterThanOrEqual(moreData(schema.n.max));
    expect(schema.batch.default).toBe(MAX_POOL);
    expect(batchSize(schema.batch.default, MAX_POOL)).toBe(MAX_POOL);
  });

  it('batch = n is the full-batch update written out by hand, bit for bit (Adam, L2)', () => {
    const p = base({ useL2: true, l2: 0.01, width: 6, batch: 30 });
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
    expect(Array.from(run.weights())).toEqual(Array.from(theta));
  });

  it('batch = n, the default and any batch above n train identically (dropout and jitter on), and keep the known numbers', () => {
    const over = { dropout: 0.2, jitter: 0.05 };
    const a = trainRun(specA(base({ ...over, batch: 30 })), 120);
    const b = trainRun(specA(base(over)), 120);
    const c = trainRun(specA(base({ ...over, batch: 31 })), 120);
    expect(a.hist).toEqual(b.hist);
    expect(c.hist).toEqual(b.hist);
    expect(Array.from(a.weights())).toEqual(Array.from(b.weights()));
    // The default link's numbers after 400 epochs (e2e checks the same in the browser).
    const d = trainRun(specA(base()), 400);
    expect(d.hist.trainLoss[400].toPrecision(4)).toBe('0.004747');
    expect(d.hist.valLoss[400].toPrecision(4)).toBe('1.031');
  });
});

/** A two-point set and a config for it. */
function twoPoints(): Split {
  return { x: Float64Array.from([0.5, -1, -0.8, 0.3]), y: Float64Array.from([1, 0]), n: 2 };
}
const cfgOf = (arch: Arch, over: Partial<TrainConfig> = {}): TrainConfig => ({
  arch, features: 'xy', optimizer: 'sgd', lr: 0.5, batch: 1, dropout: 0, l2: 0, jitter: 0, earlyStop: false, patience: 1, seed: 7, ...over,
});

describe('minibatches, by hand', () => {
  it('logistic regression, batch 1: two SGD updates θ ← θ − η(σ(wᵀx + b) − y)(x, 1), in the shuffled order', () => {
    const d = twoPoints();
    const arch: Arch = { sizes: [2, 1], activation: 'tanh' };
    const cfg = cfgOf(arch);
    const net = new JsNet(cfg, d, d);
    const th = initParams(arch, cfg.seed); // [w1, w2, b]
    const order = Array.from(batchOrder(cfg.seed, 0, 2));
    expect([...order].sort()).toEqual([0, 1]);
    for (const i of order) {
      const x1 = d.x[2 * i], x2 = d.x[2 * i + 1];
      const r = sigmoid(th[0] * x1 + th[1] * x2 + th[2]) - d.y[i];
      th[0] -= cfg.lr * r * x1;
      th[1] -= cfg.lr * r * x2;
      th[2] -= cfg.lr * r;
    }
    net.step(0);
    for (let k = 0; k < 3; k++) expect(net.theta[k]).toBeCloseTo(th[k], 14);
    // Not the full-batch step: the second update saw the weights the first one made.
    const full = initParams(arch, cfg.seed);
    const g = gradient(arch, full, d.x, 2, (z, r) => (sigmoid(z) - d.y[r]) / 2);
    sgdStep(full, g, 2 * cfg.lr);
    expect(Math.abs(full[0] - th[0])).toBeGreaterThan(1e-6);
  });

  it('a 2-3-1 tanh network, batch 1: each update is −η times the finite-difference gradient of that point’s loss', () => {
    const d = twoPoints();
    const arch: Arch = { sizes: [2, 3, 1], activation: 'tanh' };
    const cfg = cfgOf(arch, { lr: 0.3 });
    const net = new JsNet(cfg, d, d);
    const th = initParams(arch, cfg.seed);
    const loss = (t: Float64Array, i: number) => bce(logits(arch, t, d.x.subarray(2 * i, 2 * i + 2), 1)[0], d.y[i]);
    for (const i of batchOrder(cfg.seed, 0, 2)) {
      const g = new Float64Array(th.length);
      for (let k = 0; k < th.length; k++) {
        const h = 1e-6, keep = th[k];
        th[k] = keep + h;
        const up = loss(th, i);
        th[k] = keep - h;
        g[k] = (up - loss(th, i)) / (2 * h);
        th[k] = keep;
      }
      sgdStep(th, g, cfg.lr);
    }
    net.step(0);
    for (let k = 0; k < th.length; k++) expect(net.theta[k]).toBeCloseTo(th[k], 8);
  });

  it('an epoch makes ⌈n/b⌉ updates (Adam counts them), the last batch smaller', () => {
    const d = trainingSet('moons', 0.2, 25, 3);
    const net = new JsNet(cfgOf({ sizes: [2, 4, 1], activation: 'tanh' }, { optimizer: 'adam', batch: 10, lr: 0.01 }), d, d);
    net.step(0);
    const s = net.saveState();
    expect(s[s.length - 1]).toBe(3);
    expect(batchText(10, 250)).toBe('batch 10: 25 updates per epoch');
    expect(batchText(1000, 250)).toBe('full batch');
  });
});

describe('minibatches: determinism', () => {
  const spiral = { dataset: 'spiral' as const, n: 60, width: 8, depth: 2, batch: 10, dropout: 0.1, jitter: 0.03 };

  it('the same link gives the same run; another seed another one', () => {
    const a = trainRun(specA(base(spiral)), 30);
    const b = trainRun(specA(base(spiral)), 30);
    expect(a.hist).toEqual(b.hist);
    expect(Array.from(a.weights())).toEqual(Array.from(b.weights()));
    expect(Array.from(batchOrder(1, 0, 60))).not.toEqual(Array.from(batchOrder(2, 0, 60)));
    expect(Array.from(batchOrder(1, 0, 60))).not.toEqual(Array.from(batchOrder(1, 1, 60)));
    const c = trainRun(specA(base({ ...spiral, seed: 2 })), 30);
    expect(c.hist.trainLoss).not.toEqual(a.hist.trainLoss);
  });

  it('rewinding to a checkpoint and replaying gives exactly the straight-through run', () => {
    const s = specA(base(spiral));
    const straight = trainRun(s, 77);
    const r = trainRun(s, 120);
    r.seek(60);
    r.advance(77);
    expect(r.hist.trainLoss).toEqual(straight.hist.trainLoss);
    expect(Array.from(r.weights())).toEqual(Array.from(straight.weights()));
  });

  it('tfjs trains the same minibatches (same order, same masks) to float32 precision', () => {
    const s = specA(base({ ...spiral, jitter: 0 }));
    const js = trainRun(s, 15);
    const tfRun = createRun({ ...s, engine: 'tf' });
    tfRun.advance(15);
    expect(tfRun.net).toBeInstanceOf(TfNet);
    for (let e = 0; e <= 15; e++) expect(Math.abs(tfRun.hist.trainLoss[e] - js.hist.trainLoss[e])).toBeLessThan(1e-4);
    tfRun.dispose();
  });
});
