/**
 * Bagging and random forests, one tree at a time. Tree t depends only on (seed, t) through its own
 * random stream, so a panel can grow trees progressively, in any order, in a worker, and cache
 * them: the forest of 50 trees is the first 50 trees of the forest of 200.
 * Out-of-bag votes follow scikit-learn's oob_decision_function_: each tree adds its class shares
 * for the rows it did not see; a row's OOB prediction is the argmax of its summed shares.
 */
import { stream, type Rng } from '../random/rng';
import type { ForestMember, ForestOptions, Matrix, Tree } from './api';
import { fitTree, impurityImportance, leafOf, leafShares } from './tree';

/** Tree `index` of the ensemble: its bootstrap sample (if any) and its feature draws come from
 * stream(seed, 'tree-' + index) alone. */
export function growMember(X: Matrix, y: Int32Array | Float64Array, opts: ForestOptions, index: number): ForestMember {
  const rng = stream(opts.seed, 'tree-' + index);
  const n = X.n;
  const inBag = new Uint16Array(n);
  let rows: Int32Array | undefined;
  if (opts.bootstrap) {
    rows = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = rng.int(n);
      rows[i] = r;
      if (inBag[r] < 65535) inBag[r]++;
    }
  } else inBag.fill(1);
  // The class count comes from all of y, so every member has the same K even if its sample
  // misses a class.
  const tree = fitTree(X, y, opts.tree, { rows, rng });
  return { tree, inBag };
}

function argmaxRow(v: Float64Array, at: number, K: number): number {
  let best = 0;
  for (let k = 1; k < K; k++) if (v[at + k] > v[at + best]) best = k;
  return best;
}

/** n × K: the mean of the trees' class probabilities (empty when there are no trees). */
export function forestProba(trees: readonly Tree[], X: Matrix): Float64Array {
  if (trees.length === 0) return new Float64Array(0);
  const K = trees[0].nClasses;
  const out = new Float64Array(X.n * K), share = new Float64Array(K);
  for (const tree of trees) {
    for (let i = 0; i < X.n; i++) {
      leafShares(tree, leafOf(tree, X.data, i * X.d), share, 0);
      for (let k = 0; k < K; k++) out[i * K + k] += share[k];
    }
  }
  for (let j = 0; j < out.length; j++) out[j] /= trees.length;
  return out;
}

/**
 * Runs through the trees in order, adding each tree's class shares to the running votes of the
 * rows `takesVote(t, i)` allows, and records after each tree the error over the rows that have votes.
 */
function runningError(trees: readonly Tree[], X: Matrix, y: Int32Array, takesVote: (t: number, i: number) => boolean) {
  const T = trees.length, n = X.n;
  const error = new Float64Array(T), coverage = new Float64Array(T);
  if (T === 0) return { error, coverage };
  const K = trees[0].nClasses;
  const votes = new Float64Array(n * K), share = new Float64Array(K);
  const covered = new Uint8Array(n), pred = new Int32Array(n);
  let nCovered = 0, nWrong = 0;
  for (let t = 0; t < T; t++) {
    const tree = trees[t];
    for (let i = 0; i < n; i++) {
      if (!takesVote(t, i)) continue;
      leafShares(tree, leafOf(tree, X.data, i * X.d), share, 0);
      for (let k = 0; k < K; k++) votes[i * K + k] += share[k];
      if (!covered[i]) {
        covered[i] = 1;
        nCovered++;
      } else if (pred[i] !== y[i]) nWrong--;
      pred[i] = argmaxRow(votes, i * K, K);
      if (pred[i] !== y[i]) nWrong++;
    }
    error[t] = nCovered > 0 ? nWrong / nCovered : NaN;
    coverage[t] = nCovered / n;
  }
  return { error, coverage };
}

/**
 * error[t]: out-of-bag misclassification rate of the first t + 1 trees, over the rows that at
 * least one of them left out (NaN while there are none); coverage[t]: the share of such rows.
 */
export function oobErrorCurve(members: readonly ForestMember[], X: Matrix, y: Int32Array): { error: Float64Array; coverage: Float64Array } {
  return runningError(members.map((m) => m.tree), X, y, (t, i) => members[t].inBag[i] === 0);
}

/** Misclassification rate on (X, y) of the forest of the first 1, 2, …, T trees. */
export function errorCurve(trees: readonly Tree[], X: Matrix, y: Int32Array): Float64Array {
  return runningError(trees, X, y, () => true).error;
}

/**
 * scikit-learn's forest feature_importances_: the mean of the trees' impurity importances over
 * trees that split at all, renormalised to sum 1 (all 0 when no tree splits).
 */
export function forestImportance(trees: readonly Tree[]): Float64Array {
  const d = trees.length ? trees[0].nFeatures : 0;
  const out = new Float64Array(d);
  for (const t of trees) {
    if (t.nodeCount <= 1) continue;
    const imp = impurityImportance(t);
    for (let j = 0; j < d; j++) out[j] += imp[j];
  }
  let total = 0;
  for (const v of out) total += v;
  if (total > 0) for (let j = 0; j < d; j++) out[j] /= total;
  return out;
}

function accuracyOf(pred: ArrayLike<number>, y: Int32Array): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if (pred[i] === y[i]) ok++;
  return y.length ? ok / y.length : 0;
}

/**
 * Permutation importance (scikit-learn's permutation_importance with accuracy): for each column,
 * `repeats` times, shuffle that column alone and record the drop in accuracy from the unshuffled
 * data. sd is the population standard deviation of the drops, as sklearn reports it. The matrix
 * passed to `predict` is a scratch copy, reused between calls.
 */
export function permutationImportance(
  predict: (X: Matrix) => ArrayLike<number>, X: Matrix, y: Int32Array, rng: Rng, repeats = 5,
): { mean: Float64Array; sd: Float64Array } {
  const { n, d } = X;
  const base = accuracyOf(predict(X), y);
  const mean = new Float64Array(d), sd = new Float64Array(d);
  const scratch: Matrix = { data: X.data.slice(), n, d };
  const drops = new Float64Array(Math.max(0, repeats));
  for (let j = 0; j < d; j++) {
    for (let r = 0; r < drops.length; r++) {
      const perm = rng.permutation(n);
      for (let i = 0; i < n; i++) scratch.data[i * d + j] = X.data[perm[i] * d + j];
      drops[r] = base - accuracyOf(predict(scratch), y);
    }
    for (let i = 0; i < n; i++) scratch.data[i * d + j] = X.data[i * d + j];
    if (drops.length === 0) continue;
    let s = 0;
    for (const v of drops) s += v;
    mean[j] = s / drops.length;
    let ss = 0;
    for (const v of drops) ss += (v - mean[j]) ** 2;
    sd[j] = Math.sqrt(ss / drops.length);
  }
  return { mean, sd };
}
