/**
 * The downstream score without design copies: model.ts's testError(design(train rows),
 * design(test rows)) (least squares on x, y, z and, when asked, the two missing-value
 * indicators; mean squared error on the test rows) with the training design written straight
 * into fastLstsq's buffers and the test rows predicted from the filled matrix itself. The same
 * operations in the same order as design → fitLstsq → lstsqPredict → meanSquaredError, so the
 * same number to the bit (fastScore.test.ts, modelFast.test.ts).
 */
import type { Matrix } from '../../lib/learn/api';
import type { Sample } from './data';
import { designBuffers, fitBuffered, scratch } from './fastLstsq';

/**
 * The test error of least squares trained on rows [0, nTrain) of `fTr` and scored on rows
 * [nTrain, n) of `fTe`, or on the listed rows (`trainRows`, `testRows`). Each filled matrix holds
 * either all n rows or just its own set's, as model.ts's design takes them. Null when fewer than
 * two training rows or no test row (no line to fit, nothing to score).
 */
export function scoreFilled(fTr: Matrix, fTe: Matrix, s: Sample, nTrain: number, indicator: boolean, trainRows?: number[], testRows?: number[]): number | null {
  const n = s.n, p = indicator ? 5 : 3;
  const mTr = trainRows ? trainRows.length : nTrain, mTe = testRows ? testRows.length : n - nTrain;
  if (mTr < 2 || mTe === 0) return null;
  const M = designBuffers(mTr, p);
  const { cols, ys } = scratch;
  const { missX, missY, t } = s;
  const A = fTr.data, dA = fTr.d; // fTr holds all rows or just [0, nTrain): either way row r is at r
  for (let i = 0; i < mTr; i++) {
    const r = trainRows ? trainRows[i] : i;
    cols[i] = A[r * dA];
    cols[M + i] = A[r * dA + 1];
    cols[2 * M + i] = A[r * dA + 2];
    if (indicator) {
      cols[3 * M + i] = missX[r];
      cols[4 * M + i] = missY[r];
    }
    ys[i] = t[r];
  }
  const { coef, intercept } = fitBuffered(mTr, p);
  // lstsqPredict's sum (intercept, then the terms in column order), then meanSquaredError's.
  const B = fTe.data, dB = fTe.d, shift = fTe.n === n ? 0 : nTrain;
  const c0 = coef[0], c1 = coef[1], c2 = coef[2], c3 = indicator ? coef[3] : 0, c4 = indicator ? coef[4] : 0;
  let sum = 0;
  for (let i = 0; i < mTe; i++) {
    const r = testRows ? testRows[i] : nTrain + i;
    const o = (r - shift) * dB;
    let pred = intercept;
    pred += c0 * B[o];
    pred += c1 * B[o + 1];
    pred += c2 * B[o + 2];
    if (indicator) {
      pred += c3 * missX[r];
      pred += c4 * missY[r];
    }
    sum += (t[r] - pred) ** 2;
  }
  return sum / mTe;
}
