import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { startOf, surfaceOf } from './model';
import { schema } from './params';
import { keepInside, isNudgeKey, nudgeStart } from './startKeys';

const BOWL = [-2, 2, -2, 2] as const;

describe('moving the start with the keyboard', () => {
  it('moves by 1/40 of the window per arrow, 1/8 with Shift, up meaning larger y', () => {
    expect(nudgeStart([-1.8, 1.2], BOWL, 'ArrowRight', false)).toEqual([-1.7, 1.2]);
    expect(nudgeStart([-1.8, 1.2], BOWL, 'ArrowLeft', false)).toEqual([-1.9, 1.2]);
    expect(nudgeStart([-1.8, 1.2], BOWL, 'ArrowUp', false)).toEqual([-1.8, 1.3]);
    expect(nudgeStart([-1.8, 1.2], BOWL, 'ArrowDown', true)).toEqual([-1.8, 0.7]);
  });

  it('rounds to the link precision, so repeated presses do not collect float noise', () => {
    let p: readonly [number, number] = [0, 0];
    for (let k = 0; k < 7; k++) p = nudgeStart(p, BOWL, 'ArrowRight', false);
    expect(p).toEqual([0.7, 0]);
  });

  it('stays inside the window, also on a window that is not square', () => {
    expect(nudgeStart([1.95, -1.9], BOWL, 'ArrowRight', true)).toEqual([2, -1.9]);
    expect(nudgeStart([1.95, -1.9], BOWL, 'ArrowDown', true)).toEqual([1.95, -2]);
    // Rosenbrock's window [-2, 2] × [-1, 3]: y tops out at 3.
    expect(nudgeStart([0, 2.9], [-2, 2, -1, 3], 'ArrowUp', true)).toEqual([0, 3]);
  });

  it('ignores every other key', () => {
    expect(isNudgeKey('ArrowUp')).toBe(true);
    expect(isNudgeKey('Enter')).toBe(false);
    expect(nudgeStart([0.5, 0.5], BOWL, 'Home', false)).toEqual([0.5, 0.5]);
  });

  it('keeps a start inside the window exactly as the model does', () => {
    for (const surface of ['bowl', 'rosenbrock', 'logistic'] as const)
      for (const start of [[-1.5, 0.7], [9, -9], [-9, 2.5]]) {
        const p = { ...defaults(schema), surface, start };
        expect(keepInside(start, surfaceOf(p).view)).toEqual(startOf(p));
      }
  });
});
