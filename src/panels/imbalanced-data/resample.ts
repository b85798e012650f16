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
  const d = X.d;
  const nn = new Int32Array(X.n);
  for (let i = 0; i < X.n; i++) nn[i] = X.n > 1 ? kNearest(X, X.data.subarray(i * d, i * d + d), 1, { exclude: i })[0] : -1;
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
