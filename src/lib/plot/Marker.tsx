/* One emphasised point: a start point, the current iterate, a centroid, the true minimum. */
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolPlus,
  symbolSquare,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  type SymbolType,
} from 'd3';
import { FG } from './colors';
import { usePlotScales } from './context';
import { haloLabelStyle } from './labelStyle';

export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'star' | 'cross' | 'plus' | 'times';

// plus and times are line symbols: stroked, not filled.
const SHAPES: Record<MarkerShape, { type: SymbolType; stroked: boolean }> = {
  circle: { type: symbolCircle, stroked: false },
  square: { type: symbolSquare, stroked: false },
  diamond: { type: symbolDiamond, stroked: false },
  triangle: { type: symbolTriangle, stroked: false },
  star: { type: symbolStar, stroked: false },
  cross: { type: symbolCross, stroked: false },
  plus: { type: symbolPlus, stroked: true },
  times: { type: symbolTimes, stroked: true },
};

export interface MarkerProps {
  x: number;
  y: number;
  shape?: MarkerShape;
  /** Rough diameter in px. */
  size?: number;
  color?: string;
  /** Outline of filled shapes (default the plot background, to lift it off what lies below). */
  stroke?: string;
  strokeWidth?: number;
  label?: string;
}

export function Marker({
  x: xv, y: yv, shape = 'circle', size = 10, color = FG, stroke = 'var(--plot-bg)', strokeWidth = 1.5, label,
}: MarkerProps) {
  const { x, y, innerWidth: iw } = usePlotScales();
  const px = x(xv);
  const py = y(yv);
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  const spec = SHAPES[shape];
  // d3 symbol sizes are areas in px²; a circle of diameter `size` has area π·size²/4.
  const d = symbol(spec.type, (Math.PI * size * size) / 4)() ?? '';
  const style = spec.stroked
    ? { fill: 'none', stroke: color, strokeWidth: Math.max(2, strokeWidth) }
    : { fill: color, stroke, strokeWidth };
  const right = px < iw - 60;
  return (
    <g transform={`translate(${px},${py})`}>
      <path d={d} style={style} />
      {label && (
        <text
          x={right ? size / 2 + 4 : -(size / 2 + 4)}
          dy="0.32em"
          textAnchor={right ? 'start' : 'end'}
          style={haloLabelStyle()}
        >
          {label}
        </text>
      )}
    </g>
  );
}
