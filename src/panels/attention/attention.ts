/**
 * Scaled dot-product attention in plain float64 TypeScript: the mechanics the panel draws.
 * Matrices are arrays of rows (n ≤ 16 tokens here, so clarity beats typed-array tricks).
 * Pure: no React, no DOM, no tfjs.
 *
 *   scores  S = Q Kᵀ · (1/√d_k when scaling is on)
 *   weights A = softmax over each row of S, with future keys (j > i) set to exactly 0 when causal
 *   output  O = A V
 */

export type Matrix = number[][];

export interface AttentionOptions {
  /** Mask future positions: query i sees keys 0..i only. */
  causal: boolean;
  /** Divide the scores by √d_k (d_k = columns of Q). */
  scale: boolean;
}

export interface AttentionResult {
  /** The numbers that go into the softmax; NaN where masked. */
  scores: Matrix;
  /** Softmax weights; each row sums to 1, masked entries are exactly 0. */
  weights: Matrix;
  /** weights · V. */
  output: Matrix;
}

export function zeros(r: number, c: number): Matrix {
  return Array.from({ length: r }, () => new Array<number>(c).fill(0));
}

/** A (r×m) times B (m×c). */
export function matmul(A: Matrix, B: Matrix): Matrix {
  const r = A.length, m = B.length, c = m ? B[0].length : 0;
  const out = zeros(r, c);
  for (let i = 0; i < r; i++) {
    const a = A[i], o = out[i];
    for (let k = 0; k < m; k++) {
      const aik = a[k], b = B[k];
      if (aik === 0) continue;
      for (let j = 0; j < c; j++) o[j] += aik * b[j];
    }
  }
  return out;
}

/** A Bᵀ, without forming the transpose. */
export function matmulT(A: Matrix, B: Matrix): Matrix {
  return A.map((a) =>
    B.map((b) => {
      let s = 0;
      for (let k = 0; k < a.length; k++) s += a[k] * b[k];
      return s;
    }),
  );
}

/** Columns [from, to) of every row. */
export function columns(A: Matrix, from: number, to: number): Matrix {
  return A.map((r) => r.slice(from, to));
}

/** Rows side by side: [A | B | …]. */
export function hconcat(parts: Matrix[]): Matrix {
  return parts[0].map((_, i) => parts.flatMap((p) => p[i]));
}

/**
 * Row-wise softmax. `allowed(i, j)` false means masked: weight exactly 0. Numerically stable
 * (the row maximum is subtracted), so huge unscaled scores saturate to one-hot rows, never NaN.
 */
export function softmaxRows(S: Matrix, allowed: (i: number, j: number) => boolean = () => true): Matrix {
  return S.map((row, i) => {
    let max = -Infinity;
    for (let j = 0; j < row.length; j++) if (allowed(i, j) && row[j] > max) max = row[j];
    const e = row.map((s, j) => (allowed(i, j) ? Math.exp(s - max) : 0));
    let sum = 0;
    for (const v of e) sum += v;
    // A row with nothing allowed (cannot happen with a causal mask: the diagonal is allowed).
    return sum > 0 ? e.map((v) => v / sum) : e;
  });
}

export const causalAllowed = (i: number, j: number): boolean => j <= i;

export function attention(Q: Matrix, K: Matrix, V: Matrix, opt: AttentionOptions): AttentionResult {
  const dk = Q.length ? Q[0].length : 0;
  const f = opt.scale && dk > 0 ? 1 / Math.sqrt(dk) : 1;
  const allowed = opt.causal ? causalAllowed : () => true;
  const raw = matmulT(Q, K);
  const weights = softmaxRows(
    raw.map((r) => r.map((s) => s * f)),
    allowed,
  );
  const scores = raw.map((r, i) => r.map((s, j) => (allowed(i, j) ? s * f : Number.NaN)));
  return { scores, weights, output: matmul(weights, V) };
}

export interface MultiHeadResult {
  /** One attention result per head. */
  heads: AttentionResult[];
  /** concat(head outputs) · Wo. */
  output: Matrix;
}

/**
 * Multi-head self-attention as torch.nn.MultiheadAttention computes it (no biases): Q = x Wq,
 * K = x Wk, V = x Wv; head h uses columns [h·d/H, (h+1)·d/H) and always divides by √(d/H);
 * the heads' outputs are concatenated and multiplied by Wo.
 */
export function multiHeadAttention(x: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix, Wo: Matrix, H: number, causal = false): MultiHeadResult {
  const Q = matmul(x, Wq), K = matmul(x, Wk), V = matmul(x, Wv);
  const d = Q[0].length, dh = d / H;
  if (!Number.isInteger(dh)) throw new Error(`width ${d} is not divisible by ${H} heads`);
  const heads: AttentionResult[] = [];
  for (let h = 0; h < H; h++) {
    const c = (m: Matrix) => columns(m, h * dh, (h + 1) * dh);
    heads.push(attention(c(Q), c(K), c(V), { causal, scale: true }));
  }
  return { heads, output: matmul(hconcat(heads.map((r) => r.output)), Wo) };
}

/** Shannon entropy (nats) of each row; 0·log 0 = 0, so masked entries do not count. */
export function rowEntropies(W: Matrix): number[] {
  return W.map((row) => {
    let h = 0;
    for (const p of row) if (p > 0) h -= p * Math.log(p);
    return h;
  });
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : Number.NaN;
}

/** The most a row's entropy can be: ln(number of keys it may see), averaged over rows. */
export function maxMeanEntropy(n: number, causal: boolean): number {
  if (n === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(causal ? i + 1 : n);
  return s / n;
}

/** Largest |row sum − 1| over the rows of a weight matrix. */
export function rowSumError(W: Matrix): number {
  let e = 0;
  for (const r of W) e = Math.max(e, Math.abs(r.reduce((a, b) => a + b, 0) - 1));
  return e;
}

/** Largest weight that the causal mask should have zeroed (upper triangle). */
export function maskedMax(W: Matrix): number {
  let m = 0;
  for (let i = 0; i < W.length; i++) for (let j = i + 1; j < W[i].length; j++) m = Math.max(m, Math.abs(W[i][j]));
  return m;
}

/** Population standard deviation of the finite entries. */
export function finiteStd(S: Matrix): number {
  const v = S.flat().filter(Number.isFinite);
  if (!v.length) return Number.NaN;
  const m = mean(v);
  return Math.sqrt(mean(v.map((x) => (x - m) ** 2)));
}
