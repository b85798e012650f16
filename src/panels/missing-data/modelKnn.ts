/**
 * The k-NN fills of one data set for the study's three imputer fits at once, with the same
 * numbers as four calls of the kit's knnImpute (impute.ts) and a small part of the work. Pure.
 *
 * The study fits k-NN on all rows (estimation), on the training rows for both the training and
 * the test rows (after the split), and on the whole table with the target t (before the split).
 * - Every distance the four calls need is a distance between two rows of the data set over
 *   (x, y, z); the table's adds t's square to the same sum, last, as nan_euclidean would (t is
 *   never missing). Each is computed once, for all three fits.
 * - The nearest donors do not depend on the order they are looked at, once ties are broken as
 *   knnImpute breaks them (its scan in row order keeps, of equal distances, the lower row): the
 *   k smallest by (distance, row). So the donors are visited outward from the gap's row by z,
 *   and the visit stops when z alone puts every donor left farther than the k kept by each fit
 *   (a distance's square is at least 1.5·(Δz)², or 4/3·(Δz)² with t). With k small, a gap
 *   visits a fraction of the donors (issue 8: the scan of every donor was the study's largest
 *   cost).
 * The donors kept and the order of the sums are knnImpute's, so the results are equal to the bit
 * (modelKnn.test.ts checks it against the kit, with ties).
 */
import type { Matrix } from '../../lib/learn/api';
import type { Sample } from './data';
import { copyF64, f64 } from './arena';

export interface KnnFills {
  /** Fitted on all rows, n × 3 (x, y, z). */
  all: Matrix;
  /** Fitted on the training rows: rows [0, nTrain) fill the training rows, the rest the test rows; n × 3. */
  split: Matrix;
  /** Fitted on the whole table (x, y, z, t), n × 4. */
  table: Matrix;
}

/**
 * Whether a donor at squared distance q (nan_euclidean before its root), row r, comes before one
 * at qb, row rb, in knnImpute's order: the smaller distance (the root of the square) first, the
 * lower row on equal distances. The root is monotone, so the squares decide unless they are
 * within a few ulps of each other, where two squares can round to one root: there the roots are
 * compared, exactly as knnImpute compares them. z is always observed, so two rows always share
 * a coordinate: no distance is NaN, and knnImpute's rules for NaN distances never apply here.
 */
function precedes(q: number, r: number, qb: number, rb: number): boolean {
  if (Math.abs(qb - q) > (q > qb ? q : qb) * 1e-14) return q < qb;
  const a = Math.sqrt(q), b = Math.sqrt(qb);
  return a < b || (a === b && r < rb);
}

/** Offers donor r at square q to the m nearest kept in Q/R (in precedes' order), `size` of them kept so far; returns the new size. */
function offer(q: number, r: number, m: number, size: number, Q: Float64Array, R: Int32Array): number {
  if (size === m && !precedes(q, r, Q[m - 1], R[m - 1])) return size;
  let at = size < m ? size++ : m - 1;
  while (at > 0 && precedes(q, r, Q[at - 1], R[at - 1])) {
    Q[at] = Q[at - 1];
    R[at] = R[at - 1];
    at--;
  }
  Q[at] = q;
  R[at] = r;
  return size;
}

/** Above this square no donor can enter m kept ending at square `last` (a margin past the root ties); +∞ while fewer are kept. */
const bar = (size: number, m: number, last: number) => (size < m ? Infinity : last * (1 + 1e-13));

/** The average of the first m kept donors' values (knnImpute's uniform weights: the sum in donor order over m). */
function average(m: number, col: Float64Array, bestR: Int32Array): number {
  if (m === 0) return 0; // no donor: the column is empty in the fitted rows (sklearn's keep_empty_features)
  let sv = 0;
  for (let q = 0; q < m; q++) sv += col[bestR[q]];
  return sv / m;
}

// nan_euclidean's weight d / present, by whether the other gap column counts (1) or not (0): over
// (x, y, z) z always counts, so present is 1 + that; with t it is 2 + that. The same doubles as
// the divisions (3 / 1, 3 / 2, 4 / 2, 4 / 3), looked up rather than divided per pair.
const W3 = Float64Array.of(3 / 1, 3 / 2), W4 = Float64Array.of(4 / 2, 4 / 3);

/** The kept donors of the fits over (x, y, z) (split: training donors only; all) and with t (table). */
interface Lists {
  splitQ: Float64Array;
  splitR: Int32Array;
  allQ: Float64Array;
  allR: Int32Array;
  tabQ: Float64Array;
  tabR: Int32Array;
}

/** A column's donors (rows where it is observed) sorted by a key column (z or t), and where each row falls among them. */
interface Sorted {
  rows: Int32Array;
  keys: Float64Array;
  /** Per row of the data set: how many donors come before it in the key's order. */
  before: Int32Array;
  count: number;
}

/** One gap: its row, the donors' other gap column, and 1 where that column counts (both rows observe it). */
interface Gap {
  i: number;
  nTrain: number;
  mTrain: number;
  mAll: number;
  flag: Uint8Array;
  other: Float64Array;
}

/**
 * The kept donors of one gap, visited outward from the gap's row in the key's order (the nearer
 * side first), until the smallest (Δkey)² left rules every one of them out: over (x, y, z) a
 * square is at least 1.5·(Δz)² (z always counts; weight 3/2 or 3), with t at least 4/3·(Δt)²
 * (weight 4/3 or 2). A bound in floating point too: rounding is monotone, so fl(Δ)² and every
 * sum and product built on it only grow with |Δ|. `withT`: the table's fit, keyed by t (t
 * spreads widest, so it bounds the table's distances best); else the two (x, y, z) fits, keyed by z.
 */
function nearest(g: Gap, S: Sorted, withT: boolean, z: Float64Array, t: Float64Array, L: Lists): void {
  const { i, nTrain, mTrain, mAll, flag, other } = g;
  const { rows, keys, count } = S;
  const w3 = W3, w4 = W4; // locals: the loop reads no module variable
  const uo = other[i], uz = z[i], ut = t[i], uk = withT ? ut : uz, lb = withT ? 4 / 3 : 1.5;
  let lo = S.before[i] - 1, hi = S.before[i], sizeS = 0, sizeA = 0;
  let barS = withT || mTrain === 0 ? -Infinity : Infinity, barA = mAll === 0 ? -Infinity : Infinity;
  while (lo >= 0 || hi < count) {
    const dl = lo >= 0 ? uk - keys[lo] : Infinity, dh = hi < count ? uk - keys[hi] : Infinity;
    const low = lo >= 0 && (hi >= count || dl * dl <= dh * dh);
    const ek = low ? dl : dh, bound = lb * (ek * ek);
    if (bound > barS && bound > barA) break;
    const r = low ? rows[lo--] : rows[hi++];
    const f = flag[r];
    const eo = uo - other[r], ez = uz - z[r];
    const sum = f * (eo * eo) + ez * ez;
    if (withT) {
      const et = ut - t[r];
      const q = w4[f] * (sum + et * et);
      if (q <= barA) {
        sizeA = offer(q, r, mAll, sizeA, L.tabQ, L.tabR);
        barA = bar(sizeA, mAll, L.tabQ[mAll - 1]);
      }
      continue;
    }
    const q = w3[f] * sum;
    if (r < nTrain && q <= barS) {
      sizeS = offer(q, r, mTrain, sizeS, L.splitQ, L.splitR);
      barS = bar(sizeS, mTrain, L.splitQ[mTrain - 1]);
    }
    if (q <= barA) {
      sizeA = offer(q, r, mAll, sizeA, L.allQ, L.allR);
      barA = bar(sizeA, mAll, L.allQ[mAll - 1]);
    }
  }
}

/**
 * The rows in increasing key, equal keys in row order: a counting sort into n buckets of equal
 * width (rounding is monotone, so a larger key never lands in a lower bucket; rows stay in row
 * order within a bucket), then an insertion sort that moves a row only past strictly larger keys.
 * The keys here are continuous draws, a few per bucket: about linear, where the typed array's own
 * sort and a bisection per row cost a tenth of the k-NN fills.
 */
function orderBy(key: Float64Array, n: number, order: Int32Array, P: Pool): Int32Array {
  let lo = Infinity, hi = -Infinity;
  for (let r = 0; r < n; r++) {
    lo = Math.min(lo, key[r]);
    hi = Math.max(hi, key[r]);
  }
  if (!(hi > lo)) {
    for (let r = 0; r < n; r++) order[r] = r; // every key equal (or no row): row order
    return order;
  }
  const scale = n / (hi - lo), start = P.start.fill(0, 0, n + 1), bucket = P.bucket;
  for (let r = 0; r < n; r++) {
    const b = Math.min(n - 1, Math.floor((key[r] - lo) * scale));
    bucket[r] = b;
    start[b + 1]++;
  }
  for (let b = 0; b < n; b++) start[b + 1] += start[b];
  for (let r = 0; r < n; r++) order[start[bucket[r]]++] = r;
  for (let a = 1; a < n; a++) {
    const r = order[a], v = key[r];
    let b = a - 1;
    while (b >= 0 && key[order[b]] > v) {
      order[b + 1] = order[b];
      b--;
    }
    order[b + 1] = r;
  }
  return order;
}

/** The donors of the column missing where `miss` is 1, in the order `order` of the key column. */
function sortedDonors(order: Int32Array, key: Float64Array, miss: Uint8Array, n: number, S: Sorted): Sorted {
  S.count = 0;
  for (let at = 0; at < n; at++) {
    const r = order[at];
    S.before[r] = S.count;
    if (miss[r]) continue;
    S.rows[S.count] = r;
    S.keys[S.count++] = key[r];
  }
  return S;
}

/**
 * Scratch arrays kept between calls (the worker analyses one data set at a time, and nothing
 * returned points into them): typed arrays of a few kilobytes live outside the JavaScript heap,
 * and allocating two dozen per data set cost about as much as the visits (the allocations and the
 * collections they set off). Sized for the largest n and k so far; every use passes its n.
 */
interface Pool {
  n: number;
  kk: number;
  byZ: Int32Array;
  byT: Int32Array;
  start: Int32Array;
  bucket: Int32Array;
  /** x's and y's donors by z, then by t. */
  sorted: Sorted[];
  seen: Uint8Array[];
  /** All 0, never written: the flags of a gap whose row misses the other column too. */
  none: Uint8Array;
  lists: Lists;
}

let pool: Pool | null = null;

function poolFor(n: number, kk: number): Pool {
  if (pool && pool.n >= n && pool.kk >= kk) return pool;
  const N = Math.max(n, pool?.n ?? 0), K = Math.max(kk, pool?.kk ?? 0);
  const sorted = () => ({ rows: new Int32Array(N), keys: new Float64Array(N), before: new Int32Array(N), count: 0 });
  pool = {
    n: N,
    kk: K,
    byZ: new Int32Array(N),
    byT: new Int32Array(N),
    start: new Int32Array(N + 1),
    bucket: new Int32Array(N),
    sorted: [sorted(), sorted(), sorted(), sorted()],
    seen: [new Uint8Array(N), new Uint8Array(N)],
    none: new Uint8Array(N),
    lists: { splitQ: new Float64Array(K), splitR: new Int32Array(K), allQ: new Float64Array(K), allR: new Int32Array(K), tabQ: new Float64Array(K), tabR: new Int32Array(K) },
  };
  return pool;
}

export function knnFills(s: Sample, k: number, nTrain: number): KnnFills {
  const { n, x, y, z, t, missX, missY } = s;
  const kk = Math.max(1, Math.floor(k));
  // The features as the imputers see them (NaN where missing); the three outputs get their gaps filled.
  const all = f64(n * 3), table = f64(n * 4);
  for (let i = 0; i < n; i++) {
    all[i * 3] = table[i * 4] = missX[i] ? NaN : x[i];
    all[i * 3 + 1] = table[i * 4 + 1] = missY[i] ? NaN : y[i];
    all[i * 3 + 2] = table[i * 4 + 2] = z[i];
    table[i * 4 + 3] = t[i];
  }
  const split = copyF64(all);
  // Per column: its donors in z order and in t order, how many are training rows, and 1 where
  // the column is observed (0 in `none`): the flags pick the distance terms without a branch.
  const P = poolFor(n, kk), { seen, none, lists } = P;
  const miss = [missX, missY], byZ = orderBy(z, n, P.byZ, P), byT = orderBy(t, n, P.byT, P);
  const inZ = [0, 1].map((j) => sortedDonors(byZ, z, miss[j], n, P.sorted[j])), inT = [0, 1].map((j) => sortedDonors(byT, t, miss[j], n, P.sorted[2 + j]));
  const train = [0, 0];
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < 2; j++) {
      seen[j][r] = 1 - miss[j][r];
      if (!miss[j][r] && r < nTrain) train[j]++;
    }
  }
  const gap: Gap = { i: 0, nTrain, mTrain: 0, mAll: 0, flag: none, other: y };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 2; j++) {
      if (!miss[j][i]) continue;
      // Filling column j of row i: the donors observe j; the other gap column o counts where both
      // rows observe it. nan_euclidean sums the terms in column order: o's (x before y, and j's
      // own is absent), then z's, then t's for the table; an absent term adds +0 (flag 0 times a
      // finite square), which changes no sum, so the sums are knnImpute's to the bit.
      gap.i = i;
      gap.mTrain = Math.min(kk, train[j]);
      gap.mAll = Math.min(kk, inZ[j].count);
      gap.flag = miss[1 - j][i] ? none : seen[1 - j];
      gap.other = j === 0 ? y : x;
      nearest(gap, inZ[j], false, z, t, lists);
      nearest(gap, inT[j], true, z, t, lists);
      const col = j === 0 ? x : y;
      split[i * 3 + j] = average(gap.mTrain, col, lists.splitR);
      all[i * 3 + j] = average(gap.mAll, col, lists.allR);
      table[i * 4 + j] = average(gap.mAll, col, lists.tabR);
    }
  }
  return { all: { data: all, n, d: 3 }, split: { data: split, n, d: 3 }, table: { data: table, n, d: 4 } };
}
