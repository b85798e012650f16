/* A polyline (or closed polygon) in data coordinates. Non-finite values break the line. */
import { useMemo } from 'react';
import type { CurveFactory } from 'd3';
import { FG } from './colors';
import { usePlotScales } from './context';
import { linePath, zipPoints, type CurveName, type XY } from './lines';

export interface LineProps {
  /** Points [x, y] in data units; or give `x` and `y` arrays. */
  points?: readonly XY[];
  x?: ArrayLike<number>;
  y?: ArrayLike<number>;
  /** Stroke colour, e.g. TRAIN or categorical(2) (CSS variable strings work). */
  color?: string;
  width?: number;
  /** SVG dash array, e.g. "4 3". */
  dash?: string;
  opacity?: number;
  curve?: CurveName | CurveFactory;
  /** Close the path back to its first point (polygons such as a constraint region). */
  closed?: boolean;
  /** Fill colour for closed shapes (default none). */
  fill?: string;
  fillOpacity?: number;
}

export function Line({
  points, x: xs, y: ys, color = FG, width = 1.5, dash, opacity = 1, curve, closed, fill, fillOpacity = 0.15,
}: LineProps) {
  const { x, y } = usePlotScales();
  const d = useMemo(() => {
    const pts = points ?? (xs && ys ? zipPoints(xs, ys) : []);
    return linePath(pts, x, y, { curve, closed });
  }, [points, xs, ys, x, y, curve, closed]);
  if (!d) return null;
  return (
    <path
      d={d}
      style={{
        stroke: color,
        strokeWidth: width,
        strokeDasharray: dash,
        strokeOpacity: opacity,
        fill: fill ?? 'none',
        fillOpacity: fill ? fillOpacity : undefined,
        strokeLinejoin: 'round',
        strokeLinecap: 'round',
      }}
    />
  );
}
