/** Moving a centre with the arrow keys (CentreHandles.tsx): pure, no React, no DOM. */
import { formatCentres } from './seeding';

/** How far one arrow press moves a centre, as a share of the plot's longer side (the same
 *  distance across as up, as the plot keeps x₁ and x₂ to one scale). */
export const NUDGE = 0.01;
export const NUDGE_SHIFT = 0.1;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

export const isArrow = (key: string) => Object.hasOwn(ARROWS, key);

/**
 * The centres after an arrow key on centre j (null for any other key): moved by NUDGE (or
 * NUDGE_SHIFT) of the view's longer side, up meaning larger x₂, and kept inside the view.
 */
export function nudged(centres: Float64Array, j: number, key: string, shift: boolean, view: readonly [number, number, number, number]): Float64Array | null {
  if (!isArrow(key)) return null;
  const dir = ARROWS[key];
  const [x0, x1, y0, y1] = view;
  const by = (shift ? NUDGE_SHIFT : NUDGE) * Math.max(x1 - x0, y1 - y0);
  const c = Float64Array.from(centres);
  c[2 * j] = Math.max(x0, Math.min(x1, c[2 * j] + dir[0] * by));
  c[2 * j + 1] = Math.max(y0, Math.min(y1, c[2 * j + 1] + dir[1] * by));
  return c;
}

/** A coordinate as the link writes it (formatCentres), with a typographic minus. */
export const coord = (v: number) => formatCentres([v]).replace('-', '−');
