import { describe, expect, it } from 'vitest';
import { createRng, hashString, stream } from './rng';

describe('seeded rng', () => {
  it('golden values: the first outputs never change (old links depend on them)', () => {
    const r = createRng(42);
    const got = Array.from({ length: 5 }, () => r.next());
    expect(got).toEqual(GOLDEN_42);
  });

  it('golden stream values', () => {
    const r = stream(7, 'data');
    expect([r.next(), r.next()]).toEqual(GOLDEN_STREAM_7_DATA);
    expect(hashString('data')).toBe(0xd872e2a5);
  });

  it('same seed gives the same sequence; different streams differ', () => {
    const a = stream(1, 'x'), b = stream(1, 'x'), c = stream(1, 'y');
    const sa = [a.next(), a.next()], sb = [b.next(), b.next()], sc = [c.next(), c.next()];
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  it('uniform draws have mean 1/2 and variance 1/12', () => {
    const r = createRng(3);
    const n = 200_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      s += u;
      s2 += u * u;
    }
    const m = s / n;
    expect(m).toBeCloseTo(0.5, 2);
    expect(s2 / n - m * m).toBeCloseTo(1 / 12, 2);
  });

  it('normal draws have mean 0 and variance 1', () => {
    const r = createRng(5);
    const n = 200_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(s2 / n).toBeCloseTo(1, 1);
  });

  it('int covers 0..n-1 evenly and permutation is a permutation', () => {
    const r = createRng(9);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const p = Array.from(r.permutation(50)).sort((x, y) => x - y);
    expect(p).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

// Pinned after the first run of this generator; a change here breaks every shared link.
const GOLDEN_42 = [0.8907801888417453, 0.4310670436825603, 0.3220651443116367, 0.2072944741230458, 0.6512069271411747];
const GOLDEN_STREAM_7_DATA = [0.40938477078452706, 0.09729237807914615];
