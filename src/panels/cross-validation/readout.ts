/* The readout's rows: the numbers that matter, as text (the e2e tests read them). */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { describeSplits, type CvResult, type LeakResult, type SpreadResult } from './model';
import { HONEST, KFOLD, LEAKY, SCORE, SINGLE } from './look';
import { SCHEME_LABELS, type CvParams } from './params';

const acc = (v: number | undefined) => (v === undefined ? '—' : fmt(v, 3));

export function readoutRows(p: CvParams, r: CvResult, spread: SpreadResult | null, leak: LeakResult | null): ReadoutRow[] {
  const chosen = r.gallery.find((g) => g.scheme === r.scheme)!;
  const rows: ReadoutRow[] = [
    { label: 'Data', value: `${r.data.n} samples · ${r.data.groups} groups · class 1: ${r.ones}`, testId: 'ro-data' },
    { label: 'Scored scheme', value: SCHEME_LABELS[r.scheme], testId: 'ro-scheme' },
    { label: 'Its splits', value: describeSplits(chosen), testId: 'ro-splits' },
    {
      label: `Accuracy of ${p.k}-NN, mean ± sd`,
      value: r.score ? `${acc(r.score.mean)} ± ${fmt(r.score.std, 2)}` : '—',
      testId: 'ro-score',
      color: SCORE,
    },
    { label: 'Baseline (commoner class)', value: acc(r.baseline), testId: 'ro-baseline' },
    { label: 'Same model on new data', value: acc(r.fresh), testId: 'ro-fresh' },
    {
      label: 'Best k · one-SE k',
      value: r.tuning ? `${r.tuning.best} · ${r.tuning.oneSE}` : '—',
      testId: 'ro-best',
    },
  ];
  if (spread)
    rows.push(
      { label: 'sd of one split', value: fmt(spread.singleStats.std, 3), testId: 'ro-sd-single', color: SINGLE },
      { label: `sd of ${p.folds}-fold mean`, value: fmt(spread.kfoldStats.std, 3), testId: 'ro-sd-kfold', color: KFOLD },
    );
  if (leak)
    rows.push(
      { label: leak.kind === 'selection' ? `Leaky CV (${leak.kept} of ${leak.features} features)` : 'Leaky CV (shuffled)', value: acc(leak.leakyStats.mean), testId: 'ro-leaky', color: LEAKY },
      { label: leak.kind === 'selection' ? 'Honest CV (chance 0.5)' : `Honest CV (new groups ${acc(leak.reference)})`, value: leak.honestStats ? acc(leak.honestStats.mean) : '—', testId: 'ro-honest', color: HONEST },
    );
  return rows;
}
