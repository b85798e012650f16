/**
 * Binary classification metrics with scikit-learn's conventions: an example is predicted
 * positive when its score is >= the threshold; curves step through the distinct scores; tied
 * scores move together. Undefined ratios (0/0) are null, never NaN.
 * Pure: no React, no DOM. Shared by precision-recall, imbalanced-data and every panel that scores
 * a classifier (it lived in the precision-recall panel until the learners kit existed).
 */

export interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface Metrics {
  precision: number | null;
  recall: number | null;
  specificity: number | null;
  /** False positive rate FP / (FP + TN). */
  fpr: number | null;
  accuracy: number | null;
  f1: number | null;
  fbeta: number | null;
  mcc: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Confusion counts at a threshold: predicted positive when score >= threshold. */
export function confusion(y: ArrayLike<number>, s: ArrayLike<number>, threshold: number): Counts {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < y.length; i++) {
    const pos = s[i] >= threshold;
    if (y[i] === 1) {
      if (pos) tp++;
      else fn++;
    } else if (pos) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

/**
 * F-beta from counts: (1+β²)TP / ((1+β²)TP + β²FN + FP). Equal to the harmonic form
 * (1+β²)PR/(β²P+R) whenever that is defined, and still defined when only precision is 0/0.
 */
export function fbetaFromCounts(c: Counts, beta: number): number | null {
  const b2 = beta * beta;
  return ratio((1 + b2) * c.tp, (1 + b2) * c.tp + b2 * c.fn + c.fp);
}

/** Matthews correlation; null when a row or column of the confusion matrix is empty (0/0). */
export function mccFromCounts({ tp, fp, tn, fn }: Counts): number | null {
  const d = (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);
  return d > 0 ? (tp * tn - fp * fn) / Math.sqrt(d) : null;
}

export function metricsFromCounts(c: Counts, beta = 1): Metrics {
  const n = c.tp + c.fp + c.tn + c.fn;
  return {
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    specificity: ratio(c.tn, c.tn + c.fp),
    fpr: ratio(c.fp, c.tn + c.fp),
    accuracy: ratio(c.tp + c.tn, n),
    f1: fbetaFromCounts(c, 1),
    fbeta: fbetaFromCounts(c, beta),
    mcc: mccFromCounts(c),
  };
}

/**
 * sklearn's _binary_clf_curve: at each distinct score, from the highest down, the numbers of
 * positives (tps) and negatives (fps) scoring at or above it.
 */
export interface ClfCurve {
  fps: Float64Array;
  tps: Float64Array;
  /** The distinct scores, decreasing. */
  thresholds: Float64Array;
}

export function binaryClfCurve(y: ArrayLike<number>, s: ArrayLike<number>): ClfCurve {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[b] - s[a]);
  const fps: number[] = [], tps: number[] = [], thr: number[] = [];
  let tp = 0, fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (y[i] === 1) tp++;
    else fp++;
    if (k === n - 1 || s[order[k + 1]] !== s[i]) {
      tps.push(tp);
      fps.push(fp);
      thr.push(s[i]);
    }
  }
  return { fps: Float64Array.from(fps), tps: Float64Array.from(tps), thresholds: Float64Array.from(thr) };
}

/**
 * The same curve from the scores of each class sorted ascending, by merging them from the top in
 * O(n) (no comparator sort), plus the Mann-Whitney U it implies: each positive counts the
 * negatives below it and half of those tied with it.
 */
export function clfFromSorted(pos: ArrayLike<number>, neg: ArrayLike<number>): ClfCurve & { u: number } {
  const fps: number[] = [], tps: number[] = [], thr: number[] = [];
  let i = pos.length - 1, j = neg.length - 1, tp = 0, fp = 0, u = 0;
  while (i >= 0 || j >= 0) {
    const v = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
    let dp = 0, dn = 0;
    while (i >= 0 && pos[i] === v) {
      i--;
      dp++;
    }
    while (j >= 0 && neg[j] === v) {
      j--;
      dn++;
    }
    // Negatives strictly below v: those not yet passed, j + 1 of them.
    u += dp * (j + 1) + 0.5 * dp * dn;
    tp += dp;
    fp += dn;
    tps.push(tp);
    fps.push(fp);
    thr.push(v);
  }
  return { fps: Float64Array.from(fps), tps: Float64Array.from(tps), thresholds: Float64Array.from(thr), u };
}

export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** Decreasing; the first is +Infinity (nothing predicted positive). */
  thresholds: Float64Array;
}

/** sklearn's roc_curve. Null when either class is absent (a rate would be 0/0). */
export function rocCurve(y: ArrayLike<number>, s: ArrayLike<number>, dropIntermediate = true): RocCurve | null {
  return rocFromClf(binaryClfCurve(y, s), dropIntermediate);
}

export function rocFromClf(clf: ClfCurve, dropIntermediate = true): RocCurve | null {
  let { fps, tps, thresholds } = clf;
  const P = tps[tps.length - 1] ?? 0, N = fps[fps.length - 1] ?? 0;
  if (P === 0 || N === 0) return null;
  if (dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const d2f = fps[i + 1] - 2 * fps[i] + fps[i - 1];
      const d2t = tps[i + 1] - 2 * tps[i] + tps[i - 1];
      if (d2f !== 0 || d2t !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]);
    tps = Float64Array.from(keep, (i) => tps[i]);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]);
  }
  const m = fps.length + 1;
  const fpr = new Float64Array(m), tpr = new Float64Array(m), thr = new Float64Array(m);
  thr[0] = Infinity;
  for (let i = 0; i < fps.length; i++) {
    fpr[i + 1] = fps[i] / N;
    tpr[i + 1] = tps[i] / P;
    thr[i + 1] = thresholds[i];
  }
  return { fpr, tpr, thresholds: thr };
}

export interface PrCurve {
  /** Increasing thresholds; precision and recall have one more entry, the end point (P=1, R=0). */
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/** sklearn's precision_recall_curve. Null when there are no positives (recall would be 0/0). */
export function prCurve(y: ArrayLike<number>, s: ArrayLike<number>): PrCurve | null {
  return prFromClf(binaryClfCurve(y, s));
}

export function prFromClf({ fps, tps, thresholds }: ClfCurve): PrCurve | null {
  const m = tps.length;
  const P = tps[m - 1] ?? 0;
  if (P === 0) return null;
  const precision = new Float64Array(m + 1), recall = new Float64Array(m + 1), thr = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = m - 1 - k;
    // Every distinct score has at least one example at or above it, so tps + fps > 0.
    precision[k] = tps[i] / (tps[i] + fps[i]);
    recall[k] = tps[i] / P;
    thr[k] = thresholds[i];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: thr };
}

/** Area under the ROC curve by the trapezoid rule; null when a class is absent. */
export function rocAuc(y: ArrayLike<number>, s: ArrayLike<number>): number | null {
  return aucFromRoc(rocCurve(y, s, false));
}

export function aucFromRoc(r: RocCurve | null): number | null {
  if (!r) return null;
  let a = 0;
  for (let i = 1; i < r.fpr.length; i++) a += ((r.fpr[i] - r.fpr[i - 1]) * (r.tpr[i] + r.tpr[i - 1])) / 2;
  return a;
}

/** sklearn's average_precision_score: the step-wise sum of (R_n - R_(n-1)) P_n, no interpolation. */
export function averagePrecision(y: ArrayLike<number>, s: ArrayLike<number>): number | null {
  return apFromPr(prCurve(y, s));
}

export function apFromPr(c: PrCurve | null): number | null {
  if (!c) return null;
  let ap = 0;
  for (let k = 0; k < c.thresholds.length; k++) ap += (c.recall[k] - c.recall[k + 1]) * c.precision[k];
  return ap;
}

/**
 * Mann-Whitney U of the positive scores against the negative ones, from mid-ranks of the pooled
 * scores (ties share their average rank), and U / (n+ n-), the probability that a random positive
 * outscores a random negative (ties count half). Null AUC when a class is absent.
 */
export function mannWhitney(y: ArrayLike<number>, s: ArrayLike<number>): { u: number; auc: number | null; nPos: number; nNeg: number } {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s[a] - s[b]);
  let rankSumPos = 0, nPos = 0;
  for (let k = 0; k < n; ) {
    let j = k;
    while (j + 1 < n && s[order[j + 1]] === s[order[k]]) j++;
    const mid = (k + j) / 2 + 1; // ranks are 1-based
    for (let t = k; t <= j; t++) if (y[order[t]] === 1) {
      rankSumPos += mid;
      nPos++;
    }
    k = j + 1;
  }
  const nNeg = n - nPos;
  const u = rankSumPos - (nPos * (nPos + 1)) / 2;
  return { u, auc: nPos > 0 && nNeg > 0 ? u / (nPos * nNeg) : null, nPos, nNeg };
}

export interface CostOptimum {
  /** Predict positive when score >= threshold; +Infinity means predict everything negative. */
  threshold: number;
  counts: Counts;
  /** ratio · FP + FN, in units of the cost of one false negative. */
  cost: number;
}

/**
 * The threshold that minimises ratio · FP + FN over every distinct cut of the scores (and the cut
 * above all of them), where ratio = cost of a false positive / cost of a false negative. Ties go
 * to the highest threshold.
 */
export function costOptimalThreshold(y: ArrayLike<number>, s: ArrayLike<number>, ratio: number): CostOptimum {
  return costOptimumFromClf(binaryClfCurve(y, s), ratio);
}

export function costOptimumFromClf({ fps, tps, thresholds }: ClfCurve, ratio: number): CostOptimum {
  const P = tps[tps.length - 1] ?? 0, N = fps[fps.length - 1] ?? 0;
  let best = { threshold: Infinity, tp: 0, fp: 0, cost: P };
  for (let i = 0; i < fps.length; i++) {
    const cost = ratio * fps[i] + (P - tps[i]);
    if (cost < best.cost) best = { threshold: thresholds[i], tp: tps[i], fp: fps[i], cost };
  }
  return { threshold: best.threshold, counts: { tp: best.tp, fp: best.fp, tn: N - best.fp, fn: P - best.tp }, cost: best.cost };
}

/** Number of entries of an ascending array that are >= t (binary search). */
export function countAtLeast(sortedAsc: ArrayLike<number>, t: number): number {
  let lo = 0, hi = sortedAsc.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedAsc[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return sortedAsc.length - lo;
}

/** Share of predictions equal to the labels; null when there are none (0/0). */
export function accuracy(y: ArrayLike<number>, pred: ArrayLike<number>): number | null {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if (pred[i] === y[i]) ok++;
  return ratio(ok, y.length);
}

/**
 * Mean binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] of P(y = 1) = p, optionally weighted
 * (sklearn's log_loss normalises by the weights). p is clipped to [1e-15, 1 − 1e-15] so a
 * confident mistake costs a large finite amount, not Infinity. Null when there are no examples.
 */
export function logLoss(y: ArrayLike<number>, p: ArrayLike<number>, weights?: ArrayLike<number>): number | null {
  let s = 0, w = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(1 - 1e-15, Math.max(1e-15, p[i]));
    const wi = weights ? weights[i] : 1;
    s -= wi * (y[i] === 1 ? Math.log(q) : Math.log(1 - q));
    w += wi;
  }
  return ratio(s, w);
}
