/* The readout's rows: the setting at once, then the numbers that matter, as text (the e2e tests read them). */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import type { StudyResult } from './model';
import { MECHANISM_LABELS, METHOD_LABELS, type MissingParams } from './params';
import { percent, pm, show } from './look';

/** Rows that restate the controls: shown at once, before the worker answers. */
export function settingRows(p: MissingParams): ReadoutRow[] {
  return [
    { label: 'Mechanism · missing rate', value: `${p.mechanism.toUpperCase()} · ${percent(p.rate)}`, testId: 'ro-setting' },
    { label: 'Imputation shown', value: p.method === 'knn' ? `${METHOD_LABELS.knn} (k = ${p.k})` : METHOD_LABELS[p.method], testId: 'ro-method' },
    { label: 'Imputer fitted', value: p.split === 'after' ? 'after the split (training rows)' : 'before the split (whole table)', testId: 'ro-split' },
  ];
}

export function readoutRows(p: MissingParams, r: StudyResult | null): ReadoutRow[] {
  const rows = settingRows(p);
  if (!r) return rows;
  const row = r.rows.find((x) => x.key === p.method)!;
  const observed = r.rows.find((x) => x.key === 'mean')!;
  const mse = p.split === 'after' ? row.mseAfter : row.mseBefore;
  // The k slider moves only k-NN's numbers: with another method shown, one k-NN row says what k did.
  const knn = p.method === 'knn' ? null : r.rows.find((x) => x.key === 'knn');
  return [
    ...rows,
    { label: 'Missing, on average: x · y · rows with a gap', value: `${percent(r.share.x)} · ${percent(r.share.y)} · ${percent(r.share.rows)}`, testId: 'ro-share' },
    { label: `Mean of y (truth 0), ${r.input.draws} data sets`, value: pm(row.meanY.mean, row.meanY.sd), testId: 'ro-mean' },
    { label: 'Variance of y (truth 1)', value: pm(row.varY.mean, row.varY.sd), testId: 'ro-var' },
    { label: `corr(x, y) (truth ${fmt(r.truth.corr, 3)})`, value: pm(row.corr.mean, row.corr.sd), testId: 'ro-corr' },
    ...(knn ? [{ label: `k-NN with k = ${p.k}: corr(x, y)`, value: pm(knn.corr.mean, knn.corr.sd), testId: 'ro-knn' }] : []),
    // Mean imputation's mean of y is exactly the mean of the observed y values (an identity).
    { label: 'Mean of the observed y values', value: show(observed.meanY.mean), testId: 'ro-observed' },
    { label: `Test MSE${p.indicator ? ', with indicators' : ''}`, value: pm(mse.mean, mse.sd), testId: 'ro-mse' },
    { label: 'Leak: honest − leaky test MSE', value: `${show(row.leak.mean)} (honest ${show(row.mseAfter.mean)}, leaky ${show(row.mseBefore.mean)})`, testId: 'ro-leak' },
  ];
}

export const mechanismText = (p: MissingParams) => MECHANISM_LABELS[p.mechanism];
