/* The readout's rows: the setting at once, then the numbers that matter, as text (the e2e tests read them). */
import type { ReadoutRow } from '../../lib/controls/Readout';
import type { WfHead } from './head';
import type { WfResult } from './model';
import { MODEL_LABELS, STEP_LABELS, STEPS, type WfParams } from './params';
import { hyperText, pct, share } from './look';

/** Rows that restate the controls: shown at once, before the worker answers. */
export function settingRows(p: WfParams): ReadoutRow[] {
  return [
    { label: 'Step', value: STEP_LABELS[p.step], testId: 'ro-stage' },
    { label: 'Predict · test share · folds', value: `${p.target} · ${share(p.test)} · ${p.folds}`, testId: 'ro-setting' },
  ];
}

/** `r`: the whole project, or at steps 1 and 2 its head (head.ts), which has every row shown there. */
export function readoutRows(p: WfParams, r: WfResult | WfHead | null): ReadoutRow[] {
  const rows = settingRows(p);
  if (!r) return rows;
  const at = STEPS.indexOf(p.step);
  const reached = (s: (typeof STEPS)[number]) => at >= STEPS.indexOf(s);
  rows.push(
    { label: 'Birds with a label · train · test', value: `${r.nLabelled} · ${r.train.n} · ${r.test.n}`, testId: 'ro-rows' },
    {
      label: 'Test set read before step 7',
      value: r.testReadsBefore === 0 ? 'never' : `${r.testReadsBefore} times (tuning on it)`,
      testId: 'ro-test-reads',
    },
    { label: `Baseline (${r.baseline.majority} always), cross-validated`, value: pct(r.baseline.majorityCv), testId: 'ro-baseline' },
  );
  if (!('final' in r)) return rows;
  if (reached('baseline')) rows.push({ label: 'One-split rule, cross-validated', value: pct(r.baseline.ruleCv), testId: 'ro-rule' });
  if (reached('prep')) rows.push({ label: `${MODEL_LABELS[r.final.kind]} at its default, cross-validated`, value: pct(r.journey[2].acc), testId: 'ro-default' });
  if (reached('tune'))
    rows.push({ label: `Tuned ${r.tune.name} = ${hyperText(r.final.hyper)} (by ${r.tune.by === 'cv' ? 'cross-validation' : 'test score'})`, value: pct(r.final.cv.mean), testId: 'ro-cv' });
  if (reached('evaluate')) {
    rows.push(
      { label: 'Test accuracy (baseline on test)', value: `${pct(r.final.testAcc)} (${pct(r.baseline.majorityTest)})`, testId: 'ro-test' },
    );
    if (r.final.deployedAcc !== null) rows.push({ label: 'Test accuracy once the field tag is unknown', value: pct(r.final.deployedAcc), testId: 'ro-deployed' });
  }
  if (r.optimism && reached('tune')) rows.push({ label: `Reported (best of ${r.optimism.tries} on test) vs. cross-validated`, value: `${pct(r.optimism.reported)} vs. ${pct(r.optimism.fresh)}`, testId: 'ro-optimism' });
  return rows;
}
