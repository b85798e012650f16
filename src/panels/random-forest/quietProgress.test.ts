/**
 * Which worker views the random-forest page draws (quietProgress.ts): a finished view at once,
 * a progress view only once the target has waited QUIET_MS, the page's first forest too (from the
 * page's first render: a link open draws a quickly finished forest once), and never one from
 * before the target changed counted against the new target's wait.
 */
import { describe, expect, it } from 'vitest';
import { firstShown, nextShown, QUIET_MS, type Shown } from './quietProgress';

const start = (view: string | null, at = 'a', since = 0): Shown<string> => ({ at, since, view });

describe('random-forest quiet progress', () => {
  it('waits 150 ms, as the kit’s throttledProgress does', () => {
    expect(QUIET_MS).toBe(150);
  });

  it("the page's first forest: its progress views wait QUIET_MS from the first render, its finished view does not", () => {
    // A link open: the page's first render at t = 2000 (not the page's time origin, 0).
    let s = firstShown<string>('a', 2000);
    expect(s).toEqual({ at: 'a', since: 2000, view: null });
    s = nextShown(s, 'p1', false, 'a', 2040);
    expect(s.view).toBeNull();
    s = nextShown(s, 'p2', false, 'a', 2000 + QUIET_MS - 1);
    expect(s.view).toBeNull();
    expect(nextShown(s, 'done', true, 'a', 2100).view).toBe('done');
    // A slow forest still shows its trees arriving once it has waited.
    expect(nextShown(s, 'p3', false, 'a', 2000 + QUIET_MS).view).toBe('p3');
  });

  it('keeps the old view through progress views for QUIET_MS, then draws them', () => {
    let s = nextShown(start('old', 'a', 0), null, false, 'b', 1000); // the target changes at t = 1000
    expect(s).toEqual({ at: 'b', since: 1000, view: 'old' });
    s = nextShown(s, 'p1', false, 'b', 1040);
    expect(s.view).toBe('old');
    s = nextShown(s, 'p2', false, 'b', 1000 + QUIET_MS - 1);
    expect(s.view).toBe('old');
    s = nextShown(s, 'p3', false, 'b', 1000 + QUIET_MS);
    expect(s.view).toBe('p3');
    expect(s.since).toBe(1000);
    s = nextShown(s, 'p4', false, 'b', 1300);
    expect(s.view).toBe('p4');
  });

  it('draws the finished view at once, however soon it comes', () => {
    const s = nextShown(start('old', 'a', 0), 'done', true, 'b', 5);
    expect(s).toEqual({ at: 'b', since: 5, view: 'done' });
  });

  it('the wait starts again when the target changes (a new slider step)', () => {
    let s = nextShown(start('old', 'b', 0), 'p', false, 'b', 400); // waited long: drawn
    expect(s.view).toBe('p');
    s = nextShown(s, 'q', false, 'c', 420); // a new target: its wait begins now
    expect(s).toEqual({ at: 'c', since: 420, view: 'p' });
    expect(nextShown(s, 'r', false, 'c', 420 + QUIET_MS - 1).view).toBe('p');
    expect(nextShown(s, 'r', false, 'c', 420 + QUIET_MS).view).toBe('r');
  });

  it('returns the same state when nothing changes (no view, or the view already shown)', () => {
    const s = start('v', 'a', 3);
    expect(nextShown(s, null, false, 'a', 999)).toBe(s);
    expect(nextShown(s, 'v', true, 'a', 999)).toBe(s);
    expect(nextShown(s, 'w', false, 'a', 3 + QUIET_MS - 1)).toBe(s);
  });

  it('takes the quiet time as an argument', () => {
    expect(nextShown(start('old', 'a', 0), 'p', false, 'a', 10, 10).view).toBe('p');
    expect(nextShown(start('old', 'a', 0), 'p', false, 'a', 9, 10).view).toBe('old');
  });
});
