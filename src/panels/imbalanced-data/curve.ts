/**
 * The kit's prCurve (lib/learn/metrics) with the same numbers, by a cheaper sort: each class's
 * scores sorted as a typed array (numeric order, no comparator call per comparison) and merged
 * from the top (the kit's clfFromSorted), where binaryClfCurve sorts an index array with a
 * comparator. fitAll draws seven curves over the whole test set (4,200 rows at the defaults) at
 * every setting of the imbalance, the overlap or k. Pure.
 *
 * Same curve: both list the distinct scores from the top with the positives and negatives scoring
 * at or above each. For finite scores a − b = 0 only when a = b, so the comparator orders them
 * totally, and equal finite scores other than ±0 have the same bits, so each threshold is the same
 * double. NaN, ±∞ and −0 (none of which a logistic probability here takes) go to the kit's own
 * function, where the two sorts could differ.
 */
import { clfFromSorted, prCurve, prFromClf, type PrCurve } from '../../lib/learn/metrics';

export function prCurveSorted(y: ArrayLike<number>, s: ArrayLike<number>): PrCurve | null {
  let nPos = 0;
  for (let i = 0; i < y.length; i++) {
    const v = s[i];
    if (!Number.isFinite(v) || Object.is(v, -0)) return prCurve(y, s);
    if (y[i] === 1) nPos++;
  }
  // binaryClfCurve counts a row as positive when its label is 1 and as negative otherwise.
  const pos = new Float64Array(nPos), neg = new Float64Array(y.length - nPos);
  for (let i = 0, a = 0, b = 0; i < y.length; i++) {
    if (y[i] === 1) pos[a++] = s[i];
    else neg[b++] = s[i];
  }
  pos.sort();
  neg.sort();
  return prFromClf(clfFromSorted(pos, neg));
}
