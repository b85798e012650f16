/** The readout rows: every count and metric at the threshold, the areas, the cost optimum. */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import type { PrResult } from './model';
import { ACCURACY, BEST, F1, percent, PRECISION, RECALL, show, showCost, showThreshold } from './look';

export function readoutRows(r: PrResult): ReadoutRow[] {
  const c = r.current.counts, m = r.current.metrics;
  const noun = r.source === 'spam' ? 'spam' : 'positive';
  const rows: ReadoutRow[] = [
    { label: 'Threshold', value: showThreshold(r.current.threshold), testId: 'ro-threshold' },
    { label: 'Examples', value: `${r.n} (${r.nPos} ${noun}, ${percent(r.prevalence)})`, testId: 'ro-examples' },
    { label: 'True positives', value: c.tp, testId: 'ro-tp' },
    { label: 'False positives', value: c.fp, testId: 'ro-fp' },
    { label: 'True negatives', value: c.tn, testId: 'ro-tn' },
    { label: 'False negatives', value: c.fn, testId: 'ro-fn' },
    { label: 'Precision TP/(TP+FP)', value: show(m.precision), testId: 'ro-precision', color: PRECISION },
    { label: 'Recall TP/(TP+FN)', value: show(m.recall), testId: 'ro-recall', color: RECALL },
    { label: 'Specificity TN/(TN+FP)', value: show(m.specificity), testId: 'ro-specificity' },
    { label: 'Accuracy', value: show(m.accuracy), testId: 'ro-accuracy', color: ACCURACY },
    { label: 'F1', value: show(m.f1), testId: 'ro-f1', color: F1 },
    { label: `F-beta, β = ${fmt(r.beta, 3)}`, value: show(m.fbeta), testId: 'ro-fbeta' },
    { label: 'MCC', value: show(m.mcc), testId: 'ro-mcc' },
    { label: 'ROC AUC (trapezoids)', value: show(r.rocAuc, 4), testId: 'ro-auc' },
    { label: 'Mann-Whitney U / (n₊ n₋)', value: r.rankAuc === null ? 'undefined (one class)' : `${fmt(r.rankAuc, 4)} (U = ${r.mannWhitneyU})`, testId: 'ro-rank-auc' },
    { label: 'Average precision (step-wise)', value: show(r.averagePrecision, 4), testId: 'ro-ap' },
    { label: 'Cost ratio FP : FN', value: `${fmt(r.costRatio, 3)} : 1`, testId: 'ro-cost-ratio' },
    { label: 'Cost-optimal threshold', value: showThreshold(r.best.threshold), testId: 'ro-best-threshold', color: BEST },
    { label: 'Cost r·FP + FN here / at the optimum', value: `${showCost(r.current.cost)} / ${showCost(r.best.cost)}`, testId: 'ro-cost' },
    { label: 'Always “negative”: accuracy', value: show(r.allNegative.metrics.accuracy), testId: 'ro-all-negative' },
  ];
  if (r.population) {
    rows.push(
      { label: 'Population ROC AUC Φ(d′/√2)', value: fmt(r.population.auc, 4), testId: 'ro-pop-auc' },
      { label: 'Population optimum ln(r(1−π)/π)/d′', value: showThreshold(r.population.bayesThreshold), testId: 'ro-bayes' },
    );
  }
  return rows;
}
