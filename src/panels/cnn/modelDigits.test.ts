/**
 * The generated digits: the same seed gives the same images (and another seed others), classes
 * are balanced, pixels stay in [0, 1], and the pen's anti-aliasing follows its closed form.
 */
import { describe, expect, it } from 'vitest';
import { CLASSES, digitBatch, exampleDigit, heldOut, PIXELS, rasterStrokes, SIZE, trainBatch } from './modelDigits';

const counts = (y: Int32Array) => Array.from({ length: CLASSES }, (_, c) => y.filter((v) => v === c).length);

describe('cnn: generated digits', () => {
  it('are deterministic per seed and differ between seeds and steps', () => {
    const a = trainBatch(5, 3, 32), b = trainBatch(5, 3, 32);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Array.from(trainBatch(6, 3, 32).x)).not.toEqual(Array.from(a.x));
    expect(Array.from(trainBatch(5, 4, 32).x)).not.toEqual(Array.from(a.x));
    expect(Array.from(exampleDigit(2, 7, 1))).toEqual(Array.from(exampleDigit(2, 7, 1)));
    expect(Array.from(exampleDigit(2, 7, 1))).not.toEqual(Array.from(exampleDigit(2, 0, 1)));
  });
  it('have balanced classes: the held-out set exactly, and any ten training batches of 32', () => {
    for (const seed of [1, 77]) expect(counts(heldOut(seed, 500).y)).toEqual(Array(CLASSES).fill(50));
    const all = new Int32Array(320);
    for (let s = 0; s < 10; s++) all.set(trainBatch(9, s, 32).y, 32 * s);
    expect(counts(all)).toEqual(Array(CLASSES).fill(32));
    expect(counts(digitBatch(2, 'x', 30).y)).toEqual(Array(CLASSES).fill(3));
  });
  it('keep pixels in [0, 1] with ink on every image and paper around it', () => {
    const b = heldOut(3, 100);
    for (let i = 0; i < b.n; i++) {
      const im = b.x.subarray(i * PIXELS, (i + 1) * PIXELS);
      expect(Math.min(...im)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...im)).toBeLessThanOrEqual(1);
      const ink = im.reduce((s, v) => s + v, 0);
      expect(ink).toBeGreaterThan(8);
      expect(ink).toBeLessThan(PIXELS / 2);
    }
  });
  it('draw a pen of width w as coverage clamp(w/2 + 1/2 − distance, 0, 1) (anti-aliasing)', () => {
    for (const w of [1, 1.6, 2]) {
      // A horizontal line through the centres of row 8 (y = 8.5 in pixel units).
      const im = rasterStrokes([[[0, 8.5], [SIZE, 8.5]]], w);
      for (let r = 0; r < SIZE; r++) {
        const want = Math.min(1, Math.max(0, w / 2 + 0.5 - Math.abs(r - 8)));
        expect(im[r * SIZE + 5]).toBeCloseTo(want, 6);
      }
    }
  });
});
