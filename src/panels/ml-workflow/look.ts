/** Look and feel shared by the view's parts: number formats and class colours. Pure. */
import { categorical } from '../../lib/plot/colors';

/** Accuracy as a percentage with one decimal ("97.1 %"). */
export const pct = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)} %`);
/** A share as a whole percentage ("20 %"). */
export const share = (v: number): string => `${Math.round(100 * v)} %`;
/** Class k's colour: the categorical palette, as in every panel. */
export const classColour = (k: number): string => categorical(k);
/** A hyperparameter value as written in a grid ("0.001", "no limit"). */
export const hyperText = (v: number): string => (Number.isFinite(v) ? String(v) : 'no limit');
