/**
 * Boosting, round by round, as scikit-learn does it.
 *
 * AdaBoost (SAMME, learning rate 1): start from weights 1/n; each round fit the weak learner on
 * the weights, measure its weighted error err, give it the vote α = ln((1 − err)/err) + ln(K − 1),
 * multiply the weight of every sample it got wrong by e^α and renormalise. Two stops, both
 * scikit-learn's: a perfect learner (err = 0) is kept with α = 1 (its α would be infinite) and
 * boosting ends after it; a learner no better than chance (err ≥ 1 − 1/K) is dropped and boosting
 * ends before it (so the result can be shorter than `rounds`, even empty).
 *
 * Gradient boosting with squared loss: F₀ = mean(y); round m fits a regression tree to the
 * residuals y − F_{m−1} (the negative gradient) and F_m = F_{m−1} + ν·tree_m.
 */
import type { AdaBoostRound, GradientBoostModel, GradientBoostRound, Matrix, TreeOptions } from './api';
import { fitTree, leafOf, treePredict } from './tree';

export function adaBoost(X: Matrix, y: Int32Array, rounds: number, learner: TreeOptions): AdaBoostRound[] {
  const K = learner.nClasses ?? 2;
  const n = X.n;
  const opts: TreeOptions = { ...learner, nClasses: K };
  const out: AdaBoostRound[] = [];
  let w = new Float64Array(n).fill(1 / n);
  for (let m = 0; m < rounds; m++) {
    const tree = fitTree(X, y, opts, { weights: w });
    const pred = treePredict(tree, X);
    let err = 0, total = 0;
    for (let i = 0; i < n; i++) {
      total += w[i];
      if (pred[i] !== y[i]) err += w[i];
    }
    err = total > 0 ? err / total : 0;
    if (err <= 0) {
      out.push({ tree, weights: w, error: 0, alpha: 1, perfect: true });
      break;
    }
    if (err >= 1 - 1 / K) break;
    const alpha = Math.log((1 - err) / err) + Math.log(K - 1);
    out.push({ tree, weights: w, error: err, alpha, perfect: false });
    const next = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      next[i] = pred[i] !== y[i] ? w[i] * Math.exp(alpha) : w[i];
      s += next[i];
    }
    for (let i = 0; i < n; i++) next[i] /= s;
    w = next;
  }
  return out;
}

/** n × K: Σ over the first `upTo` rounds of α · [learner predicts k]. */
export function adaBoostScores(rounds: readonly AdaBoostRound[], X: Matrix, upTo: number): Float64Array {
  const M = Math.max(0, Math.min(rounds.length, Math.floor(upTo)));
  const K = rounds.length ? rounds[0].tree.nClasses : 2;
  const out = new Float64Array(X.n * K);
  for (let m = 0; m < M; m++) {
    const { tree, alpha } = rounds[m];
    const pred = treePredict(tree, X);
    for (let i = 0; i < X.n; i++) out[i * K + pred[i]] += alpha;
  }
  return out;
}

/** The class with the largest AdaBoost score after `upTo` rounds (ties → the lower class). */
export function adaBoostPredict(rounds: readonly AdaBoostRound[], X: Matrix, upTo: number): Int32Array {
  const scores = adaBoostScores(rounds, X, upTo);
  const K = rounds.length ? rounds[0].tree.nClasses : 2;
  const out = new Int32Array(X.n);
  for (let i = 0; i < X.n; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (scores[i * K + k] > scores[i * K + best]) best = k;
    out[i] = best;
  }
  return out;
}

export function gradientBoost(X: Matrix, y: Float64Array, rounds: number, learningRate: number, learner: TreeOptions): GradientBoostModel {
  const n = X.n;
  let init = 0;
  for (let i = 0; i < n; i++) init += y[i];
  init = n ? init / n : 0;
  const F = new Float64Array(n).fill(init);
  const opts: TreeOptions = { ...learner, criterion: 'squared_error' };
  const out: GradientBoostRound[] = [];
  for (let m = 0; m < rounds; m++) {
    const residuals = new Float64Array(n);
    for (let i = 0; i < n; i++) residuals[i] = y[i] - F[i];
    const tree = fitTree(X, residuals, opts);
    let sse = 0;
    for (let i = 0; i < n; i++) {
      F[i] += learningRate * tree.value[leafOf(tree, X.data, i * X.d)];
      sse += (y[i] - F[i]) ** 2;
    }
    out.push({ tree, residuals, trainMse: n ? sse / n : 0 });
  }
  return { init, learningRate, rounds: out };
}

/** F_upTo at each row of X: init + ν · Σ of the first `upTo` trees. */
export function gradientBoostPredict(model: GradientBoostModel, X: Matrix, upTo: number): Float64Array {
  const M = Math.max(0, Math.min(model.rounds.length, Math.floor(upTo)));
  const out = new Float64Array(X.n).fill(model.init);
  for (let m = 0; m < M; m++) {
    const tree = model.rounds[m].tree;
    for (let i = 0; i < X.n; i++) out[i] += model.learningRate * tree.value[leafOf(tree, X.data, i * X.d)];
  }
  return out;
}
