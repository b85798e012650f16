/* Light grid lines at the major ticks. Drawn in the bottom svg layer, below any canvas. */
import type { Tick } from './ticks';
import { GRID_LINE_STYLE } from './theme';

export interface GridProps {
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  x: (v: number) => number;
  y: (v: number) => number;
  innerWidth: number;
  innerHeight: number;
  show: 'both' | 'x' | 'y' | 'none';
}

export function Grid({ xTicks, yTicks, x, y, innerWidth, innerHeight, show }: GridProps) {
  const vertical = show === 'both' || show === 'x';
  const horizontal = show === 'both' || show === 'y';
  return (
    <g style={GRID_LINE_STYLE}>
      {vertical &&
        xTicks.map((t) => {
          const px = Math.round(x(t.value)) + 0.5;
          return t.major && Number.isFinite(px) ? (
            <line key={`gx${t.value}`} x1={px} x2={px} y1={0} y2={innerHeight} />
          ) : null;
        })}
      {horizontal &&
        yTicks.map((t) => {
          const py = Math.round(y(t.value)) + 0.5;
          return t.major && Number.isFinite(py) ? (
            <line key={`gy${t.value}`} x1={0} x2={innerWidth} y1={py} y2={py} />
          ) : null;
        })}
    </g>
  );
}
