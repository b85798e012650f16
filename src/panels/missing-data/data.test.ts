/**
 * A data set from its random numbers, worked by hand from data.ts's model: x = a,
 * y = ρa + √(1 − ρ²)b, z = 0.7y + √0.51·c, t = x + y + 0.5e, and a value missing when its coin
 * falls below σ(offset + 2v) (v = z under MAR for both, the value itself under MNAR; the rate
 * itself under MCAR). The study keeps the random numbers while ρ, the mechanism and the rate move
 * (model.ts StudyCache), so they must not depend on them.
 */
import { describe, expect, it } from 'vitest';
import { DrawStream, drawNumbers, drawSample, expectedRate, offsetFor, sampleFrom } from './data';

const sigma = (u: number) => 1 / (1 + Math.exp(-u));

describe('a data set from its random numbers, by hand', () => {
  const n = 60, rate = 0.35, offset = offsetFor(rate);
  const r = drawNumbers(4, 2, n);
  for (const mechanism of ['mcar', 'mar', 'mnar'] as const) {
    for (const rho of [0.6, -0.9]) {
      it(`${mechanism}, ρ ${rho}`, () => {
        const s = sampleFrom(r, rho, mechanism, rate, offset);
        expect(s.n).toBe(n);
        for (let i = 0; i < n; i++) {
          const x = r.a[i], y = rho * r.a[i] + Math.sqrt(1 - rho * rho) * r.b[i];
          const z = 0.7 * y + Math.sqrt(0.51) * r.c[i];
          expect(s.x[i]).toBe(x);
          expect(s.y[i]).toBeCloseTo(y, 12);
          expect(s.z[i]).toBeCloseTo(z, 12);
          expect(s.t[i]).toBeCloseTo(x + y + 0.5 * r.e[i], 12);
          const [px, py] = mechanism === 'mcar' ? [rate, rate] : mechanism === 'mar' ? [sigma(offset + 2 * z), sigma(offset + 2 * z)] : [sigma(offset + 2 * x), sigma(offset + 2 * y)];
          expect(s.missX[i]).toBe(r.ux[i] < px ? 1 : 0);
          expect(s.missY[i]).toBe(r.uy[i] < py ? 1 : 0);
        }
        // Both kinds of flag occur, so the comparisons above were tested both ways.
        expect(new Set(s.missX).size).toBe(2);
        expect(new Set(s.missY).size).toBe(2);
      });
    }
  }
  it('drawSample is the data set from its numbers; the numbers are standard normals and uniforms on [0, 1)', () => {
    expect(drawSample(4, 2, n, 0.6, 'mar', rate)).toEqual(sampleFrom(r, 0.6, 'mar', rate));
    for (const v of [r.ux, r.uy]) expect(v.every((u) => u >= 0 && u < 1)).toBe(true);
    // Another data set has other numbers.
    expect(drawNumbers(4, 3, n).a).not.toEqual(r.a);
  });
});

describe("a data set's numbers kept for any n (the study's cache) equal drawing them anew", () => {
  it('growing, shrinking and growing again, to the bit; the rows drawn reach the largest n asked', () => {
    for (const [seed, draw] of [[7, 0], [3, 5]]) {
      const kept = new DrawStream(seed, draw);
      for (const n of [200, 210, 40, 400, 1, 399, 401, 0, 60]) {
        const r = kept.numbers(n);
        expect(r).toEqual(drawNumbers(seed, draw, n));
        expect(r.a).toHaveLength(n);
      }
      expect(kept.drawn).toBe(401);
    }
  });
  it('an odd first n and steps of one row: no normal is carried over between rows', () => {
    const kept = new DrawStream(11, 2);
    for (let n = 1; n <= 9; n++) expect(kept.numbers(n)).toEqual(drawNumbers(11, 2, n));
  });
});

describe('the offset for a rate, from the grid drawn once and remembered, equals the plain bisection to the bit', () => {
  // data.ts's bisection with expectedRate recomputed at every step (the weights included).
  const plain = (rate: number, s: number) => {
    let lo = -40, hi = 40;
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2;
      if (expectedRate(mid, s) < rate) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  it('every rate the slider reaches, edge rates and other strengths, asked twice', () => {
    const rates = [...Array.from({ length: 13 }, (_, i) => i * 0.05), 1e-9, 0.123456789, 0.999, 1];
    for (const s of [2, 0.5, 5]) {
      for (const rate of rates) {
        expect(offsetFor(rate, s)).toBe(plain(rate, s));
        expect(offsetFor(rate, s)).toBe(plain(rate, s));
      }
    }
    // More distinct rates than the memo keeps: still the plain answers.
    for (let i = 0; i < 150; i++) expect(offsetFor(i / 300)).toBe(plain(i / 300, 2));
    // The strength is part of the question.
    expect(offsetFor(0.3, 2)).not.toBe(offsetFor(0.3, 5));
  });
});
