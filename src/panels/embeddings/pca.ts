/**
 * Principal component analysis of the word vectors, for the 2-D picture. Pure float64.
 * Centre the rows, form the covariance (n − 1 in the denominator, as scikit-learn's
 * explained_variance_), and diagonalise it with cyclic Jacobi rotations: exact for the small
 * symmetric matrices here (d ≤ 32), with no iteration count to tune.
 */

export interface Pca {
  mean: Float64Array;
  /** The top principal directions, unit length, largest variance first. */
  components: Float64Array[];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
  /** Each row projected onto the components: [n][k]. */
  projected: number[][];
}

/** Eigenvalues and eigenvectors (columns of v, row-major) of a symmetric matrix. */
export function jacobiEigen(a0: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(a0);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p], akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k], aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[i * n + i]), vectors: v };
}

/**
 * The top `k` components of the rows of X. Signs are arbitrary in PCA; here each component's
 * largest-magnitude entry is made positive, so one state always draws the same way round.
 */
export function pca(X: readonly ArrayLike<number>[], k = 2): Pca {
  const n = X.length, d = n ? X[0].length : 0;
  const mean = new Float64Array(d);
  for (const r of X) for (let j = 0; j < d; j++) mean[j] += r[j] / n;
  const cov = new Float64Array(d * d);
  const denom = Math.max(1, n - 1);
  for (const r of X)
    for (let i = 0; i < d; i++) {
      const ri = r[i] - mean[i];
      for (let j = i; j < d; j++) cov[i * d + j] += (ri * (r[j] - mean[j])) / denom;
    }
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) cov[i * d + j] = cov[j * d + i];
  const { values, vectors } = jacobiEigen(cov, d);
  const order = Array.from(values.keys()).sort((x, y) => values[y] - values[x]);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  const kk = Math.min(k, d);
  const components = order.slice(0, kk).map((c) => {
    const u = Float64Array.from({ length: d }, (_, i) => vectors[i * d + c]);
    let big = 0;
    for (let i = 1; i < d; i++) if (Math.abs(u[i]) > Math.abs(u[big])) big = i;
    if (u[big] < 0) for (let i = 0; i < d; i++) u[i] = -u[i];
    return u;
  });
  const ev = order.slice(0, kk).map((c) => Math.max(0, values[c]));
  const projected = X.map((r) => components.map((u) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (r[j] - mean[j]) * u[j];
    return s;
  }));
  return { mean, components, explainedVariance: ev, explainedVarianceRatio: ev.map((v) => (total > 0 ? v / total : 0)), projected };
}
