/**
 * CART decision trees grown the way scikit-learn grows them (DepthFirstTreeBuilder + BestSplitter):
 * at each node every candidate feature is scanned in sorted order, a threshold is the midpoint
 * between two consecutive distinct values, a sample goes left when x <= threshold, and the split
 * kept is the one with the largest weighted impurity decrease. Any valid split of an impure node
 * is taken, even one that gains nothing (scikit-learn's min_impurity_decrease = 0), so XOR-like
 * data still gets split. Nodes are numbered depth first, left child first, like sklearn's.
 *
 * Speed: the rows are sorted once per feature (cached per matrix), and each node keeps its rows
 * in sorted order for every feature by stable partitioning at each split, so growing a tree costs
 * O(rows · features · depth) with no sorting inside the recursion. A row drawn several times (a
 * bootstrap sample) is kept once with its count, which leaves the sums unchanged (see fitTree).
 * Sorting only the tried features per node (random forests try √d) was measured and lost at
 * 500 rows: an O(count·log count) sort per tried feature costs more than partitioning every list.
 *
 * Differences from sklearn, on purpose: values are compared in float64 (sklearn casts X to float32,
 * so its thresholds differ in the 8th digit); ties between equally good splits go to the lower
 * feature, then the lower threshold (sklearn's depend on its random feature order).
 */
import { createRng, type Rng } from '../random/rng';
import type { Matrix, Tree, TreeOptions } from './api';
import { buf, F64, I32, presort, U8, type Presorted } from './treePresort';

// Reading a grown tree (leaves, predictions, importances) lives in treeRead.ts.
export { impurityImportance, leafOf, leafPrediction, leafShares, treePredict, treeProba } from './treeRead';

/** sklearn's EPSILON: a node at most this impure is a leaf. */
const EPSILON = 2.220446049250313e-16;

function largestLabel(y: ArrayLike<number>): number {
  let k = -1;
  for (let i = 0; i < y.length; i++) if (y[i] > k) k = y[i];
  return k;
}

/** Gini or entropy (bits) of weighted class counts with total w. */
function classImpurity(counts: Float64Array, w: number, entropy: boolean): number {
  if (w <= 0) return 0;
  let s = 0;
  for (let k = 0; k < counts.length; k++) {
    const p = counts[k] / w;
    if (entropy) s -= p > 0 ? p * Math.log2(p) : 0;
    else s += p * p;
  }
  return entropy ? s : 1 - s;
}

/*
 * The parts of a node's work, as small functions: a fresh worker's first fits run before the
 * engine has optimised them, and small hot functions get optimised code much sooner than one big
 * fitTree did (stop 33: a link's first AdaBoost took 4-5x its warm time in a fresh worker). The
 * arithmetic is the same, in the same order (tree.pinned.test.ts pins every output to the bit).
 * Results go through module scratch (a fit never re-enters itself, and a thread runs one at a time).
 */

/** The node's W (total weight), mean target (regression), impurity and count (copies). */
const node = new Float64Array(4);
/** The best split so far among the node's candidate features: score, feature, position, threshold. */
const best = new Float64Array(4);

/** mult[r] += 1 for each time row r is in `rows` (every row once when there is no list), checking rows and labels. */
function countRows(rows: Int32Array | undefined, n: number, y: Int32Array | Float64Array, regression: boolean, K: number, mult: Int32Array): void {
  const m = rows ? rows.length : n;
  for (let s = 0; s < m; s++) {
    const r = rows ? rows[s] : s;
    if (!(r >= 0 && r < n)) throw new RangeError(`fitTree: row ${r} is not in 0..${n - 1}`);
    if (!regression && !(y[r] >= 0 && y[r] < K && (y[r] | 0) === y[r])) throw new RangeError(`fitTree: label ${y[r]} is not in 0..${K - 1}`);
    mult[r]++;
  }
}

/** Weight, target and label of every drawn row; returns how many distinct rows were drawn. */
function rowTables(
  n: number, mult: Int32Array, weights: Float64Array | undefined, y: Int32Array | Float64Array, regression: boolean, rw: Float64Array, ry: Float64Array, lab: Int32Array,
): number {
  let u = 0;
  for (let r = 0; r < n; r++) {
    if (!mult[r]) continue;
    u++;
    rw[r] = weights ? weights[r] : 1;
    ry[r] = y[r];
    lab[r] = regression ? 0 : y[r];
  }
  return u;
}

/** Each feature's presorted order (row order when d = 0), keeping the drawn rows only. */
function buildLists(F: number, n: number, pre: Presorted | undefined, mult: Int32Array, lists: Int32Array): void {
  for (let f = 0, k = 0; f < F; f++) {
    const order = pre?.order[f];
    for (let q = 0; q < n; q++) {
      const r = order ? order[q] : q;
      if (mult[r]) lists[k++] = r;
    }
  }
}

/** A feature whose lowest and highest value in the node are equal: nothing to split. */
function isConstant(cols: Float64Array, n: number, lists: Int32Array, u: number, f: number, start: number, end: number): boolean {
  return cols[f * n + lists[f * u + start]] === cols[f * n + lists[f * u + end - 1]];
}

function regressionStats(lists: Int32Array, start: number, end: number, mult: Int32Array, rw: Float64Array, ry: Float64Array): void {
  let W = 0, S = 0, count = 0;
  for (let i = start; i < end; i++) {
    const r = lists[i], c = mult[r], w = rw[r], t = ry[r];
    count += c;
    for (let j = 0; j < c; j++) {
      W += w;
      S += w * t;
    }
  }
  const mean = W > 0 ? S / W : 0;
  let ss = 0; // two passes: the variance without cancellation
  for (let i = start; i < end; i++) {
    const r = lists[i], c = mult[r], w = rw[r], t = ry[r];
    for (let j = 0; j < c; j++) ss += w * (t - mean) ** 2;
  }
  node[0] = W;
  node[1] = mean;
  node[2] = W > 0 ? ss / W : 0;
  node[3] = count;
}

/** Fills `counts` with the node's class weights. */
function classStats(lists: Int32Array, start: number, end: number, mult: Int32Array, rw: Float64Array, lab: Int32Array, counts: Float64Array, entropy: boolean): void {
  let W = 0, count = 0;
  counts.fill(0);
  for (let i = start; i < end; i++) {
    const r = lists[i], c = mult[r], w = rw[r], k = lab[r];
    count += c;
    for (let j = 0; j < c; j++) {
      counts[k] += w;
      W += w;
    }
  }
  node[0] = W;
  node[1] = 0;
  node[2] = classImpurity(counts, W, entropy);
  node[3] = count;
}

/**
 * Keeps the split between values v and next when it beats the best so far. Lower threshold wins a
 * tie within a feature (scan order); lower feature across features.
 */
function consider(score: number, f: number, i: number, v: number, next: number, tol: number): void {
  if (score > best[0] + tol || (best[1] > f && score >= best[0] - tol)) {
    best[0] = score;
    best[1] = f;
    best[2] = i;
    let t = v / 2 + next / 2; // sklearn's midpoint; never equal to the upper value
    if (t === next || !Number.isFinite(t)) t = v;
    best[3] = t;
  }
}

/** Every split of feature f's sorted list (base = f·u, col = f·n), squared error. */
function scanRegression(
  lists: Int32Array, base: number, col: number, f: number, start: number, end: number, mult: Int32Array, rw: Float64Array, ry: Float64Array,
  cols: Float64Array, mean: number, W: number, imp: number, count: number, minLeaf: number, tol: number,
): void {
  let wl = 0, nl = 0, cl = 0;
  for (let i = start; i < end - 1; i++) {
    const r = lists[base + i], cr = mult[r], ws = rw[r];
    nl += cr;
    const dy = ry[r] - mean;
    for (let j = 0; j < cr; j++) {
      wl += ws;
      cl += ws * dy;
    }
    const v = cols[col + r], next = cols[col + lists[base + i + 1]];
    if (!(next > v) || nl < minLeaf) continue; // not between two distinct values, or too few
    if (count - nl < minLeaf) break;
    const wr = W - wl;
    // Centred sums: the decrease is cl²·W / (wl·wr) where cl = Σ_left w(y − mean).
    consider(wl > 0 && wr > 0 ? (cl * cl * W) / (wl * wr) - W * imp : -W * imp, f, i, v, next, tol);
  }
}

/** Every split of feature f's sorted list, Gini or entropy. */
function scanClass(
  lists: Int32Array, base: number, col: number, f: number, start: number, end: number, mult: Int32Array, rw: Float64Array, lab: Int32Array,
  cols: Float64Array, counts: Float64Array, lc: Float64Array, KK: number, W: number, count: number, minLeaf: number, entropy: boolean, tol: number,
): void {
  let wl = 0, nl = 0;
  lc.fill(0);
  for (let i = start; i < end - 1; i++) {
    const r = lists[base + i], cr = mult[r], ws = rw[r];
    nl += cr;
    const k = lab[r];
    for (let j = 0; j < cr; j++) {
      wl += ws;
      lc[k] += ws;
    }
    const v = cols[col + r], next = cols[col + lists[base + i + 1]];
    if (!(next > v) || nl < minLeaf) continue; // not between two distinct values, or too few
    if (count - nl < minLeaf) break;
    const wr = W - wl;
    let score: number;
    if (entropy) {
      // w·H(child) = w·log2 w − Σ c·log2 c, for both children.
      let sl = 0, sr = 0;
      for (let k = 0; k < KK; k++) {
        const a = lc[k], b = counts[k] - a;
        if (a > 0) sl += a * Math.log2(a);
        if (b > 0) sr += b * Math.log2(b);
      }
      score = -((wl > 0 ? wl * Math.log2(wl) - sl : 0) + (wr > 0 ? wr * Math.log2(wr) - sr : 0));
    } else {
      // w·Gini(child) = w − Σc²/w, for both children.
      let ql = 0, qr = 0;
      for (let k = 0; k < KK; k++) {
        const a = lc[k], b = counts[k] - a;
        ql += a * a;
        qr += b * b;
      }
      score = -((wl > 0 ? wl - ql / wl : 0) + (wr > 0 ? wr - qr / wr : 0));
    }
    consider(score, f, i, v, next, tol);
  }
}

/** Splits [start, end) of every feature's list into the rows going left (first) and right, each kept in order. */
function partition(lists: Int32Array, u: number, F: number, start: number, end: number, bestF: number, bestPos: number, goLeft: Uint8Array, tmp: Int32Array): void {
  const bb = bestF * u;
  for (let i = start; i < end; i++) goLeft[lists[bb + i]] = i <= bestPos ? 1 : 0;
  for (let f = 0; f < F; f++) {
    if (f === bestF) continue; // already in place: its left rows are its first nLeft
    let a = f * u + start, b = 0;
    for (let i = a, e = f * u + end; i < e; i++) {
      // Branch-free: which side a row goes is a coin toss to the branch predictor.
      const r = lists[i], g = goLeft[r];
      lists[a] = r;
      tmp[b] = r;
      a += g;
      b += 1 - g;
    }
    for (let j = 0; j < b; j++) lists[a + j] = tmp[j];
  }
}

export interface FitTreeExtras {
  /** Weight of each ORIGINAL row (length X.n); default 1. */
  weights?: Float64Array;
  /** The training rows, repetitions allowed (a bootstrap sample); default every row once. */
  rows?: Int32Array;
  /** Draws the candidate features when maxFeatures < d; default createRng(0). */
  rng?: Rng;
}

export function fitTree(X: Matrix, y: Int32Array | Float64Array, opts: TreeOptions, o: FitTreeExtras = {}): Tree {
  const { n, d } = X;
  const regression = opts.criterion === 'squared_error';
  const entropy = opts.criterion === 'entropy';
  const K = regression ? 0 : (opts.nClasses ?? largestLabel(y) + 1);
  const KK = Math.max(1, K);
  const minLeaf = Math.max(1, opts.minSamplesLeaf ?? 1);
  const minSplit = Math.max(2, opts.minSamplesSplit ?? 2);
  const maxDepth = opts.maxDepth;
  const maxFeatures = Math.max(1, Math.min(d, Math.floor(opts.maxFeatures ?? d)));
  const rng = maxFeatures < d ? (o.rng ?? createRng(0)) : undefined;

  // Copies of a row in `rows` (a bootstrap sample) are alike in every way that counts here (value,
  // weight, label) and sit side by side in every sorted order (ties go by row), so the lists hold
  // each drawn row once with its multiplicity, and every sum adds a row's share once per copy, in
  // the same order as one entry per copy would: the same floats, with fewer entries to partition.
  const mult = buf('mult', I32, n).fill(0, 0, n);
  countRows(o.rows, n, y, regression, K, mult);
  // Per row: weight, label or target.
  const rw = buf('rw', F64, n), ry = buf('ry', F64, n), lab = buf('lab', I32, n);
  const u = rowTables(n, mult, o.weights, y, regression, rw, ry, lab); // distinct rows drawn

  // lists[f·u + i]: the drawn rows sorted by feature f (the cached order, skipping rows not
  // drawn); every node owns the same range [start, end) in each feature's list.
  const F = Math.max(1, d);
  const pre = d > 0 ? presort(X) : undefined;
  const lists = buf('lists', I32, F * u);
  buildLists(F, n, pre, mult, lists);
  const cols = pre?.cols ?? new Float64Array(0); // cols[f·n + r] = X[r, f]

  const cap = Math.max(1, 2 * u - 1);
  const feature = buf('feature', I32, cap), left = buf('left', I32, cap), right = buf('right', I32, cap);
  const threshold = buf('threshold', F64, cap), impurity = buf('impurity', F64, cap), weightedN = buf('weightedN', F64, cap);
  const depth = buf('depth', I32, cap), nSamples = buf('nSamples', I32, cap), value = buf('value', F64, cap * KK);

  const goLeft = buf('goLeft', U8, n), tmp = buf('tmp', I32, u);
  const counts = new Float64Array(KK), lc = new Float64Array(KK);
  const feats = new Int32Array(d), cand = new Int32Array(d);
  // Pending nodes, depth first: push right then left so the left subtree is numbered first.
  const stack: number[] = [0, u, 0, -1, 0]; // start, end, depth, parent, isLeft
  let nodeCount = 0;

  while (stack.length) {
    const isLeft = stack.pop()!, parent = stack.pop()!, dep = stack.pop()!, end = stack.pop()!, start = stack.pop()!;
    const id = nodeCount++;
    if (parent >= 0) (isLeft ? left : right)[parent] = id;
    feature[id] = left[id] = right[id] = -1; // a leaf unless split below
    threshold[id] = NaN;

    // Node statistics from feature 0's list (every list holds the same rows); count: copies.
    if (regression) regressionStats(lists, start, end, mult, rw, ry);
    else classStats(lists, start, end, mult, rw, lab, counts, entropy);
    const W = node[0], mean = node[1], imp = node[2], count = node[3];
    if (regression) value[id] = mean;
    else value.set(counts, id * KK);
    impurity[id] = imp;
    weightedN[id] = W;
    nSamples[id] = count;
    depth[id] = dep;

    if (dep >= maxDepth || count < minSplit || count < 2 * minLeaf || imp <= EPSILON || !(W > 0) || d === 0) continue;

    // The candidate features: all of them, or drawn without replacement until maxFeatures
    // non-constant ones are found (sklearn's rule: constant features do not count, so a node with
    // informative features left always gets to see some).
    let nCand = 0;
    if (!rng) {
      for (let f = 0; f < d; f++) if (!isConstant(cols, n, lists, u, f, start, end)) cand[nCand++] = f;
    } else {
      for (let f = 0; f < d; f++) feats[f] = f;
      for (let j = 0; j < d && nCand < maxFeatures; j++) {
        const r = j + rng.int(d - j);
        const f = feats[r];
        feats[r] = feats[j];
        feats[j] = f;
        if (!isConstant(cols, n, lists, u, f, start, end)) cand[nCand++] = f;
      }
    }

    // Best split: minimise the weighted impurity of the children (score = −that).
    best[0] = -Infinity;
    best[1] = -1;
    best[2] = -1;
    best[3] = NaN;
    const tol = 1e-12 * W * imp;
    for (let c = 0; c < nCand; c++) {
      const f = cand[c];
      if (regression) scanRegression(lists, f * u, f * n, f, start, end, mult, rw, ry, cols, mean, W, imp, count, minLeaf, tol);
      else scanClass(lists, f * u, f * n, f, start, end, mult, rw, lab, cols, counts, lc, KK, W, count, minLeaf, entropy, tol);
    }
    const bestF = best[1], bestPos = best[2];
    if (bestF < 0) continue; // no valid split (constant features, or min-samples-leaf)

    feature[id] = bestF;
    threshold[id] = best[3];
    const nLeft = bestPos - start + 1;
    partition(lists, u, F, start, end, bestF, bestPos, goLeft, tmp);
    stack.push(start + nLeft, end, dep + 1, id, 0, start, start + nLeft, dep + 1, id, 1);
  }

  return {
    nodeCount,
    nClasses: K,
    nFeatures: d,
    feature: feature.slice(0, nodeCount),
    threshold: threshold.slice(0, nodeCount),
    left: left.slice(0, nodeCount),
    right: right.slice(0, nodeCount),
    depth: depth.slice(0, nodeCount),
    impurity: impurity.slice(0, nodeCount),
    nSamples: nSamples.slice(0, nodeCount),
    weightedN: weightedN.slice(0, nodeCount),
    value: value.slice(0, nodeCount * KK),
  };
}
