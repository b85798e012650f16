/* One axis drawn by React from a precomputed tick list (d3-axis would mutate React's nodes). */
import type { Tick } from './ticks';
import { estimateTextWidth, xLabelAnchor } from './ticks';
import {
  AXIS_LABEL_STYLE,
  AXIS_LINE_STYLE,
  FONT_PX,
  TICK_LABEL_STYLE,
  TICK_PAD,
  TICK_SIZE,
  type Margin,
} from './theme';

export interface AxisProps {
  orient: 'bottom' | 'left';
  ticks: readonly Tick[];
  scale: (v: number) => number;
  innerWidth: number;
  innerHeight: number;
  margin: Margin;
  label?: string;
}

export function Axis({ orient, ticks, scale, innerWidth, innerHeight, margin, label }: AxisProps) {
  // Half-pixel offsets keep 1px lines crisp instead of blurred across two pixel rows.
  if (orient === 'bottom') {
    const y0 = innerHeight + 0.5;
    return (
      <g aria-hidden="true">
        <line x1={0} x2={innerWidth} y1={y0} y2={y0} style={AXIS_LINE_STYLE} />
        {ticks.map((t) => {
          const px = Math.round(scale(t.value)) + 0.5;
          if (!Number.isFinite(px)) return null;
          const size = t.major ? TICK_SIZE : TICK_SIZE / 2;
          const anchor = t.label
            ? xLabelAnchor(px, estimateTextWidth(t.label, FONT_PX.xs), innerWidth, margin)
            : 'middle';
          return (
            <g key={`x${t.value}`} transform={`translate(${px},${y0})`}>
              <line y2={size} style={AXIS_LINE_STYLE} />
              {t.label && (
                <text y={TICK_SIZE + TICK_PAD} dy="0.71em" textAnchor={anchor} style={TICK_LABEL_STYLE}>
                  {t.label}
                </text>
              )}
            </g>
          );
        })}
        {label && (
          <text
            x={innerWidth / 2}
            y={innerHeight + margin.bottom - 4}
            textAnchor="middle"
            style={AXIS_LABEL_STYLE}
          >
            {label}
          </text>
        )}
      </g>
    );
  }
  const x0 = -0.5;
  return (
    <g aria-hidden="true">
      <line x1={x0} x2={x0} y1={0} y2={innerHeight} style={AXIS_LINE_STYLE} />
      {ticks.map((t) => {
        const py = Math.round(scale(t.value)) + 0.5;
        if (!Number.isFinite(py)) return null;
        const size = t.major ? TICK_SIZE : TICK_SIZE / 2;
        return (
          <g key={`y${t.value}`} transform={`translate(${x0},${py})`}>
            <line x2={-size} style={AXIS_LINE_STYLE} />
            {t.label && (
              <text x={-(TICK_SIZE + TICK_PAD)} dy="0.32em" textAnchor="end" style={TICK_LABEL_STYLE}>
                {t.label}
              </text>
            )}
          </g>
        );
      })}
      {label && (
        <text
          transform="rotate(-90)"
          x={-innerHeight / 2}
          y={-margin.left + 12}
          textAnchor="middle"
          style={AXIS_LABEL_STYLE}
        >
          {label}
        </text>
      )}
    </g>
  );
}
