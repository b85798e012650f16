/** Colours and words shared by the imbalanced-data plots, table and readout (one meaning, one colour). */
import { categorical, CLASS0, CLASS1, FG, MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { RowKey } from './model';

export const MAJORITY = CLASS0;
export const MINORITY = CLASS1;
/** SMOTE's new points: a colour of their own (purple), never read as either class's originals. */
export const SYNTHETIC = categorical(6);
export const REMOVED = MUTED;
export const LINK = categorical(2);
export const BOUNDARY = FG;
export const UNTREATED = MUTED;
export const CURRENT = FG;

/** Short names for the table and the readout (the select shows METHOD_LABELS). */
export const ROW_LABELS: Record<RowKey, string> = {
  none: 'None',
  oversample: 'Oversampling',
  smote: 'SMOTE',
  undersample: 'Undersampling',
  tomek: 'Tomek links',
  weights: 'Class weights',
  majority: 'Always “majority”',
};

/** A metric that may be 0/0. */
export const show = (v: number | null, digits = 3): string => (v === null ? 'undefined' : fmt(v, digits));

/** "1 : 20" for a majority : minority ratio. */
export const ratioText = (r: number): string => `1 : ${fmt(r, 3)}`;

export const percent = (v: number): string => `${fmt(100 * v, 3)} %`;
