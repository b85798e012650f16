/**
 * The binary classification metrics against truths outside our code: scikit-learn's metrics on the
 * oracle cases (confusion counts, every metric, ROC and PR curves with tied scores, AUC, average
 * precision), scipy's Mann-Whitney U, a case worked by hand, random sets checked against a second
 * formula, and accuracy / log loss against their definitions. (Moved here with metrics.ts from
 * the precision-recall panel.)
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import {
  accuracy, averagePrecision, binaryClfCurve, clfFromSorted, confusion, costOptimalThreshold, countAtLeast, logLoss, mannWhitney, metricsFromCounts, prCurve, rocAuc,
  rocCurve, rocFromClf,
} from './metrics';
import { referenceCases } from './reference.testutil';

interface MetricsCase {
  name: string;
  input: { y_true: number[]; scores: number[]; threshold: number };
  expected: {
    tp: number; fp: number; tn: number; fn: number;
    precision: number; recall: number; f1: number; f2: number; accuracy: number; specificity: number | null; mcc: number;
    roc_auc: number; average_precision: number;
    roc_curve: { fpr: number[]; tpr: number[]; thresholds: number[] };
    pr_curve: { precision: number[]; recall: number[]; thresholds: number[] };
  };
}

const ORACLE = referenceCases<{
  metrics: { cases: MetricsCase[] };
  ab_test_and_ranks: { ranks: { y_true: number[]; scores: number[]; U_statistic: number; auc_from_U: number; roc_auc: number } };
}>();

const close = (a: ArrayLike<number>, b: readonly number[], tol = 1e-12) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < b.length; i++) expect(Math.abs(a[i] - b[i]), `entry ${i}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
};

describe('metrics against scikit-learn (reference-cases.json)', () => {
  const cases = ORACLE.metrics.cases;
  it('has the three cases, two of them with tied scores', () => {
    expect(cases).toHaveLength(3);
    expect(cases.filter((c) => new Set(c.input.scores).size < c.input.scores.length)).toHaveLength(2);
  });

  for (const c of cases) {
    const { y_true: y, scores: s, threshold } = c.input;
    const e = c.expected;
    it(`${c.name}: confusion counts and every metric`, () => {
      const counts = confusion(y, s, threshold);
      expect(counts).toEqual({ tp: e.tp, fp: e.fp, tn: e.tn, fn: e.fn });
      const m = metricsFromCounts(counts, 2);
      // sklearn's zero_division=0 turns an undefined ratio into 0; ours is null. None are undefined here.
      expect(m.precision).toBeCloseTo(e.precision, 12);
      expect(m.recall).toBeCloseTo(e.recall, 12);
      expect(m.f1).toBeCloseTo(e.f1, 12);
      expect(m.fbeta).toBeCloseTo(e.f2, 12);
      expect(m.accuracy).toBeCloseTo(e.accuracy, 12);
      expect(m.specificity).toBeCloseTo(e.specificity!, 12);
      expect(m.mcc).toBeCloseTo(e.mcc, 12);
    });

    it(`${c.name}: ROC curve (collinear points dropped), PR curve, AUC and average precision`, () => {
      const roc = rocCurve(y, s)!;
      close(roc.fpr, e.roc_curve.fpr);
      close(roc.tpr, e.roc_curve.tpr);
      close(Array.from(roc.thresholds, (t) => Math.min(t, 1e9)), e.roc_curve.thresholds);
      const pr = prCurve(y, s)!;
      close(pr.precision, e.pr_curve.precision);
      close(pr.recall, e.pr_curve.recall);
      close(pr.thresholds, e.pr_curve.thresholds);
      expect(rocAuc(y, s)).toBeCloseTo(e.roc_auc, 12);
      expect(averagePrecision(y, s)).toBeCloseTo(e.average_precision, 12);
    });

    it(`${c.name}: ROC AUC equals the Mann-Whitney statistic U / (n+ n-)`, () => {
      expect(mannWhitney(y, s).auc).toBeCloseTo(e.roc_auc, 12);
    });
  }

  it('Mann-Whitney U matches scipy on the ranks case (tied scores), and U / (n+ n-) its ROC AUC', () => {
    const r = ORACLE.ab_test_and_ranks.ranks;
    expect(new Set(r.scores).size).toBeLessThan(r.scores.length);
    const mw = mannWhitney(r.y_true, r.scores);
    expect(mw.u).toBeCloseTo(r.U_statistic, 12);
    expect(mw.auc).toBeCloseTo(r.auc_from_U, 12);
    expect(rocAuc(r.y_true, r.scores)).toBeCloseTo(r.roc_auc, 12);
  });
});

describe('a case worked by hand', () => {
  // y = 1 0 1 0 with scores .9 .8 .4 .4 (a tie across the classes).
  const y = [1, 0, 1, 0], s = [0.9, 0.8, 0.4, 0.4];
  it('counts and metrics at 0.5', () => {
    const c = confusion(y, s, 0.5);
    expect(c).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1 });
    expect(metricsFromCounts(c, 3)).toEqual({ precision: 0.5, recall: 0.5, specificity: 0.5, fpr: 0.5, accuracy: 0.5, f1: 0.5, fbeta: 0.5, mcc: 0 });
  });
  it('AUC counts the tied pair half: (1 + 1 + 0 + ½) / 4', () => {
    expect(rocAuc(y, s)).toBe(0.625);
    expect(mannWhitney(y, s)).toEqual({ u: 2.5, auc: 0.625, nPos: 2, nNeg: 2 });
  });
  it('AP = ½·1 + 0·½ + ½·½ (recall steps at .9 and at the tie .4)', () => {
    expect(averagePrecision(y, s)).toBe(0.75);
  });
  it('F-beta: β → 0 gives precision, large β gives recall', () => {
    const c = { tp: 3, fp: 1, tn: 5, fn: 6 }; // P = .75, R = 1/3
    expect(metricsFromCounts(c, 1e-4).fbeta).toBeCloseTo(0.75, 6);
    expect(metricsFromCounts(c, 1e4).fbeta).toBeCloseTo(1 / 3, 6);
    expect(metricsFromCounts(c).f1).toBeCloseTo((2 * 0.75 * (1 / 3)) / (0.75 + 1 / 3), 12);
  });
  it('cost-optimal cut: with FP ten times dearer only the top score is flagged; with FP cheap, all', () => {
    expect(costOptimalThreshold(y, s, 10)).toMatchObject({ threshold: 0.9, cost: 1 });
    expect(costOptimalThreshold(y, s, 0.1)).toMatchObject({ threshold: 0.4, cost: 0.2 });
    // FP cost 1.5: flag nothing costs 2, flag .9 costs 1, flag .8 and up costs 2.5.
    expect(costOptimalThreshold(y, s, 1.5).threshold).toBe(0.9);
    expect(costOptimalThreshold([0, 0], [0.3, 0.2], 1)).toMatchObject({ threshold: Infinity, cost: 0 });
  });
});

describe('ROC AUC = Mann-Whitney on random scored sets, ties included', () => {
  it('agrees to 1e-12 on 50 random sets with rounded (tied) scores', () => {
    const rng = stream(7, 'test');
    for (let k = 0; k < 50; k++) {
      const n = 5 + rng.int(200);
      const y = Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
      y[0] = 1;
      y[1] = 0;
      const digits = 1 + rng.int(3);
      const s = y.map((v) => Number((rng.normal() + v).toFixed(digits)));
      expect(rocAuc(y, s)!).toBeCloseTo(mannWhitney(y, s).auc!, 12);
      // The area does not depend on dropping collinear ROC points.
      const r = rocCurve(y, s, true)!;
      let a = 0;
      for (let i = 1; i < r.fpr.length; i++) a += ((r.fpr[i] - r.fpr[i - 1]) * (r.tpr[i] + r.tpr[i - 1])) / 2;
      expect(a).toBeCloseTo(rocAuc(y, s)!, 12);
    }
  });
});

describe('the O(n) merge of sorted classes', () => {
  it('gives the same curve as the sort of all scores, and U as the mid-rank formula, ties included', () => {
    const rng = stream(8, 'merge');
    for (let k = 0; k < 30; k++) {
      const n = 2 + rng.int(300);
      const y = Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
      const s = y.map((v) => Number((rng.normal() + v).toFixed(1 + rng.int(2))));
      const pos = Float64Array.from(s.filter((_, i) => y[i] === 1)).sort();
      const neg = Float64Array.from(s.filter((_, i) => y[i] === 0)).sort();
      const merged = clfFromSorted(pos, neg);
      const direct = binaryClfCurve(y, s);
      expect(Array.from(merged.tps)).toEqual(Array.from(direct.tps));
      expect(Array.from(merged.fps)).toEqual(Array.from(direct.fps));
      expect(Array.from(merged.thresholds, (v) => v + 0)).toEqual(Array.from(direct.thresholds, (v) => v + 0)); // -0 and 0 are one score
      expect(merged.u).toBeCloseTo(mannWhitney(y, s).u, 9);
    }
  });
});

describe('accuracy and log loss', () => {
  it('accuracy is the share of matches, null with no examples, and agrees with the confusion counts', () => {
    expect(accuracy([1, 0, 1, 1], [1, 1, 1, 0])).toBe(0.5);
    expect(accuracy([], [])).toBeNull();
    const rng = stream(11, 'accuracy');
    for (let k = 0; k < 20; k++) {
      const n = 1 + rng.int(100);
      const y = Array.from({ length: n }, () => rng.int(2));
      const s = Array.from({ length: n }, () => rng.next());
      const c = confusion(y, s, 0.5);
      expect(accuracy(y, s.map((v) => (v >= 0.5 ? 1 : 0)))).toBeCloseTo(metricsFromCounts(c).accuracy!, 14);
    }
  });

  it('log loss: a hand-worked case, weights = repetition, and confident mistakes stay finite', () => {
    // −(ln .8 + ln .6 + ln .9) / 3 for y = 1 0 1, p = .8 .4 .9.
    expect(logLoss([1, 0, 1], [0.8, 0.4, 0.9])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6) + Math.log(0.9)) / 3, 14);
    expect(logLoss([1, 0, 1], [0.8, 0.4, 0.9], [2, 1, 1])).toBeCloseTo(logLoss([1, 1, 0, 1], [0.8, 0.8, 0.4, 0.9])!, 14);
    const worst = logLoss([1, 0], [0, 1])!;
    expect(Number.isFinite(worst)).toBe(true);
    expect(worst).toBeGreaterThan(30);
    expect(logLoss([], [])).toBeNull();
  });
});

describe('edges that decide null, ties and the rare branches (worked by hand)', () => {
  it('a score equal to the threshold is predicted positive', () => {
    expect(confusion([1, 0, 1], [0.5, 0.5, 0.49], 0.5)).toEqual({ tp: 1, fp: 1, tn: 0, fn: 1 });
  });

  it('asymmetric counts: every metric from its definition', () => {
    // TP 3, FP 1, TN 5, FN 6: P = 3/4, R = 3/9, specificity 5/6, FPR 1/6, accuracy 8/15,
    // F1 = 2·3 / (2·3 + 6 + 1), F2 = 5·3 / (5·3 + 4·6 + 1), MCC = (3·5 − 1·6) / √(4·9·6·11).
    const m = metricsFromCounts({ tp: 3, fp: 1, tn: 5, fn: 6 }, 2);
    expect(m.precision).toBeCloseTo(3 / 4, 14);
    expect(m.recall).toBeCloseTo(1 / 3, 14);
    expect(m.specificity).toBeCloseTo(5 / 6, 14);
    expect(m.fpr).toBeCloseTo(1 / 6, 14);
    expect(m.accuracy).toBeCloseTo(8 / 15, 14);
    expect(m.f1).toBeCloseTo(6 / 13, 14);
    expect(m.fbeta).toBeCloseTo(15 / 40, 14);
    expect(m.mcc).toBeCloseTo(9 / Math.sqrt(2376), 14);
  });

  it('0/0 is null, never NaN; F-beta stays defined when only precision is 0/0', () => {
    // Nothing predicted positive, two positives missed: precision 0/0, recall 0, F 0/(0 + β²·2 + 0) = 0.
    const m = metricsFromCounts({ tp: 0, fp: 0, tn: 3, fn: 2 });
    expect(m).toEqual({ precision: null, recall: 0, specificity: 1, fpr: 0, accuracy: 0.6, f1: 0, fbeta: 0, mcc: null });
    const empty = metricsFromCounts({ tp: 0, fp: 0, tn: 0, fn: 0 });
    expect(Object.values(empty).every((v) => v === null)).toBe(true);
  });

  it('curves and areas are null when a class is absent, and for no examples', () => {
    expect(rocCurve([1, 1], [0.2, 0.7])).toBeNull();
    expect(rocCurve([0, 0], [0.2, 0.7])).toBeNull();
    expect(rocCurve([], [])).toBeNull();
    expect(rocAuc([0, 0], [0.2, 0.7])).toBeNull();
    expect(prCurve([0, 0], [0.2, 0.7])).toBeNull();
    expect(prCurve([], [])).toBeNull();
    expect(averagePrecision([0, 0], [0.2, 0.7])).toBeNull();
    // Only positives: the PR curve exists (precision 1 everywhere), AP = 1; the ROC does not.
    const pr = prCurve([1, 1], [0.2, 0.7])!;
    expect(Array.from(pr.precision)).toEqual([1, 1, 1]);
    expect(Array.from(pr.recall)).toEqual([1, 0.5, 0]);
    expect(Array.from(pr.thresholds)).toEqual([0.2, 0.7]);
    expect(averagePrecision([1, 1], [0.2, 0.7])).toBe(1);
    expect(mannWhitney([1, 1], [0.2, 0.7])).toEqual({ u: 0, auc: null, nPos: 2, nNeg: 0 });
    expect(mannWhitney([0, 0], [0.2, 0.7])).toEqual({ u: 0, auc: null, nPos: 0, nNeg: 2 });
  });

  it('ROC: collinear points are dropped, corners kept; without dropping, every distinct score is a point', () => {
    // y 1 1 0 0 with scores 4 3 2 1: the ROC goes (0,0) → (0,½) → (0,1) → (½,1) → (1,1);
    // (0,½) and (½,1) lie on straight runs.
    const y = [1, 1, 0, 0], s = [4, 3, 2, 1];
    const all = rocCurve(y, s, false)!;
    expect(Array.from(all.fpr)).toEqual([0, 0, 0, 0.5, 1]);
    expect(Array.from(all.tpr)).toEqual([0, 0.5, 1, 1, 1]);
    expect(Array.from(all.thresholds)).toEqual([Infinity, 4, 3, 2, 1]);
    const kept = rocCurve(y, s)!;
    expect(Array.from(kept.fpr)).toEqual([0, 0, 0, 1]);
    expect(Array.from(kept.tpr)).toEqual([0, 0.5, 1, 1]);
    expect(Array.from(kept.thresholds)).toEqual([Infinity, 4, 3, 1]);
    // A point is kept when either coordinate bends (sklearn: diff(fps, 2) OR diff(tps, 2)).
    // y 1 1 0 1, scores 3 2 2 1: (0,⅓) → (1,⅔) across the tie → (1,1): only the FPR bends at (1,⅔).
    const bend = rocCurve([1, 1, 0, 1], [3, 2, 2, 1])!;
    expect(Array.from(bend.thresholds)).toEqual([Infinity, 3, 2, 1]);
    expect(Array.from(bend.fpr)).toEqual([0, 0, 1, 1]);
    // rocFromClf drops by default, as rocCurve does.
    const fromClf = rocFromClf(binaryClfCurve(y, s))!;
    expect(Array.from(fromClf.thresholds)).toEqual([Infinity, 4, 3, 1]);
    // One distinct score shared by both classes: the curve is (0,0) → (1,1), nothing to drop or repeat.
    const one = rocCurve([1, 0], [0.5, 0.5])!;
    expect([Array.from(one.fpr), Array.from(one.tpr), Array.from(one.thresholds)]).toEqual([[0, 1], [0, 1], [Infinity, 0.5]]);
  });

  it('the cost-optimal cut breaks ties toward the highest threshold', () => {
    // y 1 0 1, scores .9 .8 .7, FP cost = FN cost: flag none 2, flag ≥ .9 1, ≥ .8 2, ≥ .7 1.
    expect(costOptimalThreshold([1, 0, 1], [0.9, 0.8, 0.7], 1)).toEqual({ threshold: 0.9, counts: { tp: 1, fp: 0, tn: 1, fn: 1 }, cost: 1 });
    // FP cost 0.1: flag all four of y 1 0 1 0 (cost 0.2); the counts follow the cut.
    expect(costOptimalThreshold([1, 0, 1, 0], [0.9, 0.8, 0.4, 0.4], 0.1).counts).toEqual({ tp: 2, fp: 2, tn: 0, fn: 0 });
    // No examples: flag nothing at no cost.
    expect(costOptimalThreshold([], [], 1)).toEqual({ threshold: Infinity, counts: { tp: 0, fp: 0, tn: 0, fn: 0 }, cost: 0 });
  });

  it('countAtLeast: how many of a sorted array are ≥ t', () => {
    const a = [1, 2, 2, 3, 5];
    expect([0, 1, 1.5, 2, 2.5, 3, 5, 6].map((t) => countAtLeast(a, t))).toEqual([5, 5, 4, 4, 2, 2, 1, 0]);
    expect(countAtLeast([], 1)).toBe(0);
  });

  it('the sorted merge with one class empty', () => {
    const onlyNeg = clfFromSorted([], [0.1, 0.3, 0.3]);
    expect([Array.from(onlyNeg.tps), Array.from(onlyNeg.fps), Array.from(onlyNeg.thresholds), onlyNeg.u]).toEqual([[0, 0], [2, 3], [0.3, 0.1], 0]);
    const onlyPos = clfFromSorted([0.2, 0.4], []);
    expect([Array.from(onlyPos.tps), Array.from(onlyPos.fps), Array.from(onlyPos.thresholds), onlyPos.u]).toEqual([[1, 2], [0, 0], [0.4, 0.2], 0]);
    // Interleaved with a tie: pos .2 .5, neg .1 .5 → U = (1 below .2) + (1 below .5 + ½ tie) = 2.5.
    const mixed = clfFromSorted([0.2, 0.5], [0.1, 0.5]);
    expect([Array.from(mixed.tps), Array.from(mixed.fps), Array.from(mixed.thresholds), mixed.u]).toEqual([[1, 2, 2], [1, 1, 2], [0.5, 0.2, 0.1], 2.5]);
  });

  it('log loss clips p to [1e-15, 1 − 1e-15] and is normalised by the weights', () => {
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 10);
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1 - (1 - 1e-15)), 6);
    expect(logLoss([1, 0], [0.5, 0.25], [3, 1])).toBeCloseTo((3 * Math.log(2) - Math.log(0.75)) / 4, 14);
  });
});
