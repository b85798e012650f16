/* Pure tick generation (no DOM). Frame draws ticks with React from these lists instead of
   d3-axis, because d3-axis would mutate nodes that React owns. */
import { format as d3format, tickFormat as d3tickFormat, ticks as d3ticks } from 'd3';
import { safeDomain, type Domain, type ScaleType } from './scales';

export interface Tick {
  value: number;
  /** Empty string for an unlabelled (minor) tick. */
  label: string;
  /** Major ticks get a label and a grid line; minor ones only a short mark. */
  major: boolean;
}

/** How many ticks fit along `lengthPx` with about `spacingPx` between them (at least 2). */
export function tickCount(lengthPx: number, spacingPx: number): number {
  if (!(lengthPx > 0) || !(spacingPx > 0)) return 2;
  return Math.max(2, Math.floor(lengthPx / spacingPx));
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴',
  '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};

/** "10⁻³" for k = −3: compact and unambiguous on log axes spanning many decades. */
export function formatPow10(k: number): string {
  const exp = String(Math.round(k)).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `10${exp}`;
}

/** Fallback formatter for caller-given tick values: short, no float noise (0.30000000000000004). */
export const defaultFormat: (v: number) => string = d3format('~g');

/** Nice linear ticks inside the domain, labelled with a precision that matches their step. */
export function linearTicks(domain: Domain, count: number): Tick[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  const fmt = d3tickFormat(lo, hi, count);
  return d3ticks(lo, hi, count).map((value) => ({ value, label: fmt(value), major: true }));
}

/**
 * Ticks for a log axis. Powers of ten are the labelled majors (every k-th power when there are
 * more decades than `count`); when each decade is labelled, 2…9 × 10^k become minor ticks. A
 * domain that holds fewer than two powers of ten gets nice linear ticks instead, since a log
 * axis over less than a decade reads like a linear one. Powers between 0.001 and 10000 are
 * written as plain numbers, wider ranges as 10ᵏ, uniformly along one axis.
 */
export function logTicks(domain: Domain, count: number): Tick[] {
  const [a, b] = safeDomain(domain, 'log');
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const eps = 1e-9;
  const k0 = Math.ceil(Math.log10(lo) - eps);
  const k1 = Math.floor(Math.log10(hi) + eps);
  const nPow = k1 - k0 + 1;
  if (nPow < 2) return linearTicks([lo, hi], count);

  const step = Math.max(1, Math.ceil(nPow / Math.max(1, count)));
  const plain = k0 >= -3 && k1 <= 4;
  const fmtPlain = d3format('~g');
  const out: Tick[] = [];
  for (let k = k0; k <= k1; k++) {
    const value = Number(`1e${k}`); // exact decimal, unlike 10 ** k for some negative k
    // Align the labelled powers to multiples of `step` so 10⁰ stays labelled when it is shown.
    const major = ((k % step) + step) % step === 0;
    out.push({ value, label: major ? (plain ? fmtPlain(value) : formatPow10(k)) : '', major });
  }
  if (step === 1) {
    for (let k = k0 - 1; k <= k1; k++) {
      for (let m = 2; m <= 9; m++) {
        const value = Number(`${m}e${k}`);
        if (value >= lo * (1 - eps) && value <= hi * (1 + eps)) {
          out.push({ value, label: '', major: false });
        }
      }
    }
    out.sort((p, q) => p.value - q.value);
  }
  return out;
}

/** Ticks at caller-chosen values (e.g. category positions), kept only inside the domain. */
export function customTicks(
  values: readonly number[],
  domain: Domain,
  format: (v: number) => string = defaultFormat,
): Tick[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  const tol = (hi - lo) * 1e-9;
  return values
    .filter((v) => Number.isFinite(v) && v >= lo - tol && v <= hi + tol)
    .map((value) => ({ value, label: format(value), major: true }));
}

/** The ticks Frame draws along one axis. */
export function axisTicks(
  type: ScaleType,
  domain: Domain,
  lengthPx: number,
  spacingPx: number,
  opts: { values?: readonly number[]; format?: (v: number) => string } = {},
): Tick[] {
  const d = safeDomain(domain, type);
  if (opts.values) return customTicks(opts.values, d, opts.format);
  // Powers of ten make short labels, so log axes can afford denser labelled ticks.
  const count = tickCount(lengthPx, type === 'log' ? spacingPx * 0.6 : spacingPx);
  const ticks = type === 'log' ? logTicks(d, count) : linearTicks(d, count);
  if (!opts.format) return ticks;
  const f = opts.format;
  return ticks.map((t) => (t.major ? { ...t, label: f(t.value) } : t));
}

/**
 * Rough rendered width of a label in px. Only used for layout decisions (margins, anchoring,
 * rotation), never for exact placement, so measuring real text (which needs a DOM) is avoided.
 */
export function estimateTextWidth(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) {
    if (/[0-9]/.test(ch)) w += 0.56;
    else if (/[.,:;'|!il]/.test(ch)) w += 0.3;
    else if (/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/.test(ch)) w += 0.38;
    else if (/[A-Z]|[mwMW]/.test(ch)) w += 0.72;
    else if (ch === ' ') w += 0.28;
    else w += 0.55;
  }
  return w * fontPx;
}

/**
 * Text anchor for an x tick label at pixel `px` (relative to the inner area), so that labels at
 * the ends do not spill past the svg edge (which at 375 px would clip or overflow).
 */
export function xLabelAnchor(
  px: number,
  labelWidth: number,
  innerWidth: number,
  margin: { left: number; right: number },
): 'start' | 'middle' | 'end' {
  if (px - labelWidth / 2 < -margin.left) return 'start';
  if (px + labelWidth / 2 > innerWidth + margin.right) return 'end';
  return 'middle';
}
