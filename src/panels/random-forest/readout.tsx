/** The readout rows: the forest's errors, the picked tree, the importances, and the settings. */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { featureName, N_TEST } from './data';
import type { ForestView } from './model';
import type { ForestParams } from './params';
import { DATASET_WORDS, depthText, featuresText, OOB, rate, SINGLE, TEST_COLOR } from './look';

const WAIT = 'computing…';

/** "x₁ 0.52 · x₂ 0.48 · noise 0.00 in all" for the first two columns and the noise columns summed. */
function importanceText(v: Float64Array | null): string {
  if (!v) return WAIT;
  const parts = [0, 1].map((j) => `${featureName(j)} ${rate(v[j])}`);
  if (v.length > 2) {
    let noise = 0;
    for (let j = 2; j < v.length; j++) noise += v[j];
    parts.push(`${v.length - 2} noise columns ${rate(noise)} in all`);
  }
  return parts.join(' · ');
}

/** `view` must be the one for these params (else pass null: the numbers say they are coming). */
export function readoutRows(p: ForestParams, view: ForestView | null): ReadoutRow[] {
  const s = view?.scores ?? null;
  const T = p.trees;
  const last = T - 1;
  let single: number | null = null;
  if (s) {
    single = 0;
    for (const e of s.treeErrors) single += e / s.treeErrors.length;
  }
  const cover = s ? s.oobCoverage[last] : NaN;
  const oob = !s ? WAIT : !p.bootstrap ? '— (bootstrap off: no point is out of bag)' : Number.isFinite(s.oobError[last]) ? `${rate(s.oobError[last])}${cover < 1 ? ` (over the ${Math.round(cover * 100)} % of points some tree left out)` : ''}` : '— (no point left out yet)';
  const pk = view?.picked ?? null;
  const pickedText = (() => {
    if (!pk || !s) return WAIT;
    let leaves = 0, depth = 0, out = 0;
    for (let k = 0; k < pk.tree.nodeCount; k++) {
      if (pk.tree.feature[k] < 0) leaves++;
      depth = Math.max(depth, pk.tree.depth[k]);
    }
    for (const c of pk.inBag) if (c === 0) out++;
    return `test error ${rate(s.treeErrors[pk.index])} · ${leaves} leaves, depth ${depth} · ${out} of ${p.n} points out of its bag`;
  })();
  return [
    { label: 'Trees', value: `${T}`, testId: 'ro-trees' },
    { label: `Forest test error (${N_TEST} fresh points)`, value: s ? rate(s.testError[last]) : WAIT, testId: 'ro-test', color: TEST_COLOR },
    { label: 'Out-of-bag error', value: oob, testId: 'ro-oob', color: OOB },
    { label: 'One tree alone (mean test error)', value: single === null ? WAIT : rate(single), testId: 'ro-single', color: SINGLE },
    { label: `Tree ${pk ? pk.index + 1 : Math.min(p.tree, T)}`, value: pickedText, testId: 'ro-picked' },
    { label: 'Impurity importance', value: importanceText(s?.impurity ?? null), testId: 'ro-impurity' },
    { label: 'Permutation importance', value: importanceText(s?.permMean ?? null), testId: 'ro-permutation' },
    {
      label: 'Data',
      value: `${p.n} training points · ${DATASET_WORDS[p.dataset]} · σ ${p.jitter} · ${p.noise} noise feature${p.noise === 1 ? '' : 's'} · seed ${p.seed}`,
      testId: 'ro-data',
    },
    {
      label: 'Each tree',
      value: `${depthText(p.depth)} · ${featuresText(p)} · min split ${p.minSplit} · ${p.criterion === 'gini' ? 'Gini' : 'entropy'} · bootstrap ${p.bootstrap ? 'on' : 'off'}`,
      testId: 'ro-each',
    },
  ];
}
