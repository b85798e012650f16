/* Contour lines traced on a grid (d3.contours), as flat typed arrays. Pure, no DOM: a panel's
   worker traces them beside the grid it computes and sends them as transferables, and the
   page's Contours (lib/plot) only maps them to pixels. Grid layout: lib/plot/gridSpec.ts. */
import { contours as d3contours, ticks as d3ticks } from 'd3';

/** The grid to trace: values[i + j·nx], row 0 the lowest y (lib/plot/gridSpec.ts's Grid). */
export interface TraceGrid {
  values: ArrayLike<number>;
  nx: number;
  ny: number;
}

/**
 * d3.contours' polygons of a grid at each threshold, in contour coordinates (grid space, before
 * the plot's scales), flattened into typed arrays: a worker computes them beside the grid it
 * made and sends them as transferables, and the page only maps them to pixels
 * (levelsToBands), the same path data as contourBands gives. `xy` holds every ring's points
 * (x, y pairs) polygon by polygon, ring by ring, in d3's order; ring k is points
 * ringStart[k] … ringStart[k + 1] − 1.
 */
export interface ContourLevel {
  value: number;
  xy: Float64Array;
  ringStart: Uint32Array;
}

export function contourLevels(grid: TraceGrid, thresholds: readonly number[]): ContourLevel[] {
  const { nx, ny } = grid;
  if (nx < 2 || ny < 2 || grid.values.length < nx * ny || thresholds.length === 0) return [];
  const gen = d3contours().size([nx, ny]).thresholds(thresholds as number[]);
  const vals = Array.isArray(grid.values) ? (grid.values as number[]) : Array.from(grid.values);
  return gen(vals).map((c) => {
    let points = 0, rings = 0;
    for (const polygon of c.coordinates)
      for (const ring of polygon) {
        points += ring.length;
        rings++;
      }
    const xy = new Float64Array(2 * points), ringStart = new Uint32Array(rings + 1);
    let p = 0, r = 0;
    for (const polygon of c.coordinates)
      for (const ring of polygon) {
        ringStart[r++] = p;
        for (const pt of ring) {
          xy[2 * p] = pt[0];
          xy[2 * p + 1] = pt[1];
          p++;
        }
      }
    ringStart[r] = p;
    return { value: c.value, xy, ringStart };
  });
}

/** Finite min and max of the values (positive only when `positive`), or null if none. */
export function finiteExtent(values: ArrayLike<number>, positive = false): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v) || (positive && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

export interface ThresholdOptions {
  /** Roughly how many levels (default 10). */
  count?: number;
  /** Space the levels evenly in log10 (losses spanning many orders of magnitude). */
  log?: boolean;
  /** With `log`, the lowest level is at most this many decades below the highest value
      (default 6), so a minimum of exactly 0 does not crowd all levels around it. */
  maxDecades?: number;
}

/** Round to 2 significant digits so level values read well in a readout or legend. */
function round2(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const p = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1);
  return Math.round(v / p) * p;
}

/**
 * Contour levels for a grid of values. Linear: d3's nice ticks strictly inside (min, max). Log:
 * `count` levels evenly spaced in log10 between max(smallest positive value, max·10^−maxDecades)
 * and the max, each rounded to two significant digits. Falls back to linear when there are no
 * positive values. Always ascending and without duplicates; [] when the values are constant.
 */
export function contourThresholds(values: ArrayLike<number>, opts: ThresholdOptions = {}): number[] {
  const { count = 10, log = false, maxDecades = 6 } = opts;
  const ext = finiteExtent(values, log);
  if (!ext || ext[0] === ext[1]) {
    return log ? contourThresholds(values, { ...opts, log: false }) : [];
  }
  const [lo0, hi] = ext;
  let out: number[];
  if (log) {
    const lo = Math.max(lo0, hi * 10 ** -maxDecades);
    const a = Math.log10(lo);
    const b = Math.log10(hi);
    out = Array.from({ length: count }, (_, k) => round2(10 ** (a + ((k + 0.5) / count) * (b - a))));
  } else {
    out = d3ticks(lo0, hi, count);
  }
  return [...new Set(out)].filter((t) => t > lo0 && t < hi).sort((p, q) => p - q);
}

