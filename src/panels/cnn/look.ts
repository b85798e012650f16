/**
 * How the panel colours pixels: the input as ink on paper, signed maps (a filter's raw output,
 * kernels) in diverging RdBu centred on zero, and ReLU feature maps in viridis from zero to the
 * layer's largest value (one scale per layer, so its maps can be compared). Lookup tables, so a
 * canvas of 16×16 cells parses no colour strings. Also the shared number format.
 */
import { INTERPOLATORS } from '../../lib/plot/colors';
import { buildLut } from '../../lib/plot/heatRaster';
import { fmt } from '../../lib/format/format';

export interface Palette {
  lut: Uint8ClampedArray;
  lo: number;
  hi: number;
}

const INK = buildLut((t) => {
  const v = Math.round(255 - t * 235);
  return `rgb(${v}, ${v}, ${Math.min(255, v + 8)})`;
});
const RDBU = buildLut(INTERPOLATORS.rdbu);
const VIRIDIS = buildLut(INTERPOLATORS.viridis);

export const inkPalette: Palette = { lut: INK, lo: 0, hi: 1 };

/** Diverging, symmetric about zero: negative red, zero white, positive blue. */
export function signedPalette(maxAbs: number): Palette {
  const m = maxAbs > 1e-12 && Number.isFinite(maxAbs) ? maxAbs : 1;
  return { lut: RDBU, lo: -m, hi: m };
}

/** Sequential from 0 to `max` (ReLU maps). */
export function reluPalette(max: number): Palette {
  return { lut: VIRIDIS, lo: 0, hi: max > 1e-12 && Number.isFinite(max) ? max : 1 };
}

/** RGB of `v` under palette `p`. */
export function rgbOf(p: Palette, v: number): [number, number, number] {
  const t = p.hi === p.lo ? 0.5 : (v - p.lo) / (p.hi - p.lo);
  const k = Math.round((t < 0 ? 0 : t > 1 ? 1 : t) * 255);
  return [p.lut[3 * k], p.lut[3 * k + 1], p.lut[3 * k + 2]];
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}

/** Numbers in the panel's texts: at most 3 significant digits, typographic minus. */
export const num = (v: number, digits = 3) => fmt(Math.abs(v) < 5e-13 ? 0 : v, digits);

/** The window highlight and the current output cell (fixed colours: the canvas cannot read CSS). */
export const WINDOW_COLOR = '#f28e2b';
export const CELL_COLOR = '#e15759';
