/**
 * The four ways of learning from the same points, as pure functions of the params (the worker
 * calls them; vitest tests them directly). No React, no DOM.
 * - supervised: k-NN or logistic regression (one-vs-rest for three classes) on every label.
 * - unsupervised: k-means (k-means++ then Lloyd) and DBSCAN on the points alone, each scored
 *   against the hidden labels by the adjusted Rand index.
 * - semi-supervised: label propagation or spreading from a few labels, every iteration kept so
 *   the player can show them spreading; against 1-NN on the same few labels.
 * - reinforcement: Q-learning on the grid world (gridworld.ts), against value iteration.
 */
import type { Matrix } from '../../lib/learn/api';
import { accuracy } from '../../lib/learn/metrics';
import { knnProba } from '../../lib/learn/knn';
import { knnProbaSweep } from '../../lib/learn/knnSweep';
import { fitLogistic, logisticProba } from '../../lib/learn/logistic';
import { kmeans } from '../../lib/learn/kmeans';
import { dbscan } from '../../lib/learn/dbscan';
import { adjustedRandIndex } from '../../lib/learn/clusterScore';
import { createLabelSpreading, type LabelGraph } from '../../lib/learn/labelSpreading';
import { stream } from '../../lib/random/rng';
import { makeData, pickLabelled, type DataParams, type LpData } from './data';
import { greedyPolicy, parseGrid, policyReturn, QLearner, valueIteration, type Grid, type QConfig } from './gridworld';
import { MAX_ITER, type LpParams } from './params';

/** The supervised boundary is drawn from GRID_N × GRID_N samples of the plane. */
export const GRID_N = 100;

export const dataOf = (p: LpParams): DataParams => ({ dataset: p.dataset, n: p.n, noise: p.noise, seed: p.seed });

// ---------- supervised ----------

export interface SupInput extends DataParams {
  clf: LpParams['clf'];
  k: number;
}

export interface SupResult {
  /** Per grid sample: predicted class + strength in [0, 1) (see look.ts). */
  grid: Float64Array;
  extent: [number, number, number, number];
  trainAcc: number;
  testAcc: number;
  K: number;
}

/** n_q × K class probabilities of the chosen classifier trained on (X, y). */
export function classifierProba(X: Matrix, y: Int32Array, K: number, Xq: Matrix, clf: LpParams['clf'], k: number): Float64Array {
  // knnProba's result to the bit, without measuring every point for each of the map's 10 000 samples.
  if (clf === 'knn') return knnProbaSweep(X, y, Xq, Math.min(k, X.n), K);
  const out = new Float64Array(Xq.n * K);
  // One-vs-rest for K > 2 (scaled to sum 1), the plain binary model for K = 2. C = 1, sklearn's default.
  const models = K === 2 ? [1] : Array.from({ length: K }, (_, c) => c);
  const ps = models.map((c) => logisticProba(fitLogistic(X, y.map((v) => (v === c ? 1 : 0)), { C: 1 }), Xq));
  for (let q = 0; q < Xq.n; q++) {
    if (K === 2) {
      out[q * 2 + 1] = ps[0][q];
      out[q * 2] = 1 - ps[0][q];
      continue;
    }
    let s = 0;
    for (let c = 0; c < K; c++) s += ps[c][q];
    for (let c = 0; c < K; c++) out[q * K + c] = s > 0 ? ps[c][q] / s : 1 / K;
  }
  return out;
}

/** Argmax class per row (ties → the lower class) and its probability. */
export function argmax(P: Float64Array, K: number): { pred: Int32Array; top: Float64Array } {
  const n = P.length / K;
  const pred = new Int32Array(n), top = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let b = 0;
    for (let c = 1; c < K; c++) if (P[i * K + c] > P[i * K + b]) b = c;
    pred[i] = b;
    top[i] = P[i * K + b];
  }
  return { pred, top };
}

export function gridMatrix(extent: readonly number[], N = GRID_N): Matrix {
  const data = new Float64Array(N * N * 2);
  for (let j = 0; j < N; j++)
    for (let i = 0; i < N; i++) {
      data[2 * (i + j * N)] = extent[0] + ((extent[1] - extent[0]) * i) / (N - 1);
      data[2 * (i + j * N) + 1] = extent[2] + ((extent[3] - extent[2]) * j) / (N - 1);
    }
  return { data, n: N * N, d: 2 };
}

export function supervised(p: SupInput, data: LpData = makeData(p)): SupResult {
  const { X, y, K } = data;
  const fit = (Q: Matrix) => argmax(classifierProba(X, y, K, Q, p.clf, p.k), K);
  const g = fit(gridMatrix(data.extent));
  const grid = new Float64Array(g.pred.length);
  // Strength 0 where the classes tie (top = 1/K), towards 1 where one class is certain.
  for (let i = 0; i < grid.length; i++) grid[i] = g.pred[i] + Math.min(0.999, (g.top[i] - 1 / K) / (1 - 1 / K));
  return { grid, extent: data.extent, trainAcc: accuracy(y, fit(X).pred) ?? NaN, testAcc: accuracy(data.ytest, fit(data.Xtest).pred) ?? NaN, K };
}

// ---------- unsupervised ----------

export interface UnsupInput extends DataParams {
  clusters: number;
  eps: number;
  minPts: number;
}

export interface UnsupResult {
  km: { labels: Int32Array; centroids: Float64Array; inertia: number; ari: number; k: number };
  db: { labels: Int32Array; core: Uint8Array; nClusters: number; noise: number; ari: number };
}

export function unsupervised(p: UnsupInput, data: LpData = makeData(p)): UnsupResult {
  const { X, y } = data;
  const k = Math.min(p.clusters, X.n);
  const km = kmeans(X, k, stream(p.seed, 'kmeans'));
  const db = dbscan(X, p.eps, p.minPts);
  let noise = 0;
  for (const l of db.labels) if (l < 0) noise++;
  return {
    km: { labels: km.labels, centroids: km.centroids, inertia: km.inertia, ari: adjustedRandIndex(y, km.labels), k },
    db: { labels: db.labels, core: db.core, nClusters: db.nClusters, noise, ari: adjustedRandIndex(y, db.labels) },
  };
}

// ---------- semi-supervised ----------

export interface SemiInput extends DataParams {
  labelled: number;
  method: LpParams['method'];
  gamma: number;
  alpha: number;
}

export interface SemiRun {
  labelled: Int32Array;
  /** Per iteration 0..nIter: each point's label (-1 while no label has reached it) and its share. */
  preds: Int8Array[];
  conf: Float32Array[];
  /** Accuracy on the hidden labels per iteration (a point not reached yet counts as wrong). */
  acc: Float64Array;
  /** Points reached per iteration (of the hidden ones). */
  reached: Int32Array;
  nIter: number;
  converged: boolean;
  /** 1-NN on the labelled points only, scored on the same hidden points. */
  baseline: number;
  hidden: number;
}

/**
 * `graph`: buildLabelGraph(data.X, p.method, p.gamma) when the caller keeps it (the worker does, so
 * the labelled and α sliders do not rebuild the kernel).
 */
export function semiRun(p: SemiInput, data: LpData = makeData(p), graph?: LabelGraph): SemiRun {
  const { X, y, K } = data;
  const labelled = pickLabelled(y, K, p.labelled, p.seed);
  const given = new Int32Array(X.n).fill(-1);
  for (const i of labelled) given[i] = y[i];
  const run = createLabelSpreading(X, given, K, { kind: p.method, gamma: p.gamma, alpha: p.alpha, maxIter: MAX_ITER }, graph);
  const hidden = X.n - labelled.length;
  const preds: Int8Array[] = [], conf: Float32Array[] = [], acc: number[] = [], reached: number[] = [];
  // Every iteration's labels and shares in one block each (views of it per iteration): a run at
  // 400 points keeps 1001 of them, and two small arrays an iteration cost more than the labels.
  const n = X.n;
  const predAll = new Int8Array((MAX_ITER + 1) * n), confAll = new Float32Array((MAX_ITER + 1) * n);
  const snap = () => {
    const F = run.F, at = preds.length * n;
    const pr = predAll.subarray(at, at + n), cf = confAll.subarray(at, at + n);
    let right = 0, got = 0;
    for (let i = 0; i < n; i++) {
      // labelsOf's argmax (ties to the lower class) and share of the row's sum, in its order of
      // operations (lib/learn/labelSpreading.ts), in one pass without its two n-arrays; two
      // classes (moons, circles) without the class loop.
      let best = 0, s = 0, top: number;
      if (K === 2) {
        const f0 = F[2 * i], f1 = F[2 * i + 1];
        s += f0;
        s += f1;
        if (f1 > f0) best = 1;
        top = best ? f1 : f0;
      } else {
        const o = i * K;
        for (let c = 0; c < K; c++) {
          s += F[o + c];
          if (F[o + c] > F[o + best]) best = c;
        }
        top = F[o + best];
      }
      const share = s > 0 ? top / s : 0;
      const label = share > 0 ? best : -1;
      pr[i] = label;
      cf[i] = share;
      if (given[i] >= 0) continue;
      if (label >= 0) got++;
      if (label === y[i]) right++;
    }
    preds.push(pr);
    conf.push(cf);
    acc.push(hidden > 0 ? right / hidden : NaN);
    reached.push(got);
  };
  snap();
  while (run.step()) snap();
  // Baseline: each hidden point takes the label of its nearest labelled point.
  const L: Matrix = { data: new Float64Array(labelled.length * 2), n: labelled.length, d: 2 };
  labelled.forEach((i, r) => L.data.set(X.data.subarray(2 * i, 2 * i + 2), 2 * r));
  const nn = argmax(knnProba(L, Int32Array.from(labelled, (i) => y[i]), X, 1, K), K).pred;
  let right = 0;
  for (let i = 0; i < X.n; i++) if (given[i] < 0 && nn[i] === y[i]) right++;
  return {
    labelled, preds, conf, acc: Float64Array.from(acc), reached: Int32Array.from(reached), nIter: run.iter,
    converged: run.iter < MAX_ITER, baseline: hidden > 0 ? right / hidden : NaN, hidden,
  };
}

export interface SemiSnapshot {
  labelled: Int32Array;
  iter: number;
  pred: Int8Array;
  conf: Float32Array;
  acc: Float64Array;
  reached: Int32Array;
  nIter: number;
  converged: boolean;
  baseline: number;
  hidden: number;
}

/** What the page needs at iteration `iter` (clamped to the run's end). Copies: views are transferred. */
export function semiView(r: SemiRun, iter: number): SemiSnapshot {
  const t = Math.max(0, Math.min(iter, r.nIter));
  return {
    labelled: r.labelled.slice(), iter: t, pred: r.preds[t].slice(), conf: r.conf[t].slice(), acc: r.acc.slice(), reached: r.reached.slice(),
    nIter: r.nIter, converged: r.converged, baseline: r.baseline, hidden: r.hidden,
  };
}

// ---------- reinforcement ----------

export interface RlConfig extends QConfig {
  grid: string;
}

export interface RlTarget {
  episode: number;
  move: number;
}

export interface RlView {
  rows: number;
  cols: number;
  cells: string;
  start: number;
  problem: string | null;
  /** Episodes done and moves into the next one shown; `ended`: the next episode ended before the asked move. */
  episode: number;
  move: number;
  ended: boolean;
  Q: Float64Array;
  policy: Int8Array;
  pos: number;
  trail: Int32Array;
  returns: Float64Array;
  lengths: Int32Array;
  /** Value iteration on the same grid and rules. */
  Vstar: Float64Array;
  best: Uint8Array;
  /** Free non-terminal cells, and those where the greedy action is optimal. */
  cellsToDecide: number;
  agree: number;
  greedyReturn: number | null;
  optimalReturn: number | null;
}

/** Q-learning that moves forward to each new target and restarts only when asked to go back. */
export class RlRun {
  private learner: QLearner;
  private grid: Grid;
  private problem: string | null;
  private optimum: ReturnType<typeof valueIteration>;
  private ended = false;

  constructor(readonly c: RlConfig) {
    const parsed = parseGrid(c.grid);
    this.grid = parsed.grid;
    this.problem = parsed.problem ?? null;
    this.learner = new QLearner(this.grid, c);
    this.optimum = valueIteration(this.grid, c);
  }

  view(t: RlTarget): RlView {
    let L = this.learner;
    const past = L.episode > t.episode || (L.episode === t.episode && L.move > t.move);
    if (past) L = this.learner = new QLearner(this.grid, this.c);
    this.ended = false;
    L.runEpisodes(t.episode);
    while (L.episode === t.episode && L.move < t.move) {
      if (L.step()) {
        this.ended = true;
        break;
      }
    }
    const g = this.grid;
    const policy = greedyPolicy(g, L.Q);
    let toDecide = 0, agree = 0;
    for (let i = 0; i < policy.length; i++) {
      if (policy[i] < 0) continue;
      toDecide++;
      if (this.optimum.best[i] & (1 << policy[i])) agree++;
    }
    const optPolicy = greedyPolicy(g, this.optimum.Q);
    const ended = this.ended;
    return {
      rows: g.rows, cols: g.cols, cells: g.cells.join(''), start: g.start, problem: this.problem,
      episode: ended ? t.episode : L.episode, move: ended ? L.lengths[L.lengths.length - 1] : L.move, ended,
      Q: L.Q.slice(), policy, pos: ended ? -1 : L.pos,
      trail: Int32Array.from(ended ? [] : L.trail), returns: Float64Array.from(L.returns), lengths: Int32Array.from(L.lengths),
      Vstar: this.optimum.V.slice(), best: this.optimum.best.slice(), cellsToDecide: toDecide, agree,
      greedyReturn: policyReturn(g, policy, this.c.stepReward), optimalReturn: policyReturn(g, optPolicy, this.c.stepReward),
    };
  }
}

export const rlConfigOf = (p: LpParams): RlConfig => ({
  grid: p.grid, stepReward: p.stepReward, epsilon: p.epsilon, lr: p.lr, discount: p.discount, slip: p.slip, seed: p.seed,
});
