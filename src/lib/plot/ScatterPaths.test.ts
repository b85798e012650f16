import { describe, expect, it } from 'vitest';
import { circlePath } from './ScatterPaths';

/** The points a path's M and relative a commands visit, and each arc's radii and flags. */
function walk(d: string) {
  const at: [number, number][] = [], arcs: number[][] = [];
  for (const [, cmd, args] of d.matchAll(/([Ma])([^Ma]+)/g)) {
    const v = args.split(/[ ,]+/).filter(Boolean).map(Number);
    if (cmd === 'M') at.push([v[0], v[1]]);
    else {
      const [x, y] = at[at.length - 1];
      at.push([x + v[5], y + v[6]]);
      arcs.push(v.slice(0, 5));
    }
  }
  return { at, arcs };
}

describe('circlePath', () => {
  it.each([
    [10, 20, 3.5],
    [-4.25, 0, 1],
    [123.456, 78.9, 0.75],
  ])('centre (%f, %f), radius %f: two half arcs through opposite ends of a diameter, back to the start', (cx, cy, r) => {
    const { at, arcs } = walk(circlePath(cx, cy, r));
    expect(at).toHaveLength(3);
    // Start and middle are r from the centre on either side; the path ends where it began.
    expect(Math.hypot(at[0][0] - cx, at[0][1] - cy)).toBeCloseTo(r, 2);
    expect(Math.hypot(at[1][0] - cx, at[1][1] - cy)).toBeCloseTo(r, 2);
    expect(at[1][0] - at[0][0]).toBeCloseTo(2 * r, 2);
    expect(at[2][0]).toBeCloseTo(at[0][0], 9);
    expect(at[2][1]).toBeCloseTo(at[0][1], 9);
    // Each arc has radius r (both radii), no rotation, the large-arc flag set.
    for (const [rx, ry, rot, large] of arcs) expect([rx, ry, rot, large]).toEqual([Math.round(r * 100) / 100, Math.round(r * 100) / 100, 0, 1]);
  });
});
