/* Pure contour helpers (no DOM): traced contour lines (lib/contour/levels.ts, where the levels
   are also chosen) into SVG path data in pixel space. */
import { contourLevels, type ContourLevel } from '../contour/levels';
import { contourToData, type Grid } from './gridSpec';

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
