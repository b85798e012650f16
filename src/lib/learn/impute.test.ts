/**
 * Imputers against scikit-learn (the `imputation` reference case: SimpleImputer mean and median,
 * KNNImputer k = 2 uniform with nan_euclidean, IterativeImputer with BayesianRidge), and against
 * hand-worked truths on other inputs: the mean identities, nan_euclidean's scaling, distance
 * weighting, the regression imputer reproducing an exact linear relation.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import type { Matrix } from './api';
import { fillMissing, fitIterativeImputer, fitRegressionImputer, iterativeTransform, knnImpute, nanEuclidean, regressionTransform, simpleStatistics } from './impute';
import { bayesianRidge } from './linear';
import { matrix, referenceCases } from './reference.testutil';

interface ImputationCase {
  with_missing: (number | null)[][];
  mean: number[][];
  median: number[][];
  knn_2: number[][];
  iterative: number[][];
}
const CASE = referenceCases<{ imputation: ImputationCase }>().imputation;
const M = matrix(CASE.with_missing.map((r) => r.map((v) => (v === null ? NaN : v))));

function expectMatrix(got: Matrix, want: number[][], tol: number) {
  expect([got.n, got.d]).toEqual([want.length, want[0].length]);
  want.forEach((row, i) => row.forEach((w, j) => expect(Math.abs(got.data[i * got.d + j] - w)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(w)))));
}

describe('the imputation reference case (scikit-learn)', () => {
  it('has missing entries to impute', () => expect(M.data.some(Number.isNaN)).toBe(true));
  it('SimpleImputer(strategy="mean")', () => expectMatrix(fillMissing(M, simpleStatistics(M, 'mean')), CASE.mean, 1e-12));
  it('SimpleImputer(strategy="median")', () => expectMatrix(fillMissing(M, simpleStatistics(M, 'median')), CASE.median, 1e-12));
  it('KNNImputer(n_neighbors=2): nan_euclidean, uniform weights', () => expectMatrix(knnImpute(M, { k: 2 }), CASE.knn_2, 1e-12));
  it('IterativeImputer(max_iter=10): BayesianRidge chained regressions', () => {
    const { imputed, model } = fitIterativeImputer(M, { maxIter: 10 });
    expectMatrix(imputed, CASE.iterative, 1e-9);
    // transform on the fitted rows replays the same chain: the same values.
    expectMatrix(iterativeTransform(model, M), CASE.iterative, 1e-9);
  });
});

const rng = stream(17, 'impute-test');
const randomWithHoles = (n: number, d: number, rate: number): Matrix => {
  const data = Float64Array.from({ length: n * d }, () => rng.normal() * 2 + 1);
  for (let t = 0; t < data.length; t++) if (rng.next() < rate) data[t] = NaN;
  return { data, n, d };
};

describe('mean imputation: the mean stays, the variance shrinks (exact identities)', () => {
  for (let t = 0; t < 8; t++) {
    it(`random matrix ${t}`, () => {
      const X = randomWithHoles(20 + 10 * t, 3, 0.1 + 0.05 * t);
      const F = fillMissing(X, simpleStatistics(X, 'mean'));
      for (let j = 0; j < 3; j++) {
        const obs: number[] = [];
        for (let i = 0; i < X.n; i++) if (!Number.isNaN(X.data[i * 3 + j])) obs.push(X.data[i * 3 + j]);
        const all = Array.from({ length: X.n }, (_, i) => F.data[i * 3 + j]);
        const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
        const ss = (v: number[]) => v.reduce((a, b) => a + (b - mean(v)) ** 2, 0);
        expect(mean(all)).toBeCloseTo(mean(obs), 12);
        // Same sum of squares, spread over more rows: s²_imputed = s²_obs · (m − 1) / (n − 1).
        expect(ss(all)).toBeCloseTo(ss(obs), 10);
        const m = obs.length;
        if (m < X.n) expect(ss(all) / (X.n - 1)).toBeLessThan(ss(obs) / (m - 1));
      }
    });
  }
});

describe('nan_euclidean and k-NN weighting', () => {
  it('scales the squared distance by d / present coordinates', () => {
    const A = matrix([[1, NaN, 3], [4, 5, NaN]]);
    // Only column 0 is shared: 3 / 1 · (1 − 4)².
    expect(nanEuclidean(A, 0, A, 1)).toBeCloseTo(Math.sqrt(3 * 9), 12);
    expect(nanEuclidean(matrix([[NaN, 1]]), 0, matrix([[2, NaN]]), 0)).toBeNaN();
  });
  it('distance weights: 1/d, and a donor at distance 0 takes all the weight', () => {
    const X = matrix([[0, NaN], [1, 10], [3, 20], [0, 7]]);
    expect(knnImpute(X, { k: 2, weights: 'distance' }).data[1]).toBe(7);
    const Y = matrix([[0, NaN], [1, 10], [3, 20]]);
    // Distances √2·1 and √2·3 (one of two coordinates): weights 1 and 1/3.
    expect(knnImpute(Y, { k: 2, weights: 'distance' }).data[1]).toBeCloseTo((10 + 20 / 3) / (1 + 1 / 3), 12);
    expect(knnImpute(Y, { k: 2 }).data[1]).toBeCloseTo(15, 12);
  });
  it('a row sharing no coordinate with any donor gets the column mean', () => {
    const X = matrix([[NaN, NaN], [1, 2], [3, 4]]);
    const out = knnImpute(X, { k: 1 });
    expect([out.data[0], out.data[1]]).toEqual([2, 3]);
  });
  it('matches a full sort of every donor (ties → lower row, NaN distances last) on tied, holed data', () => {
    for (let t = 0; t < 30; t++) {
      const n = 5 + rng.int(30), d = 2 + rng.int(3), k = 1 + rng.int(6);
      const X = matrix(Array.from({ length: n }, () => Array.from({ length: d }, () => (rng.next() < 0.3 ? NaN : rng.int(3)))));
      const weights = t % 2 ? 'distance' : 'uniform';
      const got = knnImpute(X, { k, weights });
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++) {
          if (!Number.isNaN(X.data[i * d + j])) continue;
          const donors = Array.from({ length: n }, (_, r) => r).filter((r) => !Number.isNaN(X.data[r * d + j]));
          const dist = (r: number) => nanEuclidean(X, i, X, r);
          const key = (r: number) => (Number.isNaN(dist(r)) ? Infinity : dist(r));
          const near = donors.sort((a, b) => key(a) - key(b) || a - b).slice(0, k).filter((r) => !Number.isNaN(dist(r)));
          let want: number;
          if (donors.length === 0) want = 0;
          else if (near.length === 0) want = simpleStatistics(X, 'mean')[j];
          else {
            const zero = weights === 'distance' && near.some((r) => dist(r) === 0);
            const w = near.map((r) => (weights === 'uniform' ? 1 : zero ? (dist(r) === 0 ? 1 : 0) : 1 / dist(r)));
            want = near.reduce((a, r, c) => a + w[c] * X.data[r * d + j], 0) / w.reduce((a, b) => a + b, 0);
          }
          expect(got.data[i * d + j]).toBeCloseTo(want, 12);
        }
      }
    }
  });
  it('imputes new rows from the fitted donors only', () => {
    const fit = matrix([[0, 1], [10, 2]]);
    const out = knnImpute(fit, { k: 1 }, matrix([[9, NaN]]));
    expect(out.data[1]).toBe(2);
  });
});

describe('regression and iterative imputation on an exact linear relation', () => {
  const n = 40;
  const rows = Array.from({ length: n }, () => {
    const a = rng.normal(), b = rng.normal();
    return [a, b, 1 + 2 * a - b];
  });
  const truth = matrix(rows);
  const holes = rows.map((r, i) => r.map((v, j) => (j === 2 && i % 4 === 0 ? NaN : v)));
  const X = matrix(holes);
  it('regression imputation recovers the third column exactly', () => {
    const m = fitRegressionImputer(X);
    expect(m.completeRows).toBe(30);
    const out = regressionTransform(m, X);
    for (let i = 0; i < n; i += 4) expect(out.data[i * 3 + 2]).toBeCloseTo(truth.data[i * 3 + 2], 9);
  });
  it('iterative imputation gets close (BayesianRidge shrinks only a little with 30 exact rows)', () => {
    const out = fitIterativeImputer(X).imputed;
    for (let i = 0; i < n; i += 4) expect(Math.abs(out.data[i * 3 + 2] - truth.data[i * 3 + 2])).toBeLessThan(1e-3);
  });
});

describe('BayesianRidge', () => {
  it('is least squares shrunk toward 0 by λ/α, and converges', () => {
    const n = 50;
    const X: Matrix = { data: Float64Array.from({ length: n * 2 }, () => rng.normal()), n, d: 2 };
    const y = Float64Array.from({ length: n }, (_, i) => 0.5 + X.data[i * 2] - 2 * X.data[i * 2 + 1] + 0.3 * rng.normal());
    const m = bayesianRidge(X, y);
    expect(m.nIter).toBeLessThan(300);
    // The normal equations with the fitted ratio hold: (XᵀX + λ/α I) w = Xᵀy on centred data.
    const xm = [0, 1].map((j) => X.data.filter((_, t) => t % 2 === j).reduce((a, b) => a + b, 0) / n);
    const ym = y.reduce((a, b) => a + b, 0) / n;
    for (let a = 0; a < 2; a++) {
      let lhs = (m.lambda / m.alpha) * m.coef[a], rhs = 0;
      for (let i = 0; i < n; i++) {
        const ra = X.data[i * 2 + a] - xm[a];
        rhs += ra * (y[i] - ym);
        for (let b = 0; b < 2; b++) lhs += ra * (X.data[i * 2 + b] - xm[b]) * m.coef[b];
      }
      expect(lhs).toBeCloseTo(rhs, 8);
    }
    expect(m.coef[0]).toBeCloseTo(1, 0);
    expect(m.coef[1]).toBeCloseTo(-2, 0);
    expect(m.intercept).toBeCloseTo(ym - xm[0] * m.coef[0] - xm[1] * m.coef[1], 12);
  });
});
