/* Text style for labels drawn over data (rules, markers, bar values): a halo in the plot
   background colour keeps them readable over lines, points and heat maps. */
import type { CSSProperties } from 'react';
import { TICK_LABEL_STYLE } from './theme';

export function haloLabelStyle(color = 'var(--fg)'): CSSProperties {
  return {
    ...TICK_LABEL_STYLE,
    fill: color,
    stroke: 'var(--plot-bg)',
    strokeWidth: 3,
    strokeOpacity: 0.85,
    paintOrder: 'stroke',
    strokeLinejoin: 'round',
  };
}
