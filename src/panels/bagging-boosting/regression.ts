/**
 * Gradient boosting with squared loss on 1-D data (the panel's third ensemble): F₀ = mean(y),
 * F_m = F_{m−1} + ν·h_m where h_m is a regression tree fitted to the residuals y − F_{m−1}; its
 * error curves for all MAX_ROUNDS rounds and what one round shows. Pure: no React, no DOM.
 */
import type { GradientBoostModel, Matrix } from '../../lib/learn/api';
import { treePredict } from '../../lib/learn/tree';
import { gradientBoost, gradientBoostPredict } from '../../lib/learn/boost';
import { noisy1D, trueFunction } from '../../lib/random/datasets';
import { stream } from '../../lib/random/rng';
import { MAX_ROUNDS } from './params';
import { CURVE_N, N_TEST_REG, REG_FUNCTION, REG_X, regLearner, type RegSetting } from './setting';

export interface RegData {
  train: Matrix;
  yTrain: Float64Array;
  test: Matrix;
  yTest: Float64Array;
}

export function regData(s: Pick<RegSetting, 'noise' | 'n' | 'seed'>): RegData {
  const f = trueFunction(REG_FUNCTION);
  const tr = noisy1D(stream(s.seed, 'reg-train'), f, s.n, s.noise, REG_X[0], REG_X[1]);
  const te = noisy1D(stream(s.seed, 'reg-test'), f, N_TEST_REG, s.noise, REG_X[0], REG_X[1]);
  return { train: { data: tr.x, n: tr.n, d: 1 }, yTrain: tr.y, test: { data: te.x, n: te.n, d: 1 }, yTest: te.y };
}

export interface RegFit {
  data: RegData;
  model: GradientBoostModel;
  lr: number;
  /** MSE after rounds 1..MAX_ROUNDS (train: the kit's train_score_). */
  trainMse: Float64Array;
  testMse: Float64Array;
  /** MSE of F₀ = mean(y). */
  initTrainMse: number;
  initTestMse: number;
}

export function mse(y: ArrayLike<number>, f: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - f[i]) ** 2;
  return y.length ? s / y.length : 0;
}

export function fitReg(s: RegSetting): RegFit {
  const data = regData(s);
  const model = gradientBoost(data.train, data.yTrain, MAX_ROUNDS, s.lr, regLearner(s.depth));
  const rounds = model.rounds;
  const trainMse = Float64Array.from(rounds, (r) => r.trainMse);
  // The test predictions one round at a time (O(rounds · n), not the O(rounds² · n) of calling
  // gradientBoostPredict for every m): F_m = F_{m−1} + ν·h_m, with ν·h_m from the kit's own
  // predictor applied to the one tree (model.test.ts checks F against gradientBoostPredict).
  const testMse = new Float64Array(rounds.length);
  const F = new Float64Array(data.test.n).fill(model.init);
  for (let m = 1; m <= rounds.length; m++) {
    const step = treeStep(model, m, data.test);
    for (let i = 0; i < F.length; i++) F[i] += step[i];
    testMse[m - 1] = mse(data.yTest, F);
  }
  const meanOnly = new Float64Array(data.test.n).fill(model.init);
  return {
    data,
    model,
    lr: s.lr,
    trainMse,
    testMse,
    initTrainMse: mse(data.yTrain, new Float64Array(data.train.n).fill(model.init)),
    initTestMse: mse(data.yTest, meanOnly),
  };
}

/** ν·h_m(X): what round m adds, as the kit's predictor computes it (the model of that one tree). */
export function treeStep(model: GradientBoostModel, m: number, X: Matrix): Float64Array {
  const one: GradientBoostModel = { ...model, init: 0, rounds: [model.rounds[m - 1]] };
  return gradientBoostPredict(one, X, 1);
}

export interface RegRound {
  round: number;
  /** The plotted x samples, and F_{m−1}, F_m and h_m (the tree, unshrunk) on them. */
  xs: Float64Array;
  Fprev: Float64Array;
  F: Float64Array;
  h: Float64Array;
  /** y − F_{m−1} at the training points: what tree m was fitted to. */
  residuals: Float64Array;
  trainMse: number;
  testMse: number;
  prevTrainMse: number;
}

export function regRound(fit: RegFit, round: number): RegRound {
  const m = Math.max(1, Math.min(fit.model.rounds.length, Math.round(round)));
  const xs = new Float64Array(CURVE_N);
  for (let i = 0; i < CURVE_N; i++) xs[i] = REG_X[0] + ((REG_X[1] - REG_X[0]) * i) / (CURVE_N - 1);
  const X: Matrix = { data: xs, n: CURVE_N, d: 1 };
  const r = fit.model.rounds[m - 1];
  return {
    round: m,
    xs,
    Fprev: gradientBoostPredict(fit.model, X, m - 1),
    F: gradientBoostPredict(fit.model, X, m),
    h: treePredict(r.tree, X),
    residuals: r.residuals.slice(),
    trainMse: fit.trainMse[m - 1],
    testMse: fit.testMse[m - 1],
    prevTrainMse: m > 1 ? fit.trainMse[m - 2] : fit.initTrainMse,
  };
}
