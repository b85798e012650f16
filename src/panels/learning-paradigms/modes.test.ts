/**
 * model.ts on data small enough to work by hand: the argmax and its ties, the boundary's sample
 * grid and its class + strength code, the classifiers' probabilities (rows sum to 1, one-vs-rest
 * scaled), the clusterings' counts, and the semi-supervised run's own figures recomputed from its
 * predictions (accuracy, points reached, the 1-NN baseline by brute force, convergence), the
 * snapshot's clamp, and the Q-learning run's replay, restart and end-of-episode rules.
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../lib/learn/api';
import { createLabelSpreading, labelsOf } from '../../lib/learn/labelSpreading';
import { defaults } from '../../lib/params/schema';
import type { LpData } from './data';
import { makeData, pickLabelled } from './data';
import { argmax, classifierProba, dataOf, gridMatrix, GRID_N, RlRun, rlConfigOf, semiRun, semiView, supervised, unsupervised } from './model';
import { greedyPolicy, parseGrid, policyReturn, valueIteration } from './gridworld';
import { MAX_ITER, schema, type LpParams } from './params';

const P = (over: Partial<LpParams> = {}): LpParams => ({ ...defaults(schema), ...over });
const M = (rows: number[][]): Matrix => ({ data: Float64Array.from(rows.flat()), n: rows.length, d: rows[0].length });

/** Two points, class 0 on the left and class 1 on the right; test points on either side. */
const pair: LpData = {
  X: M([[-1, 0], [1, 0]]),
  y: Int32Array.from([0, 1]),
  K: 2,
  Xtest: M([[-0.5, 0.3], [0.7, -0.2], [-0.9, 0.9], [0.2, 0.5]]),
  ytest: Int32Array.from([0, 1, 1, 1]),
  extent: [-1, 1, -1, 1],
};

describe('argmax and the sample grid', () => {
  it('argmax takes the largest class, the lower one on a tie', () => {
    const r = argmax(Float64Array.from([0.5, 0.5, 0.2, 0.8, 0.3, 0.3, 0.4, 0.6, 0.1, 0.4, 0.3, 0.3]), 2);
    expect(Array.from(r.pred)).toEqual([0, 1, 0, 1, 1, 0]);
    expect(Array.from(r.top)).toEqual([0.5, 0.8, 0.3, 0.6, 0.4, 0.3]);
    const t = argmax(Float64Array.from([0.2, 0.4, 0.4, 0.1, 0.1, 0.8]), 3);
    expect(Array.from(t.pred)).toEqual([1, 2]);
  });
  it('the grid runs x fastest, corners included', () => {
    const g = gridMatrix([0, 2, 10, 14], 3);
    expect(g.n).toBe(9);
    expect(g.d).toBe(2);
    expect(Array.from(g.data)).toEqual([0, 10, 1, 10, 2, 10, 0, 12, 1, 12, 2, 12, 0, 14, 1, 14, 2, 14]);
    expect(gridMatrix([0, 1, 0, 1]).n).toBe(GRID_N * GRID_N);
  });
});

describe('supervised, on two points', () => {
  it('1-NN: each half is its point’s class at full strength (capped at 0.999); accuracy as counted', () => {
    const r = supervised({ ...dataOf(P()), clf: 'knn', k: 1 }, pair);
    expect(r.K).toBe(2);
    expect(r.extent).toEqual([-1, 1, -1, 1]);
    expect(r.grid.length).toBe(GRID_N * GRID_N);
    let off = 0;
    for (let j = 0; j < GRID_N; j++)
      for (let i = 0; i < GRID_N; i++) if (Math.abs(r.grid[i + j * GRID_N] - (i < GRID_N / 2 ? 0.999 : 1.999)) > 1e-12) off++;
    expect(off).toBe(0);
    expect(r.trainAcc).toBe(1);
    // Test points: x < 0 → class 0. Right: the first two, and the fourth (x = 0.2, class 1).
    expect(r.testAcc).toBeCloseTo(3 / 4, 12);
  });
  it('2-NN on two points: every sample ties, so class 0 at strength 0; k is clamped to n', () => {
    const r = supervised({ ...dataOf(P()), clf: 'knn', k: 2 }, pair);
    expect(r.grid.every((v) => v === 0)).toBe(true);
    expect(Array.from(supervised({ ...dataOf(P()), clf: 'knn', k: 30 }, pair).grid)).toEqual(Array.from(r.grid));
    expect(r.trainAcc).toBe(0.5);
  });
  it('logistic: binary rows sum to 1 and side with the nearer point; three classes one-vs-rest, scaled', () => {
    const P2 = classifierProba(pair.X, pair.y, 2, M([[-3, 0], [3, 0], [0, 0]]), 'logistic', 5);
    for (let q = 0; q < 3; q++) expect(P2[2 * q] + P2[2 * q + 1]).toBeCloseTo(1, 12);
    expect(P2[1]).toBeLessThan(0.5);
    expect(P2[3]).toBeGreaterThan(0.5);
    // Symmetric data: the midpoint is even.
    expect(P2[5]).toBeCloseTo(0.5, 9);
    const X3 = M([[-2, 0], [-2.2, 0.1], [2, 0], [2.1, -0.1], [0, 2], [0.1, 2.2]]);
    const y3 = Int32Array.from([0, 0, 1, 1, 2, 2]);
    const Q = M([[-2, 0], [2, 0], [0, 2], [0, 0]]);
    const P3 = classifierProba(X3, y3, 3, Q, 'logistic', 5);
    for (let q = 0; q < 4; q++) {
      expect(P3[3 * q] + P3[3 * q + 1] + P3[3 * q + 2]).toBeCloseTo(1, 12);
      if (q < 3) expect(argmax(P3.subarray(3 * q, 3 * q + 3), 3).pred[0]).toBe(q);
    }
    // k-NN with k = 3 on the three-class set: at (−2, 0) the two class-0 points, then (0, 2) at √8
    // (nearer than (2, 0) at 4), class 2.
    const K3 = classifierProba(X3, y3, 3, M([[-2, 0]]), 'knn', 3);
    expect(Array.from(K3).map((v) => Math.round(v * 3))).toEqual([2, 0, 1]);
  });
});

describe('unsupervised', () => {
  it('counts DBSCAN’s noise, clamps k to n, and scores both by the adjusted Rand index', () => {
    // Two tight groups of three and one lone point far away.
    const X = M([[0, 0], [0.05, 0], [0, 0.05], [5, 5], [5.05, 5], [5, 5.05], [20, -20]]);
    const data: LpData = { ...pair, X, y: Int32Array.from([0, 0, 0, 1, 1, 1, 1]), extent: [0, 1, 0, 1] };
    const r = unsupervised({ ...dataOf(P()), clusters: 2, eps: 0.2, minPts: 3 }, data);
    expect(r.db.nClusters).toBe(2);
    expect(r.db.noise).toBe(1);
    expect(r.db.labels[6]).toBeLessThan(0);
    expect(r.km.k).toBe(2);
    const big = unsupervised({ ...dataOf(P()), clusters: 9, eps: 0.2, minPts: 3 }, data);
    expect(big.km.k).toBe(7);
    expect(big.km.inertia).toBeCloseTo(0, 12);
    // Every point its own cluster against two classes: ARI 0 exactly (no pair agrees).
    expect(big.km.ari).toBeCloseTo(0, 12);
    const four = unsupervised({ ...dataOf(P()), clusters: 2, eps: 0.2, minPts: 4 }, { ...data, y: Int32Array.from([0, 0, 0, 1, 1, 1, 2]) });
    expect(four.db.noise).toBe(7);
    expect(four.db.nClusters).toBe(0);
  });
});

describe('semi-supervised run', () => {
  const semiIn = (p: LpParams) => ({ ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha });

  it('its figures are those of its predictions, which are the kit run’s, iteration by iteration', () => {
    const p = P({ n: 60, labelled: 4 });
    const r = semiRun(semiIn(p));
    const d = makeData(dataOf(p));
    const L = pickLabelled(d.y, d.K, 4, p.seed);
    expect(Array.from(r.labelled)).toEqual(Array.from(L));
    const given = new Int32Array(60).fill(-1);
    for (const i of L) given[i] = d.y[i];
    const kit = createLabelSpreading(d.X, given, d.K, { kind: p.method, gamma: p.gamma, alpha: p.alpha, maxIter: MAX_ITER });
    expect(r.hidden).toBe(56);
    expect(r.preds).toHaveLength(r.nIter + 1);
    expect(r.acc).toHaveLength(r.nIter + 1);
    expect(r.reached).toHaveLength(r.nIter + 1);
    // Counted here and compared once per iteration (an expect per point would take seconds).
    for (let t = 0; t <= r.nIter; t++) {
      if (t > 0) expect(kit.step()).toBe(true);
      const { labels, confidence } = labelsOf(kit.F, d.K);
      let right = 0, got = 0, wrongPred = 0, wrongConf = 0;
      for (let i = 0; i < 60; i++) {
        if (r.preds[t][i] !== (confidence[i] > 0 ? labels[i] : -1)) wrongPred++;
        if (Math.abs(r.conf[t][i] - confidence[i]) > 1e-6) wrongConf++;
        if (given[i] >= 0) continue;
        if (r.preds[t][i] >= 0) got++;
        if (r.preds[t][i] === d.y[i]) right++;
      }
      expect([t, wrongPred, wrongConf, r.reached[t]]).toEqual([t, 0, 0, got]);
      expect(r.acc[t]).toBeCloseTo(right / 56, 12);
    }
    expect(kit.step()).toBe(false);
    expect(r.converged).toBe(r.nIter < MAX_ITER);
    // Iteration 0: nothing hidden is reached; later every hidden point is.
    expect(r.reached[0]).toBe(0);
    expect(r.reached[r.nIter]).toBe(56);
    // The baseline: each hidden point takes its nearest labelled point's class (brute force).
    let right = 0;
    for (let i = 0; i < 60; i++) {
      if (given[i] >= 0) continue;
      let best = -1, bd = Infinity;
      for (const j of L) {
        const dd = (d.X.data[2 * i] - d.X.data[2 * j]) ** 2 + (d.X.data[2 * i + 1] - d.X.data[2 * j + 1]) ** 2;
        if (dd < bd) [bd, best] = [dd, j];
      }
      if (d.y[best] === d.y[i]) right++;
    }
    expect(r.baseline).toBeCloseTo(right / 56, 12);
  });

  it('says whether it converged: the default does, 210 points of two moons at γ 40 run to the limit', () => {
    const a = semiRun(semiIn(P()));
    expect(a.converged).toBe(true);
    expect(a.nIter).toBeLessThan(MAX_ITER);
    const b = semiRun(semiIn(P({ n: 210 })));
    expect(b.nIter).toBe(MAX_ITER);
    expect(b.converged).toBe(false);
  });

  it('every point labelled: nothing hidden, so the scores are NaN, not 0', () => {
    const r = semiRun(semiIn(P({ n: 30, labelled: 60 })));
    expect(r.hidden).toBe(0);
    expect(r.acc[0]).toBeNaN();
    expect(r.baseline).toBeNaN();
  });

  it('the snapshot clamps the iteration and hands out copies', () => {
    const r = semiRun(semiIn(P({ n: 40 })));
    const lo = semiView(r, -5), hi = semiView(r, 1e9), mid = semiView(r, 1);
    expect(lo.iter).toBe(0);
    expect(hi.iter).toBe(r.nIter);
    expect(Array.from(lo.pred)).toEqual(Array.from(r.preds[0]));
    expect(Array.from(hi.conf)).toEqual(Array.from(r.conf[r.nIter]));
    expect(Array.from(mid.pred)).toEqual(Array.from(r.preds[1]));
    expect([mid.nIter, mid.converged, mid.baseline, mid.hidden]).toEqual([r.nIter, r.converged, r.baseline, r.hidden]);
    mid.pred[0] = 99;
    mid.acc[0] = 99;
    mid.labelled[0] = 99;
    mid.reached[0] = 99;
    mid.conf[0] = 99;
    expect(r.preds[1][0]).not.toBe(99);
    expect([r.acc[0], r.labelled[0], r.reached[0], r.conf[1][0]]).not.toContain(99);
  });
});

describe('Q-learning run', () => {
  const cfg = rlConfigOf(P({ epsilon: 0.3, slip: 0.1 }));

  it('takes every rule from the params', () => {
    const p = P({ stepReward: -0.1, epsilon: 0.25, lr: 0.3, discount: 0.8, slip: 0.05, seed: 9, grid: 's.g' });
    expect(rlConfigOf(p)).toEqual({ grid: 's.g', stepReward: -0.1, epsilon: 0.25, lr: 0.3, discount: 0.8, slip: 0.05, seed: 9 });
  });

  it('going forward continues, going back restarts: both equal a fresh run', () => {
    const run = new RlRun(cfg);
    run.view({ episode: 3, move: 2 });
    const fwd = run.view({ episode: 8, move: 1 });
    const back = run.view({ episode: 8, move: 0 });
    const fresh = (e: number, m: number) => new RlRun(cfg).view({ episode: e, move: m });
    const f1 = fresh(8, 1), f0 = fresh(8, 0);
    expect(Array.from(fwd.Q)).toEqual(Array.from(f1.Q));
    expect([fwd.pos, fwd.move, fwd.episode]).toEqual([f1.pos, f1.move, f1.episode]);
    expect(Array.from(back.Q)).toEqual(Array.from(f0.Q));
    expect(Array.from(back.trail)).toEqual(Array.from(f0.trail));
    expect([back.pos, back.move]).toEqual([f0.pos, 0]);
    expect(back.returns).toHaveLength(8);
    // An earlier episode, after a later one, also restarts.
    const early = run.view({ episode: 2, move: 0 });
    expect(Array.from(early.returns)).toEqual(Array.from(fresh(2, 0).returns));
  });

  it('reports the greedy policy’s agreement with value iteration and both returns, recomputed', () => {
    const v = new RlRun(cfg).view({ episode: 60, move: 0 });
    const { grid } = parseGrid(cfg.grid);
    const opt = valueIteration(grid, cfg);
    const pol = greedyPolicy(grid, v.Q);
    expect(Array.from(v.policy)).toEqual(Array.from(pol));
    let decide = 0, agree = 0;
    pol.forEach((a, i) => {
      if (a < 0) return;
      decide++;
      if (opt.best[i] & (1 << a)) agree++;
    });
    expect(v.cellsToDecide).toBe(decide);
    expect(v.agree).toBe(agree);
    expect(v.agree).toBeGreaterThan(0);
    expect(v.greedyReturn).toBe(policyReturn(grid, pol, cfg.stepReward));
    expect(v.optimalReturn).toBe(policyReturn(grid, greedyPolicy(grid, opt.Q), cfg.stepReward));
    expect(Array.from(v.Vstar)).toEqual(Array.from(opt.V));
    expect([v.rows, v.cols, v.cells, v.start, v.problem]).toEqual([grid.rows, grid.cols, grid.cells.join(''), grid.start, null]);
    expect(v.lengths).toHaveLength(60);
  });

  it('a move past the episode’s end shows the end: no agent, no trail, the episode’s length', () => {
    const c = { ...cfg, grid: 's.g', epsilon: 0, slip: 0 };
    const run = new RlRun(c);
    const v = run.view({ episode: 4, move: 50 });
    expect(v.ended).toBe(true);
    expect(v.episode).toBe(4);
    expect(v.pos).toBe(-1);
    expect(v.trail).toHaveLength(0);
    expect(v.move).toBe(v.lengths[v.lengths.length - 1]);
    expect(v.lengths).toHaveLength(5);
    // The next, in-range target clears the flag.
    const w = new RlRun(c).view({ episode: 4, move: 0 });
    expect(w.ended).toBe(false);
    expect(w.pos).toBe(parseGrid('s.g').grid.start);
    expect(w.episode).toBe(4);
  });

  it('hands out copies: a page that writes into (or transfers) a view leaves the run intact', () => {
    const run = new RlRun(cfg);
    const v = run.view({ episode: 20, move: 0 });
    v.Q.fill(NaN);
    v.Vstar.fill(NaN);
    v.best.fill(0);
    const w = run.view({ episode: 25, move: 0 }), f = new RlRun(cfg).view({ episode: 25, move: 0 });
    expect(Array.from(w.Q)).toEqual(Array.from(f.Q));
    expect(Array.from(w.Vstar)).toEqual(Array.from(f.Vstar));
    expect(Array.from(w.best)).toEqual(Array.from(f.best));
    expect(w.agree).toBe(f.agree);
  });
});
