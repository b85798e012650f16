/* A vertical rule at x (the current degree, λ, a decision threshold), with an optional label
   at the top that flips to the left of the rule near the right edge. */
import { MUTED } from './colors';
import { usePlotScales } from './context';
import { haloLabelStyle } from './labelStyle';
import { FONT_PX } from './theme';
import { estimateTextWidth } from './ticks';

export interface VLineProps {
  x: number;
  label?: string;
  color?: string;
  width?: number;
  /** SVG dash array (default "4 3"; "" for solid). */
  dash?: string;
}

export function VLine({ x: xv, label, color = MUTED, width = 1.25, dash = '4 3' }: VLineProps) {
  const { x, innerWidth: iw, innerHeight: ih } = usePlotScales();
  const px = x(xv);
  if (!Number.isFinite(px)) return null;
  const flip = label ? px + 4 + estimateTextWidth(label, FONT_PX.xs) > iw : false;
  return (
    <g>
      <line x1={px} x2={px} y1={0} y2={ih} style={{ stroke: color, strokeWidth: width, strokeDasharray: dash || undefined }} />
      {label && (
        <text x={flip ? px - 4 : px + 4} y={4} dy="0.71em" textAnchor={flip ? 'end' : 'start'} style={haloLabelStyle()}>
          {label}
        </text>
      )}
    </g>
  );
}
