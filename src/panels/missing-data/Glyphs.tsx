/**
 * Points drawn as shapes (d3 symbols) in SVG, and a legend whose keys show the same shapes:
 * imputed points must differ from observed ones in shape as well as colour. (lib/plot's Scatter
 * draws circles only and its Legend has no shaped keys; this is the smallest local addition.)
 */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3';
import { usePlotScales } from '../../lib/plot/context';
import type { Shape } from './look';

const TYPES: Record<Shape, SymbolType> = { circle: symbolCircle, triangle: symbolTriangle, square: symbolSquare, diamond: symbolDiamond };

/** A d3 symbol path of rough diameter `size` px (d3 sizes are areas). */
export const glyphPath = (shape: Shape, size: number): string => symbol(TYPES[shape], (Math.PI * size * size) / 4)() ?? '';

export function Glyphs({ x, y, idx, shape, color, size = 7, hollow = false, opacity = 0.9 }: { x: ArrayLike<number>; y: ArrayLike<number>; idx: readonly number[]; shape: Shape; color: string; size?: number; hollow?: boolean; opacity?: number }) {
  const s = usePlotScales();
  const d = glyphPath(shape, size);
  const style = hollow ? { fill: 'none', stroke: color, strokeWidth: 1, opacity } : { fill: color, fillOpacity: opacity, stroke: 'var(--plot-bg)', strokeWidth: 0.6 };
  const out = [];
  for (const i of idx) {
    const px = s.x(x[i]), py = s.y(y[i]);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    out.push(<path key={i} d={d} transform={`translate(${px},${py})`} style={style} />);
  }
  return <g>{out}</g>;
}

export interface GlyphKey {
  label: string;
  color: string;
  shape?: Shape;
  hollow?: boolean;
  /** A line key (the truth line) instead of a shape. */
  line?: boolean;
}

export function GlyphLegend({ items }: { items: readonly GlyphKey[] }) {
  return (
    <ul className="md-legend">
      {items.map((it) => (
        <li key={it.label}>
          <svg width={14} height={12} aria-hidden="true">
            {it.line ? (
              <line x1={0} x2={14} y1={6} y2={6} style={{ stroke: it.color, strokeWidth: 2, strokeDasharray: '4 3' }} />
            ) : (
              <path d={glyphPath(it.shape ?? 'circle', 9)} transform="translate(7,6)" style={it.hollow ? { fill: 'none', stroke: it.color, strokeWidth: 1.2 } : { fill: it.color }} />
            )}
          </svg>
          {it.label}
        </li>
      ))}
    </ul>
  );
}
