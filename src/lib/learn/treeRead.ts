/** Reading a tree grown by tree.ts: the leaf a point falls into, class shares, predictions, importances. */
import type { Matrix, Tree } from './api';

/** Index of the leaf that the point x[offset .. offset + d) falls into. */
export function leafOf(tree: Tree, x: ArrayLike<number>, offset = 0): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = x[offset + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  return node;
}

/** Writes the class shares of a leaf into out[at .. at + K); an empty (zero-weight) leaf is uniform. */
export function leafShares(tree: Tree, leaf: number, out: Float64Array, at: number): void {
  const K = tree.nClasses;
  let tot = 0;
  for (let k = 0; k < K; k++) tot += tree.value[leaf * K + k];
  for (let k = 0; k < K; k++) out[at + k] = tot > 0 ? tree.value[leaf * K + k] / tot : 1 / K;
}

/** n × K class probabilities: the (weighted) class shares of each point's leaf. */
export function treeProba(tree: Tree, X: Matrix): Float64Array {
  const K = tree.nClasses;
  if (K === 0) throw new Error('treeProba: a regression tree has no class shares (use treePredict)');
  const out = new Float64Array(X.n * K);
  for (let i = 0; i < X.n; i++) leafShares(tree, leafOf(tree, X.data, i * X.d), out, i * K);
  return out;
}

/** The class with the most weight in each point's leaf (ties → the lower class), or the leaf mean. */
export function treePredict(tree: Tree, X: Matrix): Float64Array {
  const out = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) out[i] = leafPrediction(tree, leafOf(tree, X.data, i * X.d));
  return out;
}

/** What a leaf predicts: the class with the most weight (ties → the lower class), or the leaf mean. */
export function leafPrediction(tree: Tree, leaf: number): number {
  const K = tree.nClasses;
  if (K === 0) return tree.value[leaf];
  let best = 0;
  for (let k = 1; k < K; k++) if (tree.value[leaf * K + k] > tree.value[leaf * K + best]) best = k;
  return best;
}

/**
 * scikit-learn's feature_importances_: each split credits its feature with the weighted impurity
 * decrease wN·iN − wL·iL − wR·iR; normalised to sum 1 (all 0 for a tree with no useful split).
 */
export function impurityImportance(tree: Tree): Float64Array {
  const imp = new Float64Array(tree.nFeatures);
  const { feature: f, left: l, right: r, weightedN: w, impurity: g } = tree;
  for (let i = 0; i < tree.nodeCount; i++) {
    if (f[i] < 0) continue;
    // Rounding can make a zero-gain split look a hair negative; a split never adds impurity.
    imp[f[i]] += Math.max(0, w[i] * g[i] - w[l[i]] * g[l[i]] - w[r[i]] * g[r[i]]);
  }
  let total = 0;
  for (const v of imp) total += v;
  if (total > 0) for (let j = 0; j < imp.length; j++) imp[j] /= total;
  return imp;
}
