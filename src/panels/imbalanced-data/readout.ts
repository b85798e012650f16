/* The readout's rows: the numbers that matter, as text (the e2e tests read them). */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { KIND, type ImbalanceResult } from './present';
import { METHOD_LABELS, type ImbalanceParams } from './params';
import { ROW_LABELS, show } from './look';

/** What the chosen method did to the training set, in words. */
export function trainingSummary(r: ImbalanceResult): string {
  const row = r.rows.find((x) => x.key === r.method)!;
  const { kind, copies } = r.points;
  let synth = 0, removed = 0, copied = 0;
  for (let i = 0; i < kind.length; i++) {
    if (kind[i] === KIND.synthetic) synth++;
    else if (kind[i] === KIND.removed) removed++;
    else if (copies[i] > 1) copied += copies[i] - 1;
  }
  const parts = [`${row.train[0]} : ${row.train[1]}`];
  if (synth) parts.push(`${synth} synthetic`);
  if (copied) parts.push(`${copied} copies`);
  if (removed) parts.push(`${removed} removed`);
  if (r.minorityWeight !== null) parts.push(`minority weight ${fmt(r.minorityWeight, 3)}`);
  return parts.join(' · ');
}

export function readoutRows(p: ImbalanceParams, r: ImbalanceResult): ReadoutRow[] {
  const row = r.rows.find((x) => x.key === r.method)!;
  const lazy = r.rows.find((x) => x.key === 'majority')!;
  const smote = r.rows.find((x) => x.key === 'smote')!;
  const m = row.metrics, c = row.counts;
  const names = (keys: readonly string[]) => (keys.length ? keys.map((k) => ROW_LABELS[k as keyof typeof ROW_LABELS]).join(', ') : '—');
  return [
    { label: 'Training set (majority : minority)', value: `${r.train[0]} : ${r.train[1]}`, testId: 'ro-data' },
    { label: 'Test set', value: `${r.test[0]} : ${r.test[1]}`, testId: 'ro-test' },
    { label: 'Method shown', value: METHOD_LABELS[p.method], testId: 'ro-method' },
    { label: 'It trains on', value: trainingSummary(r), testId: 'ro-train' },
    { label: 'Threshold', value: fmt(p.threshold, 3), testId: 'ro-threshold' },
    { label: 'TP · FP · FN · TN', value: `${c.tp} · ${c.fp} · ${c.fn} · ${c.tn}`, testId: 'ro-counts' },
    { label: 'Precision', value: show(m.precision), testId: 'ro-precision' },
    { label: 'Recall', value: show(m.recall), testId: 'ro-recall' },
    { label: 'F1', value: show(m.f1), testId: 'ro-f1' },
    { label: 'MCC', value: show(m.mcc), testId: 'ro-mcc' },
    { label: 'Accuracy', value: show(m.accuracy), testId: 'ro-accuracy' },
    { label: 'Average precision (PR-AUC)', value: show(row.ap), testId: 'ro-ap' },
    { label: 'Always “majority”: accuracy · recall', value: `${show(lazy.metrics.accuracy)} · ${show(lazy.metrics.recall)}`, testId: 'ro-majority' },
    { label: `SMOTE, k = ${r.smoteK}: F1 · AP`, value: `${show(smote.metrics.f1)} · ${show(smote.ap)}`, testId: 'ro-smote' },
    { label: 'Best F1 · best AP', value: `${names(r.best.f1)} · ${names(r.best.ap)}`, testId: 'ro-best' },
  ];
}
