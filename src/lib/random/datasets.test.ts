import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { blobs, circles, moons, noisy1D, spiral, trueFunction, xor } from './datasets';

describe('dataset generators', () => {
  it('noisy1D with zero noise lies on the function, and is reproducible', () => {
    const f = trueFunction('sine');
    const d = noisy1D(createRng(1), f, 50, 0);
    for (let i = 0; i < d.n; i++) expect(d.y[i]).toBeCloseTo(f(d.x[i]), 12);
    const again = noisy1D(createRng(1), f, 50, 0);
    expect(Array.from(again.x)).toEqual(Array.from(d.x));
  });

  it('noisy1D residuals have the requested standard deviation', () => {
    const f = trueFunction('cubic');
    const d = noisy1D(createRng(2), f, 20_000, 0.3);
    let s2 = 0;
    for (let i = 0; i < d.n; i++) s2 += (d.y[i] - f(d.x[i])) ** 2;
    expect(Math.sqrt(s2 / d.n)).toBeCloseTo(0.3, 2);
  });

  it('noise-free moons lie on their unit half circles', () => {
    const d = moons(createRng(3), 200, 0);
    for (let i = 0; i < d.n; i++) {
      const [px, py] = [d.x[2 * i], d.x[2 * i + 1]];
      const r = d.y[i] === 0 ? Math.hypot(px, py) : Math.hypot(px - 1, py - 0.5);
      expect(r).toBeCloseTo(1, 10);
    }
  });

  it('noise-free circles have radius 1 (label 0) and factor (label 1)', () => {
    const d = circles(createRng(4), 100, 0, 0.4);
    for (let i = 0; i < d.n; i++) {
      expect(Math.hypot(d.x[2 * i], d.x[2 * i + 1])).toBeCloseTo(d.y[i] ? 0.4 : 1, 10);
    }
  });

  it('xor labels follow the sign rule, blobs centre on their centres, spiral is balanced', () => {
    const x = xor(createRng(5), 300, 0);
    for (let i = 0; i < x.n; i++) expect(x.y[i]).toBe(x.x[2 * i] * x.x[2 * i + 1] > 0 ? 1 : 0);
    const b = blobs(createRng(6), 3000, [[2, 0], [-2, 1]], 0.5);
    let mx = 0, my = 0;
    for (let i = 0; i < b.n; i += 2) { mx += b.x[2 * i]; my += b.x[2 * i + 1]; }
    expect(mx / 1500).toBeCloseTo(2, 1);
    expect(my / 1500).toBeCloseTo(0, 1);
    const s = spiral(createRng(7), 100, 0);
    expect(Array.from(s.y).filter((v) => v === 1).length).toBe(50);
  });
});
