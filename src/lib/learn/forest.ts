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

/** Each leaf's class shares (leafShares), at [leaf·K, leaf·K + K): worked out once per tree, not
 * once per row that lands there. */
function shareTable(tree: Tree): Float64Array {
  const K = tree.nClasses;
  const sh = new Float64Array(tree.nodeCount * K);
  for (let k = 0; k < tree.nodeCount; k++) if (tree.feature[k] < 0) leafShares(tree, k, sh, k * K);
  return sh;
}

/** n × K: the mean of the trees' class probabilities (empty when there are no trees). */
export function forestProba(trees: readonly Tree[], X: Matrix): Float64Array {
  if (trees.length === 0) return new Float64Array(0);
  const K = trees[0].nClasses;
  const out = new Float64Array(X.n * K);
  for (const tree of trees) {
    const sh = shareTable(tree);
    for (let i = 0; i < X.n; i++) {
      const at = leafOf(tree, X.data, i * X.d) * K;
      for (let k = 0; k < K; k++) out[i * K + k] += sh[at + k];
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
  const votes = new Float64Array(n * K);
  const covered = new Uint8Array(n), pred = new Int32Array(n);
  let nCovered = 0, nWrong = 0;
  for (let t = 0; t < T; t++) {
    const tree = trees[t], sh = shareTable(tree);
    for (let i = 0; i < n; i++) {
      if (!takesVote(t, i)) continue;
      const at = leafOf(tree, X.data, i * X.d) * K;
      for (let k = 0; k < K; k++) votes[i * K + k] += sh[at + k];
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

/** A forest's permutation importance, built up tree by tree (see forestPermutation). */
export interface ForestPermutation {
  /** Trees added so far. */
  readonly size: number;
  /** Adds the next tree: finds the leaf of every test row, as it is and in every shuffled copy. */
  add(tree: Tree): void;
  /** Importance of the forest of the first `trees` trees added (default all). */
  importance(trees?: number): { mean: Float64Array; sd: Float64Array };
  /** The leaf of every row, as it is, in tree `t` (0-based, in the order added): found by add,
   * so a caller scoring the same rows (an error curve) need not send them down the tree again. */
  leaves(t: number): Uint16Array | Int32Array;
}

/**
 * permutationImportance of a forest's soft vote (the argmax of forestProba, ties → the lower
 * class), with the same draws from `rng` and the same numbers to the last bit, but fast enough for
 * a slider: every shuffle is drawn once, here, and each tree finds its leaves once, when added,
 * so a forest of T trees costs T trees' leaves plus sums, and one tree more costs one tree.
 * A shuffled row only goes down the tree again when it can land elsewhere: when its new value
 * leaves the interval of that column its own leaf allows (the column's thresholds on its path),
 * and then from the first node on its path that tests the column (the nodes above test others).
 * Leaf shares are summed in tree order, as forestProba does, so the votes are the same floats.
 */
/** Rows summed together through every tree in forestPermutation's importance. */
const CHUNK = 1024;

export function forestPermutation(X: Matrix, y: Int32Array, rng: Rng, repeats = 5, columns?: readonly number[]): ForestPermutation {
  const { n, d, data } = X;
  const R = Math.max(0, repeats);
  // The columns scored (ascending; default all): two workers can each take some of them and get
  // exactly the numbers of the whole, since a column's importance reads only its own shuffles and
  // the rows as they are. `slot[j]` is column j's place among them, −1 when not scored.
  const slot = new Int32Array(d).fill(-1);
  const cols = columns ? [...new Set(columns)].filter((j) => Number.isInteger(j) && j >= 0 && j < d).sort((a, b) => a - b) : Array.from({ length: d }, (_, j) => j);
  cols.forEach((j, c) => (slot[j] = c));
  const C = cols.length;
  // Block 0: the rows as they are; block 1 + c·R + r: column cols[c] in shuffle r. Every shuffle
  // is drawn, scored column or not, in permutationImportance's order (column by column, repeat by
  // repeat), so each column gets its own draws. shuffled[(c·R + r)·n + i]: what row i reads.
  const B = 1 + C * R;
  const shuffled = new Float64Array(C * R * n);
  for (let j = 0; j < d; j++)
    for (let r = 0; r < R; r++) {
      const perm = rng.permutation(n), c = slot[j];
      if (c < 0) continue;
      const at = (c * R + r) * n;
      for (let i = 0; i < n; i++) shuffled[at + i] = data[perm[i] * d + j];
    }
  const leaves: (Uint16Array | Int32Array)[] = [], shares: Float64Array[] = [];
  let K = 0;
  const lo = new Float64Array(d), hi = new Float64Array(d), first = new Int32Array(d), pt = new Float64Array(d);

  function add(tree: Tree): void {
    K = tree.nClasses;
    const { feature, threshold, left, right } = tree;
    const L = tree.nodeCount <= 65536 ? new Uint16Array(B * n) : new Int32Array(B * n);
    for (let i = 0; i < n; i++) {
      lo.fill(-Infinity);
      hi.fill(Infinity);
      first.fill(-1);
      const o = i * d;
      let node = 0;
      for (let f = feature[0]; f >= 0; f = feature[node]) {
        const t = threshold[node];
        if (first[f] < 0) first[f] = node;
        if (data[o + f] <= t) {
          if (t < hi[f]) hi[f] = t;
          node = left[node];
        } else {
          if (t > lo[f]) lo[f] = t;
          node = right[node];
        }
      }
      L[i] = node;
      for (let f = 0; f < d; f++) pt[f] = data[o + f];
      for (let c = 0; c < C; c++) {
        const j = cols[c], s = first[j], a = lo[j], b = hi[j];
        for (let r = 0, q = c * R * n + i; r < R; r++, q += n) {
          const v = shuffled[q];
          let leaf = node;
          if (s >= 0 && !(v > a && v <= b)) {
            pt[j] = v; // the row with column j shuffled, the others as they are
            for (let f = feature[(leaf = s)]; f >= 0; f = feature[leaf]) leaf = pt[f] <= threshold[leaf] ? left[leaf] : right[leaf];
          }
          L[n + q] = leaf;
        }
        pt[j] = data[o + j];
      }
    }
    leaves.push(L);
    shares.push(shareTable(tree));
  }

  function importance(trees = leaves.length): { mean: Float64Array; sd: Float64Array } {
    const T = Math.max(0, Math.min(leaves.length, Math.floor(trees)));
    const votes = new Float64Array(B * n * K);
    // A chunk of rows at a time through every tree (the chunk's votes stay in cache); each vote
    // still adds the trees in order.
    for (let q0 = 0; q0 < B * n; q0 += CHUNK) {
      const q1 = Math.min(B * n, q0 + CHUNK);
      for (let t = 0; t < T; t++) {
        const L = leaves[t], sh = shares[t];
        if (K === 2)
          for (let q = q0; q < q1; q++) {
            const a = 2 * L[q];
            votes[2 * q] += sh[a];
            votes[2 * q + 1] += sh[a + 1];
          }
        else for (let q = q0; q < q1; q++) for (let k = 0, a = L[q] * K, b = q * K; k < K; k++) votes[b + k] += sh[a + k];
      }
    }
    // forestProba's mean (divided by the tree count), then the argmax, ties → the lower class.
    for (let q = 0; q < votes.length; q++) votes[q] /= T;
    const accuracy = (block: number) => {
      let ok = 0;
      for (let i = 0; i < n; i++) if (argmaxRow(votes, (block * n + i) * K, K) === y[i]) ok++;
      return n ? ok / n : 0;
    };
    const base = accuracy(0);
    // A column not scored here reads NaN (its importance is another worker's).
    const mean = new Float64Array(d), sd = new Float64Array(d);
    for (let j = 0; j < d; j++) if (slot[j] < 0) mean[j] = sd[j] = NaN;
    if (R === 0) return { mean, sd };
    const drops = new Float64Array(R);
    for (const j of cols) {
      for (let r = 0; r < R; r++) drops[r] = base - accuracy(1 + slot[j] * R + r);
      let s = 0;
      for (const v of drops) s += v;
      mean[j] = s / R;
      let ss = 0;
      for (const v of drops) ss += (v - mean[j]) ** 2;
      sd[j] = Math.sqrt(ss / R);
    }
    return { mean, sd };
  }

  return {
    get size() {
      return leaves.length;
    },
    add,
    importance,
    leaves: (t) => leaves[t].subarray(0, n),
  };
}
