/** Colours and number formats shared by the deployment panel's plots and readout (one meaning, one colour). */
import { categorical, MUTED, TEST, TRAIN } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';

export const P50 = categorical(0);
export const P95 = categorical(1);
export const P99 = categorical(3);
export const OFFERED = MUTED;
export const SERVED = categorical(0);
export const REJECTED = categorical(3);
export const PSI_COLOR = categorical(4);
export const KS_COLOR = categorical(6);
export const ACC_COLOR = categorical(0);
export const ARM_A = TRAIN;
export const ARM_B = TEST;
export const batchColor = (i: number) => categorical(i);

/** A duration in ms, in the unit that reads best: "850 µs", "12.3 ms", "4.2 s". */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return fmt(v);
  const a = Math.abs(v);
  if (a < 1e-3 && a > 0) return `${fmt(v * 1e6, 3)} ns`;
  if (a < 1 && a > 0) return `${fmt(v * 1000, 3)} µs`;
  if (a >= 1000) return `${fmt(v / 1000, 3)} s`;
  return `${fmt(v, 3)} ms`;
}

// One formatter for every count: Number#toLocaleString builds a new Intl.NumberFormat per call,
// which made `count` the panel's costliest function per slider step (issue 8: 1-7 ms a key press
// in Chromium's profile, a dozen calls per render). The same locale and options, so the same text.
const WHOLE = new Intl.NumberFormat('en-US');

/** A whole count with thousands separators: 12,345. */
export function count(v: number): string {
  if (!Number.isFinite(v)) return fmt(v);
  return WHOLE.format(Math.round(v));
}

/** A rate per second: "1,234 /s" below a million, else "1.2e+6 /s". */
export function perSec(v: number): string {
  if (!Number.isFinite(v)) return fmt(v);
  return `${Math.abs(v) < 1e6 ? (Math.abs(v) >= 100 ? count(v) : fmt(v, 3)) : fmt(v, 3)} /s`;
}

export function percent(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return fmt(v);
  return `${(100 * v).toFixed(digits)} %`;
}

/** A p-value: "0.0496", "< 0.0001". */
export function pValue(p: number): string {
  if (!Number.isFinite(p)) return fmt(p);
  return p < 1e-4 ? '< 0.0001' : p.toFixed(4);
}
