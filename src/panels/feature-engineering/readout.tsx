/** The readout rows: both sides' columns and scores, the case's key facts, and the settings. */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import type { FeResult } from './model';
import { CASE_LABELS, type FeParams } from './params';
import { FOLDS } from './model';
import { K_NN } from './scaling';
import { NOISE_SCALE, N_TEST } from './data';
import { score, stepsText } from './look';
import { WAGES_SOURCE } from './wagesData';

const WAIT = 'computing…';

const cols = (f: string[]) => (f.length <= 3 ? f.join(', ') : `${f.length} columns: ${f.slice(0, 3).join(', ')}, …`);

function caseRows(p: FeParams, r: FeResult | null): ReadoutRow[] {
  const f = r?.facts;
  switch (p.case) {
    case 'log':
      return [{ label: `Skewness of x (σ of ln x = ${fmt(p.skew, 3)})`, value: f ? `${fmt(f.skewRaw, 3)} raw → ${fmt(f.skewLog, 3)} after ln` : WAIT, testId: 'ro-skew' }];
    case 'hour':
      return [
        { label: 'Distance 23:00 to 01:00', value: f ? `raw ${f.raw23to1} h → ${fmt(f.circle23to1, 3)} on the circle` : WAIT, testId: 'ro-hour-near' },
        { label: 'Distance 23:00 to 20:00', value: f ? `raw ${f.raw23to20} h → ${fmt(f.circle23to20, 3)} on the circle` : WAIT, testId: 'ro-hour-far' },
      ];
    case 'binning':
      return [{ label: `Bins (${p.bins} asked, ${p.strategy})`, value: f ? `${f.bins} bins, ${f.binsWithPoints} with training points` : WAIT, testId: 'ro-bins' }];
    case 'scaling':
      return [
        { label: `Neighbours of ★ kept by scaling`, value: f ? `${f.shared} of ${K_NN}` : WAIT, testId: 'ro-neighbours' },
        { label: 'Gradient descent steps', value: r?.kind === 'scaling' ? `${stepsText(r.gdBefore.steps, r.gdBefore.converged)} raw → ${stepsText(r.gdAfter.steps, r.gdAfter.converged)} scaled` : WAIT, testId: 'ro-steps' },
      ];
    case 'circles':
    case 'poly':
      return [{ label: p.case === 'poly' ? `Columns at degree ${p.degree}` : 'Columns', value: f ? `${r!.before.features.length} → ${f.columns} (plus the intercept)` : WAIT, testId: 'ro-columns' }];
    case 'category':
      return [{ label: 'Categories', value: f ? `${f.categories} occupations; the label-coded slope is ${fmt(f.slope, 3)} per code` : WAIT, testId: 'ro-categories' }];
  }
}

function dataText(p: FeParams): string {
  if (p.case === 'category') return `${WAGES_SOURCE}; ${FOLDS}-fold CV, seed ${p.seed}`;
  const extra = p.case === 'scaling' ? `feature 2 scale ×${fmt(p.spread, 3)}, ${p.scaler} scaler · ` : '';
  return `${extra}${p.n} training points, scored on ${N_TEST} fresh ones · noise ${fmt(p.noise * NOISE_SCALE[p.case], 3)} · seed ${p.seed}`;
}

/** `r` must be the result for these params (else null: the numbers say they are coming). */
export function readoutRows(p: FeParams, r: FeResult | null): ReadoutRow[] {
  const gain = r && r.before.score !== null && r.after.score !== null ? r.after.score - r.before.score : null;
  return [
    { label: 'Case', value: CASE_LABELS[p.case], testId: 'ro-case' },
    { label: `Before (${r?.scoreName ?? 'score'})`, value: r ? `${score(r.before.score)} on ${cols(r.before.features)}` : WAIT, testId: 'ro-before' },
    { label: `After (${r?.scoreName ?? 'score'})`, value: r ? `${score(r.after.score)} on ${cols(r.after.features)}` : WAIT, testId: 'ro-after' },
    { label: 'After − before', value: gain === null ? (r ? '—' : WAIT) : `${gain >= 0 ? '+' : '−'}${fmt(Math.abs(gain), 3)}`, testId: 'ro-gain' },
    ...caseRows(p, r),
    { label: 'Data', value: dataText(p), testId: 'ro-data' },
  ];
}
