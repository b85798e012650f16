/**
 * Float64 polynomial least squares in plain TypeScript: the exact reference that the batched
 * float32 tfjs solver is checked against, the solver of the one displayed fit, and what the
 * oracle tests (NumPy lstsq, scikit-learn Ridge) run against.
 *
 * Method: Householder QR with column pivoting, then a complete orthogonal decomposition when the
 * matrix is (numerically) rank deficient, so the answer is the minimum-norm least-squares
 * solution, the same one numpy.linalg.lstsq returns. No normal equations: they square the
 * condition number, and a degree-12 monomial basis is already badly conditioned.
 * Pure: no tfjs, no DOM.
 */

export type Basis = 'monomial' | 'legendre';

const EPS = 2.220446049250313e-16;

/**
 * Writes φ_0(x) … φ_{p-1}(x) into out[offset …]. 'legendre' is the Legendre basis normalised to
 * unit mean square under x ~ Uniform[-1, 1]: φ_k = √(2k+1)·P_k. With that scaling the columns
 * of the design matrix have equal expected size (good conditioning), and ‖β‖² equals the mean
 * square of the fitted curve over [-1, 1], so "minimum norm" and "ridge" mean something that
 * does not depend on an arbitrary scaling: the smallest curve on average.
 */
export function basisRow(x: number, p: number, basis: Basis, out: Float64Array | Float32Array, offset = 0): void {
  if (p <= 0) return;
  if (basis === 'monomial') {
    let v = 1;
    for (let k = 0; k < p; k++) {
      out[offset + k] = v;
      v *= x;
    }
    return;
  }
  // Bonnet's recurrence: (k+1) P_{k+1} = (2k+1) x P_k − k P_{k−1}.
  let prev = 1;
  let cur = x;
  out[offset] = 1;
  if (p > 1) out[offset + 1] = Math.sqrt(3) * x;
  for (let k = 1; k + 1 < p; k++) {
    const next = ((2 * k + 1) * x * cur - k * prev) / (k + 1);
    prev = cur;
    cur = next;
    out[offset + k + 1] = Math.sqrt(2 * k + 3) * next;
  }
}

/** Row-major [xs.length, p] design matrix. */
export function designMatrix(xs: ArrayLike<number>, p: number, basis: Basis): Float64Array {
  const A = new Float64Array(xs.length * p);
  for (let i = 0; i < xs.length; i++) basisRow(xs[i], p, basis, A, i * p);
  return A;
}

interface Householder {
  /** Reflector k is I − beta_k v_k v_kᵀ acting on rows k..m−1; v_k[0] belongs to row k. */
  v: Float64Array[];
  beta: number[];
}

/**
 * In-place Householder QR of the row-major m×n matrix A (R ends up in the upper triangle).
 * With pivot, columns are swapped so that |R_00| ≥ |R_11| ≥ …, which reveals the rank.
 */
function householderQR(A: Float64Array, m: number, n: number, pivot: boolean): Householder & { perm: Int32Array } {
  const perm = new Int32Array(n);
  for (let j = 0; j < n; j++) perm[j] = j;
  const v: Float64Array[] = [];
  const beta: number[] = [];
  const steps = Math.min(m, n);
  for (let k = 0; k < steps; k++) {
    if (pivot) {
      // Recomputing the remaining column norms each step costs O(mn) and is exact; n ≤ ~21.
      let best = k;
      let bestNorm = -1;
      for (let j = k; j < n; j++) {
        let s = 0;
        for (let i = k; i < m; i++) s += A[i * n + j] ** 2;
        if (s > bestNorm) {
          bestNorm = s;
          best = j;
        }
      }
      if (best !== k) {
        for (let i = 0; i < m; i++) {
          const t = A[i * n + k];
          A[i * n + k] = A[i * n + best];
          A[i * n + best] = t;
        }
        const t = perm[k];
        perm[k] = perm[best];
        perm[best] = t;
      }
    }
    const len = m - k;
    const vk = new Float64Array(len);
    let norm2 = 0;
    for (let i = 0; i < len; i++) {
      vk[i] = A[(k + i) * n + k];
      norm2 += vk[i] * vk[i];
    }
    const norm = Math.sqrt(norm2);
    if (norm === 0) {
      v.push(vk);
      beta.push(0);
      continue;
    }
    // alpha has the opposite sign of x_0 so that v_0 = x_0 − alpha does not cancel.
    const alpha = vk[0] >= 0 ? -norm : norm;
    vk[0] -= alpha;
    let vv = 0;
    for (let i = 0; i < len; i++) vv += vk[i] * vk[i];
    const b = vv > 0 ? 2 / vv : 0;
    for (let j = k + 1; j < n; j++) {
      let s = 0;
      for (let i = 0; i < len; i++) s += vk[i] * A[(k + i) * n + j];
      s *= b;
      for (let i = 0; i < len; i++) A[(k + i) * n + j] -= s * vk[i];
    }
    A[k * n + k] = alpha;
    for (let i = 1; i < len; i++) A[(k + i) * n + k] = 0;
    v.push(vk);
    beta.push(b);
  }
  return { v, beta, perm };
}

/** Applies the reflectors to a vector of length m: forward order gives Qᵀx, reverse gives Qx. */
function applyReflectors(h: Householder, x: Float64Array, transpose: boolean): void {
  const K = h.v.length;
  for (let t = 0; t < K; t++) {
    const k = transpose ? t : K - 1 - t;
    const vk = h.v[k];
    let s = 0;
    for (let i = 0; i < vk.length; i++) s += vk[i] * x[k + i];
    s *= h.beta[k];
    for (let i = 0; i < vk.length; i++) x[k + i] -= s * vk[i];
  }
}

/**
 * Minimum-norm least squares: the x of smallest ‖x‖ among the minimisers of ‖Ax − b‖.
 * A is row-major m×n and is not modified. Rank is decided as numpy.linalg.lstsq does
 * (rcond = eps·max(m, n) relative to the largest), here on the pivoted R diagonal.
 */
export function lstsq(A: Float64Array, m: number, n: number, b: ArrayLike<number>): { x: Float64Array; rank: number } {
  const R = Float64Array.from(A);
  const h = householderQR(R, m, n, true);
  const c = Float64Array.from(b);
  applyReflectors(h, c, true);
  const steps = Math.min(m, n);
  const tol = Math.abs(R[0]) * Math.max(m, n) * EPS;
  let rank = 0;
  while (rank < steps && Math.abs(R[rank * n + rank]) > tol) rank++;

  const z = new Float64Array(n); // solution in pivoted order
  if (rank === n) {
    for (let i = n - 1; i >= 0; i--) {
      let s = c[i];
      for (let j = i + 1; j < n; j++) s -= R[i * n + j] * z[j];
      z[i] = s / R[i * n + i];
    }
  } else if (rank > 0) {
    // Complete orthogonal decomposition: T = R[0:r, 0:n] has full row rank. QR of Tᵀ (n×r) gives
    // Tᵀ = Z L, so T z = c_r reads Lᵀ (Zᵀz) = c_r; the minimum-norm z is Z [w; 0] with Lᵀw = c_r.
    const Tt = new Float64Array(n * rank);
    for (let i = 0; i < rank; i++) for (let j = 0; j < n; j++) Tt[j * rank + i] = R[i * n + j];
    const h2 = householderQR(Tt, n, rank, false);
    const w = new Float64Array(rank);
    for (let i = 0; i < rank; i++) {
      let s = c[i];
      for (let j = 0; j < i; j++) s -= Tt[j * rank + i] * w[j]; // Lᵀ[i][j] = L[j][i]
      w[i] = s / Tt[i * rank + i];
    }
    z.set(w);
    applyReflectors(h2, z, false);
  }
  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) x[h.perm[j]] = z[j];
  return { x, rank };
}

export interface PolyFit {
  /** Coefficients of φ_0 … φ_degree in the chosen basis (increasing powers for 'monomial'). */
  coef: number[];
  basis: Basis;
  degree: number;
  lambda: number;
  /** Mean squared residual on the training points. */
  trainMse: number;
  /** Numerical rank of the (possibly augmented) design matrix. */
  rank: number;
  /** More coefficients than points and no ridge penalty: the minimum-norm solution was taken. */
  underdetermined: boolean;
}

/**
 * Polynomial least squares in float64. lambda > 0 minimises ‖y − Vβ‖² + λ‖β‖² on all
 * coefficients (no unpenalised intercept), as scikit-learn's Ridge(fit_intercept=False) on the
 * same features; it is solved as the stacked least-squares problem [V; √λ I]β ≈ [y; 0], which
 * keeps QR's accuracy. With lambda = 0 and more coefficients than distinct points the result is
 * the minimum-norm interpolant, which depends on the basis: 'monomial' matches numpy lstsq.
 */
export function fitPolynomial(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  degree: number,
  opts: { lambda?: number; basis?: Basis } = {},
): PolyFit {
  const basis = opts.basis ?? 'legendre';
  const lambda = opts.lambda ?? 0;
  const n = x.length;
  const p = degree + 1;
  const V = designMatrix(x, p, basis);
  let sol: { x: Float64Array; rank: number };
  if (lambda > 0) {
    const A = new Float64Array((n + p) * p);
    A.set(V);
    const s = Math.sqrt(lambda);
    for (let k = 0; k < p; k++) A[(n + k) * p + k] = s;
    const b = new Float64Array(n + p);
    for (let i = 0; i < n; i++) b[i] = y[i];
    sol = lstsq(A, n + p, p, b);
  } else {
    sol = lstsq(V, n, p, y);
  }
  let sse = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let k = 0; k < p; k++) f += V[i * p + k] * sol.x[k];
    sse += (f - y[i]) ** 2;
  }
  return {
    coef: Array.from(sol.x),
    basis,
    degree,
    lambda,
    trainMse: n > 0 ? sse / n : 0,
    rank: sol.rank,
    underdetermined: lambda <= 0 && p > n,
  };
}

/**
 * Fits of every degree 0..K−1 to one data set, in the given basis, from ONE Householder QR.
 * The basis is nested (degree d uses the first d+1 columns) and so is QR: if V = QR then
 * V[:, :p] = Q[:, :p] R[:p, :p], so with c = Qᵀy each degree is one small back substitution
 * R[:p, :p] β = c[:p]. With a ridge penalty the same holds for the stacked matrix [V; √λ I].
 * Degrees with more coefficients than points (no ridge), or whose R has a zero pivot (repeated
 * x), go through fitPolynomial, which returns the minimum-norm solution.
 * Returns row-major [K, K]: row d holds the degree-d coefficients, zeros after index d.
 */
export function fitAllDegrees(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  K: number,
  opts: { lambda?: number; basis?: Basis } = {},
): Float64Array {
  const basis = opts.basis ?? 'legendre';
  const lambda = opts.lambda ?? 0;
  const n = x.length;
  const m = lambda > 0 ? n + K : n;
  const k = Math.min(K, m);
  const A = new Float64Array(m * k);
  const row = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    basisRow(x[i], k, basis, row);
    for (let j = 0; j < k; j++) A[i * k + j] = row[j];
  }
  const b = new Float64Array(m);
  for (let i = 0; i < n; i++) b[i] = y[i];
  if (lambda > 0) for (let j = 0; j < k; j++) A[(n + j) * k + j] = Math.sqrt(lambda);
  const h = householderQR(A, m, k, false);
  applyReflectors(h, b, true);

  const out = new Float64Array(K * K);
  let scale = 0;
  for (let j = 0; j < k; j++) scale = Math.max(scale, Math.abs(A[j * k + j]));
  const tol = scale * Math.max(m, K) * EPS;
  let ok = true; // all pivots so far usable
  for (let p = 1; p <= K; p++) {
    if (p <= k && ok && Math.abs(A[(p - 1) * k + p - 1]) > tol) {
      for (let i = p - 1; i >= 0; i--) {
        let s = b[i];
        for (let j = i + 1; j < p; j++) s -= A[i * k + j] * out[(p - 1) * K + j];
        out[(p - 1) * K + i] = s / A[i * k + i];
      }
    } else {
      ok = false;
      const f = fitPolynomial(x, y, p - 1, { lambda, basis });
      for (let j = 0; j < p; j++) out[(p - 1) * K + j] = f.coef[j];
    }
  }
  return out;
}

/** Evaluates Σ coef_k φ_k(x) at every x. */
export function evalPolynomial(coef: ArrayLike<number>, xs: ArrayLike<number>, basis: Basis): number[] {
  const p = coef.length;
  const row = new Float64Array(p);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    basisRow(xs[i], p, basis, row);
    let s = 0;
    for (let k = 0; k < p; k++) s += coef[k] * row[k];
    out[i] = s;
  }
  return out;
}
