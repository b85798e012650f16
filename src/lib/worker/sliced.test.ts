/** sliced(): slices of work between looks at the message queue, on a clock the test moves. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_MS, sliced, Superseded } from './sliced';

let clock = 0;
afterEach(() => vi.restoreAllMocks());
const fakeClock = () => {
  clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
};

/** A job of `pieces` pieces, each taking `msEach` on the fake clock; its result is the pieces done. */
function job(pieces: number, msEach: number) {
  let done = 0;
  return {
    step: () => {
      clock += msEach;
      done++;
      return done >= pieces;
    },
    result: () => done,
  };
}

function ctx(cancelAfter = Infinity) {
  const c = { yields: 0, cancelled: () => c.yields >= cancelAfter, yield: async () => void c.yields++ };
  return c;
}

describe('sliced', () => {
  it('runs every piece and returns the result; a slice ends once its time is spent, not before', async () => {
    fakeClock();
    const c = ctx();
    // Pieces of 4 ms, slices of 12: the clock reads 12 after the third piece, which ends the slice.
    expect(await sliced(job(10, 4), c, 12)).toBe(10);
    // Slices end after pieces 3, 6 and 9; piece 10 is the last, with no look after it.
    expect(c.yields).toBe(3);
  });

  it('the default slice is SLICE_MS = 12 ms', async () => {
    expect(SLICE_MS).toBe(12);
    fakeClock();
    const c = ctx();
    expect(await sliced(job(7, 3), c)).toBe(7); // 3 ms pieces: a look after pieces 4 (12 ms)
    expect(c.yields).toBe(1);
  });

  it('a long slice never yields; a zero slice yields after every piece but the last', async () => {
    fakeClock();
    const long = ctx();
    expect(await sliced(job(20, 1), long, 1e9)).toBe(20);
    expect(long.yields).toBe(0);
    const zero = ctx();
    expect(await sliced(job(5, 1), zero, 0)).toBe(5);
    expect(zero.yields).toBe(4);
    const one = ctx();
    expect(await sliced(job(1, 100), one, 0)).toBe(1); // one piece: done at once
    expect(one.yields).toBe(0);
  });

  it('stops with Superseded at the first look after a newer input arrived', async () => {
    fakeClock();
    const c = ctx(2);
    const j = job(100, 5);
    const err = await sliced(j, c, 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Superseded);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('superseded by a newer setting');
    expect(j.result()).toBe(4); // two slices of two 5 ms pieces, then the second look saw the cancel
  });
});
