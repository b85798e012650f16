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

describe("IterativeImputer's skip_complete", () => {
  // Holes in columns 0 and 1 only; column 2 is complete. Column 0 is a noisy line in 1 and 2.
  const n = 36;
  const rows = Array.from({ length: n }, (_, i) => {
    const b = rng.normal(), c = rng.normal();
    return [i % 5 === 0 ? NaN : b - 2 * c + 0.1 * rng.normal(), i % 7 === 3 ? NaN : b, c];
  });
  const X = matrix(rows);
  // Fitted inside each test: code run while the file is collected counts for no test in mutation runs.
  const fits = () => ({ all: fitIterativeImputer(X), skip: fitIterativeImputer(X, { skipComplete: true }) });
  it('imputes the same values: a step for a complete column fills nothing', () => {
    const { all, skip } = fits();
    expect(Array.from(skip.imputed.data)).toEqual(Array.from(all.imputed.data));
    expect(skip.model.nIter).toBe(all.model.nIter);
  });
  it('fits no step for the complete column, and the same steps for the others', () => {
    const { all, skip } = fits();
    expect(all.model.steps.filter((s) => s.feat === 2)).toHaveLength(all.model.nIter);
    expect(skip.model.steps.map((s) => s.feat)).toEqual(all.model.steps.filter((s) => s.feat !== 2).map((s) => s.feat));
    expect(skip.model.steps.length).toBe(2 * skip.model.nIter);
    // "ascending": column 1 (6 holes) before column 0 (8), then the complete column 2 (0 holes) first of all.
    expect(skip.model.steps.slice(0, 2).map((s) => s.feat)).toEqual([1, 0]);
    expect(all.model.steps.slice(0, 3).map((s) => s.feat)).toEqual([2, 1, 0]);
    // Every step predicts from all the other columns, in index order.
    expect(all.model.steps.slice(0, 3).map((s) => s.from)).toEqual([[0, 1], [0, 2], [1, 2]]);
  });
  it('transform: a new row missing the complete column gets its mean (no step), not a prediction', () => {
    const { all, skip } = fits();
    const row = matrix([[1, 0.5, NaN]]);
    const mean2 = rows.reduce((a, r) => a + r[2], 0) / n;
    expect(iterativeTransform(skip.model, row).data[2]).toBeCloseTo(mean2, 12);
    expect(Math.abs(iterativeTransform(all.model, row).data[2] - mean2)).toBeGreaterThan(0.05);
  });
  it("stops at the first round whose largest row change is below tol · max |observed| (sklearn's rule), else at max_iter", () => {
    let maxAbs = 0;
    for (const r of rows) for (const v of r) if (!Number.isNaN(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
    const stopped: number[] = [];
    for (const tol of [0.1, 1e-2, 1e-3]) {
      // The rounds one by one: the imputation after `it` rounds is a fit capped at it rounds.
      let prev = fillMissing(X, simpleStatistics(X, 'mean')).data, want = 10;
      for (let it = 1; it <= 10; it++) {
        const cur = fitIterativeImputer(X, { maxIter: it, tol: 0 }).imputed.data;
        let inf = 0;
        for (let i = 0; i < n; i++) inf = Math.max(inf, [0, 1, 2].reduce((a, j) => a + Math.abs(cur[i * 3 + j] - prev[i * 3 + j]), 0));
        if (inf < tol * maxAbs) {
          want = it;
          break;
        }
        prev = cur;
      }
      stopped.push(want);
      expect(fitIterativeImputer(X, { tol }).model.nIter).toBe(want);
    }
    // The rule did stop early, at a later round for a smaller tol.
    expect(stopped[0]).toBeLessThan(10);
    expect(stopped[0]).toBeLessThan(stopped[2]);
    const two = fitIterativeImputer(X, { maxIter: 2, tol: 0 });
    expect(two.model.nIter).toBe(2);
    expect(two.model.steps).toHaveLength(6);
  });
  it('max_iter 0, or nothing observed: the mean start (0 for an empty column), no step', () => {
    const zero = fitIterativeImputer(X, { maxIter: 0 });
    expect(Array.from(zero.imputed.data)).toEqual(Array.from(fillMissing(X, simpleStatistics(X, 'mean')).data));
    expect([zero.model.nIter, zero.model.steps.length]).toEqual([0, 0]);
    const empty = fitIterativeImputer(matrix([[NaN, NaN], [NaN, NaN]]));
    expect(Array.from(empty.imputed.data)).toEqual([0, 0, 0, 0]);
    expect(empty.model.empty).toEqual([true, true]);
    expect(empty.model.steps).toHaveLength(0);
    expect(empty.model.nIter).toBe(0);
  });
  it('an empty column is filled with 0 and is neither fitted nor a predictor', () => {
    const E = matrix([[1, NaN, 2], [NaN, NaN, 3], [4, NaN, 5], [2, NaN, 1]]);
    const f = fitIterativeImputer(E, { maxIter: 3, tol: 0 });
    expect(f.model.empty).toEqual([false, true, false]);
    expect(f.model.steps.map((s) => s.feat)).toEqual([2, 0, 2, 0, 2, 0]);
    expect(f.model.steps.every((s) => !s.from.includes(1))).toBe(true);
    expect([f.imputed.data[1], f.imputed.data[4], f.imputed.data[7], f.imputed.data[10]]).toEqual([0, 0, 0, 0]);
  });
});

describe('regression imputation: least squares on the complete rows', () => {
  it('fills column 0 with the OLS prediction from columns 1 and 2 (normal equations solved by hand)', () => {
    const n = 30;
    const rows = Array.from({ length: n }, () => [rng.normal(), rng.normal(), rng.normal()]).map(([b, c, e]) => [0.5 + b - c + 0.3 * e, b, c]);
    const holes = rows.map((r, i) => (i % 6 === 0 ? [NaN, r[1], r[2]] : i % 6 === 1 ? [r[0], NaN, r[2]] : r));
    const X = matrix(holes);
    const complete = holes.filter((r) => !r.some(Number.isNaN));
    // Centred normal equations for y = col 0 on (col 1, col 2): a 2 × 2 system, Cramer's rule.
    const m = complete.length, mean = (j: number) => complete.reduce((a, r) => a + r[j], 0) / m;
    const [m0, m1, m2] = [0, 1, 2].map(mean);
    const S = (a: number, b: number, ma: number, mb: number) => complete.reduce((s, r) => s + (r[a] - ma) * (r[b] - mb), 0);
    const s11 = S(1, 1, m1, m1), s12 = S(1, 2, m1, m2), s22 = S(2, 2, m2, m2), s10 = S(1, 0, m1, m0), s20 = S(2, 0, m2, m0);
    const det = s11 * s22 - s12 * s12, w1 = (s10 * s22 - s12 * s20) / det, w2 = (s11 * s20 - s12 * s10) / det;
    const out = regressionTransform(fitRegressionImputer(X), X);
    for (let i = 0; i < n; i += 6) expect(out.data[i * 3]).toBeCloseTo(m0 + w1 * (holes[i][1] - m1) + w2 * (holes[i][2] - m2), 10);
    // A row missing column 1: its column 0 is observed, so column 1's prediction uses it as is.
    expect(out.data[1 * 3]).toBe(holes[1][0]);
  });
  it('with no complete row there is nothing to learn: every gap gets its column mean', () => {
    // Column 0 observed 1, 2, 9 (mean 4, median 2); column 1 observed 5, 7.
    const X = matrix([[1, NaN], [2, NaN], [9, NaN], [NaN, 5], [NaN, 7]]);
    const m = fitRegressionImputer(X);
    expect(m.completeRows).toBe(0);
    expect(m.fits).toEqual([null, null]);
    expect(Array.from(regressionTransform(m, X).data)).toEqual([1, 6, 2, 6, 9, 6, 4, 5, 4, 7]);
  });
});

describe('k-NN: donors at no distance are never averaged', () => {
  it('a donor sharing no coordinate counts toward k but not in the average', () => {
    // Donors of column 0: row 1 (shares nothing with row 0: NaN distance, last) and row 2 (distance √2·1).
    const out = knnImpute(matrix([[NaN, 1], [5, NaN], [3, 2]]), { k: 2 });
    expect(out.data[0]).toBe(3);
  });
});

describe('k-NN: a column with no donor', () => {
  it('is filled with 0 (keep_empty_features), the other columns as usual', () => {
    const X = matrix([[0, NaN], [1, NaN], [NaN, NaN], [5, NaN]]);
    const out = knnImpute(X, { k: 2 });
    // Row 2 shares no coordinate with a donor of column 0: the column mean (0 + 1 + 5) / 3.
    expect(Array.from(out.data)).toEqual([0, 0, 1, 0, 2, 0, 5, 0]);
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
