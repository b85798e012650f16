/* Pure contour helpers (no DOM): threshold choice and turning traced contour lines
   (lib/contour/levels.ts) into SVG path data in pixel space. */
import { ticks as d3ticks } from 'd3';
import { contourLevels, type ContourLevel } from '../contour/levels';
import { contourToData, type Grid } from './gridSpec';
import { finiteExtent } from './heatRaster';

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

export interface ContourBand {
  value: number;
  /** SVG path data in pixel coordinates. */
  d: string;
}

/** The path data of contour levels (contourLevels) in pixel space, given the plot's scales. */
export function levelsToBands(
  levels: readonly ContourLevel[],
  grid: Pick<Grid, 'nx' | 'ny' | 'extent'>,
  sx: (v: number) => number,
  sy: (v: number) => number,
): ContourBand[] {
  return levels.map(({ value, xy, ringStart }) => {
    const parts: string[] = [];
    for (let r = 0; r + 1 < ringStart.length; r++) {
      const a = ringStart[r], b = ringStart[r + 1];
      for (let k = a; k < b; k++) {
        const [x, y] = contourToData(grid, xy[2 * k], xy[2 * k + 1]);
        parts.push(`${k === a ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`);
      }
      if (b > a) parts.push('Z');
    }
    return { value, d: parts.join('') };
  });
}

/** One path per threshold for the grid, in pixel space given the plot's scales. */
export function contourBands(
  grid: Grid,
  thresholds: readonly number[],
  sx: (v: number) => number,
  sy: (v: number) => number,
): ContourBand[] {
  return levelsToBands(contourLevels(grid, thresholds), grid, sx, sy);
}
