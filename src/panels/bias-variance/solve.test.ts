/**
 * The float64 solver against truths we did not compute: NumPy lstsq and scikit-learn Ridge
 * (../shared/oracles/reference-cases.json, key least_squares), the closed form of simple linear
 * regression, and the defining properties of the minimum-norm solution.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { designMatrix, evalPolynomial, fitAllDegrees, fitPolynomial, lstsq } from './solve';

interface Case {
  name: string;
  input: { x: number[]; y: number[]; degree: number; x_test?: number[]; alpha?: number };
  expected: { coef_increasing_powers: number[]; pred_test?: number[]; train_mse?: number };
}

function loadCases(): Case[] {
  const candidates = [
    fileURLToPath(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url)),
    `${process.cwd()}/../shared/oracles/reference-cases.json`,
  ];
  const path = candidates.find((p) => existsSync(p));
  if (!path) throw new Error(`reference-cases.json not found in ${candidates.join(', ')}`);
  return JSON.parse(readFileSync(path, 'utf8')).least_squares.cases as Case[];
}

/** |a − b| ≤ rtol·|b| + atol, element by element, with a readable failure. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol = 1e-12, what = '') {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    if (!(err <= rtol * Math.abs(expected[i]) + atol))
      throw new Error(`${what}[${i}]: got ${actual[i]}, expected ${expected[i]} (error ${err})`);
  }
}

const cases = loadCases();

describe('fitPolynomial against NumPy / scikit-learn (least_squares oracle)', () => {
  it('has the seven oracle cases', () => {
    expect(cases.length).toBe(7);
  });

  for (const c of cases.filter((c) => c.input.alpha === undefined)) {
    it(`${c.name}: monomial coefficients, test predictions and training MSE (lstsq, min-norm)`, () => {
      const { x, y, degree, x_test } = c.input;
      const fit = fitPolynomial(x, y, degree, { basis: 'monomial' });
      // float64 all along; the monomial design of degree 12 is ill conditioned (cond ≈ 1e8 here), so
      // a relative 1e-6 still leaves room for the digits both sides lose.
      expectClose(fit.coef, c.expected.coef_increasing_powers, 1e-6, 1e-9, 'coef');
      expectClose(evalPolynomial(fit.coef, x_test!, 'monomial'), c.expected.pred_test!, 1e-6, 1e-9, 'pred_test');
      // The interpolating case has train_mse ~1e-26: an absolute floor is the only sensible check.
      expectClose([fit.trainMse], [c.expected.train_mse!], 1e-6, 1e-18, 'train_mse');
      expect(fit.underdetermined).toBe(degree + 1 > x.length);
    });
  }

  for (const c of cases.filter((c) => c.input.alpha !== undefined)) {
    it(`${c.name}: ridge coefficients on monomial features (sklearn Ridge, fit_intercept=False)`, () => {
      const { x, y, degree, alpha } = c.input;
      const fit = fitPolynomial(x, y, degree, { basis: 'monomial', lambda: alpha });
      expectClose(fit.coef, c.expected.coef_increasing_powers, 1e-6, 1e-10, 'coef');
    });
  }

  it('overdetermined fits predict the same in the Legendre basis (predictions do not depend on the basis)', () => {
    for (const c of cases.filter((c) => c.input.x_test && c.input.degree + 1 <= c.input.x.length)) {
      const { x, y, degree, x_test } = c.input;
      const fit = fitPolynomial(x, y, degree, { basis: 'legendre' });
      expectClose(evalPolynomial(fit.coef, x_test!, 'legendre'), c.expected.pred_test!, 1e-8, 1e-10, c.name);
    }
  });

  it('underdetermined: minimum norm depends on the basis, the Legendre one still interpolates', () => {
    const c = cases.find((c) => c.input.degree + 1 > c.input.x.length)!;
    const { x, y, degree, x_test } = c.input;
    const fit = fitPolynomial(x, y, degree, { basis: 'legendre' });
    expect(fit.trainMse).toBeLessThan(1e-20);
    const pred = evalPolynomial(fit.coef, x_test!, 'legendre');
    // x = 1 lies far outside the data (max x ≈ 0.27): the two interpolants part ways there.
    expect(Math.abs(pred[8] - c.expected.pred_test![8])).toBeGreaterThan(1);
  });
});

describe('closed forms and minimum-norm properties', () => {
  it('degree 1 equals simple linear regression: slope = cov(x, y) / var(x), intercept = ȳ − slope·x̄', () => {
    const x = [-0.9, -0.5, -0.2, 0.1, 0.3, 0.8, 0.95];
    const y = [-1.1, -0.4, 0.05, 0.2, 0.7, 0.9, 1.6];
    const n = x.length;
    const mx = x.reduce((a, b) => a + b) / n;
    const my = y.reduce((a, b) => a + b) / n;
    let sxy = 0, sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
    }
    const slope = sxy / sxx;
    const intercept = my - slope * mx;
    expectClose(fitPolynomial(x, y, 1, { basis: 'monomial' }).coef, [intercept, slope], 1e-12, 1e-14);
    // Legendre: φ0 = 1, φ1 = √3·x.
    const leg = fitPolynomial(x, y, 1, { basis: 'legendre' }).coef;
    expectClose([leg[0], Math.sqrt(3) * leg[1]], [intercept, slope], 1e-12, 1e-14);
  });

  it('Legendre basis is orthonormal under x ~ Uniform[-1, 1] (Gauss-Legendre-free check on a fine midpoint grid)', () => {
    const M = 20000, p = 8;
    const xs = Array.from({ length: M }, (_, i) => -1 + (2 * (i + 0.5)) / M);
    const V = designMatrix(xs, p, 'legendre');
    for (let a = 0; a < p; a++)
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let i = 0; i < M; i++) s += V[i * p + a] * V[i * p + b];
        expect(s / M).toBeCloseTo(a === b ? 1 : 0, 4);
      }
  });

  it('lstsq returns the minimum-norm solution: it interpolates and lies in the row space of A', () => {
    // 4 equations, 7 unknowns, plus a rank-deficient copy (a repeated row).
    const x = [-0.8, -0.1, 0.35, 0.9];
    const A = designMatrix(x, 7, 'monomial');
    const b = [0.3, -0.2, 0.5, 1.0];
    const { x: beta, rank } = lstsq(A, 4, 7, b);
    expect(rank).toBe(4);
    for (let i = 0; i < 4; i++) {
      let s = 0;
      for (let k = 0; k < 7; k++) s += A[i * 7 + k] * beta[k];
      expect(s).toBeCloseTo(b[i], 12);
    }
    // Row space: β = Aᵀw for some w. Solve the (overdetermined) Aᵀ w ≈ β and check the residual.
    const At = new Float64Array(7 * 4);
    for (let i = 0; i < 4; i++) for (let k = 0; k < 7; k++) At[k * 4 + i] = A[i * 7 + k];
    const w = lstsq(At, 7, 4, beta).x;
    for (let k = 0; k < 7; k++) {
      let s = 0;
      for (let i = 0; i < 4; i++) s += At[k * 4 + i] * w[i];
      expect(s).toBeCloseTo(beta[k], 10);
    }
    // Rank deficient: duplicating a row changes neither the rank nor the solution.
    const A2 = designMatrix([...x, x[2]], 7, 'monomial');
    const dup = lstsq(A2, 5, 7, [...b, b[2]]);
    expect(dup.rank).toBe(4);
    expectClose(dup.x, beta, 1e-9, 1e-12, 'duplicated row');
  });

  it('fitAllDegrees (one QR for all degrees) equals fitPolynomial degree by degree', () => {
    const x = Array.from({ length: 12 }, (_, i) => Math.sin(1.7 * i + 0.3));
    const y = x.map((v) => Math.cos(3 * v) + 0.1 * Math.sin(17 * v));
    for (const lambda of [0, 1e-3]) {
      const all = fitAllDegrees(x, y, 21, { lambda, basis: 'legendre' });
      for (let d = 0; d <= 20; d++) {
        const one = fitPolynomial(x, y, d, { lambda, basis: 'legendre' });
        const grid = [-1, -0.5, 0, 0.5, 1];
        const a = evalPolynomial(all.subarray(d * 21, d * 21 + d + 1), grid, 'legendre');
        const e = evalPolynomial(one.coef, grid, 'legendre');
        const scale = Math.max(1, ...e.map(Math.abs));
        expectClose(a, e, 0, 1e-7 * scale, `λ=${lambda} degree ${d}`);
        for (let k = d + 1; k < 21; k++) expect(all[d * 21 + k]).toBe(0);
      }
    }
  });
});
