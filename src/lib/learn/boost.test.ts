/**
 * Boosting against scikit-learn (AdaBoost SAMME learner weights, errors and staged accuracy;
 * gradient boosting's stages and predictions) and against the textbook on other data: every
 * sample weight recomputed by hand from the previous round, and with squared loss the training
 * error of gradient boosting never rises.
 */
import { describe, expect, it } from 'vitest';
import { stream, type Rng } from '../random/rng';
import type { Matrix } from './api';
import { adaBoost, adaBoostPredict, adaBoostScores, gradientBoost, gradientBoostPredict } from './boost';
import { fitTree, treePredict } from './tree';
import { matrix, referenceCases } from './reference.testutil';

const REF = referenceCases<{
  trees_and_boosting: {
    classification: { X: number[][]; y: number[] };
    adaboost: { estimator_weights: number[]; estimator_errors: number[]; staged_train_accuracy: number[] };
    gradient_boosting_1d: {
      x: number[]; y: number[]; learning_rate: number; n_estimators: number; init_prediction: number;
      train_mse_per_stage: number[]; predict_at: number[]; predictions: number[];
    };
  };
}>().trees_and_boosting;

const STUMP = { criterion: 'gini' as const, maxDepth: 1 };

function labelled(rng: Rng, n: number, K: number): { X: Matrix; y: Int32Array } {
  const X = matrix(Array.from({ length: n }, () => [rng.normal(), rng.normal()]));
  const y = Int32Array.from({ length: n }, (_, i) => {
    const v = Math.floor((Math.atan2(X.data[2 * i + 1], X.data[2 * i]) / Math.PI + 1) * K / 2) % K; // K wedges
    return rng.next() < 0.15 ? rng.int(K) : v;
  });
  return { X, y };
}

describe('AdaBoost (SAMME)', () => {
  const X = matrix(REF.classification.X), y = Int32Array.from(REF.classification.y);

  it('reproduces scikit-learn: learner weights, weighted errors, staged training accuracy', () => {
    const a = REF.adaboost;
    const rounds = adaBoost(X, y, a.estimator_weights.length, STUMP);
    expect(rounds).toHaveLength(a.estimator_weights.length);
    rounds.forEach((r, m) => {
      expect(r.alpha).toBeCloseTo(a.estimator_weights[m], 9);
      expect(r.error).toBeCloseTo(a.estimator_errors[m], 9);
      const pred = adaBoostPredict(rounds, X, m + 1);
      expect(pred.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / y.length).toBeCloseTo(a.staged_train_accuracy[m], 12);
    });
  });

  for (const K of [2, 3]) {
    it(`K = ${K}: weights, errors and α follow the textbook formula round by round (random data)`, () => {
      const rng = stream(K, 'ada');
      for (let k = 0; k < 8; k++) {
        const { X: Xr, y: yr } = labelled(rng, 30 + rng.int(60), K);
        const learner = { criterion: 'gini' as const, nClasses: K, maxDepth: 1 + rng.int(2) };
        const rounds = adaBoost(Xr, yr, 12, learner);
        const n = Xr.n;
        expect(Array.from(rounds[0].weights)).toEqual(new Array(n).fill(1 / n));
        for (let m = 0; m < rounds.length; m++) {
          const { tree, weights: w, error, alpha } = rounds[m];
          // The learner is the tree fitted on these weights.
          expect(tree).toEqual(fitTree(Xr, yr, learner, { weights: w }));
          const pred = treePredict(tree, Xr);
          const err = w.reduce((s, v, i) => s + (pred[i] !== yr[i] ? v : 0), 0) / w.reduce((s, v) => s + v, 0);
          expect(error).toBeCloseTo(err, 12);
          if (rounds[m].perfect) {
            expect([err, alpha, m]).toEqual([0, 1, rounds.length - 1]);
            continue;
          }
          expect(alpha).toBeCloseTo(Math.log((1 - err) / err) + Math.log(K - 1), 12);
          expect(err).toBeLessThan(1 - 1 / K);
          if (m + 1 < rounds.length) {
            const raw = Array.from(w, (v, i) => v * Math.exp(alpha * (pred[i] !== yr[i] ? 1 : 0)));
            const Z = raw.reduce((s, v) => s + v, 0);
            rounds[m + 1].weights.forEach((v, i) => expect(v).toBeCloseTo(raw[i] / Z, 14));
            // The reweighting makes the last learner exactly a coin flip (K = 2) on the new weights.
            if (K === 2) expect(rounds[m + 1].weights.reduce((s, v, i) => s + (pred[i] !== yr[i] ? v : 0), 0)).toBeCloseTo(0.5, 12);
          }
        }
        // Scores: Σ α·[prediction = k] over the rounds, and the prediction is their argmax.
        const scores = adaBoostScores(rounds, Xr, rounds.length);
        const byHand = new Float64Array(n * K);
        for (const r of rounds) treePredict(r.tree, Xr).forEach((p, i) => (byHand[i * K + p] += r.alpha));
        scores.forEach((v, j) => expect(v).toBeCloseTo(byHand[j], 12));
        const argmax = Array.from({ length: n }, (_, i) => {
          let b = 0;
          for (let k = 1; k < K; k++) if (byHand[i * K + k] > byHand[i * K + b]) b = k;
          return b;
        });
        expect(Array.from(adaBoostPredict(rounds, Xr, rounds.length))).toEqual(argmax);
      }
    });
  }

  it('stops after a perfect learner (α = 1, as scikit-learn) and before one no better than chance', () => {
    const sep = matrix([[0], [1], [2], [3]]);
    const perfect = adaBoost(sep, Int32Array.from([0, 0, 1, 1]), 5, STUMP);
    expect(perfect).toHaveLength(1);
    expect(perfect[0]).toMatchObject({ perfect: true, error: 0, alpha: 1 });
    // XOR on four points: every stump has weighted error 1/2 = 1 − 1/K.
    const xor = adaBoost(matrix([[0, 0], [1, 1], [0, 1], [1, 0]]), Int32Array.from([0, 0, 1, 1]), 5, STUMP);
    expect(xor).toHaveLength(0);
    expect(Array.from(adaBoostPredict(xor, sep, 3))).toEqual([0, 0, 0, 0]);
  });
});

describe('gradient boosting (squared loss)', () => {
  const g = REF.gradient_boosting_1d;
  const X = matrix(g.x.map((v) => [v])), y = Float64Array.from(g.y);

  it('reproduces scikit-learn: F₀ = mean, training MSE per stage, predictions', () => {
    const model = gradientBoost(X, y, g.n_estimators, g.learning_rate, { criterion: 'squared_error', maxDepth: 1 });
    expect(model.init).toBeCloseTo(g.init_prediction, 12);
    expect(model.learningRate).toBe(g.learning_rate);
    model.rounds.forEach((r, m) => expect(r.trainMse).toBeCloseTo(g.train_mse_per_stage[m], 10));
    const P = gradientBoostPredict(model, matrix(g.predict_at.map((v) => [v])), g.n_estimators);
    P.forEach((v, i) => expect(v).toBeCloseTo(g.predictions[i], 10));
  });

  it('each tree fits y − F_{m−1}; F_m = F_{m−1} + ν·tree_m; training MSE never rises (random data)', () => {
    const rng = stream(5, 'gb');
    for (let k = 0; k < 25; k++) {
      const n = 10 + rng.int(80), d = 1 + rng.int(3);
      const Xr = matrix(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.uniform(-3, 3))));
      const yr = Float64Array.from({ length: n }, (_, i) => Math.sin(Xr.data[i * d]) * 2 + rng.normal() * 0.5 + (d > 1 ? Xr.data[i * d + 1] : 0));
      const lr = [0.05, 0.3, 1][k % 3];
      const model = gradientBoost(Xr, yr, 15, lr, { criterion: 'squared_error', maxDepth: 1 + rng.int(3), minSamplesLeaf: 1 + rng.int(3) });
      let prevMse = yr.reduce((s, v) => s + (v - model.init) ** 2, 0) / n;
      for (let m = 0; m < model.rounds.length; m++) {
        const Fprev = gradientBoostPredict(model, Xr, m), F = gradientBoostPredict(model, Xr, m + 1);
        const r = model.rounds[m];
        r.residuals.forEach((v, i) => expect(v).toBeCloseTo(yr[i] - Fprev[i], 12));
        const h = treePredict(r.tree, Xr);
        F.forEach((v, i) => expect(v).toBeCloseTo(Fprev[i] + lr * h[i], 12));
        const mse = yr.reduce((s, v, i) => s + (v - F[i]) ** 2, 0) / n;
        expect(r.trainMse).toBeCloseTo(mse, 12);
        expect(mse).toBeLessThanOrEqual(prevMse + 1e-12);
        prevMse = mse;
      }
    }
  });

  it('upTo is clamped: 0 rounds is the mean, more than fitted is all of them', () => {
    const model = gradientBoost(X, y, 3, 0.5, { criterion: 'squared_error', maxDepth: 2 });
    expect(Array.from(gradientBoostPredict(model, X, 0))).toEqual(new Array(X.n).fill(model.init));
    expect(gradientBoostPredict(model, X, 99)).toEqual(gradientBoostPredict(model, X, 3));
  });
});
