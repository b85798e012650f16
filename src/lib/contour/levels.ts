/* Contour lines traced on a grid (d3.contours), as flat typed arrays. Pure, no DOM: a panel's
   worker traces them beside the grid it computes and sends them as transferables, and the
   page's Contours (lib/plot) only maps them to pixels. Grid layout: lib/plot/gridSpec.ts. */
import { contours as d3contours } from 'd3';

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

