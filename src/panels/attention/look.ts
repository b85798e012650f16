/** Colours with one meaning across the panel's plots and readout. */
import { categorical } from '../../lib/plot/colors';

export const SCALED = categorical(0);
export const UNSCALED = categorical(1);
export const TOKEN_ACC = categorical(0);
export const SEQ_ACC = categorical(4);
export const TARGET_MASS = categorical(6);

/** A weight as a short cell label: .27, with 0 and 1 for the ends (no exponents in a cell). */
export const fmtWeight = (v: number): string => (v >= 0.995 ? '1' : v < 0.005 ? '0' : v.toFixed(2).replace(/^0/, ''));
