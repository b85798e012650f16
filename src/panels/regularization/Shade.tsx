/* A shaded vertical band between two x values (data units), drawn behind the marks. */
import { usePlotScales } from '../../lib/plot/context';
import { haloLabelStyle } from '../../lib/plot/labelStyle';
import { FONT_PX } from '../../lib/plot/theme';
import { estimateTextWidth } from '../../lib/plot/ticks';

export function Shade({ x0, x1, color, opacity = 0.12, label }: { x0: number; x1: number; color: string; opacity?: number; label?: string }) {
  const { x, innerWidth: iw, innerHeight: ih } = usePlotScales();
  const a = Math.max(0, Math.min(iw, x(x0)));
  const b = Math.max(0, Math.min(iw, x(x1)));
  if (!Number.isFinite(a) || !Number.isFinite(b) || b - a < 1) return null;
  return (
    <g>
      <rect x={a} y={0} width={b - a} height={ih} style={{ fill: color, fillOpacity: opacity }} />
      {label && b - a > estimateTextWidth(label, FONT_PX.xs) + 8 && (
        <text x={(a + b) / 2} y={ih - 6} textAnchor="middle" style={haloLabelStyle('var(--muted)')}>
          {label}
        </text>
      )}
    </g>
  );
}
