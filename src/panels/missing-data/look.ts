/** Colours, shapes and words shared by the missing-data plots, table and readout (one meaning, one colour, one shape). */
import { categorical, MUTED, TRUTH } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { RowKey } from './model';

/** How a point of the scatter came to be: both values observed, one or both filled in, or dropped. */
export type PointKind = 'observed' | 'fillY' | 'fillX' | 'fillBoth' | 'dropped';
export type Shape = 'circle' | 'triangle' | 'square' | 'diamond';

/** Colour and shape per kind: an imputed point differs from an observed one in both, so it reads without colour too. */
export const KIND_LOOK: Record<PointKind, { color: string; shape: Shape; label: string }> = {
  observed: { color: categorical(0), shape: 'circle', label: 'x and y observed' },
  fillY: { color: categorical(1), shape: 'triangle', label: 'y filled in' },
  fillX: { color: categorical(4), shape: 'square', label: 'x filled in' },
  fillBoth: { color: categorical(6), shape: 'diamond', label: 'x and y filled in' },
  dropped: { color: MUTED, shape: 'circle', label: 'dropped row' },
};

export const TRUTH_COLOR = TRUTH;
export const WHISKER = 'var(--fg)';

/** Short names for the table, the readout and the dot-and-whisker plot. */
export const ROW_LABELS: Record<RowKey, string> = {
  complete: 'Complete data',
  drop: 'Drop rows',
  mean: 'Mean',
  median: 'Median',
  regression: 'Regression',
  knn: 'k-NN',
  iterative: 'Iterative',
};

/** A number that may be undefined (too few rows). */
export const show = (v: number | null, digits = 3): string => (v === null ? '—' : fmt(v, digits));

/** Fixed decimals, so table columns line up; a true minus sign. */
export const fixed = (v: number, digits: number): string => {
  const t = v.toFixed(digits);
  return (/^-0\.0*$/.test(t) ? t.slice(1) : t).replace('-', '−');
};

/** "0.250 ± 0.08": an average over the data sets and its spread (standard deviation). */
export const pm = (mean: number | null, sd: number | null): string =>
  mean === null ? '—' : sd === null ? fixed(mean, 3) : `${fixed(mean, 3)} ± ${fixed(sd, 3)}`;

export const percent = (v: number): string => `${fmt(100 * v, 3)} %`;
