/* Pure heat-map rasterising (no DOM): grid values → RGBA bytes for a canvas of nx × ny pixels,
   which HeatMap then stretches over the plot with CSS (as TensorFlow Playground does). */
import { color as d3color } from 'd3';
import type { Grid } from './gridSpec';
import { finiteExtent } from '../contour/levels';
// Moved to the pure contour kit (workers choose contour levels too); kept importable from here.
export { finiteExtent };

/** Canvas pixel index for grid sample (i, j): canvas row 0 is the top, i.e. the highest y. */
export function heatPixelIndex(i: number, j: number, nx: number, ny: number): number {
  return (ny - 1 - j) * nx + i;
}

/** 256-entry RGB lookup table of an interpolator, so filling 40 000 pixels parses no strings. */
export function buildLut(interp: (t: number) => string, size = 256): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(size * 3);
  for (let k = 0; k < size; k++) {
    const c = d3color(interp(size === 1 ? 0 : k / (size - 1)))?.rgb();
    lut[3 * k] = c?.r ?? 0;
    lut[3 * k + 1] = c?.g ?? 0;
    lut[3 * k + 2] = c?.b ?? 0;
  }
  return lut;
}

/**
 * Maps a value to [0, 1] across `domain`, linearly or in log space (for losses spanning many
 * orders of magnitude; non-positive values then map to 0). NaN stays NaN (drawn transparent).
 */
export function makeNormalizer(domain: readonly [number, number], log = false): (v: number) => number {
  let [lo, hi] = domain;
  if (log) {
    lo = Math.log(Math.max(lo, Number.MIN_VALUE));
    hi = Math.log(Math.max(hi, Number.MIN_VALUE));
  }
  const span = hi - lo;
  return (v: number) => {
    if (Number.isNaN(v)) return NaN;
    const u = log ? (v > 0 ? Math.log(v) : -Infinity) : v;
    const t = span === 0 ? 0.5 : (u - lo) / span;
    return t < 0 ? 0 : t > 1 ? 1 : t;
  };
}


/** Fill `out` (length nx * ny * 4, as ImageData.data) from the grid; NaN cells are transparent. */
export function fillHeatRgba(
  grid: Pick<Grid, 'values' | 'nx' | 'ny'>,
  lut: Uint8ClampedArray,
  normalize: (v: number) => number,
  out: Uint8ClampedArray,
  alpha = 255,
): Uint8ClampedArray {
  const { values, nx, ny } = grid;
  const size = lut.length / 3;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const t = normalize(values[i + j * nx]);
      const p = 4 * heatPixelIndex(i, j, nx, ny);
      if (Number.isNaN(t)) {
        out[p] = out[p + 1] = out[p + 2] = out[p + 3] = 0;
        continue;
      }
      const k = 3 * Math.round(t * (size - 1));
      out[p] = lut[k];
      out[p + 1] = lut[k + 1];
      out[p + 2] = lut[k + 2];
      out[p + 3] = alpha;
    }
  }
  return out;
}

/**
 * The colour domain HeatMap uses when none is given: the finite extent (positive values only
 * for `log`), made symmetric about 0 for diverging schemes so that white means zero. Exported
 * so a panel's ColorBar can show the same domain.
 */
export function autoColorDomain(
  values: ArrayLike<number>,
  opts: { log?: boolean; symmetric?: boolean } = {},
): [number, number] {
  const ext = finiteExtent(values, !!opts.log);
  if (!ext) return opts.log ? [1, 10] : [0, 1];
  if (opts.symmetric) {
    const m = Math.max(Math.abs(ext[0]), Math.abs(ext[1])) || 1;
    return [-m, m];
  }
  return ext;
}
