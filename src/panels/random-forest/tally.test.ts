/**
 * The tally on its own, beyond the panel's two classes: with three classes and with trees that
 * never split, its curves are the kit's (oobErrorCurve, errorCurve, treePredict,
 * forestImportance) to the bit, for every prefix of the forest.
 */
import { describe, expect, it } from 'vitest';
import type { ForestMember, Matrix } from '../../lib/learn/api';
import { errorCurve, forestImportance, growMember, oobErrorCurve } from '../../lib/learn/forest';
import { leafOf, treePredict } from '../../lib/learn/tree';
import { createRng } from '../../lib/random/rng';
import { createTally } from './tally';

const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? 'NaN' : x));

/** Three classes by the angle's third, 0.4 of jitter, plus one noise column. */
function threeClasses(seed: number, n: number): { X: Matrix; y: Int32Array } {
  const rng = createRng(seed), data = new Float64Array(n * 3), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(0, 2 * Math.PI);
    y[i] = Math.min(2, Math.floor((3 * a) / (2 * Math.PI)));
    data[i * 3] = Math.cos(a) + 0.4 * rng.normal();
    data[i * 3 + 1] = Math.sin(a) + 0.4 * rng.normal();
    data[i * 3 + 2] = rng.normal();
  }
  return { X: { data, n, d: 3 }, y };
}

function check(members: ForestMember[], train: { X: Matrix; y: Int32Array }, test: { X: Matrix; y: Int32Array }, K: number) {
  const tally = createTally(train.X, train.y, test.y, train.X.d, K);
  for (const m of members) tally.add(m, Int32Array.from({ length: test.X.n }, (_, i) => leafOf(m.tree, test.X.data, i * test.X.d)));
  for (const T of [1, 4, members.length]) {
    const ms = members.slice(0, T), trees = ms.map((m) => m.tree);
    const c = tally.curves(T), oob = oobErrorCurve(ms, train.X, train.y);
    expect(bits(c.testError)).toEqual(bits(errorCurve(trees, test.X, test.y)));
    expect(bits(c.oobError)).toEqual(bits(oob.error));
    expect(bits(c.oobCoverage)).toEqual(bits(oob.coverage));
    expect(bits(c.impurity)).toEqual(bits(forestImportance(trees)));
    expect(bits(c.treeErrors)).toEqual(trees.map((t) => {
      const p = treePredict(t, test.X);
      return p.reduce((w, v, i) => w + (v !== test.y[i] ? 1 : 0), 0) / test.X.n;
    }));
  }
  return tally.curves(members.length);
}

describe('the tally: the kit’s curves, a tree at a time', () => {
  it('three classes, random features, bootstrap: every curve to the bit', () => {
    const train = threeClasses(3, 150), test = threeClasses(4, 90);
    const members = Array.from({ length: 9 }, (_, k) => growMember(train.X, train.y, { tree: { criterion: 'entropy', nClasses: 3, maxDepth: 5, maxFeatures: 2 }, bootstrap: true, seed: 2 }, k));
    const c = check(members, train, test, 3);
    // Teeth: the forest learns the three sectors (chance would be 2/3 wrong).
    expect(c.testError[8]).toBeLessThan(0.4);
    expect(c.oobError[8]).toBeLessThan(0.4);
  });

  it('trees that never split: all-zero impurity importance (not 0/0), the one class everywhere', () => {
    const train = threeClasses(5, 40), test = threeClasses(6, 30);
    const ones = { X: train.X, y: new Int32Array(40).fill(1) };
    const members = Array.from({ length: 5 }, (_, k) => growMember(ones.X, ones.y, { tree: { criterion: 'gini', nClasses: 3, maxDepth: 4 }, bootstrap: true, seed: 1 }, k));
    expect(members.every((m) => m.tree.nodeCount === 1)).toBe(true);
    const c = check(members, ones, test, 3);
    expect(Array.from(c.impurity)).toEqual([0, 0, 0]);
    // Every tree says class 1: wrong on every test point that is not class 1.
    const notOne = test.y.reduce((w, v) => w + (v !== 1 ? 1 : 0), 0) / 30;
    expect(c.treeErrors[0]).toBe(notOne);
    expect(c.testError[4]).toBe(notOne);
  });
});
