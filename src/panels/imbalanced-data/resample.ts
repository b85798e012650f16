/**
 * The resampling methods the panel compares, on a two-class training set (labels 0/1), as
 * imbalanced-learn defines them (sampling_strategy 'auto': bring the classes to equal size, or
 * for Tomek links remove only majority points). Pure: typed arrays in, typed arrays out; the
 * randomness comes in as an Rng, so a link reproduces the same synthetic and removed points.
 * Neighbours come from the learners kit (lib/learn/knn: Euclidean, ties to the lower row).
 */
import type { Matrix } from '../../lib/learn/api';
import { kNearest } from '../../lib/learn/knn';
import type { Rng } from '../../lib/random/rng';

export interface Resampled {
  X: Matrix;
  y: Int32Array;
  /** For each output row, the original row it is or copies; -1 for a synthetic (SMOTE) row. */
  source: Int32Array;
  /** Original rows left out (random undersampling, Tomek links), ascending. */
  removed: Int32Array;
  /** SMOTE only: per synthetic row (they follow the originals), the minority row it starts
   *  from, the neighbour it moves towards, the gap u in [0, 1), and the k actually used. */
  smote?: { base: Int32Array; neighbour: Int32Array; gap: Float64Array; k: number };
  /** Tomek only: the links found, as flattened pairs of original rows [i0, j0, i1, j1, …]. */
  links?: Int32Array;
}

export function classCounts(y: ArrayLike<number>): [number, number] {
  let n1 = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) n1++;
  return [y.length - n1, n1];
}

/** The rarer class; with equal counts class 1, the class the panel calls the minority (the
 *  oversamplers then add nothing and the undersampler removes nothing). */
export function minorityClass(y: ArrayLike<number>): 0 | 1 {
  const [n0, n1] = classCounts(y);
  return n0 < n1 ? 0 : 1;
}

export const rowsOf = (y: ArrayLike<number>, c: number): Int32Array => {
  const out: number[] = [];
  for (let i = 0; i < y.length; i++) if (y[i] === c) out.push(i);
  return Int32Array.from(out);
};

/** The rows `rows` of (X, y), in that order. */
export function take(X: Matrix, y: ArrayLike<number>, rows: ArrayLike<number>): { X: Matrix; y: Int32Array } {
  const { d } = X;
  const data = new Float64Array(rows.length * d);
  const out = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    for (let j = 0; j < d; j++) data[r * d + j] = X.data[i * d + j];
    out[r] = y[i];
  }
  return { X: { data, n: rows.length, d }, y: out };
}

const identityRows = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** The training set unchanged (method "none" and "class weights"). */
export function unchanged(X: Matrix, y: Int32Array): Resampled {
  return { X, y, source: identityRows(X.n), removed: new Int32Array(0) };
}

/** Keeps every row but those in `drop` (sorted ascending). */
function without(X: Matrix, y: Int32Array, drop: Int32Array): Resampled {
  const gone = new Uint8Array(X.n);
  for (const i of drop) gone[i] = 1;
  const keep: number[] = [];
  for (let i = 0; i < X.n; i++) if (!gone[i]) keep.push(i);
  const source = Int32Array.from(keep);
  return { ...take(X, y, source), source, removed: drop };
}

/** Appends rows to (X, y): copies of original rows (source ≥ 0) or new points (source −1). */
function appended(X: Matrix, y: Int32Array, extra: Float64Array, label: number, source: Int32Array): Resampled {
  const m = source.length, { n, d } = X;
  const data = new Float64Array((n + m) * d);
  data.set(X.data);
  data.set(extra, n * d);
  const yy = new Int32Array(n + m);
  yy.set(y);
  yy.fill(label, n);
  const src = new Int32Array(n + m);
  src.set(identityRows(n));
  src.set(source, n);
  return { X: { data, n: n + m, d }, y: yy, source: src, removed: new Int32Array(0) };
}

/** Random oversampling: minority rows drawn uniformly with replacement and appended until the
 *  classes are equal (imbalanced-learn's RandomOverSampler). */
export function randomOversample(X: Matrix, y: Int32Array, rng: Rng): Resampled {
  const c = minorityClass(y);
  const minority = rowsOf(y, c), [n0, n1] = classCounts(y);
  const need = Math.abs(n0 - n1), d = X.d;
  if (need === 0 || minority.length === 0) return unchanged(X, y);
  const src = new Int32Array(need), extra = new Float64Array(need * d);
  for (let s = 0; s < need; s++) {
    const i = minority[rng.int(minority.length)];
    src[s] = i;
    for (let j = 0; j < d; j++) extra[s * d + j] = X.data[i * d + j];
  }
  return appended(X, y, extra, c, src);
}

/**
 * SMOTE (Chawla et al. 2002, as imbalanced-learn draws it): until the classes are equal, pick a
 * (minority row, one of its k nearest minority neighbours) pair uniformly and add the point
 * x + u·(neighbour − x), u uniform in [0, 1). k is lowered to the minority count − 1 when there
 * are too few minority rows; with fewer than 2 there is no neighbour and nothing is added.
 */
export function smote(X: Matrix, y: Int32Array, k: number, rng: Rng): Resampled {
  const c = minorityClass(y);
  const minority = rowsOf(y, c);
  const kk = Math.min(Math.max(1, Math.floor(k)), minority.length - 1);
  if (kk < 1) return { ...unchanged(X, y), smote: { base: new Int32Array(0), neighbour: new Int32Array(0), gap: new Float64Array(0), k: Math.max(0, kk) } };
  const d = X.d, [n0, n1] = classCounts(y);
  const point = (i: number) => X.data.subarray(i * d, i * d + d);
  // Neighbour lists among the minority rows only, the point itself excluded.
  const nn = Array.from(minority, (i) => kNearest(X, point(i), kk, { rows: minority, exclude: i }));
  const need = Math.abs(n0 - n1);
  const base = new Int32Array(need), neighbour = new Int32Array(need), gap = new Float64Array(need);
  const extra = new Float64Array(need * d);
  for (let s = 0; s < need; s++) {
    const pick = rng.int(minority.length * kk);
    const r = Math.floor(pick / kk);
    const i = minority[r], j = nn[r][pick % kk];
    const u = rng.next();
    base[s] = i;
    neighbour[s] = j;
    gap[s] = u;
    for (let t = 0; t < d; t++) extra[s * d + t] = X.data[i * d + t] + u * (X.data[j * d + t] - X.data[i * d + t]);
  }
  return { ...appended(X, y, extra, c, new Int32Array(need).fill(-1)), smote: { base, neighbour, gap, k: kk } };
}

/** Random undersampling: keep every minority row and as many majority rows, drawn without
 *  replacement (imbalanced-learn's RandomUnderSampler); the rest are removed. */
export function randomUndersample(X: Matrix, y: Int32Array, rng: Rng): Resampled {
  const majority = rowsOf(y, 1 - minorityClass(y));
  const keepCount = X.n - majority.length;
  if (keepCount === 0) return unchanged(X, y); // no minority row to balance against
  const perm = rng.permutation(majority.length);
  const drop = Int32Array.from(perm.subarray(keepCount), (p) => majority[p]).sort();
  return without(X, y, drop);
}

/**
 * Tomek links: pairs of rows of different classes that are each other's nearest neighbour
 * (they sit on the class border, or one of them is noise). Imbalanced-learn's default removes
 * the majority member of each link and keeps the minority one.
 */
export function tomekLinks(X: Matrix, y: Int32Array): Resampled {
  const c = minorityClass(y);
  // The rows before the first minority row: the generated data's majority rows, the same at every ratio.
  let lead = 0;
  while (lead < X.n && y[lead] !== c) lead++;
  const nn = nearestOthers(X, lead);
  const links: number[] = [], drop: number[] = [];
  for (let i = 0; i < X.n; i++) {
    const j = nn[i];
    if (j > i && nn[j] === i && y[i] !== y[j]) {
      links.push(i, j);
      drop.push(y[i] === c ? j : i);
    }
  }
  return { ...without(X, y, Int32Array.from(drop).sort()), links: Int32Array.from(links) };
}

/**
 * The first `m` rows of the last data set seen and, for each of them, its nearest other row among
 * those m, as insertNearest keeps it (squared distance and row; size 0 for a lone row). Kept
 * between calls: moving the imbalance keeps the generated data's majority rows, so only the
 * pairs with a minority row are measured again.
 */
let prefix: { m: number; d: number; data: Float64Array; dist: Float64Array; row: Int32Array; size: Uint8Array } | null = null;

/** Whether the first m rows of X are the kept prefix's, bit for bit (Object.is: NaN equal, ±0 not). */
function samePrefix(X: Matrix, m: number): boolean {
  if (!prefix || prefix.m !== m || prefix.d !== X.d) return false;
  for (let i = 0; i < m * X.d; i++) if (!Object.is(prefix.data[i], X.data[i])) return false;
  return true;
}

/**
 * Offers each row r in [from, to) to every row i < r's nearest and row i to r's. Each row's
 * candidates arrive in increasing row order, as kNearest(X, row i, 1, { exclude: i }) scans them,
 * and are kept by insertNearest's rule at k 1: the first, then any strictly nearer, or as near with
 * a lower row (which increasing order never offers). The squared distance is symmetric to the bit
 * (a difference and its negation square alike, summed in column order), so it is measured once
 * per pair: the same neighbour wins every tie, at half the distances.
 */
function offerPairs(X: Matrix, from: number, to: number, dist: Float64Array, row: Int32Array, size: Uint8Array): void {
  const { d, data } = X;
  for (let r = from; r < to; r++) {
    for (let i = 0; i < r; i++) {
      let q = 0;
      for (let j = 0; j < d; j++) {
        const t = data[r * d + j] - data[i * d + j];
        q += t * t;
      }
      if (size[i] === 0 || q < dist[i] || (q === dist[i] && r < row[i])) {
        dist[i] = q;
        row[i] = r;
        size[i] = 1;
      }
      if (size[r] === 0 || q < dist[r] || (q === dist[r] && i < row[r])) {
        dist[r] = q;
        row[r] = i;
        size[r] = 1;
      }
    }
  }
}

/**
 * Each row's nearest other row (kNearest with k 1, the row itself excluded; −1 when X has one row),
 * the same rows as a kNearest call per row. `m`: how many leading rows may repeat from the last
 * call (their nearest among themselves is then kept, not measured again).
 */
export function nearestOthers(X: Matrix, m: number): Int32Array {
  const n = X.n;
  const dist = new Float64Array(n), row = new Int32Array(n), size = new Uint8Array(n);
  const lead = Math.min(m, n);
  if (!samePrefix(X, lead)) {
    const p = { m: lead, d: X.d, data: X.data.slice(0, lead * X.d), dist: new Float64Array(lead), row: new Int32Array(lead), size: new Uint8Array(lead) };
    offerPairs(X, 0, lead, p.dist, p.row, p.size);
    prefix = p;
  }
  dist.set(prefix!.dist);
  row.set(prefix!.row);
  size.set(prefix!.size);
  offerPairs(X, lead, n, dist, row, size);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = size[i] ? row[i] : -1;
  return out;
}
