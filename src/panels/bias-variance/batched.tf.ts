/**
 * Every resampled training set, every degree 0..D−1, solved at once in tfjs (float32).
 *
 * Why QR and not the normal equations: XᵀX squares the condition number, and in float32
 * (eps ≈ 6e-8) that already costs most digits at degree ~12 with 20 points. Here the design
 * matrix itself is orthogonalised by classical Gram-Schmidt run twice per column (CGS2), which
 * is as accurate as Householder QR and is all matrix products, so it batches over the sets.
 *
 * Why one QR serves all degrees: the basis is nested (degree d uses the first d+1 columns), and
 * so is QR: if X = QR then X[:, :p] = Q[:, :p] R[:p, :p]. With c = Qᵀy and Z = R⁻¹ (upper
 * triangular, so Z[:p, :p] = R[:p, :p]⁻¹) the degree-(p−1) coefficients are
 * β_p = Σ_{k<p} Z[:, k] c_k, a cumulative sum over k. One QR, one triangular inverse, one cumsum.
 * With a ridge penalty λ the same holds for the stacked matrix [X; √λ I] (rows of the identity
 * beyond column p are zero in X[:, :p] and change nothing).
 *
 * More coefficients than points (p > n, no ridge): the nested QR stops at column n, and each such
 * degree takes the minimum-norm solution β = X_pᵀ (X_p X_pᵀ)⁻¹ y, computed stably as
 * X_pᵀ = Q̃R̃, β = Q̃ R̃⁻ᵀ y (QR of the transposed design, no squared condition number). All those
 * degrees run as one batch: X_p is X with the columns beyond p zeroed, and zero rows of X_pᵀ do
 * not change its QR.
 *
 * Accuracy (measured against the float64 solver, model.test.ts, worst of 100 random sets): the
 * error grows with the condition number of the random-x design, which explodes as degree + 1
 * approaches n (cond ~1e9 typical, up to 1e15, at n = 20, degree 19). With the normalised Legendre
 * basis: n = 20: curves within 3e-4 relative up to degree 11, 4e-3 at 12, no correct digit from
 * degree 15 on (training error that should be 0 at interpolation comes out large); n = 40: 6e-5
 * up to degree 14, 5e-2 at 20; n = 200: 1e-6 at every degree; ridge (λ = 1e-3): 1e-5 everywhere;
 * minimum-norm at n = 5: 1e-4. No float32 method can do much better there: rounding x itself to
 * float32 already perturbs the problem by eps·cond. Results stay finite (TINY guard).
 */
// The app's one tfjs entry (tfjs-core + backends). Functional ops only (tf.slice(x), not
// x.slice()): tfjs-core alone does not register the chained-op methods.
import * as tf from '../../lib/tf/tf';

/** Below this a Gram-Schmidt column counts as zero; keeps divisions finite when a set is degenerate. */
const TINY = 1e-20;

/** QR of a batch [B, m, k] (m ≥ k) by CGS2. Returns Q [B, m, k] and upper-triangular R [B, k, k]. */
export function batchedQR(A: tf.Tensor3D): { q: tf.Tensor3D; r: tf.Tensor3D } {
  const [B, m, k] = A.shape;
  const qCols: tf.Tensor3D[] = [];
  const rCols: tf.Tensor3D[] = [];
  for (let j = 0; j < k; j++) {
    let v = tf.slice(A, [0, 0, j], [B, m, 1]) as tf.Tensor3D;
    let rTop: tf.Tensor3D | null = null;
    if (j > 0) {
      const Q = (j === 1 ? qCols[0] : tf.concat(qCols, 2)) as tf.Tensor3D;
      // Two passes: the second removes what rounding left of the first (CGS2, "twice is enough").
      const h1 = tf.matMul(Q, v, true, false);
      v = tf.sub(v, tf.matMul(Q, h1));
      const h2 = tf.matMul(Q, v, true, false);
      v = tf.sub(v, tf.matMul(Q, h2));
      rTop = tf.add(h1, h2) as tf.Tensor3D;
    }
    const norm = tf.maximum(tf.sqrt(tf.sum(tf.square(v), 1, true)), TINY) as tf.Tensor3D; // [B,1,1]
    qCols.push(tf.div(v, norm) as tf.Tensor3D);
    const parts: tf.Tensor3D[] = [];
    if (rTop) parts.push(rTop);
    parts.push(norm);
    if (j + 1 < k) parts.push(tf.zeros([B, k - j - 1, 1]));
    rCols.push((parts.length === 1 ? parts[0] : tf.concat(parts, 1)) as tf.Tensor3D);
  }
  return { q: tf.concat(qCols, 2) as tf.Tensor3D, r: tf.concat(rCols, 2) as tf.Tensor3D };
}

/** Inverse of a batch of upper-triangular [B, k, k] matrices by back substitution, row by row. */
export function batchedInvUpper(R: tf.Tensor3D): tf.Tensor3D {
  const [B, k] = R.shape;
  const eye = tf.reshape(tf.eye(k), [1, k, k]);
  // Row i of Z = R⁻¹: Z[i, :] = (e_i − R[i, i+1:] Z[i+1:, :]) / R[i, i].
  let below: tf.Tensor3D | null = null; // rows i+1..k−1 of Z, [B, k−i−1, k]
  for (let i = k - 1; i >= 0; i--) {
    const e = tf.tile(tf.slice(eye, [0, i, 0], [1, 1, k]), [B, 1, 1]);
    const rii = tf.slice(R, [0, i, i], [B, 1, 1]);
    let num: tf.Tensor = e;
    if (below) num = tf.sub(e, tf.matMul(tf.slice(R, [0, i, i + 1], [B, 1, k - i - 1]), below));
    const row = tf.div(num, rii) as tf.Tensor3D;
    below = below ? (tf.concat([row, below], 1) as tf.Tensor3D) : row;
  }
  return below as tf.Tensor3D;
}

export interface BatchedProblem {
  /** Row-major [B, n, K] design matrices (K = number of basis columns = highest degree + 1). */
  X: Float32Array;
  /** Row-major [B, n] targets. */
  y: Float32Array;
  B: number;
  n: number;
  K: number;
  /** Ridge penalty on all coefficients; 0 for plain (minimum-norm) least squares. */
  lambda: number;
}

/**
 * Coefficients of every set at every degree: a tensor [B, K, K] whose [:, :, d] slice holds the
 * degree-d coefficients (zeros beyond index d). The caller owns the returned tensor; everything
 * else is released here.
 */
export function batchedCoefficients(pr: BatchedProblem): tf.Tensor3D {
  const { B, n, K, lambda } = pr;
  return tf.tidy(() => {
    const X = tf.tensor3d(pr.X, [B, n, K]);
    const y = tf.tensor3d(pr.y, [B, n, 1]);
    let A: tf.Tensor3D = X;
    let b: tf.Tensor3D = y;
    if (lambda > 0) {
      const s = tf.reshape(tf.mul(tf.eye(K), Math.sqrt(lambda)), [1, K, K]);
      A = tf.concat([X, tf.tile(s, [B, 1, 1])], 1) as tf.Tensor3D;
      b = tf.concat([y, tf.zeros([B, K, 1])], 1) as tf.Tensor3D;
    }
    const m = A.shape[1];
    const kLs = Math.min(K, m); // columns with full rank (random distinct x)

    // Nested least squares for degrees 0..kLs−1.
    const { q, r } = batchedQR(kLs === K ? A : (tf.slice(A, [0, 0, 0], [B, m, kLs]) as tf.Tensor3D));
    const c = tf.reshape(tf.matMul(q, b, true, false), [B, 1, kLs]); // Qᵀb as a row
    const Z = batchedInvUpper(r); // [B, kLs, kLs]
    let coefLs = tf.cumsum(tf.mul(Z, c), 2) as tf.Tensor3D; // [B, kLs(coef), kLs(degree)]
    if (kLs < K) coefLs = tf.pad(coefLs, [[0, 0], [0, K - kLs], [0, 0]]);
    if (kLs === K) return coefLs;

    // Minimum-norm solutions for degrees kLs..K−1 (p = d+1 > n), all in one batch.
    const nMin = K - kLs;
    const mask = tf.tensor2d(
      Array.from({ length: nMin * K }, (_, i) => ((i % K) <= kLs + Math.floor(i / K) ? 1 : 0)),
      [nMin, K],
    ); // row t keeps columns 0..kLs+t
    const Xm = tf.mul(tf.reshape(X, [1, B, n, K]), tf.reshape(mask, [nMin, 1, 1, K])); // [nMin, B, n, K]
    const Xt = tf.reshape(tf.transpose(Xm, [0, 1, 3, 2]), [nMin * B, K, n]) as tf.Tensor3D;
    const qr2 = batchedQR(Xt); // Q̃ [nMin·B, K, n], R̃ [nMin·B, n, n]
    const Z2 = batchedInvUpper(qr2.r);
    const yRep = tf.tile(y, [nMin, 1, 1]); // [nMin·B, n, 1], degree-major like Xt
    const w = tf.matMul(Z2, yRep, true, false); // R̃⁻ᵀ y
    const beta = tf.reshape(tf.matMul(qr2.q, w), [nMin, B, K]); // [nMin, B, K]
    const coefMin = tf.transpose(beta, [1, 2, 0]); // [B, K, nMin]
    return tf.concat([coefLs, coefMin], 2) as tf.Tensor3D;
  });
}
