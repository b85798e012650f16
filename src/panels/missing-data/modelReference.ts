/**
 * One data set's analysis, the reference way: every imputer fitted by the kit as scikit-learn
 * would (impute.ts: four k-NN fits, every iterative step), each downstream error on copied
 * designs. Pure: no React, no DOM. The study runs the fast path (modelDraw.ts); this one is what
 * it must equal to the bit (modelFast.test.ts), and model.test.ts checks it against scikit-learn's
 * definitions.
 */
import type { Matrix } from '../../lib/learn/api';
import { fillMissing, fitIterativeImputer, fitRegressionImputer, iterativeTransform, knnImpute, regressionTransform, simpleStatistics } from '../../lib/learn/impute';
import { fitLstsq, lstsqPredict, meanSquaredError } from '../../lib/learn/lstsq';
import type { Sample } from './data';
import { drawStart, estimates, type DrawResult } from './modelDraw';
import { METHODS, type Method } from './params';

/**
 * The rows of `apply` filled by `method`'s imputer learned from `fit` (same columns). `skip`:
 * the iterative imputer fits no step for a column with nothing missing (z, t here), which fills
 * nothing in these data, where z and t are always observed; false: sklearn's default, every step.
 */
export function impute(method: Exclude<Method, 'drop'>, fit: Matrix, apply: Matrix, k: number, skip = true): Matrix {
  switch (method) {
    case 'mean':
    case 'median':
      return fillMissing(apply, simpleStatistics(fit, method));
    case 'regression':
      return regressionTransform(fitRegressionImputer(fit), apply);
    case 'knn':
      return knnImpute(fit, { k }, apply);
    case 'iterative': {
      const f = fitIterativeImputer(fit, { skipComplete: skip });
      return fit === apply ? f.imputed : iterativeTransform(f.model, apply);
    }
  }
}

/** The training rows filled by `method`'s imputer learned from them, and the test rows filled by the same imputer (fitted once). */
export function imputeSplit(method: Exclude<Method, 'drop'>, train: Matrix, test: Matrix, k: number, skip = true): [Matrix, Matrix] {
  switch (method) {
    case 'mean':
    case 'median': {
      const stats = simpleStatistics(train, method);
      return [fillMissing(train, stats), fillMissing(test, stats)];
    }
    case 'regression': {
      const m = fitRegressionImputer(train);
      return [regressionTransform(m, train), regressionTransform(m, test)];
    }
    case 'knn':
      return [knnImpute(train, { k }), knnImpute(train, { k }, test)];
    case 'iterative': {
      const f = fitIterativeImputer(train, { skipComplete: skip });
      return [f.imputed, iterativeTransform(f.model, test)];
    }
  }
}

/** The downstream design: columns 0..2 of the filled matrix, plus indicators, for rows [from, to). */
function design(filled: Matrix, s: Sample, from: number, to: number, indicator: boolean, rows?: number[]): { X: Matrix; t: Float64Array } {
  const m = rows ? rows.length : to - from;
  const d = indicator ? 5 : 3;
  const X: Matrix = { data: new Float64Array(m * d), n: m, d };
  const t = new Float64Array(m);
  const shift = filled.n === s.n ? 0 : from; // filled holds either all rows or just [from, to)
  for (let i = 0; i < m; i++) {
    const r = rows ? rows[i] : from + i;
    const fr = r - shift;
    for (let j = 0; j < 3; j++) X.data[i * d + j] = filled.data[fr * filled.d + j];
    if (indicator) {
      X.data[i * d + 3] = s.missX[r];
      X.data[i * d + 4] = s.missY[r];
    }
    t[i] = s.t[r];
  }
  return { X, t };
}

/**
 * The downstream test error, the plain way: the training design from `fTr` and the test design
 * from `fTe` (each all rows or just its own; or the listed rows), least squares, its mean squared
 * error. The fast path's scoreFilled (fastScore.ts) gives the same bits.
 */
export function plainScore(fTr: Matrix, fTe: Matrix, s: Sample, nTrain: number, indicator: boolean, trainRows?: number[], testRows?: number[]): number | null {
  const a = design(fTr, s, 0, nTrain, indicator, trainRows), b = design(fTe, s, nTrain, s.n, indicator, testRows);
  if (a.X.n < 2 || b.X.n === 0) return null;
  return meanSquaredError(b.t, lstsqPredict(fitLstsq(a.X, a.t), b.X));
}

/** One data set's analysis with every imputer fitted by the kit, every iterative step included (skip false). */
export function analyseDrawReference(s: Sample, k: number, indicator: boolean): DrawResult {
  const { nTrain, all, train, test, table, est, after, before, filled } = drawStart(s, indicator, plainScore);
  for (const m of METHODS) {
    if (m === 'drop') continue;
    const f = impute(m, all, all, k, false);
    filled[m] = f;
    est[m] = estimates(f);
    const [fTr, fTe] = imputeSplit(m, train, test, k, false);
    after[m] = plainScore(fTr, fTe, s, nTrain, indicator);
    const leaky = impute(m, table, table, k, false);
    before[m] = plainScore(leaky, leaky, s, nTrain, indicator);
  }
  return { est, after, before, filled };
}
