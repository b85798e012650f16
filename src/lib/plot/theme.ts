/* The one place where plot geometry and text style live, so every plot in every panel shares
   margins, tick length and font sizes. Colours are CSS custom properties from app/theme.css,
   so the dark theme needs no code here. */
import type { CSSProperties } from 'react';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Default margins around the inner plot area (px). `left` grows when y tick labels are wide. */
export const MARGIN: Readonly<Margin> = { top: 8, right: 12, bottom: 36, left: 48 };

/** Length of a tick mark outside the plot area (px). */
export const TICK_SIZE = 4;
/** Gap between a tick mark and its label (px). */
export const TICK_PAD = 3;
/** Room reserved for a rotated y-axis label at the left edge (px). */
export const Y_LABEL_BAND = 16;

/** Font sizes in px matching --fs-xs / --fs-sm at the default 16px root; used only to estimate
    label widths (the rendered text uses the CSS variables). */
export const FONT_PX = { xs: 12, sm: 14 } as const;

/** Target distance between ticks, so tick density follows the plot size. */
export const X_TICK_SPACING = 80;
export const Y_TICK_SPACING = 44;

/** Width used before the container has been measured (and where ResizeObserver is missing). */
export const DEFAULT_WIDTH = 480;
/** Default width / height of a whole plot when neither height nor aspect is given. */
export const DEFAULT_ASPECT = 1.6;
export const MIN_HEIGHT = 140;

export const TICK_LABEL_STYLE: CSSProperties = {
  fill: 'var(--muted)',
  fontSize: 'var(--fs-xs)',
  fontFamily: 'var(--font)',
  fontVariantNumeric: 'tabular-nums',
};

export const AXIS_LABEL_STYLE: CSSProperties = {
  fill: 'var(--fg)',
  fontSize: 'var(--fs-xs)',
  fontFamily: 'var(--font)',
};

export const TITLE_STYLE: CSSProperties = {
  color: 'var(--fg)',
  fontSize: 'var(--fs-sm)',
  fontWeight: 600,
  fontFamily: 'var(--font)',
  lineHeight: 1.3,
  margin: '0 0 var(--s1) 0',
};

/** Axis lines and tick marks: thin and quiet. */
export const AXIS_STROKE = 'var(--muted)';
export const AXIS_STROKE_WIDTH = 1;
export const GRID_STROKE = 'var(--grid)';
/* Colours go in `style`, not presentation attributes: var() in a style is CSS everywhere, while
   var() inside an SVG attribute is less uniformly supported. */
export const AXIS_LINE_STYLE: CSSProperties = { stroke: AXIS_STROKE, strokeWidth: AXIS_STROKE_WIDTH };
export const GRID_LINE_STYLE: CSSProperties = { stroke: GRID_STROKE, strokeWidth: 1 };

export const FIGURE_STYLE: CSSProperties = {
  margin: 0,
  minWidth: 0,
  maxWidth: '100%',
  fontFamily: 'var(--font)',
};
