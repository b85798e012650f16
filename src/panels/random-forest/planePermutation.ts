/**
 * The kit's forestPermutation (lib/learn/forest.ts) for data of two columns, the same numbers to
 * the last bit with far less work. A tree on two columns cuts the plane into rectangles: sort its
 * thresholds on each column, and a point's leaf depends only on how many thresholds of each column
 * lie below its value (its cell). So each tree paints its leaves on the grid of cells once, ranks
 * the test values among its thresholds once per column (one merge of two sorted lists), and then
 * every row, as it is or with a column shuffled, finds its leaf with one look-up: a shuffled row
 * takes the rank of the row its value came from. The shuffles are the same draws from `rng` in
 * the same order, and the votes add the same leaf shares in tree order, so the importances are
 * the kit's. The panel's forests without noise columns use it; others go to the kit. Pure.
 */
import type { Matrix, Tree } from '../../lib/learn/api';
import type { ForestPermutation } from '../../lib/learn/forest';
import { leafShares } from '../../lib/learn/tree';
import type { Rng } from '../../lib/random/rng';

/**
 * The thresholds of the tree's splits on column j, sorted. A threshold used twice stays twice:
 * a point's count of thresholds below it and a split's index (its first copy) still agree on
 * every side (x ≤ t exactly when the count is at most the index); the cell between the copies
 * is simply never reached.
 */
function thresholdsOn(tree: Tree, j: number): Float64Array {
  const t: number[] = [];
  for (let k = 0; k < tree.nodeCount; k++) if (tree.feature[k] === j) t.push(tree.threshold[k]);
  return Float64Array.from(t).sort();
}

/** Index of the first copy of t in the sorted list (t is in it): the number of entries below t. */
function indexOf(s: Float64Array, t: number): number {
  let lo = 0, hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function planePermutation(X: Matrix, y: Int32Array, rng: Rng, repeats = 5): ForestPermutation {
  const { n, data } = X;
  if (X.d !== 2) throw new RangeError(`planePermutation: data of 2 columns, not ${X.d}`);
  const R = Math.max(0, repeats);
  const B = 1 + 2 * R;
  // The kit's draws, in its order: column by column, repeat by repeat.
  const perms: Int32Array[] = [];
  for (let j = 0; j < 2; j++) for (let r = 0; r < R; r++) perms.push(rng.permutation(n));
  // Rows in increasing order of each column, for the merge with a tree's thresholds.
  const order = [0, 1].map((j) => Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (data[2 * a + j] < data[2 * b + j] ? -1 : data[2 * a + j] > data[2 * b + j] ? 1 : 0)));
  const rank = [new Int32Array(n), new Int32Array(n)];
  const leaves: (Uint16Array | Int32Array)[] = [], shares: Float64Array[] = [];
  let K = 0;

  function add(tree: Tree): void {
    K = tree.nClasses;
    const tx = thresholdsOn(tree, 0), ty = thresholdsOn(tree, 1);
    // A point's cell: cx = thresholds on x₁ below its x₁ (so x₁ ≤ t, "go left", is cx ≤ index of t).
    for (let j = 0; j < 2; j++) {
      const t = j === 0 ? tx : ty, o = order[j], rk = rank[j];
      for (let q = 0, p = 0; q < n; q++) {
        const i = o[q], v = data[2 * i + j];
        while (p < t.length && t[p] < v) p++;
        rk[i] = p;
      }
    }
    const W = tx.length + 1;
    const cell = new Int32Array(W * (ty.length + 1));
    const paint = (node: number, x0: number, x1: number, y0: number, y1: number): void => {
      if (x0 >= x1 || y0 >= y1) return;
      const f = tree.feature[node];
      if (f < 0) {
        for (let cy = y0; cy < y1; cy++) cell.fill(node, cy * W + x0, cy * W + x1);
        return;
      }
      if (f === 0) {
        const s = indexOf(tx, tree.threshold[node]) + 1;
        paint(tree.left[node], x0, Math.min(x1, s), y0, y1);
        paint(tree.right[node], Math.max(x0, s), x1, y0, y1);
      } else {
        const s = indexOf(ty, tree.threshold[node]) + 1;
        paint(tree.left[node], x0, x1, y0, Math.min(y1, s));
        paint(tree.right[node], x0, x1, Math.max(y0, s), y1);
      }
    };
    paint(0, 0, W, 0, ty.length + 1);
    const L = tree.nodeCount <= 65536 ? new Uint16Array(B * n) : new Int32Array(B * n);
    const [rx, ry] = rank;
    for (let i = 0; i < n; i++) L[i] = cell[rx[i] + ry[i] * W];
    for (let r = 0; r < R; r++) {
      const px = perms[r], py = perms[R + r], ax = (1 + r) * n, ay = (1 + R + r) * n;
      for (let i = 0; i < n; i++) {
        L[ax + i] = cell[rx[px[i]] + ry[i] * W];
        L[ay + i] = cell[rx[i] + ry[py[i]] * W];
      }
    }
    const sh = new Float64Array(tree.nodeCount * K);
    for (let k = 0; k < tree.nodeCount; k++) if (tree.feature[k] < 0) leafShares(tree, k, sh, k * K);
    leaves.push(L);
    shares.push(sh);
  }

  /** The kit's importance: the same sums, divisions and comparisons, in the same order. */
  function importance(trees = leaves.length): { mean: Float64Array; sd: Float64Array } {
    const T = Math.max(0, Math.min(leaves.length, Math.floor(trees)));
    const votes = new Float64Array(B * n * K);
    for (let t = 0; t < T; t++) {
      const L = leaves[t], sh = shares[t];
      if (K === 2)
        for (let q = 0; q < B * n; q++) {
          const a = 2 * L[q];
          votes[2 * q] += sh[a];
          votes[2 * q + 1] += sh[a + 1];
        }
      else for (let q = 0; q < B * n; q++) for (let k = 0, a = L[q] * K, b = q * K; k < K; k++) votes[b + k] += sh[a + k];
    }
    for (let q = 0; q < votes.length; q++) votes[q] /= T;
    const accuracy = (block: number) => {
      let ok = 0;
      for (let i = 0; i < n; i++) {
        const b = (block * n + i) * K;
        let best = 0;
        for (let k = 1; k < K; k++) if (votes[b + k] > votes[b + best]) best = k;
        if (best === y[i]) ok++;
      }
      return n ? ok / n : 0;
    };
    const base = accuracy(0);
    const mean = new Float64Array(2), sd = new Float64Array(2);
    if (R === 0) return { mean, sd };
    const drops = new Float64Array(R);
    for (let j = 0; j < 2; j++) {
      for (let r = 0; r < R; r++) drops[r] = base - accuracy(1 + j * R + r);
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
