/* Points as SVG circles: for up to a few hundred points (use CanvasScatter beyond that). */
import { usePlotScales } from './context';
import { FG } from './colors';
import type { XY } from './lines';

export interface ScatterProps {
  points?: readonly XY[];
  x?: ArrayLike<number>;
  y?: ArrayLike<number>;
  /** One colour, one per point, or a function of the point index (e.g. i => classColor(label[i])). */
  color?: string | readonly string[] | ((i: number) => string);
  /** Radius in px: one for all or one per point. */
  r?: number | ArrayLike<number>;
  opacity?: number;
  /** Outline colour; defaults to the plot background, which separates overlapping points. */
  stroke?: string;
  strokeWidth?: number;
}

export function Scatter({
  points, x: xs, y: ys, color = FG, r = 3.5, opacity = 0.9, stroke = 'var(--plot-bg)', strokeWidth = 0.75,
}: ScatterProps) {
  const { x, y } = usePlotScales();
  const X = xs ?? [];
  const Y = ys ?? [];
  const n = points ? points.length : Math.min(X.length, Y.length);
  const colorAt = typeof color === 'function' ? color : typeof color === 'string' ? () => color : (i: number) => color[i] ?? FG;
  const rAt = typeof r === 'number' ? () => r : (i: number) => r[i] ?? 3.5;
  const circles = [];
  for (let i = 0; i < n; i++) {
    const cx = x(points ? points[i][0] : X[i]);
    const cy = y(points ? points[i][1] : Y[i]);
    if (!Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    circles.push(
      <circle
        key={i}
        cx={cx}
        cy={cy}
        r={rAt(i)}
        style={{ fill: colorAt(i), fillOpacity: opacity, stroke, strokeWidth }}
      />,
    );
  }
  return <g>{circles}</g>;
}
