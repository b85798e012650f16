/**
 * The learner's own scores (data=csv): columns score and label (0/1, or two values mapped to
 * 0/1), resolved from the `csv` param (lib/data/ownData). Without usable own data the panel
 * analyses the synthetic scores instead and says why. Pure: no React, no DOM.
 */
import { resolveOwnData } from '../../lib/data/ownData';
import type { CsvRequest } from '../../lib/data/csv';
import { THRESHOLD_RANGE, type PrParams } from './params';
import type { ScoredSet } from './model';

export const OWN_KEY = 'precision-recall';
export const OWN_REQUEST: CsvRequest = { columns: [{ name: 'score' }, { name: 'label', binary: true }] };
const NO_CSV = 'No CSV data loaded yet: choose a file or paste CSV text under “Your own data”. Until then the plots show synthetic scores.';

export interface OwnScores {
  /** The scored set to analyse, or null: use the synthetic one. */
  set: ScoredSet | null;
  messages: string[];
}

export function ownScores(p: Pick<PrParams, 'csv'>): OwnScores {
  const r = resolveOwnData(OWN_KEY, p.csv, 2);
  if (!r.data) return { set: null, messages: [r.message ?? NO_CSV] };
  const [s, label] = r.data.columns;
  const messages = r.message ? [r.message] : [];
  let lo = Infinity, hi = -Infinity;
  for (const v of s) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (lo < THRESHOLD_RANGE[0] || hi > THRESHOLD_RANGE[1])
    messages.push(`Your scores run from ${lo} to ${hi}, but the threshold moves only from ${THRESHOLD_RANGE[0]} to ${THRESHOLD_RANGE[1]}: the curves and areas cover every score; thresholds outside that range cannot be set here.`);
  return { set: { s, y: Uint8Array.from(label) }, messages };
}
