/**
 * Feature transforms with scikit-learn's conventions (sklearn.preprocessing), one column at a time
 * unless said otherwise. Each scaler is fitted on one array (the training rows) and then applied
 * to any other, so a test set is transformed with the training set's statistics.
 */
import type { Matrix } from './api';

/** ln(1 + x) of every value (numpy's log1p; NaN below −1). */
export function log1pAll(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x, (v) => Math.log1p(v));
}

export interface Affine {
  /** transform(x) = (x − shift) / scale */
  shift: number;
  scale: number;
}

export const applyAffine = (a: Affine, x: ArrayLike<number>): Float64Array => Float64Array.from(x, (v) => (v - a.shift) / a.scale);

/** StandardScaler: mean and the POPULATION standard deviation (ddof 0); a constant column keeps scale 1. */
export function fitStandard(x: ArrayLike<number>): Affine {
  const n = x.length;
  if (n === 0) return { shift: 0, scale: 1 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i] / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - mean) ** 2 / n;
  const sd = Math.sqrt(v);
  return { shift: mean, scale: sd > 0 ? sd : 1 };
}

/** MinMaxScaler onto [0, 1]: min and range; a constant column keeps scale 1. */
export function fitMinMax(x: ArrayLike<number>): Affine {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  if (!(hi >= lo)) return { shift: 0, scale: 1 };
  return { shift: lo, scale: hi > lo ? hi - lo : 1 };
}

/**
 * numpy.percentile(x, 100·q, method='averaged_inverted_cdf') for sorted x: where n·q is a whole
 * number k the mean of the k-th and (k+1)-th smallest, otherwise the ⌈n·q⌉-th (clamped to the ends).
 */
export function quantileAveraged(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const at = (k: number) => sorted[Math.min(n - 1, Math.max(0, k - 1))]; // 1-based, clamped
  const nq = n * q;
  const k = Math.round(nq);
  if (Math.abs(nq - k) < 1e-9) return (at(k) + at(k + 1)) / 2;
  return at(Math.ceil(nq));
}

export type BinStrategy = 'uniform' | 'quantile';

/**
 * KBinsDiscretizer's bin edges (nBins + 1 of them, first = min, last = max): equal widths, or
 * quantiles (quantile_method 'averaged_inverted_cdf'). As scikit-learn does, edges closer than
 * 1e-8 to the previous one are dropped, so repeated values can leave fewer bins than asked.
 */
export function binEdges(x: ArrayLike<number>, nBins: number, strategy: BinStrategy): Float64Array {
  const sorted = Float64Array.from(x).sort();
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  const lo = sorted[0], hi = sorted[n - 1];
  const k = Math.max(1, Math.floor(nBins));
  const raw: number[] = [];
  for (let i = 0; i <= k; i++) {
    if (strategy === 'uniform') raw.push(i === k ? hi : lo + ((hi - lo) * i) / k);
    else raw.push(i === 0 ? lo : i === k ? hi : quantileAveraged(sorted, i / k));
  }
  if (hi === lo) return Float64Array.from([lo - 0.5, hi + 0.5]); // scikit-learn: one bin around a constant
  const kept = [raw[0]];
  for (let i = 1; i < raw.length; i++) if (raw[i] - kept[kept.length - 1] > 1e-8) kept.push(raw[i]);
  return Float64Array.from(kept);
}

/** Bin index of each value: searchsorted(inner edges, x, side='right'), clipped to the bins. */
export function binIndex(edges: ArrayLike<number>, x: ArrayLike<number>): Int32Array {
  const nb = edges.length - 1;
  return Int32Array.from(x, (v) => {
    let b = 0;
    for (let e = 1; e < nb; e++) if (v >= edges[e]) b = e;
    return Math.min(nb - 1, Math.max(0, b));
  });
}

/** Categories in scikit-learn's order (sorted; strings by code point, as numpy.unique sorts them). */
export function categoriesOf(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** OrdinalEncoder / "label encoding": each value's index in `categories` (−1 if unknown). */
export function ordinalCodes(values: readonly string[], categories: readonly string[]): Float64Array {
  const at = new Map(categories.map((c, i) => [c, i]));
  return Float64Array.from(values, (v) => at.get(v) ?? -1);
}

/** OneHotEncoder: one 0/1 column per category, in `categories` order (an unknown value: all 0). */
export function oneHot(values: readonly string[], categories: readonly string[]): Matrix {
  const d = categories.length, n = values.length;
  const at = new Map(categories.map((c, i) => [c, i]));
  const data = new Float64Array(n * d);
  values.forEach((v, i) => {
    const j = at.get(v);
    if (j !== undefined) data[i * d + j] = 1;
  });
  return { data, n, d };
}

/** OneHotEncoder.get_feature_names_out: "<feature>_<category>". */
export const oneHotNames = (feature: string, categories: readonly string[]): string[] => categories.map((c) => `${feature}_${c}`);

/**
 * PolynomialFeatures' columns: every product of at most `degree` inputs (with repetition), the
 * bias "1" first, then by total degree, and within a degree in lexicographic order of the
 * factors' indices (itertools.combinations_with_replacement), e.g. d = 2, degree 2:
 * 1, x0, x1, x0², x0·x1, x1². Each column is a list of input indices.
 */
export function polynomialTerms(d: number, degree: number, includeBias = true): number[][] {
  const out: number[][] = includeBias ? [[]] : [];
  const rec = (deg: number, start: number, acc: number[]) => {
    if (acc.length === deg) {
      out.push([...acc]);
      return;
    }
    for (let j = start; j < d; j++) rec(deg, j, [...acc, j]);
  };
  for (let deg = 1; deg <= degree; deg++) rec(deg, 0, []);
  return out;
}

/** get_feature_names_out: "1", "x0", "x0^2", "x0 x1", "x0^2 x1" (input names default x0, x1, …). */
export function polynomialNames(terms: readonly number[][], names?: readonly string[]): string[] {
  return terms.map((t) => {
    if (t.length === 0) return '1';
    const parts: string[] = [];
    for (let k = 0; k < t.length; ) {
      let e = k;
      while (e < t.length && t[e] === t[k]) e++;
      const name = names?.[t[k]] ?? `x${t[k]}`;
      parts.push(e - k > 1 ? `${name}^${e - k}` : name);
      k = e;
    }
    return parts.join(' ');
  });
}

/** The PolynomialFeatures matrix of X for the given terms. */
export function polynomialExpand(X: Matrix, terms: readonly number[][]): Matrix {
  const p = terms.length;
  const data = new Float64Array(X.n * p);
  for (let i = 0; i < X.n; i++) {
    for (let c = 0; c < p; c++) {
      let v = 1;
      for (const j of terms[c]) v *= X.data[i * X.d + j];
      data[i * p + c] = v;
    }
  }
  return { data, n: X.n, d: p };
}

/** Cyclical encoding of a value with the given period (hours: 24): (sin 2πh/P, cos 2πh/P). */
export function cyclical(h: number, period: number): [number, number] {
  const a = (2 * Math.PI * h) / period;
  return [Math.sin(a), Math.cos(a)];
}
