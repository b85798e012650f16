/**
 * Logistic regression against scikit-learn (unregularised, L2 with C = 1, balanced class weights)
 * and against its own optimality conditions on other data; class weights ≡ duplicated rows; on
 * separable data without a penalty it stops and says it did not converge.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import type { LogisticModel, Matrix } from './api';
import { balancedWeights, fitLogistic, logisticProba } from './logistic';
import { matrix, referenceCases } from './reference.testutil';

type Fit = { coef: number[]; intercept: number };
const REF = referenceCases<{
  logistic: { X: number[][]; y: number[]; fits: { unregularised: Fit; l2_C1: Fit; balanced_l2_C1: Fit } };
}>().logistic;

const relClose = (got: number, want: number, rel: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(want)));

/** Gradient of ½‖w‖²/C + Σ sᵢ loglossᵢ (zero at the optimum). */
function gradient(m: LogisticModel, X: Matrix, y: Int32Array, C: number, s?: Float64Array): number[] {
  const p = logisticProba(m, X);
  const g = new Array(X.d + 1).fill(0);
  for (let i = 0; i < X.n; i++) {
    const r = (s ? s[i] : 1) * (p[i] - y[i]);
    for (let j = 0; j < X.d; j++) g[j] += r * X.data[i * X.d + j];
    g[X.d] += r;
  }
  for (let j = 0; j < X.d; j++) g[j] += m.coef[j] / C;
  return g;
}

describe('against scikit-learn (lbfgs, tol 1e-12)', () => {
  const X = matrix(REF.X), y = Int32Array.from(REF.y);
  const cases: [keyof typeof REF.fits, number, Float64Array | undefined][] = [
    ['unregularised', Infinity, undefined],
    ['l2_C1', 1, undefined],
    ['balanced_l2_C1', 1, balancedWeights(y)],
  ];
  for (const [name, C, s] of cases) {
    it(`${name}: coefficients and intercept to 1e-6 relative`, () => {
      const m = fitLogistic(X, y, { C, sampleWeight: s });
      expect(m.converged).toBe(true);
      const want = REF.fits[name];
      m.coef.forEach((v, j) => relClose(v, want.coef[j], 1e-6));
      relClose(m.intercept, want.intercept, 1e-6);
    });
  }

  it('balanced weights: n / (K · n_class), so each class carries n / K in total', () => {
    const w = balancedWeights(y);
    const n1 = REF.y.filter((v) => v === 1).length;
    w.forEach((v, i) => expect(v).toBeCloseTo(y.length / (2 * (y[i] ? n1 : y.length - n1)), 14));
    for (const k of [0, 1]) expect(w.reduce((s, v, i) => s + (y[i] === k ? v : 0), 0)).toBeCloseTo(y.length / 2, 12);
  });
});

describe('on other data', () => {
  function randomSet(seed: number, n: number, d: number) {
    const rng = stream(seed, 'logistic');
    const X = matrix(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())));
    const beta = Array.from({ length: d }, () => rng.normal());
    const y = Int32Array.from({ length: n }, (_, i) => {
      let z = 0.3;
      for (let j = 0; j < d; j++) z += beta[j] * X.data[i * d + j];
      return rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    });
    return { X, y, rng };
  }

  it('the gradient of the objective vanishes at the fit (weights, several C)', () => {
    for (let k = 0; k < 12; k++) {
      const { X, y, rng } = randomSet(k, 20 + 10 * k, 1 + (k % 4));
      const C = [0.01, 0.5, 10, Infinity][k % 4];
      const s = k % 2 ? Float64Array.from({ length: X.n }, () => 0.2 + 2 * rng.next()) : undefined;
      const m = fitLogistic(X, y, { C, sampleWeight: s });
      if (!m.converged) {
        expect(C).toBe(Infinity); // only a separable draw without a penalty may fail to converge
        continue;
      }
      for (const g of gradient(m, X, y, C, s)) expect(Math.abs(g)).toBeLessThan(1e-7);
    }
  });

  it('a row of weight 2 gives the same model as that row twice (class weights ≡ oversampling)', () => {
    for (let k = 0; k < 8; k++) {
      const { X, y, rng } = randomSet(100 + k, 40, 2);
      const w = Float64Array.from({ length: X.n }, () => 1 + rng.int(3)); // 1, 2 or 3 copies
      const rows: number[][] = [], ys: number[] = [];
      for (let i = 0; i < X.n; i++) for (let c = 0; c < w[i]; c++) {
        rows.push([X.data[2 * i], X.data[2 * i + 1]]);
        ys.push(y[i]);
      }
      const C = k % 2 ? 1 : 1e4; // (no penalty at all could meet a separable draw)
      const a = fitLogistic(X, y, { C, sampleWeight: w });
      const b = fitLogistic(matrix(rows), Int32Array.from(ys), { C });
      expect([a.converged, b.converged]).toEqual([true, true]);
      a.coef.forEach((v, j) => relClose(v, b.coef[j], 1e-8));
      relClose(a.intercept, b.intercept, 1e-8);
    }
  });

  it('separable data without a penalty: capped, finite, converged = false; with a penalty it converges', () => {
    const X = matrix([[-2], [-1], [1], [2]]), y = Int32Array.from([0, 0, 1, 1]);
    const free = fitLogistic(X, y, { C: Infinity, maxIter: 50 });
    expect(free.converged).toBe(false);
    expect(free.iterations).toBeLessThanOrEqual(50);
    expect(Number.isFinite(free.coef[0]) && Number.isFinite(free.intercept)).toBe(true);
    expect(free.coef[0]).toBeGreaterThan(5);
    const ridge = fitLogistic(X, y, { C: 1 });
    expect(ridge.converged).toBe(true);
    for (const g of gradient(ridge, X, y, 1)) expect(Math.abs(g)).toBeLessThan(1e-9);
  });

  it('quasi-complete separation without a penalty: not converged; with a penalty it converges', () => {
    // Rows 0 and 2 are the same point with both labels; row 1 is class 0. w = (1, 0), b = −4 puts
    // the pair on the boundary (z = 0) and row 1 at z = −3: scaling it up sends row 1 to p = 0
    // while the pair stays at ½, so the loss falls for ever and has no minimum.
    const X = matrix([[4, 2], [1, 0], [4, 2]]), y = Int32Array.from([1, 0, 0]);
    expect(fitLogistic(X, y, { C: Infinity }).converged).toBe(false);
    const ridge = fitLogistic(X, y, { C: 1 });
    expect(ridge.converged).toBe(true);
    for (const g of gradient(ridge, X, y, 1)) expect(Math.abs(g)).toBeLessThan(1e-9);
    // The same with a one-dimensional boundary point shared by both classes: x ≤ 0 is class 0,
    // x ≥ 0 is class 1, and x = 0 has both (each class on its side, one row of each at 0).
    const X1 = matrix([[-2], [-1], [0], [0], [1], [2]]), y1 = Int32Array.from([0, 0, 0, 1, 1, 1]);
    expect(fitLogistic(X1, y1, { C: Infinity }).converged).toBe(false);
    // One row of class 1 moved across (x = −0.5): overlap, a finite optimum, converged.
    const X2 = matrix([[-2], [-1], [-0.5], [0], [1], [2]]), y2 = Int32Array.from([0, 0, 1, 0, 1, 1]);
    const m2 = fitLogistic(X2, y2, { C: Infinity });
    expect(m2.converged).toBe(true);
    for (const g of gradient(m2, X2, y2, Infinity)) expect(Math.abs(g)).toBeLessThan(1e-9);
  });

  it('logisticProba is σ(w·x + b)', () => {
    const m: LogisticModel = { coef: Float64Array.of(2, -1), intercept: 0.5, iterations: 0, converged: true };
    const p = logisticProba(m, matrix([[1, 1], [0, 0], [-300, 0]]));
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 15);
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 15);
    expect(Number.isNaN(p[2])).toBe(false); // no NaN far out
    expect(p[2]).toBeLessThan(1e-200);
  });
});

/** Solves A x = b by Gaussian elimination with partial pivoting (the test's own solver). */
function gaussSolve(A: number[][], b: number[]): number[] {
  const n = b.length, M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let v = M[r][n];
    for (let k = r + 1; k < n; k++) v -= M[r][k] * x[k];
    x[r] = v / M[r][r];
  }
  return x;
}

describe('the Newton iterations themselves', () => {
  it('one iteration from β = 0 is the closed-form Newton step −H⁻¹g (σ = ½ everywhere)', () => {
    // At β = 0 every pᵢ = ½, so g = Σ sᵢ(½ − yᵢ)x̃ᵢ and H = ¼ Σ sᵢ x̃ᵢx̃ᵢᵀ + λ·diag(1, …, 1, 0) with
    // x̃ = (x, 1). H there bounds every later Hessian (p(1 − p) ≤ ¼), so the full step always
    // passes the line search. Four unknowns make every entry of the Cholesky solve count.
    const rows = [[1, 0, 2], [0, 1, -1], [2, 1, 0], [-1, 2, 1], [0.5, -1, 1]];
    const y = [1, 0, 1, 0, 1], s = [1, 2, 0.5, 1, 1.5];
    for (const C of [0.5, Infinity]) {
      const lambda = C === Infinity ? 0 : 1 / C, p = 4;
      const g = new Array<number>(p).fill(0), H = Array.from({ length: p }, () => new Array<number>(p).fill(0));
      rows.forEach((x, i) => {
        const xt = [...x, 1];
        for (let a = 0; a < p; a++) {
          g[a] += s[i] * (0.5 - y[i]) * xt[a];
          for (let b = 0; b < p; b++) H[a][b] += 0.25 * s[i] * xt[a] * xt[b];
        }
      });
      for (let j = 0; j < 3; j++) H[j][j] += lambda;
      const want = gaussSolve(H, g).map((v) => -v);
      const m = fitLogistic(matrix(rows), Int32Array.from(y), { C, sampleWeight: Float64Array.from(s), maxIter: 1 });
      expect([m.iterations, m.converged]).toEqual([1, false]);
      m.coef.forEach((v, j) => relClose(v, want[j], 1e-12));
      relClose(m.intercept, want[3], 1e-12);
    }
  });

  it('no iterations allowed: β = 0 and not converged', () => {
    const m = fitLogistic(matrix([[1], [2], [3]]), Int32Array.from([0, 1, 1]), { C: 1, maxIter: 0 });
    expect([...m.coef, m.intercept, m.iterations, m.converged]).toEqual([0, 0, 0, false]);
  });

  it('a loose tol still ends on a full Newton step: quadratic convergence puts it within 1e-6', () => {
    // The last step is below 1e-3·(1 + max|β|); Newton's error after it is of the order of its
    // square, so the result still matches scikit-learn closely.
    const m = fitLogistic(matrix(REF.X), Int32Array.from(REF.y), { C: 1, tol: 1e-3 });
    expect(m.converged).toBe(true);
    REF.fits.l2_C1.coef.forEach((v, j) => relClose(m.coef[j], v, 1e-6));
    relClose(m.intercept, REF.fits.l2_C1.intercept, 1e-6);
  });

  it('a step that the quadratic model overrates is halved, and the fit still reaches the optimum', () => {
    // Found by search: on these five rows one Newton step increases the objective enough to fail
    // the Armijo test, so the line search must shorten it.
    const X = matrix([[2, -4], [4, -3], [4, 40], [40, 30], [0, 1]]), y = Int32Array.from([0, 1, 0, 1, 0]);
    const m = fitLogistic(X, y, { C: 1 });
    expect(m.converged).toBe(true);
    for (const g of gradient(m, X, y, 1)) expect(Math.abs(g)).toBeLessThan(1e-9);
  });

  it('rows far out on their own side (|z| ≈ 1300, beyond exp overflow) change nothing', () => {
    // Their loss is e^{−|z|} = 0 in doubles; a log(1 + e^z) that overflows would make it ∞.
    const base = [[-2], [-1], [0], [1], [2], [0.5], [-0.5]], yb = [0, 1, 0, 1, 1, 0, 1];
    for (const C of [1, Infinity]) {
      const a = fitLogistic(matrix(base), Int32Array.from(yb), { C });
      const b = fitLogistic(matrix([...base, [3000], [-3000]]), Int32Array.from([...yb, 1, 0]), { C });
      expect([a.converged, b.converged]).toEqual([true, true]);
      expect(Math.abs(b.coef[0] * 3000)).toBeGreaterThan(800);
      relClose(b.coef[0], a.coef[0], 1e-9);
      relClose(b.intercept, a.intercept, 1e-9);
    }
  });

  it('an all-zero column (singular Hessian) gets coefficient 0 and leaves the rest as scikit-learn has them', () => {
    const X = matrix(REF.X.map((r) => [r[0], 0, r[1]]));
    const m = fitLogistic(X, Int32Array.from(REF.y), { C: Infinity });
    expect(m.converged).toBe(true);
    const want = REF.fits.unregularised;
    expect(m.coef[1]).toBe(0);
    relClose(m.coef[0], want.coef[0], 1e-6);
    relClose(m.coef[2], want.coef[1], 1e-6);
    relClose(m.intercept, want.intercept, 1e-6);
  });

  it('two equal columns (an exactly singular Hessian): converged, and their coefficients add up to scikit-learn\'s one', () => {
    const X = matrix(REF.X.map((r) => [r[0], r[0], r[1]]));
    const m = fitLogistic(X, Int32Array.from(REF.y), { C: Infinity });
    expect(m.converged).toBe(true);
    const want = REF.fits.unregularised;
    relClose(m.coef[0] + m.coef[1], want.coef[0], 1e-6);
    relClose(m.coef[2], want.coef[1], 1e-6);
    relClose(m.intercept, want.intercept, 1e-6);
  });

  it('a NaN in the data ends the fit (not converged, β = 0) instead of looping or throwing', () => {
    const m = fitLogistic(matrix([[0], [NaN], [1]]), Int32Array.from([0, 1, 1]), { C: 1 });
    expect([...m.coef, m.intercept, m.converged]).toEqual([0, 0, false]);
  });

  it('no rows: nothing to fit, β = 0, converged', () => {
    for (const C of [Infinity, 1]) {
      const m = fitLogistic({ data: new Float64Array(0), n: 0, d: 2 }, new Int32Array(0), { C });
      expect([...m.coef, m.intercept, m.converged]).toEqual([0, 0, 0, true]);
    }
  });
});

describe('separable data is never reported as converged (without a penalty)', () => {
  // A loose tol lets Newton stop on separable data (its steps grow more slowly than β); the
  // separation check must still say converged = false.
  const rows = [[-2, 1], [-1, -1], [1, 0.5], [2, -2]], y = [0, 0, 1, 1];
  it('separable: converged = false even when the step test passes', () => {
    const m = fitLogistic(matrix(rows), Int32Array.from(y), { C: Infinity, tol: 0.1 });
    expect(m.converged).toBe(false);
    expect(m.iterations).toBeLessThan(100); // it stopped on the step test, not on the cap
  });
  it('a row of weight 0 on the wrong side does not make the data inseparable', () => {
    const X = matrix([...rows, [3, 0]]), w = Float64Array.of(1, 1, 1, 1, 0);
    const m = fitLogistic(X, Int32Array.from([...y, 0]), { C: Infinity, tol: 0.1, sampleWeight: w });
    expect(m.converged).toBe(false);
    expect(m.iterations).toBeLessThan(100);
  });
  it('one misclassified row of either class is enough to make the data inseparable', () => {
    // At the fit the lone 1 at −2.5 (or the lone 0 at 2.5) lies on the other class's side.
    const x = [[-3], [-2], [-2.5], [1], [2], [3]];
    for (const [X, yy] of [[x, [0, 0, 1, 1, 1, 1]], [x.map(([v]) => [-v]), [1, 1, 0, 0, 0, 0]]] as const) {
      expect(fitLogistic(matrix(X as number[][]), Int32Array.from(yy), { C: Infinity }).converged).toBe(true);
    }
  });
  it('uniform weights without a penalty: the same optimum as no weights (scaling the loss moves nothing)', () => {
    const m = fitLogistic(matrix(REF.X), Int32Array.from(REF.y), { C: Infinity, sampleWeight: new Float64Array(REF.y.length).fill(2) });
    expect(m.converged).toBe(true);
    REF.fits.unregularised.coef.forEach((v, j) => relClose(m.coef[j], v, 1e-6));
  });
  it('overlapping classes: converged = true at the same loose tol', () => {
    const X = matrix([...rows, [0.5, 0.3], [-0.4, 0.2]]), yy = Int32Array.from([...y, 0, 1]);
    const m = fitLogistic(X, yy, { C: Infinity, tol: 0.1 });
    expect(m.converged).toBe(true);
  });
});

describe('logisticProba far out', () => {
  it('σ(−720) is e^−720 (not rounded to 0) and σ(800) is exactly 1 (not NaN)', () => {
    const m: LogisticModel = { coef: Float64Array.of(1), intercept: 0, iterations: 0, converged: true };
    const p = logisticProba(m, matrix([[-720], [800], [0]]));
    expect(p[0]).toBeGreaterThan(0);
    expect(Math.abs(p[0] / Math.exp(-720) - 1)).toBeLessThan(1e-6);
    expect(p[1]).toBe(1);
    expect(p[2]).toBe(0.5);
  });
});
