/**
 * The forest's error curves and impurity importances, kept tree by tree, so that a forest of T
 * trees is scored once as its trees are added and a prefix of it (the trees slider going down)
 * costs nothing. The numbers are the kit's (oobErrorCurve, errorCurve, treePredict,
 * forestImportance) to the last bit: the same sums in the same order; only the leaf lookups are
 * shared (each test row's leaf is found once per tree, by the permutation importance's pass, and
 * serves the test curve and the tree's own error). Pure.
 */
import type { ForestMember, Matrix, Tree } from '../../lib/learn/api';
import { impurityImportance, leafOf, leafShares } from '../../lib/learn/tree';

/** Curves of the first T trees (views into the tally's arrays: copy before sending). */
export interface TallyCurves {
  testError: Float64Array;
  oobError: Float64Array;
  oobCoverage: Float64Array;
  treeErrors: Float64Array;
  impurity: Float64Array;
}

/**
 * A running vote over n rows (runningError in lib/learn/forest.ts, one tree per call): each
 * tree adds its leaf's class shares to the rows it votes on; error and coverage are read after
 * each tree.
 */
function createVote(n: number, K: number, y: Int32Array) {
  const votes = new Float64Array(n * K), covered = new Uint8Array(n), pred = new Int32Array(n);
  let nCovered = 0, nWrong = 0;
  return {
    /** Row i takes the shares sh[at .. at + K). */
    take(i: number, sh: Float64Array, at: number): void {
      const b = i * K;
      for (let k = 0; k < K; k++) votes[b + k] += sh[at + k];
      if (!covered[i]) {
        covered[i] = 1;
        nCovered++;
      } else if (pred[i] !== y[i]) nWrong--;
      let best = 0; // argmax, ties → the lower class
      for (let k = 1; k < K; k++) if (votes[b + k] > votes[b + best]) best = k;
      pred[i] = best;
      if (best !== y[i]) nWrong++;
    },
    error: () => (nCovered > 0 ? nWrong / nCovered : NaN),
    coverage: () => nCovered / n,
  };
}

/** A Float64Array that doubles when full (the curves grow by one entry per tree). */
function grow(a: Float64Array<ArrayBuffer>, len: number): Float64Array<ArrayBuffer> {
  if (len <= a.length) return a;
  const b = new Float64Array(Math.max(len, 2 * a.length));
  b.set(a);
  return b;
}

/** K: the trees' class count (the forest's, whatever a tree's sample holds). */
export function createTally(X: Matrix, y: Int32Array, ytest: Int32Array, d: number, K: number) {
  const oob = createVote(X.n, K, y), test = createVote(ytest.length, K, ytest);
  let testError = new Float64Array(0), oobError = new Float64Array(0), oobCoverage = new Float64Array(0), treeErrors = new Float64Array(0);
  // sums[t·d + j]: forestImportance's running sum of column j over the first t trees (before the
  // division by the total), for every t, so any prefix renormalises the same floats.
  let sums = new Float64Array(d);
  let size = 0;
  let sh = new Float64Array(0);

  return {
    /** Adds the next tree; `testLeaves[i]` is test row i's leaf in it. */
    add(m: ForestMember, testLeaves: ArrayLike<number>): void {
      const tree: Tree = m.tree;
      // The leaves' class shares, as the kit's shareTable works them out.
      if (sh.length < tree.nodeCount * K) sh = new Float64Array(tree.nodeCount * K);
      for (let k = 0; k < tree.nodeCount; k++) if (tree.feature[k] < 0) leafShares(tree, k, sh, k * K);
      const t = size;
      testError = grow(testError, t + 1);
      oobError = grow(oobError, t + 1);
      oobCoverage = grow(oobCoverage, t + 1);
      treeErrors = grow(treeErrors, t + 1);
      sums = grow(sums, (t + 2) * d);

      // Test rows: the forest's running vote, and the tree's own prediction (treePredict: the
      // class with the most weight in the leaf, ties → the lower class).
      let wrong = 0;
      for (let i = 0; i < ytest.length; i++) {
        const leaf = testLeaves[i];
        test.take(i, sh, leaf * K);
        let best = 0;
        for (let k = 1; k < K; k++) if (tree.value[leaf * K + k] > tree.value[leaf * K + best]) best = k;
        if (best !== ytest[i]) wrong++;
      }
      treeErrors[t] = wrong / ytest.length;
      testError[t] = test.error();

      // Training rows out of this tree's bag.
      for (let i = 0; i < X.n; i++) if (m.inBag[i] === 0) oob.take(i, sh, leafOf(tree, X.data, i * X.d) * K);
      oobError[t] = oob.error();
      oobCoverage[t] = oob.coverage();

      // forestImportance: trees that split at all add their own importances.
      for (let j = 0; j < d; j++) sums[(t + 1) * d + j] = sums[t * d + j];
      if (tree.nodeCount > 1) {
        const imp = impurityImportance(tree);
        for (let j = 0; j < d; j++) sums[(t + 1) * d + j] += imp[j];
      }
      size++;
    },
    /** The curves of the first T trees (T ≤ size). */
    curves(T: number): TallyCurves {
      const impurity = sums.slice(T * d, (T + 1) * d);
      let total = 0;
      for (const v of impurity) total += v;
      if (total > 0) for (let j = 0; j < d; j++) impurity[j] /= total;
      return {
        testError: testError.slice(0, T),
        oobError: oobError.slice(0, T),
        oobCoverage: oobCoverage.slice(0, T),
        treeErrors: treeErrors.slice(0, T),
        impurity,
      };
    },
  };
}

export type Tally = ReturnType<typeof createTally>;
