/**
 * planePermutation against the kit's forestPermutation (which sends every shuffled row down the
 * tree) and against the kit's leafOf: every leaf of every row as it is, the importances to the
 * bit for every forest prefix, ties on a threshold, three classes, trees that never split.
 */
import { describe, expect, it } from 'vitest';
import type { Matrix, Tree } from '../../lib/learn/api';
import { fitTree, leafOf } from '../../lib/learn/tree';
import { forestPermutation, growMember } from '../../lib/learn/forest';
import { createRng, stream } from '../../lib/random/rng';
import { makeData } from './data';
import { planePermutation } from './planePermutation';

const bits = (a: Float64Array) => Array.from(a, (x) => (Number.isNaN(x) ? 'NaN' : x));

function compare(trees: Tree[], X: Matrix, y: Int32Array, seed: number, repeats: number) {
  const mine = planePermutation(X, y, createRng(seed), repeats), kit = forestPermutation(X, y, createRng(seed), repeats);
  expect(mine.size).toBe(0);
  trees.forEach((t, k) => {
    mine.add(t);
    kit.add(t);
    expect(mine.size).toBe(k + 1);
    expect(Array.from(mine.leaves(k))).toEqual(Array.from({ length: X.n }, (_, i) => leafOf(t, X.data, i * 2)));
  });
  for (const T of new Set([1, Math.ceil(trees.length / 2), trees.length])) {
    const a = mine.importance(T), b = kit.importance(T);
    expect(bits(a.mean), `mean, ${T} trees`).toEqual(bits(b.mean));
    expect(bits(a.sd), `sd, ${T} trees`).toEqual(bits(b.sd));
  }
  expect(mine.importance()).toEqual(kit.importance());
  // The kit's reading of odd tree counts: whole trees only, and no more than were added.
  expect(mine.importance(trees.length - 0.5)).toEqual(kit.importance(trees.length - 0.5));
  expect(mine.importance(trees.length + 3)).toEqual(kit.importance(trees.length));
  return mine;
}

describe('planePermutation: the kit’s forest permutation importance, by look-up', () => {
  it('the panel’s forests: every data set, deep and shallow trees, to the bit', () => {
    for (const [dataset, depth, seed] of [['moons', Infinity, 1], ['xor', 3, 2], ['circles', Infinity, 3], ['blobs', 1, 4]] as const) {
      const data = makeData({ dataset, jitter: 0.3, n: 150, noise: 0, seed });
      const trees = Array.from({ length: 8 }, (_, k) => growMember(data.X, data.y, { tree: { criterion: 'gini', nClasses: 2, maxDepth: depth, maxFeatures: 1 }, bootstrap: true, seed }, k).tree);
      const test: Matrix = { ...data.Xtest, n: 120, data: data.Xtest.data.subarray(0, 240) };
      const imp = compare(trees, test, data.ytest.subarray(0, 120), seed, 5).importance();
      // The check has teeth: the forest needs its columns.
      if (depth > 1) expect(imp.mean[0] + imp.mean[1]).toBeGreaterThan(0.05);
    }
  });

  it('test values exactly on thresholds go left, as x ≤ t does; repeated values and three classes', () => {
    // Training values on a lattice, test points on the same lattice and on the midpoints.
    const rows: number[] = [], lab: number[] = [];
    const rng = createRng(5);
    for (let i = 0; i < 90; i++) {
      const a = Math.floor(rng.next() * 6), b = Math.floor(rng.next() * 6);
      rows.push(a, b);
      lab.push((a + 2 * b + (rng.next() < 0.2 ? 1 : 0)) % 3);
    }
    const X: Matrix = { data: Float64Array.from(rows), n: 90, d: 2 }, y = Int32Array.from(lab);
    const trees = Array.from({ length: 5 }, (_, k) => growMember(X, y, { tree: { criterion: 'entropy', maxDepth: Infinity, maxFeatures: 2 }, bootstrap: true, seed: 7 }, k).tree);
    const tests: number[] = [];
    for (let a = 0; a <= 5; a += 0.5) for (let b = 0; b <= 5; b += 0.5) tests.push(a, b);
    const T: Matrix = { data: Float64Array.from(tests), n: tests.length / 2, d: 2 };
    const yt = Int32Array.from({ length: T.n }, (_, i) => (Math.round(tests[2 * i]) + 2 * Math.round(tests[2 * i + 1])) % 3);
    expect(trees[0].threshold.some((t) => tests.includes(t))).toBe(true); // thresholds fall on test values
    // Some tree splits one column at the same value in two places (a threshold listed twice).
    const twice = (t: Tree) => [0, 1].some((j) => {
      const v = Array.from(t.threshold).filter((_, k) => t.feature[k] === j);
      return new Set(v).size < v.length;
    });
    expect(trees.some(twice)).toBe(true);
    compare(trees, T, yt, 11, 3);
  });

  it('trees that never split, and no repeats', () => {
    const X: Matrix = { data: Float64Array.of(0, 0, 1, 1, 2, 0, 3, 1), n: 4, d: 2 }, y = Int32Array.of(0, 1, 0, 1);
    const stump = fitTree(X, Int32Array.of(1, 1, 1, 1), { criterion: 'gini', nClasses: 2, maxDepth: 3 });
    expect(stump.nodeCount).toBe(1);
    const split = fitTree(X, y, { criterion: 'gini', maxDepth: 3 });
    compare([stump, split], X, y, 3, 4);
    compare([split], X, y, 3, 0);
  });

  it('asks for data of two columns', () => {
    expect(() => planePermutation({ data: new Float64Array(3), n: 1, d: 3 }, Int32Array.of(0), stream(1, 'p'))).toThrow(RangeError);
  });
});
