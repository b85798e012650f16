/* A horizontal rule at y (chance level, zero loss, a target), with an optional label at the
   right end, above the rule (below it when the rule is near the top). */
import { MUTED } from './colors';
import { usePlotScales } from './context';
import { haloLabelStyle } from './labelStyle';

export interface HLineProps {
  y: number;
  label?: string;
  color?: string;
  width?: number;
  /** SVG dash array (default "4 3"; "" for solid). */
  dash?: string;
}

export function HLine({ y: yv, label, color = MUTED, width = 1.25, dash = '4 3' }: HLineProps) {
  const { y, innerWidth: iw } = usePlotScales();
  const py = y(yv);
  if (!Number.isFinite(py)) return null;
  const below = py < 16;
  return (
    <g>
      <line x1={0} x2={iw} y1={py} y2={py} style={{ stroke: color, strokeWidth: width, strokeDasharray: dash || undefined }} />
      {label && (
        <text x={iw - 4} y={below ? py + 4 : py - 4} dy={below ? '0.71em' : undefined} textAnchor="end" style={haloLabelStyle()}>
          {label}
        </text>
      )}
    </g>
  );
}
