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

describe('dataset generators: definitions and draw order', () => {
  it('true functions at hand-worked points', () => {
    const [sine, cubic, step, linear] = (['sine', 'cubic', 'step', 'linear'] as const).map(trueFunction);
    expect(sine(0.5)).toBeCloseTo(1, 14);
    expect(sine(-0.5)).toBeCloseTo(-1, 14);
    expect(cubic(1)).toBeCloseTo(1, 14); // 2.5 − 1.5
    expect(cubic(-1)).toBeCloseTo(-1, 14);
    expect(cubic(0.5)).toBeCloseTo(2.5 / 8 - 0.75, 14);
    expect([step(-0.01), step(0), step(0.3)]).toEqual([-0.6, 0.6, 0.6]);
    expect(linear(1)).toBeCloseTo(0.8, 14);
    expect(linear(-0.5)).toBeCloseTo(-0.4, 14);
  });

  it('noisy1D draws x in [lo, hi), then its noise: point i is (uniform, f + σ·normal)', () => {
    const f = trueFunction('linear');
    const d = noisy1D(createRng(8), f, 400, 0.2, 2, 5);
    expect(Math.min(...d.x)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...d.x)).toBeLessThan(5);
    const dflt = noisy1D(createRng(8), f, 400, 0);
    expect(Math.min(...dflt.x)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...dflt.x)).toBeLessThan(1);
    expect(Math.min(...dflt.x)).toBeLessThan(-0.9); // the whole range, not half of it
    expect(Math.max(...dflt.x)).toBeGreaterThan(0.9);
    const r = createRng(8), t = createRng(8);
    const small = noisy1D(r, f, 5, 0.2, 2, 5);
    for (let i = 0; i < 5; i++) {
      const x = 2 + 3 * t.next();
      expect(small.x[i]).toBeCloseTo(x, 14);
      expect(small.y[i]).toBeCloseTo(0.8 * x + 0.2 * t.normal(), 12);
    }
    expect(r.next()).toBe(t.next()); // no draw more than the points need
  });

  it('blobs: label i mod k, centre + spread·(normal, normal)', () => {
    const centers: [number, number][] = [[2, 0], [-2, 1], [0, -3]];
    const r = createRng(9);
    const b = blobs(r, 7, centers, 0.3);
    expect(Array.from(b.y)).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(b.x).toHaveLength(14);
    const t = createRng(9);
    for (let i = 0; i < 7; i++) {
      const [cx, cy] = centers[i % 3];
      expect(b.x[2 * i]).toBeCloseTo(cx + 0.3 * t.normal(), 12);
      expect(b.x[2 * i + 1]).toBeCloseTo(cy + 0.3 * t.normal(), 12);
    }
    expect(r.next()).toBe(t.next());
  });

  it('moons: the first ⌈n/2⌉ points on the upper half circle, the rest on the lower one shifted to (1, 0.5)', () => {
    const d = moons(createRng(10), 7, 0);
    expect(Array.from(d.y)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    for (let i = 0; i < 7; i++) {
      const [x, y] = [d.x[2 * i], d.x[2 * i + 1]];
      if (d.y[i] === 0) {
        expect(y).toBeGreaterThanOrEqual(0); // t ∈ [0, π): the upper half
        expect(Math.hypot(x, y)).toBeCloseTo(1, 12);
      } else {
        expect(y).toBeLessThanOrEqual(0.5);
        expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 12);
      }
    }
    // Draw order: t = π·u, then the two noise draws.
    const r = createRng(10);
    const noisy = moons(r, 3, 0.1);
    const t = createRng(10);
    for (const [i, outer] of [[0, true], [1, true], [2, false]] as const) {
      const a = Math.PI * t.next();
      const px = outer ? Math.cos(a) : 1 - Math.cos(a), py = outer ? Math.sin(a) : 0.5 - Math.sin(a);
      expect(noisy.x[2 * i]).toBeCloseTo(px + 0.1 * t.normal(), 12);
      expect(noisy.x[2 * i + 1]).toBeCloseTo(py + 0.1 * t.normal(), 12);
    }
    expect(r.next()).toBe(t.next());
  });

  it('circles: odd points inside (radius factor, label 1), angle 2π·u, then the noise', () => {
    const r = createRng(11);
    const d = circles(r, 4, 0.05);
    expect(Array.from(d.y)).toEqual([0, 1, 0, 1]);
    const t = createRng(11);
    for (let i = 0; i < 4; i++) {
      const a = 2 * Math.PI * t.next(), rad = i % 2 ? 0.5 : 1; // default factor 0.5
      expect(d.x[2 * i]).toBeCloseTo(rad * Math.cos(a) + 0.05 * t.normal(), 12);
      expect(d.x[2 * i + 1]).toBeCloseTo(rad * Math.sin(a) + 0.05 * t.normal(), 12);
    }
    expect(r.next()).toBe(t.next());
  });

  it('spiral: radius 0.05 + 0.95u at angle 2π·1.75·u, the second arm turned by π', () => {
    const d = spiral(createRng(12), 200, 0);
    expect(Array.from(d.y.slice(0, 4))).toEqual([0, 1, 0, 1]);
    for (let i = 0; i < d.n; i++) {
      const [x, y] = [d.x[2 * i], d.x[2 * i + 1]];
      const r = Math.hypot(x, y);
      expect(r).toBeGreaterThanOrEqual(0.05 - 1e-12);
      expect(r).toBeLessThanOrEqual(1);
      // The angle (measured from the y axis, as sin/cos place it) follows the radius.
      const u = (r - 0.05) / 0.95;
      const want = 2 * Math.PI * 1.75 * u + d.y[i] * Math.PI;
      const diff = Math.atan2(x, y) - want;
      expect(Math.abs(Math.sin(diff))).toBeLessThan(1e-9);
      expect(Math.cos(diff)).toBeGreaterThan(0);
    }
    const g = createRng(13);
    const noisy = spiral(g, 3, 0.1, 1);
    const t = createRng(13);
    for (let i = 0; i < 3; i++) {
      const u = t.next(), r = 0.05 + 0.95 * u, a = 2 * Math.PI * u + (i % 2) * Math.PI;
      expect(noisy.x[2 * i]).toBeCloseTo(r * Math.sin(a) + 0.1 * t.normal(), 12);
      expect(noisy.x[2 * i + 1]).toBeCloseTo(r * Math.cos(a) + 0.1 * t.normal(), 12);
    }
    expect(g.next()).toBe(t.next());
  });

  it('xor: (a, b) uniform on [−1, 1]², label from the noise-free signs, then the noise', () => {
    const r = createRng(14);
    const d = xor(r, 3, 0.5);
    const t = createRng(14);
    for (let i = 0; i < 3; i++) {
      const a = t.uniform(-1, 1), b = t.uniform(-1, 1);
      expect(d.y[i]).toBe(a * b > 0 ? 1 : 0);
      expect(d.x[2 * i]).toBeCloseTo(a + 0.5 * t.normal(), 12);
      expect(d.x[2 * i + 1]).toBeCloseTo(b + 0.5 * t.normal(), 12);
    }
    expect(r.next()).toBe(t.next());
    const clean = xor(createRng(15), 2000, 0);
    expect(Math.min(...clean.x)).toBeLessThan(-0.95);
    expect(Math.max(...clean.x)).toBeGreaterThan(0.95);
    expect(clean.x.every((v) => v >= -1 && v < 1)).toBe(true);
  });
});

