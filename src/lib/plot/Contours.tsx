/* Contour lines (or filled bands) of a grid, as SVG paths in data coordinates. Same grid
   layout as HeatMap (grid.ts), so the two overlay exactly. */
import { useMemo } from 'react';
import { sequential } from './colors';
import { usePlotScales } from './context';
import { contourLevels, contourThresholds, type ContourLevel } from '../contour/levels';
import { levelsToBands } from './contourPaths';
import type { Grid } from './gridSpec';

export interface ContoursProps extends Grid {
  /** Levels, or roughly how many to choose automatically (default 10). */
  thresholds?: readonly number[] | number;
  /** Choose automatic levels evenly in log10 (losses over many orders of magnitude). */
  log?: boolean;
  /** One colour for all lines; otherwise lines are coloured by level with viridis. */
  stroke?: string;
  strokeWidth?: number;
  /** Fill the regions above each level (viridis by level) instead of only stroking. */
  fill?: boolean;
  opacity?: number;
  /** Colour scheme for level colours. */
  scheme?: 'viridis' | 'cividis';
  /**
   * The contour lines already traced (contourLevels, e.g. in the worker that made the grid):
   * the page then only maps them to pixels. `thresholds` and `log` are then not used.
   */
  levels?: readonly ContourLevel[];
}

export function Contours({
  values, nx, ny, extent, thresholds = 10, log = false, stroke, strokeWidth = 1, fill = false,
  opacity = 1, scheme = 'viridis', levels: given,
}: ContoursProps) {
  const { x, y } = usePlotScales();
  // Tracing the lines (d3.contours) is the costly part: skipped when they come traced.
  const traced = useMemo(() => {
    if (given) return given;
    const at = typeof thresholds === 'number' ? contourThresholds(values, { count: thresholds, log }) : [...thresholds].sort((a, b) => a - b);
    return contourLevels({ values, nx, ny }, at);
  }, [given, values, nx, ny, thresholds, log]);
  // Keyed on the extent's numbers: an inline extent array must not recompute every render.
  const [e0, e1, e2, e3] = extent;
  const bands = useMemo(() => levelsToBands(traced, { nx, ny, extent: [e0, e1, e2, e3] }, x, y), [traced, nx, ny, e0, e1, e2, e3, x, y]);
  const n = bands.length;
  return (
    <g style={{ opacity }}>
      {bands.map((b, k) => {
        const c = sequential(n > 1 ? k / (n - 1) : 0.5, scheme);
        return (
          <path
            key={`${k}:${b.value}`}
            d={b.d}
            style={{
              fill: fill ? c : 'none',
              stroke: fill ? 'none' : stroke ?? c,
              strokeWidth,
              strokeLinejoin: 'round',
            }}
          />
        );
      })}
    </g>
  );
}
