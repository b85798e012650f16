/**
 * A bag-of-words logistic regression for the spam data, in plain typed arrays: each email is the
 * sorted list of its distinct token ids (binary features). Trained full-batch with Adam on the
 * mean log-loss plus an L2 penalty; deterministic (no randomness in training at all).
 * Pure: no React, no DOM.
 */
import { stream } from '../../lib/random/rng';

export interface LogisticModel {
  w: Float64Array;
  b: number;
}

export interface TrainOptions {
  /** L2 penalty λ in  mean log-loss + λ/2 ‖w‖² (the bias is not penalised). */
  lambda?: number;
  iterations?: number;
  learningRate?: number;
}

export const TRAIN_DEFAULTS: Required<TrainOptions> = { lambda: 1e-2, iterations: 80, learningRate: 0.1 };

/** log(1 + e^x) without overflow. */
export const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** The model's score (log-odds of spam) for one email. */
export function logit(m: LogisticModel, tokens: ArrayLike<number>): number {
  let z = m.b;
  for (let k = 0; k < tokens.length; k++) z += m.w[tokens[k]];
  return z;
}

/** Objective and its gradient over the emails `idx`. */
export function lossAndGradient(
  docs: readonly ArrayLike<number>[], labels: ArrayLike<number>, idx: ArrayLike<number>, m: LogisticModel, lambda: number,
): { loss: number; gw: Float64Array; gb: number } {
  const gw = new Float64Array(m.w.length);
  let gb = 0, loss = 0;
  const n = idx.length;
  for (let k = 0; k < n; k++) {
    const i = idx[k];
    const z = logit(m, docs[i]);
    const y = labels[i];
    // -log σ(z) for y = 1, -log(1 - σ(z)) for y = 0; d/dz = σ(z) - y.
    loss += y === 1 ? softplus(-z) : softplus(z);
    const g = 1 / (1 + Math.exp(-z)) - y;
    gb += g;
    const t = docs[i];
    for (let j = 0; j < t.length; j++) gw[t[j]] += g;
  }
  let reg = 0;
  for (let j = 0; j < gw.length; j++) {
    gw[j] = gw[j] / n + lambda * m.w[j];
    reg += m.w[j] * m.w[j];
  }
  return { loss: loss / n + (lambda / 2) * reg, gw, gb: gb / n };
}

export interface Trainer {
  model: LogisticModel;
  /** Objective before each iteration taken so far. */
  losses: number[];
  /** Takes one Adam iteration; returns the objective before it. */
  step(): number;
  done(): boolean;
}

/**
 * Full-batch Adam from zero weights, one iteration per step() so a browser can spread training
 * over frames. Deterministic: the same data gives the same weights.
 */
export function createTrainer(
  docs: readonly ArrayLike<number>[], labels: ArrayLike<number>, idx: ArrayLike<number>, vocabSize: number, opts: TrainOptions = {},
): Trainer {
  const { lambda, iterations, learningRate: lr } = { ...TRAIN_DEFAULTS, ...opts };
  const m: LogisticModel = { w: new Float64Array(vocabSize), b: 0 };
  const mw = new Float64Array(vocabSize), vw = new Float64Array(vocabSize);
  let mb = 0, vb = 0, it = 0;
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  const losses: number[] = [];
  return {
    model: m,
    losses,
    done: () => it >= iterations,
    step() {
      it++;
      const { loss, gw, gb } = lossAndGradient(docs, labels, idx, m, lambda);
      losses.push(loss);
      const c1 = 1 - b1 ** it, c2 = 1 - b2 ** it;
      for (let j = 0; j < vocabSize; j++) {
        mw[j] = b1 * mw[j] + (1 - b1) * gw[j];
        vw[j] = b2 * vw[j] + (1 - b2) * gw[j] * gw[j];
        m.w[j] -= (lr * mw[j]) / c1 / (Math.sqrt(vw[j] / c2) + eps);
      }
      mb = b1 * mb + (1 - b1) * gb;
      vb = b2 * vb + (1 - b2) * gb * gb;
      m.b -= (lr * mb) / c1 / (Math.sqrt(vb / c2) + eps);
      return loss;
    },
  };
}

/** Trains to the end in one go (tests, benchmarks). */
export function trainLogistic(
  docs: readonly ArrayLike<number>[], labels: ArrayLike<number>, idx: ArrayLike<number>, vocabSize: number, opts: TrainOptions = {},
): { model: LogisticModel; losses: number[] } {
  const t = createTrainer(docs, labels, idx, vocabSize, opts);
  while (!t.done()) t.step();
  return { model: t.model, losses: t.losses };
}

/**
 * A seeded stratified split: within each class a random `trainFraction` of the emails (rounded)
 * trains, the rest test. Both index lists ascending.
 */
export function stratifiedSplit(labels: ArrayLike<number>, seed: number, trainFraction = 0.5): { train: Int32Array; test: Int32Array } {
  const rng = stream(seed, 'split');
  const train: number[] = [], test: number[] = [];
  for (const cls of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) members.push(i);
    const perm = rng.permutation(members.length);
    const cut = Math.round(trainFraction * members.length);
    perm.forEach((p, k) => (k < cut ? train : test).push(members[p]));
  }
  const asc = (a: number, b: number) => a - b;
  return { train: Int32Array.from(train.sort(asc)), test: Int32Array.from(test.sort(asc)) };
}
