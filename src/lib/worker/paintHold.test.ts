import { describe, expect, it } from 'vitest';
import { createPaintHold } from './paintHold';

/** A frame signal the test paints by hand. */
function frames() {
  const waiting: (() => void)[] = [];
  return {
    afterPaint: () => new Promise<void>((r) => waiting.push(r)),
    paint: async () => {
      waiting.splice(0).forEach((r) => r());
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe('createPaintHold', () => {
  it('applies answers at once while nothing is held', () => {
    const got: number[] = [];
    const h = createPaintHold<number>((s) => got.push(s), frames().afterPaint);
    h.receive(1);
    h.receive(2);
    expect(got).toEqual([1, 2]);
  });

  it('keeps only the latest answer until the frame is painted, then applies it once', async () => {
    const got: number[] = [];
    const f = frames();
    const h = createPaintHold<number>((s) => got.push(s), f.afterPaint);
    h.hold();
    h.receive(1);
    h.receive(2);
    expect(got).toEqual([]);
    await f.paint();
    expect(got).toEqual([2]);
    h.receive(3); // the hold is over
    expect(got).toEqual([2, 3]);
  });

  it('applies nothing at the frame when nothing came', async () => {
    const got: number[] = [];
    const f = frames();
    const h = createPaintHold<number>((s) => got.push(s), f.afterPaint);
    h.hold();
    await f.paint();
    expect(got).toEqual([]);
  });

  it('a newer request holds until its own frame', async () => {
    const got: number[] = [];
    const waiting: (() => void)[] = [];
    const h = createPaintHold<number>((s) => got.push(s), () => new Promise<void>((r) => waiting.push(r)));
    h.hold();
    h.receive(1);
    h.hold(); // a second key press before the first frame
    waiting[0](); // the first request's frame
    await Promise.resolve();
    await Promise.resolve();
    expect(got).toEqual([]);
    h.receive(2);
    waiting[1]();
    await Promise.resolve();
    await Promise.resolve();
    expect(got).toEqual([2]);
  });
});
