/**
 * The panel's float64 maths on trained vectors, and the hand formulas the tfjs trainer is
 * checked against. Pure: no React, no DOM, no tfjs.
 *
 * Skip-gram with negative sampling, for a center vector c, its context vector o and K negative
 * context vectors n_k (σ is the logistic function):
 *   loss  = −log σ(c·o) − Σ_k log σ(−c·n_k)
 *   ∂/∂c  = (σ(c·o) − 1) o + Σ_k σ(c·n_k) n_k
 *   ∂/∂o  = (σ(c·o) − 1) c
 *   ∂/∂n_k = σ(c·n_k) c
 */

export type Vec = ArrayLike<number>;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** log σ(x) without overflow for large |x|. */
const logSigmoid = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

export function dot(a: Vec, b: Vec): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: Vec): number {
  return Math.sqrt(dot(a, a));
}

/** cos(a, b) = a·b / (|a| |b|); 0 when either vector is zero (no direction to compare). */
export function cosine(a: Vec, b: Vec): number {
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot(a, b) / d;
}

export interface SgnsGrad {
  loss: number;
  dCenter: number[];
  dContext: number[];
  dNegatives: number[][];
}

/** Loss and gradients of one (center, context) pair with its negatives, by the formulas above. */
export function sgnsLossGrad(c: Vec, o: Vec, negs: readonly Vec[]): SgnsGrad {
  const so = dot(c, o);
  const gPos = sigmoid(so) - 1;
  let loss = -logSigmoid(so);
  const dCenter = Array.from(o, (v) => gPos * v);
  const dContext = Array.from(c, (v) => gPos * v);
  const dNegatives = negs.map((n) => {
    const sn = dot(c, n);
    loss -= logSigmoid(-sn);
    const g = sigmoid(sn);
    for (let i = 0; i < dCenter.length; i++) dCenter[i] += g * n[i];
    return Array.from(c, (v) => g * v);
  });
  return { loss, dCenter, dContext, dNegatives };
}

/** A word and its cosine similarity to the query. */
export interface Scored {
  index: number;
  cos: number;
}

/** Rows of a row-major [n, d] matrix. */
export function rows(flat: Vec, d: number): Float64Array[] {
  const n = Math.floor(flat.length / d);
  return Array.from({ length: n }, (_, i) => Float64Array.from({ length: d }, (_, j) => flat[i * d + j]));
}

/** Every row's cosine with `q`, best first (ties by index), leaving out the indices in `exclude`. */
export function ranked(vectors: readonly Vec[], q: Vec, exclude: readonly number[] = []): Scored[] {
  const out: Scored[] = [];
  vectors.forEach((v, index) => {
    if (!exclude.includes(index)) out.push({ index, cos: cosine(v, q) });
  });
  return out.sort((x, y) => y.cos - x.cos || x.index - y.index);
}

/** The k nearest words to word `i` by cosine similarity (itself left out). */
export function neighbours(vectors: readonly Vec[], i: number, k: number): Scored[] {
  return ranked(vectors, vectors[i], [i]).slice(0, k);
}

/** a − b + c, the analogy's query vector. */
export function analogyVector(a: Vec, b: Vec, c: Vec): Float64Array {
  return Float64Array.from({ length: a.length }, (_, j) => a[j] - b[j] + c[j]);
}

/**
 * Candidates for "a is to b as ? is to c", i.e. a − b + c, best first, with a, b and c left out
 * (as word2vec's evaluation does: otherwise a or c often wins outright).
 */
export function analogy(vectors: readonly Vec[], a: number, b: number, c: number): Scored[] {
  return ranked(vectors, analogyVector(vectors[a], vectors[b], vectors[c]), [a, b, c]);
}

/** Cosine of two one-hot vectors: 1 for the same word, 0 for any two distinct words. */
export function oneHotCosine(i: number, j: number, size: number): number {
  const a = new Float64Array(size), b = new Float64Array(size);
  a[i] = 1;
  b[j] = 1;
  return cosine(a, b);
}

/**
 * The negative-sampling distribution: P(w) ∝ count(w)^0.75 (word2vec's choice, which samples rare
 * words more often than their frequency), as a cumulative table for inverse-CDF sampling.
 */
export function unigramTable(counts: readonly number[], power = 0.75): Float64Array {
  const cdf = new Float64Array(counts.length);
  let s = 0;
  counts.forEach((c, i) => (cdf[i] = s += c ** power));
  for (let i = 0; i < cdf.length; i++) cdf[i] /= s;
  return cdf;
}

/** The index whose cumulative range holds u ∈ [0, 1): binary search in the table. */
export function sampleIndex(cdf: Float64Array, u: number): number {
  let lo = 0, hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cdf[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
