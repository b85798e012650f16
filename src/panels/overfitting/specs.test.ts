/**
 * How the panel's params become runs (model.ts): layer widths, the run spec of configuration A and
 * of each comparison B, the data a spec trains on, and the learning curve's sizes and deadline.
 * Worked by hand from the params; the training itself is model.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { MAX_POOL, trainingSet, validationSet } from './data';
import {
  archOf, archText, COMPARE_LABEL, createRun, curveSizes, dataFor, hiddenLayers, JsNet, LearningCurve, moreData, regularised, specA, specB, specKey,
  trainRun,
} from './model';
import { schema, type OverfitParams } from './params';

const base = (over: Partial<OverfitParams> = {}): OverfitParams => ({ ...defaults(schema), ...over });

describe('architecture', () => {
  it('hidden layers: depth × width, or halving from width (never below one unit)', () => {
    expect(hiddenLayers(8, 3, false)).toEqual([8, 8, 8]);
    expect(hiddenLayers(8, 3, true)).toEqual([8, 4, 2]);
    expect(hiddenLayers(6, 4, true)).toEqual([6, 3, 2, 1]); // 6/4 = 1.5 rounds to 2, 6/8 to 1
    expect(hiddenLayers(2, 4, true)).toEqual([2, 1, 1, 1]);
    expect(hiddenLayers(5, 0, false)).toEqual([]);
  });

  it('inputs first (2 for x, y; 7 polynomial features), one output; written with arrows', () => {
    const a = archOf({ width: 8, depth: 2, taper: false, features: 'poly', activation: 'relu' });
    expect(a).toEqual({ sizes: [7, 8, 8, 1], activation: 'relu' });
    expect(archText(a)).toBe('7 → 8 → 8 → 1');
    expect(archOf({ width: 4, depth: 1, taper: true, features: 'xy', activation: 'tanh' }).sizes).toEqual([2, 4, 1]);
  });
});

describe('run specs', () => {
  it('A is the params as they are (L2 only when switched on)', () => {
    const p = base({ dropout: 0.2, useL2: false, l2: 0.05, jitter: 0.1, earlyStop: true, patience: 7, lr: 0.02, batch: 32, seed: 5, n: 60 });
    const a = specA(p);
    expect(a).toEqual({
      cfg: {
        arch: archOf(p), features: p.features, optimizer: p.optimizer, lr: 0.02, batch: 32, dropout: 0.2, l2: 0, jitter: 0.1, earlyStop: true, patience: 7, seed: 5,
      },
      dataset: p.dataset, noise: p.noise, n: 60, engine: p.engine, csv: '',
    });
    expect(specA({ ...p, useL2: true }).cfg.l2).toBe(0.05);
  });

  it('regularised: any one of dropout, L2, jitter, early stopping', () => {
    const cfg = specA(base()).cfg;
    expect(regularised(cfg)).toBe(false);
    for (const over of [{ dropout: 0.1 }, { l2: 0.01 }, { jitter: 0.05 }, { earlyStop: true }]) expect(regularised({ ...cfg, ...over }), JSON.stringify(over)).toBe(true);
  });

  it('B differs from A in its one thing; 4× the data is capped at the pool', () => {
    const p = base({ dropout: 0.3, useL2: true, jitter: 0.1, earlyStop: true, n: 100, width: 12, depth: 3 });
    const a = specA(p);
    expect(specB(p, 'none')).toBeNull();
    expect(specB(p, 'plain')).toEqual({ ...a, cfg: { ...a.cfg, dropout: 0, l2: 0, jitter: 0, earlyStop: false } });
    expect(specB(p, 'more')).toEqual({ ...a, n: 400 });
    expect(specB(p, 'small')).toEqual({ ...a, cfg: { ...a.cfg, arch: { sizes: [2, 4, 1], activation: a.cfg.arch.activation } } });
    expect(specB({ ...p, compare: 'more' })).toEqual(specB(p, 'more'));
    expect([moreData(100), moreData(250), moreData(251), moreData(900)]).toEqual([400, 1000, MAX_POOL, MAX_POOL]);
    expect(COMPARE_LABEL).toEqual({ plain: 'B: no regularisation', more: 'B: 4× the training points', small: 'B: one hidden layer of 4' });
  });

  it('a spec’s key is equal exactly when the specs are', () => {
    const a = specA(base());
    expect(specKey(a)).toBe(specKey(specA(base())));
    expect(specKey(a)).not.toBe(specKey({ ...a, n: a.n + 1 }));
    expect(specKey(a)).not.toBe(specKey({ ...a, cfg: { ...a.cfg, lr: a.cfg.lr * 2 } }));
  });

  it('the data of a spec: its first n training points and the shared validation set, by its seed', () => {
    const s = specA(base({ n: 40, seed: 3, dataset: 'spiral', noise: 0.2 }));
    const d = dataFor(s);
    expect(d.train).toEqual(trainingSet('spiral', 0.2, 40, 3));
    expect(d.val).toEqual(validationSet('spiral', 0.2, 3));
    expect(createRun(s).net).toBeInstanceOf(JsNet);
  });
});

describe('learning curve sizes and time budget', () => {
  it('sizes: the fixed ones and the current n, sorted, no repeats', () => {
    expect(curveSizes(30, [10, 40, 20])).toEqual([10, 20, 30, 40]);
    expect(curveSizes(40, [10, 40])).toEqual([10, 40]);
    expect(curveSizes(30)).toEqual([10, 20, 30, 40, 80, 160, 320, 500]);
  });

  it('a passed deadline stops after one epoch and reports not done; the points are only those at the epoch', () => {
    const curve = new LearningCurve(specA(base({ width: 4 })));
    const sizes = [10, 20, 40];
    expect(curve.step(30, sizes, -1)).toBe(false);
    expect(curve.points(30, sizes)).toEqual([]);
    expect(curve.points(1, sizes).map((q) => q.n)).toEqual([10]); // the smallest size made its one epoch
    expect(curve.step(30, sizes)).toBe(true);
    const pts = curve.points(30, sizes);
    expect(pts.map((q) => q.n)).toEqual(sizes);
    // Each point is the run at that size, trained on its own n, as a fresh run.
    for (const q of pts) {
      const r = trainRun({ ...specA(base({ width: 4 })), n: q.n }, 30);
      expect(q).toEqual({ n: q.n, trainLoss: r.hist.trainLoss[30], valLoss: r.hist.valLoss[30], trainAcc: r.hist.trainAcc[30], valAcc: r.hist.valAcc[30], epoch: 30 });
    }
  });

  it('with early stopping a size reports its best epoch, and counts as reached past its stop', () => {
    const spec = specA(base({ width: 16, depth: 2, earlyStop: true, patience: 5 }));
    const curve = new LearningCurve(spec);
    expect(curve.step(400, [10])).toBe(true);
    const [q] = curve.points(400, [10]);
    const r = trainRun({ ...spec, n: 10 }, 400);
    expect(r.stoppedAt).not.toBeNull();
    expect(q.epoch).toBe(r.bestEpoch);
    expect(q.valLoss).toBe(r.hist.valLoss[r.bestEpoch]);
  });
});
