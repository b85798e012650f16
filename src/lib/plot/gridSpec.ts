/* The one grid layout shared by HeatMap and Contours, so both read a panel's grid the same way.

   values: length nx * ny, row-major, values[i + j * nx] is the sample at column i, row j.
   Row 0 is the LOWEST y (mathematical orientation, like d3.contours' output before we map it),
   column 0 the lowest x. extent = [x0, x1, y0, y1] are the data coordinates of the first and last
   SAMPLES (cell centres), e.g. the ends of linspace(x0, x1, nx). Each sample colours a cell one
   step wide centred on it, so the picture spans half a step beyond the extent on each side. */

export interface Grid {
  values: ArrayLike<number>;
  nx: number;
  ny: number;
  extent: readonly [number, number, number, number];
}

/** Distance between neighbouring samples along x and y (0 for a single sample). */
export function gridStep(g: Pick<Grid, 'nx' | 'ny' | 'extent'>): [number, number] {
  const [x0, x1, y0, y1] = g.extent;
  return [g.nx > 1 ? (x1 - x0) / (g.nx - 1) : 0, g.ny > 1 ? (y1 - y0) / (g.ny - 1) : 0];
}

/** Data coordinates of sample (i, j). */
export function sampleAt(g: Pick<Grid, 'nx' | 'ny' | 'extent'>, i: number, j: number): [number, number] {
  const [dx, dy] = gridStep(g);
  return [g.extent[0] + i * dx, g.extent[2] + j * dy];
}

/** Index into `values` of the sample nearest to data point (x, y), or -1 outside the cells. */
export function nearestIndex(g: Pick<Grid, 'nx' | 'ny' | 'extent'>, x: number, y: number): number {
  const [dx, dy] = gridStep(g);
  const i = dx === 0 ? 0 : Math.round((x - g.extent[0]) / dx);
  const j = dy === 0 ? 0 : Math.round((y - g.extent[2]) / dy);
  if (!(i >= 0 && i < g.nx && j >= 0 && j < g.ny)) return -1;
  return i + j * g.nx;
}

/**
 * The data rectangle covered by the cells (half a step beyond the extent). A single sample
 * along an axis gets a cell of width `fallback` (so it is still visible).
 */
export function cellBounds(
  g: Pick<Grid, 'nx' | 'ny' | 'extent'>,
  fallback = 1,
): { left: number; right: number; bottom: number; top: number } {
  const [x0, x1, y0, y1] = g.extent;
  const [dx, dy] = gridStep(g);
  const hx = (dx || fallback) / 2;
  const hy = (dy || fallback) / 2;
  return { left: x0 - hx, right: x1 + hx, bottom: y0 - hy, top: y1 + hy };
}

/**
 * d3.contours puts sample i at contour coordinate i + 0.5 (its cells span [i, i + 1]); map such
 * a coordinate back to data space.
 */
export function contourToData(
  g: Pick<Grid, 'nx' | 'ny' | 'extent'>,
  cx: number,
  cy: number,
): [number, number] {
  const [dx, dy] = gridStep(g);
  return [g.extent[0] + (cx - 0.5) * dx, g.extent[2] + (cy - 0.5) * dy];
}
