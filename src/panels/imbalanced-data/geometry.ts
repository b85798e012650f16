/**
 * The decision boundary of a linear rule inside the plot's rectangle: the region predicted as
 * the minority (a polygon) and the boundary line (a segment). Pure.
 */
import type { XY } from '../../lib/plot/lines';
import type { Boundary } from './present';

export type Rect = readonly [number, number, number, number];

const side = (b: Boundary, p: XY) => b.a * p[0] + b.b * p[1] + b.c;

/** The part of the rectangle where a·x + b·y + c ≥ 0 (Sutherland–Hodgman against one line):
 *  the whole rectangle, nothing (empty list), or a convex polygon. */
export function positiveRegion(rect: Rect, b: Boundary): XY[] {
  const [x0, x1, y0, y1] = rect;
  const corners: XY[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  const out: XY[] = [];
  for (let i = 0; i < 4; i++) {
    const p = corners[i], q = corners[(i + 1) % 4];
    const fp = side(b, p), fq = side(b, q);
    if (fp >= 0) out.push(p);
    if (fp >= 0 !== fq >= 0) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The boundary line a·x + b·y + c = 0 inside the rectangle, or null when it misses it (or when
 *  a = b = 0: then every point is on one side). */
export function boundarySegment(rect: Rect, b: Boundary): [XY, XY] | null {
  if (b.a === 0 && b.b === 0) return null;
  const [x0, x1, y0, y1] = rect;
  const pts: XY[] = [];
  const add = (p: XY) => {
    if (p[0] >= x0 - 1e-9 && p[0] <= x1 + 1e-9 && p[1] >= y0 - 1e-9 && p[1] <= y1 + 1e-9 && !pts.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1]) < 1e-9)) pts.push(p);
  };
  if (b.b !== 0) for (const x of [x0, x1]) add([x, -(b.a * x + b.c) / b.b]);
  if (b.a !== 0) for (const y of [y0, y1]) add([-(b.b * y + b.c) / b.a, y]);
  return pts.length >= 2 ? [pts[0], pts[1]] : null;
}
