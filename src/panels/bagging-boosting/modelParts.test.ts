/**
 * The parts of model.ts that model.test.ts's ensemble truths do not pin (written for the mutation
 * audit, issue 17), on small settings: the plotted rectangle against the data sets' shapes, the
 * round clamps, AdaBoost stopping early (a deep tree separates noise-free moons in one round), the
 * shown learner's misses against the kit's weighted error, the vote share's infinite cases, the
 * 1-D curve's samples and the mean-only MSEs worked by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../lib/learn/api';
import { adaBoostPredict } from '../../lib/learn/boost';
import { fitTree, treePredict, treeProba } from '../../lib/learn/tree';
import { forestProba } from '../../lib/learn/forest';
import { collectTransferables } from '../../lib/worker/transfer';
import {
  adaErrorCurve,
  adaStopOf,
  boundaryGrid,
  classData,
  classRound,
  CURVE_N,
  fitClass,
  fitReg,
  mse,
  regRound,
  voteShare,
  type ClassSetting,
} from './model';
import { MAX_ROUNDS } from './params';

const small: ClassSetting = { dataset: 'moons', noise: 0.25, n: 40, depth: 1, bootstrap: true, seed: 5 };
const errorOf = (pred: ArrayLike<number>, y: ArrayLike<number>) => Array.from(y).filter((v, i) => pred[i] !== v).length / y.length;
/** Every 37th grid sample: enough to compare maps, few enough to stay fast. */
const sub = (G: Matrix) => {
  const at = Array.from({ length: Math.ceil(G.n / 37) }, (_, k) => 37 * k);
  return { at, M: { data: Float64Array.from(at.flatMap((i) => [G.data[2 * i], G.data[2 * i + 1]])), n: at.length, d: 2 } as Matrix };
};

describe('the plotted rectangle', () => {
  // The clean shapes' bounding boxes, from their definitions: moons = upper half circle (x in
  // [−1, 1], y in [0, 1]) and the lower one shifted by (1, −0.5); circles radius 1; XOR in [−1, 1]².
  it.each([
    ['moons', [-1, 2, -0.5, 1]],
    ['circles', [-1, 1, -1, 1]],
    ['xor', [-1, 1, -1, 1]],
  ] as const)('%s: the shape’s box padded by 0.25 + 2σ, holding every point', (dataset, box) => {
    for (const noise of [0, 0.2]) {
      const d = classData({ dataset, noise, n: 60, seed: 2 });
      const pad = 0.25 + 2 * noise;
      expect(d.extent).toEqual([box[0] - pad, box[1] + pad, box[2] - pad, box[3] + pad].map((v) => expect.closeTo(v, 12)));
      if (noise === 0)
        for (const M of [d.train, d.test])
          for (let i = 0; i < M.n; i++) {
            expect(M.data[2 * i]).toBeGreaterThanOrEqual(box[0] - 1e-12);
            expect(M.data[2 * i]).toBeLessThanOrEqual(box[1] + 1e-12);
            expect(M.data[2 * i + 1]).toBeGreaterThanOrEqual(box[2] - 1e-12);
            expect(M.data[2 * i + 1]).toBeLessThanOrEqual(box[3] + 1e-12);
          }
      expect(d.train.n).toBe(60);
      expect(d.yTrain).toHaveLength(60);
      expect(d.test.n).toBe(1000);
    }
  });
});

describe('AdaBoost: rounds shown, stopping early', () => {
  const fit = fitClass(small);

  it('rounds are clamped to 1..MAX_ROUNDS and rounded', () => {
    expect(classRound(fit, 0).round).toBe(1);
    expect(classRound(fit, -3).round).toBe(1);
    expect(classRound(fit, MAX_ROUNDS + 50).round).toBe(MAX_ROUNDS);
    expect(classRound(fit, 2.6).round).toBe(3);
  });

  it('the shown learner: its misses carry its weighted error; its map and the running errors are the kit’s', () => {
    const { train, yTrain, test, yTest } = fit.data;
    const G = boundaryGrid(fit.data.extent);
    const { at, M } = sub(G);
    for (const m of [1, 6, 40]) {
      const r = classRound(fit, m);
      const a = r.ada!;
      expect(a.learner).toBe(Math.min(m, fit.ada.length));
      const round = fit.ada[a.learner - 1];
      // err = Σ w·[miss] with the round's own weights (the kit's error; the misses are ours).
      let err = 0;
      a.miss.forEach((v, i) => (err += v * a.weights[i]));
      expect(a.miss).toHaveLength(train.n);
      expect(err).toBeCloseTo(round.error, 12);
      const pred = treePredict(round.tree, train);
      expect(Array.from(a.miss)).toEqual(Array.from(pred, (p, i) => (p !== yTrain[i] ? 1 : 0)));
      expect(a.alpha).toBe(round.alpha);
      expect(a.perfect).toBe(round.perfect);
      expect(a.trainError).toBeCloseTo(errorOf(adaBoostPredict(fit.ada, train, a.learner), yTrain), 12);
      expect(a.testError).toBeCloseTo(errorOf(adaBoostPredict(fit.ada, test, a.learner), yTest), 12);
      const own = treePredict(round.tree, M);
      at.forEach((i, k) => expect(a.learnerGrid[i]).toBe(own[k]));
      // Tree m's own P(class 1), and its bootstrap counts.
      const p = treeProba(fit.members[m - 1].tree, M);
      at.forEach((i, k) => expect(r.bag.treeGrid[i]).toBeCloseTo(p[2 * k + 1], 6));
      expect(Array.from(r.bag.inBag)).toEqual(Array.from(fit.members[m - 1].inBag));
      expect(r.bag.trainError).toBe(fit.curves.bagTrain[m - 1]);
      expect(r.bag.testError).toBe(fit.curves.bagTest[m - 1]);
    }
    // Rounds where bagging's errors move within two rounds: the shown ones are that round's, the
    // vote of its first m trees by the kit's forest (not a neighbouring round's).
    const { bagTrain, bagTest } = fit.curves;
    const mTest = 1 + bagTest.findIndex((v, i) => v !== bagTest[i + 2] && i + 2 < MAX_ROUNDS);
    const mTrain = 1 + bagTrain.findIndex((v, i) => v !== bagTrain[i + 2] && i + 2 < MAX_ROUNDS);
    for (const [m, M2, y2, key] of [
      [mTest, test, yTest, 'testError'],
      [mTrain, train, yTrain, 'trainError'],
    ] as const) {
      expect(m).toBeGreaterThan(0);
      const p = forestProba(fit.members.slice(0, m).map((b) => b.tree), M2);
      const vote = Array.from(y2, (_, i) => (p[2 * i + 1] > p[2 * i] ? 1 : 0));
      expect(classRound(fit, m).bag[key]).toBeCloseTo(errorOf(vote, y2), 12);
    }
  });

  it('a deep tree separates noise-free moons in one round: AdaBoost stops, the curve holds its last value', () => {
    const solved = fitClass({ dataset: 'moons', noise: 0, n: 40, depth: 6, bootstrap: true, seed: 1 });
    expect(solved.ada).toHaveLength(1);
    expect(solved.ada[0].perfect).toBe(true);
    expect(solved.adaStop).toEqual({ after: 1, reason: 'perfect' });
    expect(solved.curves.adaTrain).toHaveLength(MAX_ROUNDS);
    expect(solved.curves.adaTrain.every((v) => v === 0)).toBe(true);
    // The test error of that one learner, held for every later round.
    const test1 = errorOf(treePredict(solved.ada[0].tree, solved.data.test), solved.data.yTest);
    expect(test1).toBeGreaterThan(0);
    expect(solved.curves.adaTest.every((v) => v === test1)).toBe(true);
    expect(solved.members).toHaveLength(MAX_ROUNDS);
    const later = classRound(solved, 50);
    expect(later.ada!.learner).toBe(1);
    expect(later.ada!.trainError).toBe(0);
    // One learner decides alone: the map is 1 where it says class 1, else 0.
    const G = boundaryGrid(solved.data.extent);
    const { at, M } = sub(G);
    const own = treePredict(solved.ada[0].tree, M);
    at.forEach((i, k) => expect(later.ada!.grid[i]).toBe(own[k]));
  });

  it('stop reasons: none after MAX_ROUNDS, weak when the last learner was not perfect, and no learner at all', () => {
    const r = fit.ada[0];
    expect(adaStopOf(Array.from({ length: MAX_ROUNDS }, () => r))).toBeNull();
    expect(adaStopOf([r, r])).toEqual({ after: 2, reason: r.perfect ? 'perfect' : 'weak' });
    expect(r.perfect).toBe(false);
    expect(adaStopOf([])).toEqual({ after: 0, reason: 'weak' });
    // No learner: the running curve is undefined throughout, and a round shows no AdaBoost.
    expect(Array.from(adaErrorCurve([], fit.data.train, fit.data.yTrain, 3)).every(Number.isNaN)).toBe(true);
    expect(classRound({ ...fit, ada: [] }, 5).ada).toBeNull();
    expect(adaErrorCurve(fit.ada, fit.data.train, fit.data.yTrain)).toHaveLength(fit.ada.length);
  });

  it('a tied vote goes to class 0, as in scikit-learn (argmax takes the first)', () => {
    // Two learners with equal α that always disagree: Σα is the same for both classes everywhere.
    const X: Matrix = { data: Float64Array.from([1, 2, 3, 4, 5, 6]), n: 6, d: 1 };
    const y = Int32Array.from([0, 0, 0, 0, 1, 1]);
    const h = fitTree(X, y, { criterion: 'gini', nClasses: 2, maxDepth: 1 });
    const notH = fitTree(X, Int32Array.from(y, (v) => 1 - v), { criterion: 'gini', nClasses: 2, maxDepth: 1 });
    const round = fit.ada[0];
    const rounds = [
      { ...round, tree: h, alpha: 1 },
      { ...round, tree: notH, alpha: 1 },
    ];
    // After round 1 the vote is h (no error); after round 2 every point is a tie, so class 0: the
    // two class-1 points are wrong (ties to class 1 would get the other four wrong).
    expect(Array.from(adaErrorCurve(rounds, X, y))).toEqual([0, 2 / 6]);
  });

  it('the shown round’s arrays are its own: moving them to the page leaves the fit intact', () => {
    const r = classRound(fit, 7);
    structuredClone(r, { transfer: collectTransferables(r) });
    expect(fit.members[6].inBag).toHaveLength(fit.data.train.n);
    expect(fit.ada[6].weights).toHaveLength(fit.data.train.n);
    const g = fitReg({ noise: 0.3, n: 30, depth: 1, lr: 0.5, seed: 4 });
    const shown = regRound(g, 2);
    structuredClone(shown, { transfer: collectTransferables(shown) });
    expect(g.model.rounds[1].residuals).toHaveLength(30);
  });

  it('the vote share: Σα[h = 1]/Σα, and an infinite α decides alone', () => {
    expect(voteShare(3, 1)).toBe(0.25);
    expect(voteShare(2, 2)).toBe(0.5);
    expect(voteShare(Infinity, 1)).toBe(0);
    expect(voteShare(1, Infinity)).toBe(1);
    expect(voteShare(Infinity, Infinity)).toBe(0.5);
  });
});

describe('gradient boosting: the shown curves', () => {
  it('mse by hand; an empty sample has none', () => {
    expect(mse([1, 2, 3], [1, 0, 6])).toBeCloseTo(13 / 3, 12);
    expect(mse([], [])).toBe(0);
  });

  it('F₀ = mean(y): its MSEs are the training variance and the test error around the training mean', () => {
    const fit = fitReg({ noise: 0.3, n: 30, depth: 1, lr: 0.5, seed: 4 });
    const { yTrain, yTest, train } = fit.data;
    const mean = yTrain.reduce((a, b) => a + b, 0) / yTrain.length;
    expect(fit.initTrainMse).toBeCloseTo(yTrain.reduce((s, v) => s + (v - mean) ** 2, 0) / yTrain.length, 12);
    expect(fit.initTestMse).toBeCloseTo(yTest.reduce((s, v) => s + (v - mean) ** 2, 0) / yTest.length, 12);
    expect(yTest).toHaveLength(400);
    for (let i = 0; i < train.n; i++) {
      expect(train.data[i]).toBeGreaterThanOrEqual(-1);
      expect(train.data[i]).toBeLessThanOrEqual(1);
    }
    const first = regRound(fit, 1);
    expect(first.round).toBe(1);
    expect(first.prevTrainMse).toBe(fit.initTrainMse);
    expect(Array.from(first.Fprev).every((v) => Math.abs(v - mean) < 1e-12)).toBe(true);
    expect(Array.from(first.residuals)).toEqual(Array.from(yTrain, (v) => expect.closeTo(v - mean, 12)));
    expect(regRound(fit, 0).round).toBe(1);
    expect(regRound(fit, 10_000).round).toBe(fit.model.rounds.length);
    expect(regRound(fit, 4.4).round).toBe(4);
    const r = regRound(fit, 3);
    expect(r.trainMse).toBe(fit.trainMse[2]);
    expect(r.testMse).toBe(fit.testMse[2]);
    expect(r.prevTrainMse).toBe(fit.trainMse[1]);
    // CURVE_N evenly spaced samples of [−1, 1], ends included.
    expect(r.xs).toHaveLength(CURVE_N);
    expect(r.xs[0]).toBe(-1);
    expect(r.xs[CURVE_N - 1]).toBeCloseTo(1, 12);
    expect(r.xs[(CURVE_N - 1) / 2]).toBeCloseTo(0, 12);
    expect(r.xs[1] - r.xs[0]).toBeCloseTo(2 / (CURVE_N - 1), 12);
  });
});
