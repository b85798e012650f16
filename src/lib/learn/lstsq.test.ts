/**
 * Least squares and ridge against numpy.linalg.lstsq and scikit-learn's Ridge (the least_squares
 * reference cases), and against their own optimality conditions (normal equations) on other data.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import type { Matrix } from './api';
import { fitLstsq, lstsqPredict, meanSquaredError, r2Score } from './lstsq';
import { referenceCases } from './reference.testutil';

interface LsCase {
  name: string;
  input: { x: number[]; y: number[]; degree: number; alpha?: number; x_test?: number[] };
  expected: { coef_increasing_powers: number[]; pred_test?: number[]; train_mse?: number };
}
const REF = referenceCases<{ least_squares: { cases: LsCase[] } }>().least_squares.cases;

/** Monomial columns x^from..x^degree. */
const powers = (x: number[], degree: number, from: number): Matrix => {
  const d = degree - from + 1;
  const data = new Float64Array(x.length * d);
  x.forEach((v, i) => {
    for (let k = from; k <= degree; k++) data[i * d + k - from] = v ** k;
  });
  return { data, n: x.length, d };
};

const close = (got: number, want: number, tol: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want)));

describe('against numpy lstsq (polynomial least squares)', () => {
  // Determined and overdetermined cases only: numpy's minimum-norm choice for n < degree + 1 is not
  // what fitLstsq promises (it zeroes dependent columns instead).
  const cases = REF.filter((c) => c.input.alpha === undefined && c.input.x.length >= c.input.degree + 1);
  it('has cases to check', () => expect(cases.length).toBeGreaterThanOrEqual(2));
  for (const c of cases) {
    it(`${c.name}: coefficients, test predictions, train MSE`, () => {
      const m = fitLstsq(powers(c.input.x, c.input.degree, 1), c.input.y);
      const want = c.expected.coef_increasing_powers;
      close(m.intercept, want[0], 1e-7);
      want.slice(1).forEach((w, k) => close(m.coef[k], w, 1e-6));
      const pred = lstsqPredict(m, powers(c.input.x_test!, c.input.degree, 1));
      c.expected.pred_test!.forEach((w, i) => close(pred[i], w, 1e-7));
      close(meanSquaredError(c.input.y, lstsqPredict(m, powers(c.input.x, c.input.degree, 1)))!, c.expected.train_mse!, 1e-7);
    });
  }
});

describe('against scikit-learn Ridge (no intercept, monomials from x⁰)', () => {
  const cases = REF.filter((c) => c.input.alpha !== undefined);
  it('has cases to check', () => expect(cases.length).toBeGreaterThanOrEqual(2));
  for (const c of cases) {
    it(c.name, () => {
      const m = fitLstsq(powers(c.input.x, c.input.degree, 0), c.input.y, { alpha: c.input.alpha, intercept: false });
      expect(m.intercept).toBe(0);
      c.expected.coef_increasing_powers.forEach((w, k) => close(m.coef[k], w, 1e-6));
    });
  }
});

describe('optimality on random data', () => {
  const rng = stream(5, 'lstsq-test');
  const n = 40, d = 3;
  const X: Matrix = { data: Float64Array.from({ length: n * d }, () => rng.normal()), n, d };
  const y = Float64Array.from({ length: n }, () => rng.normal());
  for (const alpha of [0, 0.5, 10]) {
    it(`α = ${alpha}: Xᵀ(y − ŷ) = αw and the residuals sum to 0`, () => {
      const m = fitLstsq(X, y, { alpha });
      const r = lstsqPredict(m, X).map((p, i) => y[i] - p);
      expect(Math.abs(r.reduce((a, v) => a + v, 0))).toBeLessThan(1e-10);
      for (let j = 0; j < d; j++) {
        let g = 0;
        for (let i = 0; i < n; i++) g += X.data[i * d + j] * r[i];
        expect(Math.abs(g - alpha * m.coef[j])).toBeLessThan(1e-9);
      }
    });
  }
  it('a dependent column: rank drops, the fitted values are still the least-squares ones', () => {
    const D: Matrix = { data: new Float64Array(n * 4), n, d: 4 };
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 3; j++) D.data[i * 4 + j] = X.data[i * 3 + j];
      D.data[i * 4 + 3] = X.data[i * 3] + X.data[i * 3 + 1];
    }
    const full = fitLstsq(X, y), dup = fitLstsq(D, y);
    expect(full.rank).toBe(3);
    expect(dup.rank).toBe(3);
    const a = lstsqPredict(full, X), b = lstsqPredict(dup, D);
    for (let i = 0; i < n; i++) expect(b[i]).toBeCloseTo(a[i], 9);
  });
  it('exact data is fitted exactly', () => {
    const t = Float64Array.from({ length: n }, (_, i) => 2 - X.data[i * 3] + 0.5 * X.data[i * 3 + 2]);
    const m = fitLstsq(X, t);
    expect(m.intercept).toBeCloseTo(2, 10);
    [-1, 0, 0.5].forEach((w, j) => expect(m.coef[j]).toBeCloseTo(w, 9));
  });
});

describe('r2Score and meanSquaredError (hand-worked)', () => {
  it('y = [1, 2, 3], ŷ = [1, 2, 4]: MSE 1/3, R² = 1 − 1/2', () => {
    expect(meanSquaredError([1, 2, 3], [1, 2, 4])).toBeCloseTo(1 / 3, 12);
    expect(r2Score([1, 2, 3], [1, 2, 4])).toBeCloseTo(0.5, 12);
  });
  it('predicting the mean scores 0; worse than the mean is negative; constant y; empty is null', () => {
    expect(r2Score([1, 2, 3], [2, 2, 2])).toBeCloseTo(0, 12);
    expect(r2Score([1, 2, 3], [3, 2, 1])).toBeCloseTo(-3, 12);
    expect(r2Score([4, 4], [4, 4])).toBe(1);
    expect(r2Score([4, 4], [4, 5])).toBe(0);
    expect(r2Score([], [])).toBeNull();
  });
});

describe('edges (hand-worked)', () => {
  it('no rows: the MSE is null', () => {
    expect(meanSquaredError([], [])).toBeNull();
  });
  it('a negative α counts as 0: ordinary least squares', () => {
    // y = 1 + 2x exactly at x = 0, 1, 2: OLS recovers it; any real penalty would shrink the slope.
    const X: Matrix = { data: Float64Array.from([0, 1, 2]), n: 3, d: 1 };
    const m = fitLstsq(X, [1, 3, 5], { alpha: -4 });
    expect(m.coef[0]).toBeCloseTo(2, 12);
    expect(m.intercept).toBeCloseTo(1, 12);
  });
  it('ridge on one centred feature: w = Σxy / (Σx² + α), b = ȳ − x̄w', () => {
    // x = 0, 1, 2 (x̄ = 1, Σ(x − x̄)² = 2), y = 1, 3, 5 (Σ(x − x̄)(y − ȳ) = 4), α = 2: w = 4 / 4 = 1, b = 3 − 1 = 2.
    const m = fitLstsq({ data: Float64Array.from([0, 1, 2]), n: 3, d: 1 }, [1, 3, 5], { alpha: 2 });
    expect(m.coef[0]).toBeCloseTo(1, 12);
    expect(m.intercept).toBeCloseTo(2, 12);
    expect(m.rank).toBe(1);
  });
  it('without an intercept the line goes through 0', () => {
    // y = 2, 2 at x = 1, 3 (no intercept): w = Σxy / Σx² = 8 / 10.
    const m = fitLstsq({ data: Float64Array.from([1, 3]), n: 2, d: 1 }, [2, 2], { intercept: false });
    expect(m.intercept).toBe(0);
    expect(m.coef[0]).toBeCloseTo(0.8, 12);
  });
  it('fewer rows than columns: rank n, and the rows are fitted exactly', () => {
    const X: Matrix = { data: Float64Array.from([1, 2, 3, -1, 0.5, 2]), n: 2, d: 3 };
    const m = fitLstsq(X, [4, -2], { intercept: false });
    expect(m.rank).toBe(2);
    const p = lstsqPredict(m, X);
    expect(p[0]).toBeCloseTo(4, 12);
    expect(p[1]).toBeCloseTo(-2, 12);
  });
  it('all-zero X: nothing to fit, rank 0, the intercept is the mean', () => {
    const m = fitLstsq({ data: new Float64Array(6), n: 3, d: 2 }, [1, 2, 6]);
    expect(m.rank).toBe(0);
    expect(Array.from(m.coef)).toEqual([0, 0]);
    expect(m.intercept).toBeCloseTo(3, 12);
  });
  it('a dependent column at a large scale is still found (the cut-off is relative to the columns)', () => {
    // c₃ = 0.1 c₁ + 0.3 c₂ with entries ~1e6: after two reflections c₃'s remainder is rounding,
    // ~1e-10, far below 1e-11 of the column norms (~1e-5) but far above an absolute 1e-11 / 1e6.
    const rng = stream(6, 'lstsq-scale');
    const n = 10;
    const data = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      data[i * 3] = 1e6 * rng.normal();
      data[i * 3 + 1] = 1e6 * rng.normal();
      data[i * 3 + 2] = 0.1 * data[i * 3] + 0.3 * data[i * 3 + 1];
    }
    const y = Float64Array.from({ length: n }, () => rng.normal());
    const m = fitLstsq({ data, n, d: 3 }, y);
    expect(m.rank).toBe(2);
    expect(m.coef[2]).toBe(0);
  });
  it('an all-zero column is skipped (coefficient 0), the rest still fitted', () => {
    const X: Matrix = { data: Float64Array.from([0, 1, 0, 2, 0, 4]), n: 3, d: 2 };
    const m = fitLstsq(X, [3, 5, 9]);
    expect(m.rank).toBe(1);
    expect(m.coef[0]).toBe(0);
    expect(m.coef[1]).toBeCloseTo(2, 12);
    expect(m.intercept).toBeCloseTo(1, 12);
  });
});

describe('Householder sign choice', () => {
  it('a column that is almost ±e₁ keeps full accuracy: Xᵀ(y − ŷ) = 0 to rounding', () => {
    // The reflector maps the column a to −sign(a₀)‖a‖e₁ so that v = a − αe₁ adds, never cancels.
    // With the other sign, a = (∓1, 1e-7, 0, 0) gives v₀ ≈ 5e-15 from a difference of two ~1s,
    // and the normal equations fail by ~1e-9 (measured); done right they hold to ~1e-15.
    for (const a0 of [-1, 1]) {
      const data = Float64Array.from([a0, 0.3, 1e-7, 1, 0, 2, 0, -1]);
      const X: Matrix = { data, n: 4, d: 2 };
      const y = [1, 2, 3, 4];
      const p = lstsqPredict(fitLstsq(X, y, { intercept: false }), X);
      for (let j = 0; j < 2; j++) {
        let g = 0;
        for (let i = 0; i < 4; i++) g += data[i * 2 + j] * (y[i] - p[i]);
        expect(Math.abs(g), `a₀ = ${a0}, column ${j}`).toBeLessThan(1e-12);
      }
    }
  });
  it('the sign is read from the pivot entry of the current column, also past the first', () => {
    // Column 1 is e₁, so its reflector only flips row 0; column 2 is then (0.3s, s, 1e-7, 0) and
    // its pivot entry (row 1) is s. Reading any other entry (row 0 holds −0.3s) picks the
    // cancelling sign for one of s = ±1 (measured: normal equations off by ~7e-9).
    for (const sg of [-1, 1]) {
      const data = Float64Array.from([1, 0.3 * sg, 0, sg, 0, 1e-7, 0, 0]);
      const X: Matrix = { data, n: 4, d: 2 };
      const y = [1, 2, 3, 4];
      const p = lstsqPredict(fitLstsq(X, y, { intercept: false }), X);
      for (let j = 0; j < 2; j++) {
        let g = 0;
        for (let i = 0; i < 4; i++) g += data[i * 2 + j] * (y[i] - p[i]);
        expect(Math.abs(g), `s = ${sg}, column ${j}`).toBeLessThan(1e-12);
      }
    }
  });
});
