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
    expect(r2Score([], [])).toBeNull();
  });
});
