/**
 * Points drawn as shapes (d3 symbols) in SVG, and a legend whose keys show the same shapes:
 * imputed points must differ from observed ones in shape as well as colour. (lib/plot's Scatter
 * draws circles only and its Legend has no shaped keys; this is the smallest local addition.)
 */
import { path, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3';
import { usePlotScales } from '../../lib/plot/context';
import type { Shape } from './look';

const TYPES: Record<Shape, SymbolType> = { circle: symbolCircle, triangle: symbolTriangle, square: symbolSquare, diamond: symbolDiamond };

/** A d3 symbol path of rough diameter `size` px (d3 sizes are areas). */
export const glyphPath = (shape: Shape, size: number): string => symbol(TYPES[shape], (Math.PI * size * size) / 4)() ?? '';

/**
 * The shapes of all the points `idx` as one SVG path (a few hundred points move at every setting:
 * one element instead of one per point keeps the commit cheap, issue 8). d3 draws a symbol at
 * the origin through a path context; this one shifts it to the point.
 */
export function glyphsPath(shape: Shape, size: number, points: readonly [number, number][]): string {
  const out = path();
  let dx = 0, dy = 0;
  const at = {
    moveTo: (x: number, y: number) => out.moveTo(x + dx, y + dy),
    lineTo: (x: number, y: number) => out.lineTo(x + dx, y + dy),
    arc: (x: number, y: number, r: number, a0: number, a1: number) => out.arc(x + dx, y + dy, r, a0, a1),
    closePath: () => out.closePath(),
    // The square; as four corners (absolute coordinates, like the rest).
    rect: (x: number, y: number, w: number, h: number) => {
      out.moveTo(x + dx, y + dy);
      out.lineTo(x + dx + w, y + dy);
      out.lineTo(x + dx + w, y + dy + h);
      out.lineTo(x + dx, y + dy + h);
      out.closePath();
    },
  };
  const area = (Math.PI * size * size) / 4;
  for (const [px, py] of points) {
    dx = px;
    dy = py;
    TYPES[shape].draw(at as unknown as Parameters<SymbolType["draw"]>[0], area);
  }
  return out.toString();
}

export function Glyphs({ x, y, idx, shape, color, size = 7, hollow = false, opacity = 0.9 }: { x: ArrayLike<number>; y: ArrayLike<number>; idx: readonly number[]; shape: Shape; color: string; size?: number; hollow?: boolean; opacity?: number }) {
  const s = usePlotScales();
  const style = hollow ? { fill: 'none', stroke: color, strokeWidth: 1, opacity } : { fill: color, fillOpacity: opacity, stroke: 'var(--plot-bg)', strokeWidth: 0.6 };
  const points: [number, number][] = [];
  for (const i of idx) {
    const px = s.x(x[i]), py = s.y(y[i]);
    if (Number.isFinite(px) && Number.isFinite(py)) points.push([px, py]);
  }
  return points.length ? <path d={glyphsPath(shape, size, points)} style={style} /> : null;
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
