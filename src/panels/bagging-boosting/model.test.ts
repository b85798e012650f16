/**
 * The bagging-boosting model against truths that do not come from our own code: AdaBoost's
 * textbook weights and α recomputed by hand (a worked five-point example, and every round of
 * the panel's own fits re-derived from the learners' predictions), gradient boosting's training
 * MSE never rising (and falling by exactly (2ν − ν²)·mean(h²)), bagging of one tree without
 * bootstrap being that tree, and the round-by-round curves equal to the kit's own predictors.
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../lib/learn/api';
import { fitTree, treePredict, treeProba } from '../../lib/learn/tree';
import { forestProba, growMember } from '../../lib/learn/forest';
import { adaBoost, adaBoostPredict, adaBoostScores, gradientBoostPredict } from '../../lib/learn/boost';
import { collectTransferables } from '../../lib/worker/transfer';
import { defaults } from '../../lib/params/schema';
import { createFrameComputer, frameInput } from './compute';
import {
  adaErrorCurve,
  classData,
  classLearner,
  classRound,
  fitReg,
  boundaryGrid,
  mse,
  regRound,
  voteShare,
  type ClassSetting,
  type RegSetting,
} from './model';
import { MAX_ROUNDS, schema, type BBParams } from './params';
import { readoutRows } from './readout';

const D: BBParams = defaults(schema);
const cls = (o: Partial<ClassSetting> = {}): ClassSetting => ({ dataset: D.dataset, noise: D.noise, n: D.n, depth: D.depth, bootstrap: D.bootstrap, seed: D.seed, ...o });
const reg = (o: Partial<RegSetting> = {}): RegSetting => ({ noise: D.noise, n: D.n, depth: D.depth, lr: D.lr, seed: D.seed, ...o });
/** One shared cache of fits: the tests read the same few settings, each fitted once. */
const C = createFrameComputer(20);
const fitOf = (s: ClassSetting) => C.classFit(s);
/** Largest |a − b| over two arrays (one expect per array, not one per element). */
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const A = cls();
const B = cls({ dataset: 'xor', depth: 2, noise: 0.15, n: 200, seed: 7 });
const Cc = cls({ dataset: 'circles', depth: 3, noise: 0.4, n: 90, seed: 3 });
const errorOf = (pred: ArrayLike<number>, y: ArrayLike<number>) => Array.from(y).filter((v, i) => pred[i] !== v).length / y.length;

describe('AdaBoost (SAMME) follows the textbook formulas', () => {
  it('a five-point example worked by hand', () => {
    // x = 1..5, y = 0 0 1 0 1, stumps. Round 1 (weights 1/5): the Gini-best split is x ≤ 2.5
    // (left pure; right 1,0,1), which misses x = 4 alone: err = 1/5, α = ln(0.8/0.2) = ln 4.
    // x = 4's weight × 4 then renormalised: (1/5·4) / (4/5 + 4/5) = 1/2, the others 1/8.
    // Round 2: the best weighted split is x ≤ 4.5 (left 0,0,1,0 → class 0), missing x = 3 alone:
    // err = 1/8, α = ln(7/8 / 1/8) = ln 7.
    const X: Matrix = { data: Float64Array.from([1, 2, 3, 4, 5]), n: 5, d: 1 };
    const y = Int32Array.from([0, 0, 1, 0, 1]);
    const r = adaBoost(X, y, 2, classLearner(1));
    expect(r).toHaveLength(2);
    expect(r[0].tree.threshold[0]).toBeCloseTo(2.5, 12);
    expect(r[0].error).toBeCloseTo(0.2, 12);
    expect(r[0].alpha).toBeCloseTo(Math.log(4), 12);
    Array.from(r[1].weights).forEach((w, i) => expect(w).toBeCloseTo(i === 3 ? 1 / 2 : 1 / 8, 12));
    expect(r[1].tree.threshold[0]).toBeCloseTo(4.5, 12);
    expect(r[1].error).toBeCloseTo(1 / 8, 12);
    expect(r[1].alpha).toBeCloseTo(Math.log(7), 12);
  });

  // Every round of the panel's own fits, re-derived from the learners' predictions alone.
  it.each([A, B, Cc])('each round of %o: err = Σ w·[miss], α = ln((1 − err)/err), w ← w·e^{α·miss} / Z', (s) => {
    const fit = fitOf(s);
    const { train, yTrain } = fit.data;
    const n = train.n;
    expect(fit.ada.length).toBeGreaterThan(0);
    expect(maxDiff(fit.ada[0].weights, new Float64Array(n).fill(1 / n))).toBeLessThan(1e-15);
    fit.ada.forEach((r, m) => {
      const pred = treePredict(r.tree, train);
      let sum = 0, err = 0;
      for (let i = 0; i < n; i++) {
        sum += r.weights[i];
        if (pred[i] !== yTrain[i]) err += r.weights[i];
      }
      expect(sum).toBeCloseTo(1, 12);
      expect(r.error).toBeCloseTo(err, 12);
      if (r.perfect) return;
      expect(r.alpha).toBeCloseTo(Math.log((1 - err) / err) + Math.log(2 - 1), 12);
      const next = fit.ada[m + 1];
      if (!next) return;
      const raw = Array.from(r.weights, (w, i) => w * Math.exp(r.alpha * (pred[i] !== yTrain[i] ? 1 : 0)));
      const Z = raw.reduce((a, b) => a + b, 0);
      expect(maxDiff(next.weights, raw.map((w) => w / Z))).toBeLessThan(1e-12);
      let missShare = 0;
      raw.forEach((_, i) => {
        if (pred[i] !== yTrain[i]) missShare += next.weights[i];
      });
      // With K = 2 the points a learner missed carry exactly half the next round's weight.
      expect(missShare).toBeCloseTo(0.5, 12);
    });
  });

  it('the running error curve equals the kit’s predictor after every round', () => {
    const fit = fitOf(B);
    const { test, yTest } = fit.data;
    const curve = adaErrorCurve(fit.ada, test, yTest, MAX_ROUNDS);
    for (const m of [1, 2, 3, 10, 57, fit.ada.length]) expect(curve[m - 1]).toBeCloseTo(errorOf(adaBoostPredict(fit.ada, test, m), yTest), 12);
    expect(fit.curves.adaTest).toEqual(curve);
  });

  it('the grid shows Σα[h = 1]/Σα, on the side of 0.5 the ensemble predicts', () => {
    const fit = fitOf(A);
    const r = classRound(fit, 30);
    const G = boundaryGrid(fit.data.extent);
    // Every 7th grid sample (the kit's predictors over all 4,096 are slow under mutation testing).
    const at = Array.from({ length: Math.ceil(G.n / 7) }, (_, k) => 7 * k);
    const Gs: Matrix = { data: Float64Array.from(at.flatMap((i) => [G.data[2 * i], G.data[2 * i + 1]])), n: at.length, d: 2 };
    const pred = adaBoostPredict(fit.ada, Gs, r.ada!.learner);
    expect(r.ada!.grid).toHaveLength(G.n);
    at.forEach((i, k) => {
      const share = r.ada!.grid[i];
      if (Math.abs(share - 0.5) > 1e-6) expect(share > 0.5 ? 1 : 0).toBe(pred[k]);
    });
    // Rounds asked in any order (the running sums fill checkpoints as needed): the same grids as
    // the kit's predictors over all the learners at once.
    for (const m of [200, 3, 17, 8, 1, 64, 9]) {
      const shown = classRound(fit, m);
      const bagP = forestProba(fit.members.slice(0, m).map((b) => b.tree), Gs);
      const a = shown.ada!.learner;
      const s = adaBoostScores(fit.ada, Gs, a);
      expect(shown.bag.grid).toHaveLength(G.n);
      expect(maxDiff(at.map((i) => shown.bag.grid[i]), at.map((_, k) => bagP[2 * k + 1]))).toBeLessThan(1e-6);
      expect(maxDiff(at.map((i) => shown.ada!.grid[i]), at.map((_, k) => voteShare(s[2 * k], s[2 * k + 1])))).toBeLessThan(1e-6);
    }
    expect(voteShare(1, 3)).toBe(0.75);
    expect(voteShare(0, 0)).toBe(0.5);
  });
});

describe('gradient boosting with squared loss', () => {
  it.each([0.01, 0.3, 1])('training MSE never rises (ν = %s), and falls by (2ν − ν²)·mean(h²) each round', (lr) => {
    for (const depth of [1, 3]) {
      for (const seed of [1, 2]) {
        const fit = fitReg(reg({ lr, depth, seed, n: 80, noise: 0.35 }));
        const { train, yTrain } = fit.data;
        let prev = fit.initTrainMse;
        fit.model.rounds.forEach((r, m) => {
          expect(fit.trainMse[m]).toBeLessThanOrEqual(prev + 1e-12);
          const h = treePredict(r.tree, train);
          const drop = ((2 * lr - lr * lr) * h.reduce((s, v) => s + v * v, 0)) / train.n;
          expect(prev - fit.trainMse[m]).toBeCloseTo(drop, 10);
          prev = fit.trainMse[m];
        });
        // The residuals tree m fits are y − F_{m−1}, F from the kit's predictor.
        for (const m of [1, 2, 40, MAX_ROUNDS]) {
          const F = gradientBoostPredict(fit.model, train, m - 1);
          const res = fit.model.rounds[m - 1].residuals;
          for (let i = 0; i < train.n; i += 9) expect(res[i]).toBeCloseTo(yTrain[i] - F[i], 10);
        }
      }
    }
  });

  it('the running test MSE and the shown round agree with the kit’s predictor', () => {
    const fit = fitReg(reg({ lr: 0.5, depth: 2 }));
    const { test, yTest } = fit.data;
    for (const m of [1, 3, 100, MAX_ROUNDS]) expect(fit.testMse[m - 1]).toBeCloseTo(mse(yTest, gradientBoostPredict(fit.model, test, m)), 10);
    const g = regRound(fit, 7);
    const X: Matrix = { data: g.xs, n: g.xs.length, d: 1 };
    const F6 = gradientBoostPredict(fit.model, X, 6);
    const F7 = gradientBoostPredict(fit.model, X, 7);
    g.xs.forEach((_, i) => {
      expect(g.Fprev[i]).toBeCloseTo(F6[i], 12);
      expect(g.F[i]).toBeCloseTo(F7[i], 12);
      expect(g.F[i] - g.Fprev[i]).toBeCloseTo(0.5 * g.h[i], 10);
    });
    expect(g.prevTrainMse).toBe(fit.trainMse[5]);
  });
});

describe('bagging', () => {
  it('one learner without bootstrap is that learner', () => {
    for (const depth of [1, 3]) {
      const s = cls({ bootstrap: false, depth, dataset: 'moons', seed: 11 });
      const { train, yTrain, test } = classData(s);
      const alone = fitTree(train, yTrain, classLearner(depth));
      const member = growMember(train, yTrain, { tree: classLearner(depth), bootstrap: false, seed: s.seed }, 0);
      expect(Array.from(member.inBag)).toEqual(new Array(train.n).fill(1));
      expect(forestProba([member.tree], test)).toEqual(treeProba(alone, test));
      // Through the panel's model: round 1's averaged map and errors are the single tree's.
      const fit = fitOf(s);
      const r = classRound(fit, 1);
      const G = boundaryGrid(fit.data.extent);
      const p = treeProba(alone, G);
      expect(maxDiff(r.bag.grid, Array.from(r.bag.grid, (_, i) => p[2 * i + 1]))).toBeLessThan(1e-6);
      expect(r.bag.trainError).toBe(errorOf(treePredict(alone, train), yTrain));
      expect(r.bag.testError).toBe(errorOf(treePredict(alone, fit.data.test), fit.data.yTest));
      // Every tree is the same tree, so averaging more of them changes nothing.
      expect(new Set(fit.curves.bagTest).size).toBe(1);
    }
  });

  it('bootstrap samples: n draws, ≈ 1 − (1 − 1/n)ⁿ of the points distinct', () => {
    const fit = fitOf(A);
    const n = A.n;
    let unique = 0;
    for (const b of fit.members) {
      expect(b.inBag.reduce((s, c) => s + c, 0)).toBe(n);
      unique += b.inBag.filter((c) => c > 0).length;
    }
    const share = unique / (fit.members.length * n);
    // 200 trees × 150 draws: the share's standard error is well under 0.005.
    expect(Math.abs(share - (1 - (1 - 1 / n) ** n))).toBeLessThan(0.01);
    const r = classRound(fit, 17);
    expect(r.bag.unique).toBe(fit.members[16].inBag.filter((c) => c > 0).length);
  });

  it('the error curve is the averaged-probability vote of the first m trees', () => {
    const fit = fitOf(Cc);
    const { test, yTest } = fit.data;
    for (const m of [1, 4, 33]) {
      const p = forestProba(fit.members.slice(0, m).map((b) => b.tree), test);
      const pred = Array.from(yTest, (_, i) => (p[2 * i + 1] > p[2 * i] ? 1 : 0));
      expect(fit.curves.bagTest[m - 1]).toBeCloseTo(errorOf(pred, yTest), 12);
    }
  });
});

describe('the frame the worker sends', () => {
  it('is made of fresh arrays: moving them leaves the cache intact', () => {
    const input = frameInput({ ...D, round: 12 });
    const a = C.frame(input);
    const copy = structuredClone(a, { transfer: collectTransferables(a) });
    expect(a.cls.x.length).toBe(0); // moved away, as the worker does
    const b = C.frame(input);
    expect(b.cls.x.length).toBe(2 * D.n);
    expect(Array.from(b.shown.bag.grid)).toEqual(Array.from(copy.shown.bag.grid));
    expect(Array.from(b.reg.testMse)).toEqual(Array.from(copy.reg.testMse));
  });

  it('a control of one ensemble leaves the other’s fit alone', () => {
    const f1 = C.frame(frameInput({ ...D, lr: 0.1 }));
    const f2 = C.frame(frameInput({ ...D, lr: 0.9 }));
    expect(Array.from(f2.cls.adaTest)).toEqual(Array.from(f1.cls.adaTest));
    expect(Array.from(f2.reg.trainMse)).not.toEqual(Array.from(f1.reg.trainMse));
  });

  it.each([
    { ...D, n: 20, noise: 0, depth: 3, dataset: 'xor', round: 200 },
    { ...D, n: 500, noise: 0.6, depth: 1, dataset: 'circles', round: 1, lr: 0.01 },
    { ...D, n: 20, noise: 0, depth: 1, dataset: 'moons', round: 137, lr: 1, bootstrap: false },
    { ...D, n: 37, noise: 0.05, depth: 2, dataset: 'circles', round: 200, seed: 99999 },
  ] as BBParams[])('edge settings give finite numbers in every readout row: %o', (p) => {
    const f = C.frame(frameInput(p));
    const text = readoutRows(f, p).map((r) => `${String(r.label)}: ${String(r.value)}`);
    for (const t of text) expect(t).not.toMatch(/NaN|Infinity|undefined/);
    expect(f.shown.bag.grid.every(Number.isFinite)).toBe(true);
    if (f.shown.ada) expect(f.shown.ada.grid.every(Number.isFinite)).toBe(true);
    expect(f.regShown.F.every(Number.isFinite)).toBe(true);
  });
});
