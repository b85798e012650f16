/**
 * Bagging / random forests: members depend on (seed, index) only; OOB error uses only the trees
 * that did not see a row (a constructed case, then brute force on a real forest); the error
 * curves, probabilities and importances against direct recomputation; and the speed the
 * random-forest panel needs (200 trees of depth ≤ 12 on 500 points).
 */
import { describe, expect, it } from 'vitest';
import { createRng, stream, type Rng } from '../random/rng';
import type { ForestMember, ForestOptions, Matrix, Tree } from './api';
import { errorCurve, forestImportance, forestPermutation, forestProba, growMember, oobErrorCurve, permutationImportance } from './forest';
import { fitTree, impurityImportance, leafOf, treeProba } from './tree';
import { matrix } from './reference.testutil';

/** Two noisy interleaved classes in the first two features, then `noise` pure-noise features. */
function twoClasses(rng: Rng, n: number, noise = 0): { X: Matrix; y: Int32Array } {
  const d = 2 + noise;
  const data = new Float64Array(n * d), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 2;
    const a = rng.uniform(0, Math.PI);
    data[i * d] = (y[i] ? 1 - Math.cos(a) : Math.cos(a)) + 0.25 * rng.normal();
    data[i * d + 1] = (y[i] ? 0.5 - Math.sin(a) : Math.sin(a)) + 0.25 * rng.normal();
    for (let j = 2; j < d; j++) data[i * d + j] = rng.normal();
  }
  return { X: { data, n, d }, y };
}

/** A one-leaf tree that gives every point the class shares `shares`. */
function constantTree(shares: number[], d = 1): Tree {
  return {
    nodeCount: 1, nClasses: shares.length, nFeatures: d, feature: Int32Array.of(-1), threshold: Float64Array.of(NaN),
    left: Int32Array.of(-1), right: Int32Array.of(-1), depth: Int32Array.of(0), impurity: Float64Array.of(0),
    nSamples: Int32Array.of(1), weightedN: Float64Array.of(1), value: Float64Array.from(shares),
  };
}

const argmax = (v: ArrayLike<number>, at: number, K: number) => {
  let b = 0;
  for (let k = 1; k < K; k++) if (v[at + k] > v[at + b]) b = k;
  return b;
};

describe('growing members', () => {
  const { X, y } = twoClasses(stream(1, 'data'), 150);
  const opts: ForestOptions = { tree: { criterion: 'gini', maxDepth: 6, maxFeatures: 1 }, bootstrap: true, seed: 9 };

  it('a member depends on (seed, index) alone: any order, any time, the same tree', () => {
    const a = [0, 1, 2].map((i) => growMember(X, y, opts, i));
    const b = [2, 0, 1].map((i) => growMember(X, y, opts, i));
    expect(b[1]).toEqual(a[0]);
    expect(b[2]).toEqual(a[1]);
    expect(b[0]).toEqual(a[2]);
    expect(a[0].inBag).not.toEqual(a[1].inBag);
    expect(growMember(X, y, { ...opts, seed: 10 }, 0).inBag).not.toEqual(a[0].inBag);
  });

  it('tree t draws its sample from stream(seed, "tree-t") alone, and is grown on that sample', () => {
    // The link contract: the stream's name fixes every shared forest.
    const m = growMember(X, y, opts, 3);
    const rng = stream(opts.seed, 'tree-3'), want = new Uint16Array(X.n);
    for (let i = 0; i < X.n; i++) want[rng.int(X.n)]++;
    expect(Array.from(m.inBag)).toEqual(Array.from(want));
    // The root's class counts are the sample's (copies counted), not all rows once.
    const counts = [0, 0];
    for (let i = 0; i < X.n; i++) counts[y[i]] += m.inBag[i];
    expect(Array.from(m.tree.value.subarray(0, 2))).toEqual(counts);
    expect(counts).not.toEqual([X.n / 2, X.n / 2]);
  });

  it('a bootstrap sample has n draws, about 1 − 1/e of the rows; no bootstrap sees every row once', () => {
    const m = growMember(X, y, opts, 3);
    expect(m.inBag.reduce((s, v) => s + v, 0)).toBe(X.n);
    const share = m.inBag.filter((v) => v > 0).length / X.n;
    expect(Math.abs(share - (1 - Math.exp(-1)))).toBeLessThan(0.1);
    expect(m.tree.nSamples[0]).toBe(X.n);
    const all = growMember(X, y, { ...opts, bootstrap: false }, 3);
    expect(Array.from(new Set(all.inBag))).toEqual([1]);
  });
});

describe('out-of-bag error', () => {
  it('a constructed case: each row is voted on only by the tree that left it out', () => {
    // Tree A always says 0 and left out rows 0, 1 (class 0); tree B always says 1 and left out
    // rows 2, 3 (class 1). Using in-bag votes as well would give every row a 1:1 tie.
    const X = matrix([[0], [1], [2], [3]]), y = Int32Array.from([0, 0, 1, 1]);
    const members: ForestMember[] = [
      { tree: constantTree([1, 0]), inBag: Uint16Array.from([0, 0, 1, 1]) },
      { tree: constantTree([0, 1]), inBag: Uint16Array.from([2, 1, 0, 0]) },
    ];
    const { error, coverage } = oobErrorCurve(members, X, y);
    expect(Array.from(error)).toEqual([0, 0]);
    expect(Array.from(coverage)).toEqual([0.5, 1]);
    // Swap the bags: now every OOB vote is wrong.
    const swapped = [{ ...members[0], inBag: members[1].inBag }, { ...members[1], inBag: members[0].inBag }];
    expect(Array.from(oobErrorCurve(swapped, X, y).error)).toEqual([1, 1]);
    // No OOB rows yet: NaN, not 0.
    const none = oobErrorCurve([{ tree: constantTree([1, 0]), inBag: Uint16Array.from([1, 1, 1, 1]) }], X, y);
    expect(Number.isNaN(none.error[0])).toBe(true);
    expect(none.coverage[0]).toBe(0);
  });

  it('on a real forest, equals the error recomputed from scratch with only out-of-bag trees', () => {
    const { X, y } = twoClasses(stream(2, 'data'), 120, 1);
    const opts: ForestOptions = { tree: { criterion: 'entropy', maxDepth: 8, maxFeatures: 2 }, bootstrap: true, seed: 4 };
    const members = Array.from({ length: 25 }, (_, i) => growMember(X, y, opts, i));
    const { error, coverage } = oobErrorCurve(members, X, y);
    for (const t of [0, 4, 24]) {
      const votes = new Float64Array(X.n * 2);
      for (let j = 0; j <= t; j++) {
        const P = treeProba(members[j].tree, X);
        for (let i = 0; i < X.n; i++) if (members[j].inBag[i] === 0) for (let k = 0; k < 2; k++) votes[2 * i + k] += P[2 * i + k];
      }
      let covered = 0, wrong = 0;
      for (let i = 0; i < X.n; i++) {
        if (votes[2 * i] + votes[2 * i + 1] === 0) continue;
        covered++;
        if (argmax(votes, 2 * i, 2) !== y[i]) wrong++;
      }
      expect(coverage[t]).toBe(covered / X.n);
      expect(error[t]).toBeCloseTo(wrong / covered, 12);
    }
    expect(coverage[24]).toBe(1);
    expect(error[24]).toBeLessThan(0.3);
  });
});

describe('forest predictions and importances', () => {
  const { X, y } = twoClasses(stream(3, 'data'), 200, 2);
  const test = twoClasses(stream(3, 'test'), 100, 2);
  const opts: ForestOptions = { tree: { criterion: 'gini', maxDepth: 10, maxFeatures: 2 }, bootstrap: true, seed: 1 };
  const trees = Array.from({ length: 30 }, (_, i) => growMember(X, y, opts, i).tree);

  it('forestProba is the mean of the tree probabilities; errorCurve the error of its first t trees', () => {
    const P = forestProba(trees, test.X);
    const mean = new Float64Array(test.X.n * 2);
    for (const t of trees) treeProba(t, test.X).forEach((v, j) => (mean[j] += v / trees.length));
    for (let j = 0; j < P.length; j++) expect(P[j]).toBeCloseTo(mean[j], 12);
    const curve = errorCurve(trees, test.X, test.y);
    for (const t of [1, 7, 30]) {
      const Pt = forestProba(trees.slice(0, t), test.X);
      let wrong = 0;
      for (let i = 0; i < test.X.n; i++) if (argmax(Pt, 2 * i, 2) !== test.y[i]) wrong++;
      expect(curve[t - 1]).toBe(wrong / test.X.n);
    }
    expect(curve[29]).toBeLessThan(0.3);
  });

  it('no trees: empty probabilities and empty curves, not an error', () => {
    expect(forestProba([], test.X)).toHaveLength(0);
    expect(errorCurve([], test.X, test.y)).toHaveLength(0);
    const oob = oobErrorCurve([], test.X, test.y);
    expect([oob.error.length, oob.coverage.length]).toEqual([0, 0]);
  });

  it('forestImportance is the normalised mean of the trees’ importances and favours the signal', () => {
    const imp = forestImportance(trees);
    const mean = new Float64Array(4);
    for (const t of trees) impurityImportance(t).forEach((v, j) => (mean[j] += v / trees.length));
    const s = mean.reduce((a, b) => a + b, 0);
    for (let j = 0; j < 4; j++) expect(imp[j]).toBeCloseTo(mean[j] / s, 12);
    expect(imp[0] + imp[1]).toBeGreaterThan(imp[2] + imp[3]);
    expect(Array.from(forestImportance([constantTree([1, 0], 3)]))).toEqual([0, 0, 0]);
  });

  it('permutation importance: a column the model ignores scores exactly 0; the one it uses scores high', () => {
    // The model: class 1 when x0 > 0.5, whatever the other columns say.
    const predict = (M: Matrix) => Float64Array.from({ length: M.n }, (_, i) => (M.data[i * M.d] > 0.5 ? 1 : 0));
    const { mean, sd } = permutationImportance(predict, test.X, test.y, createRng(5), 8);
    expect(Array.from(mean.subarray(1))).toEqual([0, 0, 0]);
    expect(Array.from(sd.subarray(1))).toEqual([0, 0, 0]);
    expect(mean[0]).toBeGreaterThan(0.15);
    expect(sd[0]).toBeGreaterThan(0);
    // The same rng seed gives the same numbers; the input matrix is left untouched.
    const before = test.X.data.slice();
    expect(permutationImportance(predict, test.X, test.y, createRng(5), 8)).toEqual({ mean, sd });
    expect(test.X.data).toEqual(before);
    // No repeats: nothing to average, zeros (not 0/0).
    expect(permutationImportance(predict, test.X, test.y, createRng(5), 0)).toEqual({ mean: new Float64Array(4), sd: new Float64Array(4) });
    // With a forest: the two signal columns matter more than the noise ones.
    const forest = permutationImportance((M) => {
      const P = forestProba(trees, M);
      return Float64Array.from({ length: M.n }, (_, i) => argmax(P, 2 * i, 2));
    }, test.X, test.y, createRng(6), 3);
    expect(Math.min(forest.mean[0], forest.mean[1])).toBeGreaterThan(Math.max(forest.mean[2], forest.mean[3]));
  });
});

describe('forestPermutation: permutation importance of a forest, tree by tree', () => {
  /** The forest's soft vote: the argmax of forestProba (ties → the lower class), as a predictor. */
  const vote = (trees: readonly Tree[]) => (M: Matrix) => {
    const P = forestProba(trees, M), K = trees[0]?.nClasses ?? 2;
    return Int32Array.from({ length: M.n }, (_, i) => argmax(P, K * i, K));
  };
  /** Three classes in the first two columns (the angle's third), then `noise` noise columns. */
  function threeClasses(rng: Rng, n: number, noise: number) {
    const d = 2 + noise, data = new Float64Array(n * d), y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const a = rng.uniform(0, 2 * Math.PI);
      y[i] = Math.min(2, Math.floor((3 * a) / (2 * Math.PI)));
      data[i * d] = Math.cos(a) + 0.3 * rng.normal();
      data[i * d + 1] = Math.sin(a) + 0.3 * rng.normal();
      for (let j = 2; j < d; j++) data[i * d + j] = rng.normal();
    }
    return { X: { data, n, d } as Matrix, y };
  }

  it('equals permutationImportance with the forest’s vote, to the last bit, for every forest prefix', () => {
    const cases = [
      { data: twoClasses(stream(21, 'data'), 160, 3), test: twoClasses(stream(21, 'test'), 90, 3), tree: { criterion: 'gini' as const, maxDepth: Infinity, maxFeatures: 2 }, repeats: 4 },
      { data: threeClasses(stream(22, 'data'), 150, 1), test: threeClasses(stream(22, 'test'), 70, 1), tree: { criterion: 'entropy' as const, maxDepth: 4, maxFeatures: 3 }, repeats: 3 },
    ];
    for (const c of cases) {
      const trees = Array.from({ length: 12 }, (_, i) => growMember(c.data.X, c.data.y, { tree: c.tree, bootstrap: true, seed: 5 }, i).tree);
      const fp = forestPermutation(c.test.X, c.test.y, createRng(8), c.repeats);
      expect(fp.size).toBe(0);
      for (const t of trees) fp.add(t);
      expect(fp.size).toBe(12);
      for (const T of [1, 5, 12]) {
        const want = permutationImportance(vote(trees.slice(0, T)), c.test.X, c.test.y, createRng(8), c.repeats);
        const got = fp.importance(T);
        expect(Array.from(got.mean)).toEqual(Array.from(want.mean));
        expect(Array.from(got.sd)).toEqual(Array.from(want.sd));
      }
      expect(fp.importance()).toEqual(fp.importance(12));
      expect(fp.importance(99)).toEqual(fp.importance(12)); // clamped to the trees added
      // Signal columns drop the accuracy, the forest is better than chance: the check has teeth.
      const all = fp.importance();
      expect(Math.max(all.mean[0], all.mean[1])).toBeGreaterThan(0.05);
    }
  });

  it('scoring only some columns gives those columns the whole run’s numbers to the bit (two workers split them)', () => {
    const data = twoClasses(stream(24, 'data'), 140, 4), test = twoClasses(stream(24, 'test'), 80, 4);
    const trees = Array.from({ length: 8 }, (_, i) => growMember(data.X, data.y, { tree: { criterion: 'gini', maxDepth: Infinity, maxFeatures: 2 }, bootstrap: true, seed: 9 }, i).tree);
    const T = 8, d = 6;
    // The reference: permutationImportance of the forest's vote, every column.
    const want = permutationImportance(vote(trees), test.X, test.y, createRng(4), 3);
    // Unsorted, repeated and out-of-range entries are read as the set of valid columns.
    for (const cols of [[0, 2, 4], [5, 3, 1, 3, 9, -1], [], [1.5, 2]]) {
      const fp = forestPermutation(test.X, test.y, createRng(4), 3, cols);
      for (const t of trees) fp.add(t);
      const got = fp.importance(T);
      for (let j = 0; j < d; j++) {
        const mine = cols.includes(j);
        expect(Object.is(got.mean[j], mine ? want.mean[j] : NaN)).toBe(true);
        expect(Object.is(got.sd[j], mine ? want.sd[j] : NaN)).toBe(true);
      }
      // The rows as they are: the same leaves whichever columns are scored.
      expect(Array.from(fp.leaves(3))).toEqual(Array.from({ length: 80 }, (_, i) => leafOf(trees[3], test.X.data, i * d)));
    }
  });

  it('leaves(t): every row’s own leaf in tree t, the one leafOf finds', () => {
    const data = twoClasses(stream(23, 'data'), 120, 2), test = twoClasses(stream(23, 'test'), 60, 2);
    const trees = Array.from({ length: 3 }, (_, i) => growMember(data.X, data.y, { tree: { criterion: 'gini', maxDepth: Infinity, maxFeatures: 2 }, bootstrap: true, seed: 6 }, i).tree);
    const fp = forestPermutation(test.X, test.y, createRng(2), 3);
    for (const t of trees) fp.add(t);
    trees.forEach((t, k) => {
      const got = fp.leaves(k);
      expect(got).toHaveLength(60);
      const want = Array.from({ length: 60 }, (_, i) => leafOf(t, test.X.data, i * test.X.d));
      expect(Array.from(got)).toEqual(want);
      for (const leaf of want) expect(t.feature[leaf]).toBe(-1); // leaves, not inner nodes
    });
    expect(Array.from(fp.leaves(1))).not.toEqual(Array.from(fp.leaves(0))); // each tree its own
  });

  it('a tie between classes goes to the lower class, and no repeats give zeros', () => {
    // Two one-leaf trees that split the vote 1:0 and 0:1 → every row ties → class 0 everywhere.
    const X = matrix([[0], [1], [2], [3]]), y = Int32Array.from([0, 1, 0, 1]);
    const fp = forestPermutation(X, y, createRng(1), 2);
    fp.add(constantTree([1, 0]));
    fp.add(constantTree([0, 1]));
    // Constant trees ignore the column: the drop is 0 with either tree count, the vote is what differs.
    expect(Array.from(fp.importance(2).mean)).toEqual([0]);
    expect(Array.from(fp.importance(2).sd)).toEqual([0]);
    const none = forestPermutation(X, y, createRng(1), 0);
    none.add(constantTree([1, 0]));
    expect(none.importance()).toEqual({ mean: Float64Array.of(0), sd: Float64Array.of(0) });
  });

  it('a column the trees split on moves the vote, values on the threshold go left', () => {
    // One split x ≤ 1.5: rows 0, 1 left (class 0), rows 2, 3 right (class 1). Scored on five
    // rows, one exactly on the threshold (x = 1.5, class 0: left, so right as it is).
    const X = matrix([[0], [1], [2], [3]]), y = Int32Array.from([0, 0, 1, 1]);
    const tree = fitTree(X, y, { criterion: 'gini', maxDepth: 1 });
    expect(tree.threshold[0]).toBe(1.5);
    const Xs = matrix([[0], [1.5], [2], [3], [1]]), ys = Int32Array.from([0, 0, 1, 1, 1]);
    const reps = 40;
    const got = forestPermutation(Xs, ys, createRng(3), reps);
    got.add(tree);
    // By hand from the same draws: a shuffle's accuracy is the share of rows whose new value
    // falls on their own class's side of 1.5 (≤ goes left, class 0); 4 of 5 as they are.
    const rng = createRng(3), drops: number[] = [];
    for (let r = 0; r < reps; r++) {
      const perm = rng.permutation(5);
      let ok = 0;
      for (let i = 0; i < 5; i++) if ((Xs.data[perm[i]] > 1.5 ? 1 : 0) === ys[i]) ok++;
      drops.push(4 / 5 - ok / 5);
    }
    const mean = drops.reduce((a, b) => a + b, 0) / reps;
    const sd = Math.sqrt(drops.reduce((a, b) => a + (b - mean) ** 2, 0) / reps);
    const imp = got.importance();
    expect(imp.mean[0]).toBeCloseTo(mean, 12);
    expect(imp.sd[0]).toBeCloseTo(sd, 12);
    expect(imp.mean[0]).toBeGreaterThan(0.1);
  });
});

/** True when StrykerJS runs the tests on its instrumented copy of the code. */
const instrumented = fitTree.toString().includes('stryMutAct');

describe('speed (the random-forest panel)', () => {
  // Not under mutation testing: its instrumented copy of the code (every expression wrapped in a
  // mutant switch) takes minutes here, and a timing says nothing about a mutant.
  it.skipIf(instrumented)('200 trees of depth ≤ 12 on 500 points, 2 and 12 features, bootstrap + max features', () => {
    for (const d of [2, 12]) {
      const { X, y } = twoClasses(stream(7, 'bench'), 500, d - 2);
      const opts: ForestOptions = { tree: { criterion: 'gini', maxDepth: 12, maxFeatures: Math.max(1, Math.round(Math.sqrt(d))) }, bootstrap: true, seed: 3 };
      growMember(X, y, opts, 999); // warm-up (JIT, presort cache)
      const t0 = performance.now(), c0 = process.cpuUsage();
      const trees = Array.from({ length: 200 }, (_, i) => growMember(X, y, opts, i));
      const ms = performance.now() - t0, cpu = process.cpuUsage(c0).user / 1000;
      const nodes = trees.reduce((s, m) => s + m.tree.nodeCount, 0);
      console.info(`[learn bench] 200 trees, 500 × ${d}, depth ≤ 12: ${ms.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU (${(nodes / 200).toFixed(0)} nodes per tree)`);
      // The target is well under 300 ms; CPU time (not wall) so a busy shared machine does not
      // fail it, with room for a cold JIT.
      expect(cpu).toBeLessThan(1000);
      const all = fitTree(X, y, { criterion: 'gini', maxDepth: 12 });
      expect(all.nodeCount).toBeGreaterThan(10);
    }
  });
});
