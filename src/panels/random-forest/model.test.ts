/**
 * The random-forest panel's model: its data, its fast grid evaluation, its tree-by-tree run
 * and the must-hold truths of PANELS.md §6, each against an independent computation (the
 * kit's point-by-point prediction, brute force over every split, counting by hand).
 */
import { describe, expect, it } from 'vitest';
import type { Matrix, Tree } from '../../lib/learn/api';
import { forestProba, growMember, permutationImportance } from '../../lib/learn/forest';
import { treeProba, treePredict } from '../../lib/learn/tree';
import { defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { collectTransferables } from '../../lib/worker/transfer';
import { GRID_N, makeData, N_TEST, type DataParams } from './data';
import { addTreeGrid, gridAxes, treeGrid } from './grid';
import { computeForest, configKey, configOf, createForestRun, featuresPerSplit, forestOptions, MULTIPLES, PERM_REPEATS, type ForestTarget } from './model';
import { schema, type ForestParams } from './params';

const base: ForestParams = { ...defaults(schema), trees: 20 };

/** The grid samples as a matrix of d columns, noise columns 0 (what the maps show). */
function gridMatrix(extent: readonly [number, number, number, number], d: number, nx = GRID_N): Matrix {
  const g = gridAxes(extent, nx);
  const data = new Float64Array(nx * nx * d);
  for (let j = 0; j < nx; j++) for (let i = 0; i < nx; i++) {
    data[(i + j * nx) * d] = g.gx[i];
    data[(i + j * nx) * d + 1] = g.gy[j];
  }
  return { data, n: nx * nx, d };
}

const errorOf = (pred: ArrayLike<number>, y: Int32Array) => {
  let wrong = 0;
  for (let i = 0; i < y.length; i++) if (pred[i] !== y[i]) wrong++;
  return wrong / y.length;
};

describe('data', () => {
  const dp: DataParams = { dataset: 'moons', jitter: 0.3, n: 120, noise: 0, seed: 7 };
  it('adding noise columns keeps the real columns, the labels and the earlier noise columns', () => {
    const a = makeData(dp), b = makeData({ ...dp, noise: 3 }), c = makeData({ ...dp, noise: 5 });
    expect(b.d).toBe(5);
    expect(b.X.data.length).toBe(120 * 5);
    for (let i = 0; i < 120; i++) {
      expect([b.X.data[i * 5], b.X.data[i * 5 + 1]]).toEqual([a.X.data[i * 2], a.X.data[i * 2 + 1]]);
      for (let j = 2; j < 5; j++) expect(c.X.data[i * 7 + j]).toBe(b.X.data[i * 5 + j]);
    }
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
  });
  it('the test set does not move with n, and is N_TEST fresh points of the same shape', () => {
    const a = makeData(dp), b = makeData({ ...dp, n: 300 });
    expect(a.Xtest.n).toBe(N_TEST);
    expect(Array.from(b.Xtest.data)).toEqual(Array.from(a.Xtest.data));
    expect(Array.from(a.Xtest.data.slice(0, 10))).not.toEqual(Array.from(a.X.data.slice(0, 10)));
  });
  it('noise columns are roughly N(0, 1)', () => {
    const m = makeData({ ...dp, n: 500, noise: 1 });
    let s = 0, ss = 0;
    for (let i = 0; i < 500; i++) {
      const v = m.X.data[i * 3 + 2];
      s += v;
      ss += v * v;
    }
    expect(Math.abs(s / 500)).toBeLessThan(0.15);
    expect(Math.abs(ss / 500 - 1)).toBeLessThan(0.2);
  });
  it('every data set has both classes', () => {
    for (const dataset of ['moons', 'circles', 'xor', 'blobs'] as const) {
      const m = makeData({ ...dp, dataset });
      const ones = m.y.reduce((a, v) => a + v, 0);
      expect(ones).toBeGreaterThan(20);
      expect(ones).toBeLessThan(100);
    }
  });
});

describe('features per split', () => {
  it('follows scikit-learn: max(1, ⌊√d⌋), all, or a count clamped to d', () => {
    expect(featuresPerSplit('sqrt', 2)).toBe(1);
    expect(featuresPerSplit('sqrt', 4)).toBe(2);
    expect(featuresPerSplit('sqrt', 12)).toBe(3);
    expect(featuresPerSplit('all', 7)).toBe(7);
    expect(featuresPerSplit('5', 3)).toBe(3);
    expect(featuresPerSplit('2', 12)).toBe(2);
  });
});

describe('grid evaluation by rectangles', () => {
  for (const [noise, depth, dataset] of [[0, 13, 'moons'], [3, 4, 'xor'], [2, 13, 'circles'], [0, 1, 'blobs']] as const) {
    it(`equals the kit's point-by-point treeProba on every grid sample (${dataset}, ${noise} noise, depth ${depth})`, () => {
      const p = { ...base, noise, depth, dataset, features: 'all' as const };
      const data = makeData(configOf(p).data);
      const opts = forestOptions(configOf(p), data.d);
      const G = gridMatrix(data.extent, data.d, 37); // an odd size: thresholds fall between samples unevenly
      const g = gridAxes(data.extent, 37);
      for (let k = 0; k < 3; k++) {
        const tree = growMember(data.X, data.y, opts, k).tree;
        const mine = treeGrid(tree, g);
        const ref = treeProba(tree, G);
        for (let i = 0; i < G.n; i++) expect(mine[i]).toBeCloseTo(ref[2 * i + 1], 6);
      }
    });
  }
  it('a threshold exactly on a grid sample sends it left (x ≤ t)', () => {
    const g = gridAxes([0, 1, 0, 1], 3); // samples 0, 0.5, 1
    const tree: Tree = {
      nodeCount: 3, nClasses: 2, nFeatures: 2,
      feature: Int32Array.from([0, -1, -1]), threshold: Float64Array.from([0.5, NaN, NaN]),
      left: Int32Array.from([1, -1, -1]), right: Int32Array.from([2, -1, -1]), depth: Int32Array.from([0, 1, 1]),
      impurity: new Float64Array(3), nSamples: Int32Array.from([4, 2, 2]), weightedN: Float64Array.from([4, 2, 2]),
      value: Float64Array.from([2, 2, 2, 0, 0, 2]),
    };
    const out = new Float64Array(9);
    addTreeGrid(tree, g, out);
    expect(Array.from(out.slice(0, 3))).toEqual([0, 0, 1]);
  });
});

describe('the forest run', () => {
  it('its map is the kit’s forestProba averaged over the trees, on the grid', () => {
    const v = computeForest(base);
    const data = makeData(configOf(base).data);
    const opts = forestOptions(configOf(base), data.d);
    const trees = Array.from({ length: base.trees }, (_, k) => growMember(data.X, data.y, opts, k).tree);
    const ref = forestProba(trees, gridMatrix(data.extent, data.d));
    for (let i = 0; i < GRID_N * GRID_N; i += 7) expect(v.map[i]).toBeCloseTo(ref[2 * i + 1], 5);
  });

  it('grows in slices toward its target, sends the map before the scores, and ends where a direct computation does', () => {
    const p = { ...base, trees: 60 };
    const run = createForestRun(configOf(p));
    const t: ForestTarget = { trees: 60, pick: 3 };
    let slices = 0;
    let sawPartial = false;
    let sawMapBeforeScores = false;
    while (!run.advance(t, performance.now() + 0.5)) {
      slices++;
      const v = run.view(t);
      if (v.grown < 60) sawPartial = true;
      if (v.grown === 60 && !v.scores) sawMapBeforeScores = true;
      expect(v.map.some((x) => Number.isNaN(x))).toBe(false);
    }
    expect(slices).toBeGreaterThan(1);
    expect(sawPartial).toBe(true);
    expect(sawMapBeforeScores).toBe(true);
    const v = run.view(t), direct = computeForest({ ...p, tree: 3 });
    expect(Array.from(v.map)).toEqual(Array.from(direct.map));
    expect(Array.from(v.scores!.testError)).toEqual(Array.from(direct.scores!.testError));
    expect(Array.from(v.scores!.permMean!)).toEqual(Array.from(direct.scores!.permMean!));
    expect(v.picked!.index).toBe(2);
    expect(v.multiples.map((m) => m.index)).toEqual([0, 1, 2, 3].slice(0, MULTIPLES));
  });

  it('call by call: all in one call with time to spare; one step a call once the deadline has passed', () => {
    // No deadline: one call grows every tree and scores them (no pause to send a map that the
    // scores would follow at once).
    for (const T of [1, 8]) {
      const run = createForestRun(configOf(base));
      const t = { trees: T, pick: 1 };
      const empty = run.view(t); // before any tree: a blank map, nothing picked
      expect(empty.grown).toBe(0);
      expect(empty.map).toHaveLength(GRID_N * GRID_N);
      expect(empty.map.every((x) => x === 0)).toBe(true);
      expect(empty.picked).toBeNull();
      expect(empty.scores).toBeNull();
      expect(run.advance(t, Infinity)).toBe(true);
      expect(run.progress()).toBe(T);
      expect(run.view(t).scores!.permMean).toHaveLength(2);
      expect(run.view(t).scores!.testError).toHaveLength(T);
      expect(run.advance(t, Infinity)).toBe(true);
    }
    // A passed deadline (0): each call does one step. T = 3: a tree a call (the third call also
    // scores the first tree), then the scores a tree a call; the full map shows meanwhile.
    const run = createForestRun(configOf(base));
    const t = { trees: 3, pick: 2 };
    const steps: [boolean, number, boolean, number][] = [];
    for (let k = 0; k < 7; k++) {
      const done = run.advance(t, 0);
      const v = run.view(t);
      steps.push([done, run.progress(), v.scores !== null, v.grown]);
      if (run.progress() < 2) expect(v.picked).toBeNull(); // tree 2 is not grown yet
    }
    expect(steps).toEqual([[false, 1, false, 1], [false, 2, false, 2], [false, 3, false, 3], [false, 3, false, 3], [true, 3, true, 3], [true, 3, true, 3], [true, 3, true, 3]]);
    // Fewer trees after: nothing to grow or score; more: the new tree is grown and scored in the call.
    expect(run.advance({ trees: 2, pick: 1 }, 0)).toBe(true);
    expect(run.view({ trees: 2, pick: 1 }).scores!.testError).toHaveLength(2);
    expect(run.advance({ trees: 4, pick: 1 }, 0)).toBe(true);
    expect(run.progress()).toBe(4);
    expect(run.view({ trees: 4, pick: 1 }).scores!.testError).toHaveLength(4);
  });

  it('fewer trees after more: the first T trees, the same map as a fresh forest of T', () => {
    const run = createForestRun(configOf(base));
    const big = { trees: 40, pick: 1 }, small = { trees: 15, pick: 20 };
    while (!run.advance(big, Infinity));
    run.view(big);
    while (!run.advance(small, Infinity));
    const v = run.view(small);
    const fresh = computeForest({ ...base, trees: 15 });
    expect(Array.from(v.map)).toEqual(Array.from(fresh.map));
    expect(v.picked!.index).toBe(14); // a pick beyond the forest shows its last tree
    expect(v.scores!.testError.length).toBe(15);
  });

  it('views are copies: changing (or transferring) one leaves the next view intact', () => {
    const run = createForestRun(configOf(base));
    const t = { trees: 10, pick: 2 };
    while (!run.advance(t, Infinity));
    const a = run.view(t);
    const keep = Array.from(a.picked!.tree.threshold);
    a.picked!.tree.threshold.fill(0);
    a.map.fill(0);
    a.scores!.testError.fill(9);
    const b = run.view(t);
    expect(Array.from(b.picked!.tree.threshold)).toEqual(keep);
    expect(b.map.some((x) => x > 0)).toBe(true);
    expect(b.scores!.testError[0]).toBeLessThan(1);
  });

  it('views are fresh copies all through: moving every array of one to the page leaves the next whole', () => {
    const run = createForestRun(configOf(base));
    const t = { trees: 6, pick: 2 };
    while (!run.advance(t, Infinity));
    const a = run.view(t);
    const kept = structuredClone(a);
    structuredClone(a, { transfer: collectTransferables(a) }); // what the worker does: a's arrays are now empty
    expect(a.map.length).toBe(0);
    expect(run.view(t)).toEqual(kept);
  });

  it('the forest key tells every setting that needs a fresh forest apart', () => {
    const c = configOf(base);
    const changes: Partial<ForestParams>[] = [
      { dataset: 'xor' }, { jitter: 0.35 }, { n: 310 }, { noise: 1 }, { seed: 2 }, { criterion: 'entropy' }, { depth: 12 }, { minSplit: 3 }, { features: 'all' }, { bootstrap: false },
    ];
    const keys = new Set([configKey(c), ...changes.map((ch) => configKey(configOf({ ...base, ...ch })))]);
    expect(keys.size).toBe(changes.length + 1);
    // Neighbouring numbers stay apart (depth 1 then min split 22 is not depth 12 then 2).
    expect(configKey(configOf({ ...base, depth: 1, minSplit: 22 }))).not.toBe(configKey(configOf({ ...base, depth: 12, minSplit: 2 })));
    // The trees count and the picked tree do not change the forest.
    expect(configKey(configOf({ ...base, trees: 7, tree: 3 } as ForestParams))).toBe(configKey(c));
    expect(configOf(base).data).toEqual({ dataset: base.dataset, jitter: base.jitter, n: base.n, noise: base.noise, seed: base.seed });
  });

  it('the tree options: no depth limit at the slider’s end, two classes, the split rules as set', () => {
    const o = forestOptions(configOf({ ...base, depth: 13, minSplit: 7, criterion: 'entropy', features: '2', bootstrap: false, seed: 5 }), 6);
    expect(o).toEqual({ tree: { criterion: 'entropy', nClasses: 2, maxDepth: Infinity, minSamplesSplit: 7, maxFeatures: 2 }, bootstrap: false, seed: 5 });
    expect(forestOptions(configOf({ ...base, depth: 12 }), 2).tree.maxDepth).toBe(12);
  });

  it('the test-error curve and each tree’s error equal a count by hand', () => {
    const v = computeForest({ ...base, trees: 12 });
    const data = makeData(configOf(base).data);
    const opts = forestOptions(configOf(base), data.d);
    const trees = Array.from({ length: 12 }, (_, k) => growMember(data.X, data.y, opts, k).tree);
    for (const T of [1, 5, 12]) {
      const p = forestProba(trees.slice(0, T), data.Xtest);
      const pred = Array.from({ length: N_TEST }, (_, i) => (p[2 * i + 1] > p[2 * i] ? 1 : 0));
      expect(v.scores!.testError[T - 1]).toBeCloseTo(errorOf(pred, data.ytest), 12);
    }
    for (let k = 0; k < 12; k++) expect(v.scores!.treeErrors[k]).toBeCloseTo(errorOf(treePredict(trees[k], data.Xtest), data.ytest), 12);
  });

  it('permutation importances: the kit’s shuffle-and-score on the test points, for the forest shown', () => {
    // A run moved 12 → 7 trees (the trees slider, which reuses what the 12 found), against
    // permutationImportance with the forest's vote on 7 trees and the panel's own stream.
    const p = { ...base, noise: 2 };
    const run = createForestRun(configOf(p));
    for (const T of [12, 7]) while (!run.advance({ trees: T, pick: 1 }, Infinity));
    const s = run.view({ trees: 7, pick: 1 }).scores!;
    const data = makeData(configOf(p).data);
    const opts = forestOptions(configOf(p), data.d);
    const trees = Array.from({ length: 7 }, (_, k) => growMember(data.X, data.y, opts, k).tree);
    const vote = (M: Matrix) => {
      const q = forestProba(trees, M);
      return Array.from({ length: M.n }, (_, i) => (q[2 * i + 1] > q[2 * i] ? 1 : 0));
    };
    const want = permutationImportance(vote, data.Xtest, data.ytest, stream(p.seed, 'permutation'), PERM_REPEATS);
    expect(Array.from(s.permMean!)).toEqual(Array.from(want.mean));
    expect(Array.from(s.permSd!)).toEqual(Array.from(want.sd));
    expect(s.permMean).toHaveLength(4);
  });
});

describe('must hold (PANELS.md §6)', () => {
  it('the OOB error of one tree scores exactly the points out of its bag, with that tree', () => {
    for (const seed of [1, 2, 3]) {
      const p = { ...base, trees: 1, seed };
      const v = computeForest(p);
      const data = makeData(configOf(p).data);
      const tree = v.picked!.tree;
      const pred = treePredict(tree, data.X);
      let out = 0, wrong = 0;
      for (let i = 0; i < data.X.n; i++) {
        if (v.picked!.inBag[i] !== 0) continue;
        out++;
        if (pred[i] !== data.y[i]) wrong++;
      }
      expect(out / data.X.n).toBeCloseTo(v.scores!.oobCoverage[0], 12);
      expect(v.scores!.oobError[0]).toBeCloseTo(wrong / out, 12);
      // About e⁻¹ of the points are out of a bootstrap sample.
      expect(Math.abs(out / data.X.n - Math.exp(-1))).toBeLessThan(0.08);
    }
  });

  it('a depth-1 tree takes the best single split that brute force finds', () => {
    for (const seed of [1, 5, 9]) {
      const p: ForestParams = { ...base, trees: 1, depth: 1, bootstrap: false, features: 'all', noise: 2, n: 80, seed };
      const tree = computeForest(p).picked!.tree;
      const data = makeData(configOf(p).data);
      const { X, y } = data;
      const gini = (a: number, b: number) => (a + b > 0 ? 1 - (a / (a + b)) ** 2 - (b / (a + b)) ** 2 : 0);
      const n1 = y.reduce((a, v) => a + v, 0);
      let best = -Infinity;
      for (let j = 0; j < X.d; j++) {
        const vals = [...new Set(Array.from({ length: X.n }, (_, i) => X.data[i * X.d + j]))].sort((a, b) => a - b);
        for (let k = 0; k + 1 < vals.length; k++) {
          const t = (vals[k] + vals[k + 1]) / 2;
          let l0 = 0, l1 = 0;
          for (let i = 0; i < X.n; i++) if (X.data[i * X.d + j] <= t) {
            if (y[i]) l1++;
            else l0++;
          }
          const r0 = X.n - n1 - l0, r1 = n1 - l1;
          const gain = X.n * gini(X.n - n1, n1) - (l0 + l1) * gini(l0, l1) - (r0 + r1) * gini(r0, r1);
          best = Math.max(best, gain);
        }
      }
      const f = tree.feature[0], t = tree.threshold[0];
      let l0 = 0, l1 = 0;
      for (let i = 0; i < X.n; i++) if (X.data[i * X.d + f] <= t) {
        if (y[i]) l1++;
        else l0++;
      }
      const r0 = X.n - n1 - l0, r1 = n1 - l1;
      const got = X.n * gini(X.n - n1, n1) - (l0 + l1) * gini(l0, l1) - (r0 + r1) * gini(r0, r1);
      expect(got).toBeCloseTo(best, 9);
    }
  });

  it('without bootstrap and with every feature tried, every tree is the same tree', () => {
    const v = computeForest({ ...base, trees: 6, bootstrap: false, features: 'all' });
    const e = v.scores!.treeErrors;
    for (let k = 1; k < 6; k++) expect(e[k]).toBe(e[0]);
    for (let k = 0; k < 6; k++) expect(v.scores!.testError[k]).toBe(e[0]);
    expect(v.scores!.oobError.every((x) => Number.isNaN(x))).toBe(true);
    expect(v.multiples.every((m) => Array.from(m.grid).every((x, i) => x === v.multiples[0].grid[i]))).toBe(true);
  });

  it('impurity importances sum to 1; permutation importances are accuracy drops, noise columns near 0', () => {
    const v = computeForest({ ...base, trees: 30, noise: 4 });
    const s = v.scores!;
    expect(s.impurity.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
    expect(s.impurity.length).toBe(6);
    for (let j = 2; j < 6; j++) expect(Math.abs(s.permMean![j])).toBeLessThan(0.03);
    expect(s.permMean![0] + s.permMean![1]).toBeGreaterThan(0.1);
    for (const x of s.permSd!) expect(x).toBeGreaterThanOrEqual(0);
  });
});
