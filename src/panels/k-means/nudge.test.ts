/** Arrow keys on a centre: direction, step sizes, the view as a fence, and the link's rounding. */
import { describe, expect, it } from 'vitest';
import { coord, NUDGE, NUDGE_SHIFT, nudged } from './nudge';
import { formatCentres, parseCentres } from './seeding';

const VIEW = [-5, 5, -2, 2] as const; // wider than tall: steps are a share of the width
const C = Float64Array.from([0, 0, 1, -1]);

describe('nudged', () => {
  it('moves only the chosen centre, right/up by a share of the longer side, Shift ten times as far', () => {
    const span = VIEW[1] - VIEW[0];
    expect(Array.from(nudged(C, 1, 'ArrowRight', false, VIEW)!)).toEqual([0, 0, 1 + NUDGE * span, -1]);
    expect(Array.from(nudged(C, 1, 'ArrowUp', false, VIEW)!)).toEqual([0, 0, 1, -1 + NUDGE * span]);
    expect(Array.from(nudged(C, 0, 'ArrowLeft', true, VIEW)!)).toEqual([-NUDGE_SHIFT * span, 0, 1, -1]);
    expect(Array.from(nudged(C, 0, 'ArrowDown', true, VIEW)!)).toEqual([0, -NUDGE_SHIFT * span, 1, -1]);
    expect(Array.from(C)).toEqual([0, 0, 1, -1]); // the input is left alone
  });

  it('keeps the centre inside the view, and ignores keys that are not arrows', () => {
    const edge = Float64Array.from([4.99, 1.99]);
    expect(Array.from(nudged(edge, 0, 'ArrowRight', true, VIEW)!)).toEqual([5, 1.99]);
    expect(Array.from(nudged(edge, 0, 'ArrowUp', true, VIEW)!)).toEqual([4.99, 2]);
    for (const key of ['Home', ' ', 'Enter', 'a', 'toString', '__proto__']) expect(nudged(C, 0, key, false, VIEW)).toBeNull();
  });
});

describe('coord', () => {
  it('reads as the link writes the centre, with a typographic minus', () => {
    for (const v of [1.23456, -0.5, -12.0004, 0, 3])
      expect(coord(v).replace('−', '-')).toBe(String(parseCentres(formatCentres([v, v]))![0]));
    expect(coord(-0.5)).toBe('−0.5');
  });
});
