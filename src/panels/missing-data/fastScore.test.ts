/**
 * The copy-free least squares (fastLstsq.ts) and downstream score (fastScore.ts) against the
 * kit's fitLstsq / lstsqPredict / meanSquaredError on copied designs, equal to the bit: study
 * data with and without indicators, row lists, and the edges (fewer rows than columns, a constant
 * or repeated column, two training rows, no test row).
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../lib/learn/api';
import { fitLstsq, lstsqPredict, meanSquaredError } from '../../lib/learn/lstsq';
import { drawSample, TEST_SHARE, type Sample } from './data';
import { designBuffers, fitBuffered, scratch } from './fastLstsq';
import { scoreFilled } from './fastScore';
import { features } from './model';
import { fitRegressionXY, regressionFill } from './fastFills';

/** fitLstsq of a row-major design through the buffers. */
function buffered(X: Matrix, y: Float64Array) {
  const M = designBuffers(X.n, X.d);
  for (let i = 0; i < X.n; i++) {
    for (let j = 0; j < X.d; j++) scratch.cols[j * M + i] = X.data[i * X.d + j];
    scratch.ys[i] = y[i];
  }
  return fitBuffered(X.n, X.d);
}

/** The plain score: copied designs (x, y, z and the indicators), the kit's fit, prediction and error. */
function plain(fTr: Matrix, fTe: Matrix, s: Sample, nTrain: number, indicator: boolean, trainRows?: number[], testRows?: number[]): number | null {
  const d = indicator ? 5 : 3;
  const design = (F: Matrix, rows: number[]) => {
    const shift = F.n === s.n ? 0 : rows[0] >= nTrain && !testRows ? nTrain : 0;
    const X: Matrix = { data: new Float64Array(rows.length * d), n: rows.length, d };
    rows.forEach((r, i) => {
      for (let j = 0; j < 3; j++) X.data[i * d + j] = F.data[(r - shift) * F.d + j];
      if (indicator) {
        X.data[i * d + 3] = s.missX[r];
        X.data[i * d + 4] = s.missY[r];
      }
    });
    return { X, t: Float64Array.from(rows, (r) => s.t[r]) };
  };
  const a = design(fTr, trainRows ?? Array.from({ length: nTrain }, (_, i) => i));
  const b = design(fTe, testRows ?? Array.from({ length: s.n - nTrain }, (_, i) => nTrain + i));
  if (a.X.n < 2 || b.X.n === 0) return null;
  return meanSquaredError(b.t, lstsqPredict(fitLstsq(a.X, a.t), b.X));
}

describe('least squares in reused column-major buffers equals the kit, to the bit', () => {
  const rnd = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  it('random designs, tall and short (fewer rows than columns), one to five columns', () => {
    const r = rnd(3);
    for (const [n, p] of [[50, 3], [7, 5], [3, 5], [2, 3], [1, 2], [200, 5], [12, 1]]) {
      const X: Matrix = { data: Float64Array.from({ length: n * p }, r), n, d: p };
      const y = Float64Array.from({ length: n }, r);
      const want = fitLstsq(X, y), got = buffered(X, y);
      expect(Array.from(got.coef)).toEqual(Array.from(want.coef));
      expect(got.intercept).toBe(want.intercept);
    }
  });
  it('a constant column and a repeated column (skipped pivots), after a larger design', () => {
    const r = rnd(8), n = 30;
    const X: Matrix = { data: new Float64Array(n * 4), n, d: 4 };
    for (let i = 0; i < n; i++) {
      const a = r(), b = r();
      X.data.set([a, 1, b, a], i * 4);
    }
    const y = Float64Array.from({ length: n }, r);
    const want = fitLstsq(X, y), got = buffered(X, y);
    expect(want.rank).toBe(2);
    expect(Array.from(got.coef)).toEqual(Array.from(want.coef));
    expect(got.intercept).toBe(want.intercept);
  });
});

describe('the downstream score equals the plain one, to the bit', () => {
  const cases: [number, number, number, number, 'mcar' | 'mar' | 'mnar', number][] = [
    [7, 0, 200, 0.6, 'mar', 0.3],
    [3, 2, 60, -0.9, 'mnar', 0.6],
    [11, 1, 90, 0.2, 'mcar', 0.45],
    [4, 0, 50, 0.3, 'mar', 0], // nothing missing: the indicator columns are all 0
    [9, 5, 40, 0.9, 'mnar', 0.6],
  ];
  for (const [seed, draw, n, rho, mech, rate] of cases) {
    it(`${mech} ${rate} n ${n}`, () => {
      const s = drawSample(seed, draw, n, rho, mech, rate), nTrain = n - Math.round(TEST_SHARE * n);
      const all = features(s), st = fitRegressionXY(features(s, 0, nTrain));
      const fTr = regressionFill(st, features(s, 0, nTrain)), fTe = regressionFill(st, features(s, nTrain, n)), f = regressionFill(fitRegressionXY(all), all);
      const complete = Array.from({ length: n }, (_, i) => i).filter((i) => !s.missX[i] && !s.missY[i]);
      for (const indicator of [false, true]) {
        const got = [scoreFilled(fTr, fTe, s, nTrain, indicator), scoreFilled(f, f, s, nTrain, indicator), scoreFilled(all, all, s, nTrain, indicator, complete.filter((i) => i < nTrain), complete.filter((i) => i >= nTrain))];
        const want = [plain(fTr, fTe, s, nTrain, indicator), plain(f, f, s, nTrain, indicator), plain(all, all, s, nTrain, indicator, complete.filter((i) => i < nTrain), complete.filter((i) => i >= nTrain))];
        expect(got).toEqual(want);
        expect(got[0]).not.toBeNull();
      }
    });
  }
  it('two training rows: a score; one: none; no test row: none', () => {
    const s = drawSample(5, 0, 30, 0.5, 'mar', 0.3), nTrain = 21, all = features(s);
    for (const indicator of [false, true]) {
      const two = scoreFilled(all, all, s, nTrain, indicator, [0, 3], [22, 25]);
      expect(two).toEqual(plain(all, all, s, nTrain, indicator, [0, 3], [22, 25]));
      expect(two).not.toBeNull();
      expect(scoreFilled(all, all, s, nTrain, indicator, [4], [22])).toBeNull();
      expect(scoreFilled(all, all, s, nTrain, indicator, [0, 1, 2], [])).toBeNull();
    }
  });
});
