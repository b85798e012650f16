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

  it('logisticProba is σ(w·x + b)', () => {
    const m: LogisticModel = { coef: Float64Array.of(2, -1), intercept: 0.5, iterations: 0, converged: true };
    const p = logisticProba(m, matrix([[1, 1], [0, 0], [-300, 0]]));
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 15);
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 15);
    expect(Number.isNaN(p[2])).toBe(false); // no NaN far out
    expect(p[2]).toBeLessThan(1e-200);
  });
});
