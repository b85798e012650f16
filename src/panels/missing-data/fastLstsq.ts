/**
 * Missing-data's least squares without copies: the kit's fitLstsq (lstsq.ts: centre, Householder
 * QR, back substitution) on a design its caller writes straight into reused column-major buffers,
 * with the same operations in the same order, so the same coefficients to the bit
 * (fastLstsq.test.ts). The study fits about a dozen small designs per data set (3 to 5 columns,
 * tens to hundreds of rows); the kit's path copied each design twice (the caller's design, then
 * the centred copy) and allocated its QR buffers per fit, most of the study's garbage.
 * Column-major: the QR's loops run down columns, so each reads consecutive memory.
 */

/** The reused buffers: `cols` holds column j of the design at [j · rows, (j + 1) · rows), `ys` the target. */
export const scratch = { cols: new Float64Array(0), ys: new Float64Array(0), v: new Float64Array(0), rows: 0 };

/**
 * Room for a design of n rows and p columns (at least p rows: the kit pads a short design with
 * zero rows), the padding zeroed; the caller then writes rows [0, n) of each column and of ys.
 * Returns the column stride.
 */
export function designBuffers(n: number, p: number): number {
  const m = Math.max(n, p);
  if (scratch.cols.length < m * p) scratch.cols = new Float64Array(m * p * 2);
  if (scratch.ys.length < m) {
    scratch.ys = new Float64Array(m * 2);
    scratch.v = new Float64Array(m * 2);
  }
  scratch.rows = m;
  for (let j = 0; j < p; j++) scratch.cols.fill(0, j * m + n, (j + 1) * m);
  scratch.ys.fill(0, n, m);
  return m;
}

/**
 * fitLstsq(X, y) (intercept, α = 0) of the n × p design in the buffers (designBuffers first):
 * the same means (each term divided by n, summed in row order), the same centring, QR and
 * intercept. The buffers are overwritten.
 */
export function fitBuffered(n: number, p: number): { coef: Float64Array; intercept: number } {
  const { cols: A, ys: r, v } = scratch;
  const m = scratch.rows;
  const xMean = new Float64Array(p);
  let yMean = 0;
  if (n > 0) {
    for (let i = 0; i < n; i++) yMean += r[i] / n;
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += A[j * m + i] / n;
      xMean[j] = s;
    }
  }
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) A[j * m + i] -= xMean[j];
  for (let i = 0; i < n; i++) r[i] -= yMean;
  const w = qrSolveColumns(A, r, v, m, p);
  let b = yMean;
  for (let j = 0; j < p; j++) b -= xMean[j] * w[j];
  return { coef: w, intercept: b };
}

/** lstsq.ts's qrSolve on a column-major A (column stride m): the same steps, in the same order. */
function qrSolveColumns(A: Float64Array, r: Float64Array, v: Float64Array, m: number, p: number): Float64Array {
  const w = new Float64Array(p);
  let scale = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += A[j * m + i] ** 2;
    scale = Math.max(scale, Math.sqrt(s));
  }
  const tiny = 1e-11 * scale;
  let row = 0; // next pivot row: each used column takes one
  const pivotRow = new Int32Array(p).fill(-1);
  for (let j = 0; j < p && row < m; j++) {
    const cj = j * m;
    let norm = 0;
    for (let i = row; i < m; i++) norm += A[cj + i] ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > tiny)) continue;
    const alpha = A[cj + row] > 0 ? -norm : norm;
    // Householder vector v = a − alpha·e₁ over rows row..m−1.
    let vv = 0;
    for (let i = row; i < m; i++) {
      v[i] = A[cj + i] - (i === row ? alpha : 0);
      vv += v[i] * v[i];
    }
    if (vv > 0) {
      for (let k = j; k < p; k++) {
        const ck = k * m;
        let s = 0;
        for (let i = row; i < m; i++) s += v[i] * A[ck + i];
        const f = (2 * s) / vv;
        for (let i = row; i < m; i++) A[ck + i] -= f * v[i];
      }
      let s = 0;
      for (let i = row; i < m; i++) s += v[i] * r[i];
      const f = (2 * s) / vv;
      for (let i = row; i < m; i++) r[i] -= f * v[i];
    }
    pivotRow[j] = row++;
  }
  for (let j = p - 1; j >= 0; j--) {
    const i = pivotRow[j];
    if (i < 0) continue;
    let s = r[i];
    for (let k = j + 1; k < p; k++) if (pivotRow[k] >= 0) s -= A[k * m + i] * w[k];
    w[j] = s / A[j * m + i];
  }
  return w;
}
