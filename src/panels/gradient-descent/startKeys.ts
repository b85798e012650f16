/**
 * The keyboard's way to set the start (the pointer clicks the contour map): the arrow keys move
 * the start by a small fraction of the map's window, Shift by a larger one, and it stays inside
 * the window, rounded to the link's precision. Pure: no React, no DOM.
 */
import type { Vec2 } from './optimizers';
import { schema } from './params';

/** Fractions of the window's wider side one press moves: small, and with Shift. */
export const NUDGE = 1 / 40, NUDGE_LARGE = 1 / 8;

const DIRECTIONS: Record<string, Vec2> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/** Whether `key` moves the start (so the map should handle it and nothing else). */
export function isNudgeKey(key: string): boolean {
  return key in DIRECTIONS;
}

/** The start after pressing `key` (an arrow) on a map showing `view` = [x0, x1, y0, y1]. */
export function nudgeStart(start: Vec2, view: readonly [number, number, number, number], key: string, large: boolean): Vec2 {
  const d = DIRECTIONS[key];
  if (!d) return start;
  const [x0, x1, y0, y1] = view;
  const by = Math.max(x1 - x0, y1 - y0) * (large ? NUDGE_LARGE : NUDGE);
  const q = 10 ** schema.start.digits;
  const put = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v * q) / q));
  return [put(start[0] + d[0] * by, x0, x1), put(start[1] + d[1] * by, y0, y1)];
}

/** The start as the link sets it, kept inside the window (what model.ts's startOf gives, without tfjs). */
export function keepInside(start: readonly number[], view: readonly [number, number, number, number]): Vec2 {
  const [x0, x1, y0, y1] = view;
  return [Math.min(x1, Math.max(x0, start[0])), Math.min(y1, Math.max(y0, start[1]))];
}
