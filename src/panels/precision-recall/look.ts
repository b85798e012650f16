/** Colours and labels shared by the panel's plots, readout and table. */
import { categorical, CLASS0, CLASS1, FG } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';

export const NEG = CLASS0;
export const POS = CLASS1;
export const CURRENT = FG;
export const BEST = categorical(4);
export const PRECISION = categorical(6);
export const RECALL = categorical(3);
export const F1 = categorical(2);
export const ACCURACY = categorical(8);

/** A metric that may be 0/0. */
export const show = (v: number | null, digits = 3): string => (v === null ? 'undefined (0/0)' : fmt(v, digits));

/** A threshold that may be +∞ ("predict nothing positive"). */
export const showThreshold = (t: number): string => (t === Infinity ? 'above every score' : t === -Infinity ? 'below every score' : fmt(t, 3));

/** A cost r·FP + FN: at most 4 significant digits, never exponent notation. */
export const showCost = (v: number): string => (Math.abs(v) < 1e4 ? fmt(v, 4) : String(Math.round(v)));

export const percent = (v: number): string => `${fmt(100 * v, 3)}%`;

/** "β = 2" style label of the F-beta score. */
export const fbetaName = (beta: number): string => `F${Math.abs(beta - 1) < 1e-9 ? '1' : `β (β = ${fmt(beta, 3)})`}`;
