/* The readout's rows: the numbers that matter, as text (the e2e tests read them). */
import type { ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { describeSplits, type CvResult, type LeakResult, type SpreadResult } from './model';
import { HONEST, KFOLD, LEAKY, SCORE, SINGLE } from './look';
import { SCHEME_LABELS, type CvParams } from './params';

const acc = (v: number | undefined) => (v === undefined ? '—' : fmt(v, 3));

/** Shown instead of a number whose newer result is still being computed in the worker. */
export const COMPUTING = 'computing…';

/**
 * `pending`: the spread or the leak (the slow parts, up to a second) is being recomputed for the
 * current params; its rows then say so instead of showing the previous params' numbers, and
 * their labels already follow the params.
 */
export function readoutRows(
  p: CvParams,
  r: CvResult,
  spread: SpreadResult | null,
  leak: LeakResult | null,
  pending: { spread: boolean; leak: boolean } = { spread: false, leak: false },
): ReadoutRow[] {
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
  if (spread) {
    const sd = (v: number) => (pending.spread ? COMPUTING : fmt(v, 3));
    rows.push(
      { label: 'sd of one split', value: sd(spread.singleStats.std), testId: 'ro-sd-single', color: SINGLE },
      { label: `sd of ${p.folds}-fold mean`, value: sd(spread.kfoldStats.std), testId: 'ro-sd-kfold', color: KFOLD },
    );
  }
  if (leak) {
    // Labels from the params (as the model clamps them), so they never lag the controls.
    const features = Math.round(p.features);
    const kept = Math.min(p.keep, features);
    const wait = pending.leak;
    rows.push(
      { label: p.leak === 'selection' ? `Leaky CV (${kept} of ${features} features)` : 'Leaky CV (shuffled)', value: wait ? COMPUTING : acc(leak.leakyStats.mean), testId: 'ro-leaky', color: LEAKY },
      {
        label: p.leak === 'selection' ? 'Honest CV (chance 0.5)' : `Honest CV (new groups ${wait ? '…' : acc(leak.reference)})`,
        value: wait ? COMPUTING : leak.honestStats ? acc(leak.honestStats.mean) : '—',
        testId: 'ro-honest',
        color: HONEST,
      },
    );
  }
  return rows;
}
