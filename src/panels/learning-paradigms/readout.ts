/** The readout rows of each mode: the key numbers as text (the step row is `ro-step`). */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { ACCENT, MUTED, TEST, TRAIN, TRUTH } from '../../lib/plot/colors';
import { classCount, N_TEST } from './data';
import type { RlView, SemiSnapshot, SupResult, UnsupResult } from './model';
import { DATASET_WORDS, plural, rate, signed } from './look';
import type { LpParams } from './params';
import { WINDOW } from './ReturnsPlot';

const WAIT = 'computing…';

const dataRow = (p: LpParams): ReadoutRow => ({
  label: 'Data',
  value: `${p.n} points · ${DATASET_WORDS[p.dataset]} · σ ${p.noise} · seed ${p.seed}`,
  testId: 'ro-data',
});

export function supervisedRows(p: LpParams, r: SupResult | null, model: string): ReadoutRow[] {
  return [
    { label: 'Training accuracy', value: r ? rate(r.trainAcc) : WAIT, testId: 'ro-train', color: TRAIN },
    { label: `Test accuracy (${N_TEST} fresh points)`, value: r ? rate(r.testAcc) : WAIT, testId: 'ro-test', color: TEST },
    { label: 'Model', value: model, testId: 'ro-model' },
    dataRow(p),
  ];
}

export function unsupervisedRows(p: LpParams, r: UnsupResult | null): ReadoutRow[] {
  return [
    { label: 'k-means: adjusted Rand index', value: r ? rate(r.km.ari) : WAIT, testId: 'ro-kmeans-ari' },
    { label: 'k-means: inertia', value: r ? r.km.inertia.toFixed(2) : WAIT, testId: 'ro-inertia' },
    { label: 'DBSCAN: adjusted Rand index', value: r ? rate(r.db.ari) : WAIT, testId: 'ro-dbscan-ari' },
    { label: 'DBSCAN: clusters, noise points', value: r ? `${plural(r.db.nClusters, 'cluster')}, ${r.db.noise} noise` : WAIT, testId: 'ro-dbscan' },
    { label: 'Hidden labels', value: `${classCount(p.dataset)} classes (used only for the scores)`, testId: 'ro-hidden' },
    dataRow(p),
  ];
}

export function semiRows(p: LpParams, v: SemiSnapshot | null): ReadoutRow[] {
  const end = v ? v.acc[v.nIter] : NaN;
  return [
    { label: 'Iteration', value: v ? String(v.iter) : WAIT, testId: 'ro-step' },
    { label: 'Accuracy on the hidden labels, now', value: v ? rate(v.acc[v.iter]) : WAIT, testId: 'ro-acc', color: ACCENT },
    {
      label: 'At the end of the run',
      value: v ? `${rate(end)} after ${plural(v.nIter, 'iteration')}${v.converged ? '' : ' (max_iter reached)'}` : WAIT,
      testId: 'ro-final',
    },
    { label: 'Nearest labelled point only (1-NN)', value: v ? rate(v.baseline) : WAIT, testId: 'ro-baseline', color: MUTED },
    {
      label: 'Labelled / hidden',
      value: v ? `${v.labelled.length} / ${v.hidden} · ${v.reached[v.iter]} of the hidden reached` : WAIT,
      testId: 'ro-labelled',
    },
    { label: 'Method', value: `label ${p.method}, RBF γ ${p.gamma}${p.method === 'spreading' ? `, α ${p.alpha}` : ''}`, testId: 'ro-method' },
    dataRow(p),
  ];
}

export function rlRows(p: LpParams, v: RlView | null): ReadoutRow[] {
  const R = v?.returns ?? new Float64Array(0);
  let recent = NaN;
  if (R.length > 0) {
    const from = Math.max(0, R.length - WINDOW);
    recent = 0;
    for (let e = from; e < R.length; e++) recent += R[e] / (R.length - from);
  }
  const moveText = !v ? WAIT : v.ended ? `episode ${v.episode + 1} ended after ${plural(v.move, 'move')}` : v.move === 0 ? 'at the start' : `${plural(v.move, 'move')} into episode ${v.episode + 1}`;
  return [
    { label: 'Episodes done', value: v ? String(v.episode) : WAIT, testId: 'ro-step' },
    { label: 'Now', value: moveText, testId: 'ro-move' },
    { label: `Reward, mean of the last ${Math.min(WINDOW, R.length) || WINDOW} episodes`, value: v ? signed(recent) : WAIT, testId: 'ro-recent', color: ACCENT },
    {
      label: 'Greedy policy vs value iteration',
      value: v ? `optimal in ${v.agree} of ${v.cellsToDecide} cells` : WAIT,
      testId: 'ro-policy',
    },
    {
      label: 'Its reward from the start (no exploring, no slip)',
      value: v ? `${v.greedyReturn === null ? 'never ends' : signed(v.greedyReturn)} (optimal ${v.optimalReturn === null ? 'never ends' : signed(v.optimalReturn)})` : WAIT,
      testId: 'ro-greedy',
      color: TRUTH,
    },
    {
      label: 'Rules',
      value: `move ${signed(p.stepReward)}, goal +1, pit −1 · ε ${p.epsilon} · learning rate ${p.lr} · discount ${p.discount} · slip ${p.slip} · seed ${p.seed}`,
      testId: 'ro-rules',
    },
  ];
}
