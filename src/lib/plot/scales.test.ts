import { describe, expect, it } from 'vitest';
import { categoryAxis, makeScale, paddedExtent, safeDomain } from './scales';
import { frameLayout } from './frameLayout';
import { MARGIN } from './theme';

describe('safeDomain', () => {
  it('keeps good domains and their orientation', () => {
    expect(safeDomain([0, 1], 'linear')).toEqual([0, 1]);
    expect(safeDomain([5, -5], 'linear')).toEqual([5, -5]);
  });
  it('widens zero-width domains', () => {
    expect(safeDomain([2, 2], 'linear')).toEqual([1.8, 2.2]);
    expect(safeDomain([0, 0], 'linear')).toEqual([-1, 1]);
    const [lo, hi] = safeDomain([1, 1], 'log');
    expect(lo).toBeCloseTo(1 / Math.sqrt(10));
    expect(hi).toBeCloseTo(Math.sqrt(10));
  });
  it('repairs non-finite and non-positive (log) ends', () => {
    expect(safeDomain([NaN, NaN], 'linear')).toEqual([0, 1]);
    expect(safeDomain([0, Infinity], 'linear')).toEqual([0, 1]);
    expect(safeDomain([0, 100], 'log')).toEqual([0.1, 100]);
    expect(safeDomain([-5, -1], 'log')).toEqual([0.01, 10]);
  });
  it('makes scales that never return NaN for in-domain values', () => {
    const s = makeScale('log', [0, 1000], [0, 300]);
    expect(Number.isFinite(s(10))).toBe(true);
  });
});

describe('paddedExtent', () => {
  it('pads the finite extent and honours include', () => {
    expect(paddedExtent([0, 10, NaN, Infinity], { pad: 0.1 })).toEqual([-1, 11]);
    expect(paddedExtent([2, 4], { pad: 0, include: [0] })).toEqual([0, 4]);
  });
  it('pads in log space for log scales, ignoring non-positive values', () => {
    const [lo, hi] = paddedExtent([0, 1, 100], { type: 'log', pad: 0.5 });
    expect(lo).toBeCloseTo(0.1);
    expect(hi).toBeCloseTo(1000);
  });
  it('returns a drawable domain for empty input', () => {
    expect(paddedExtent([])).toEqual([0, 1]);
  });
});

describe('categoryAxis', () => {
  it('puts category i at x = i with half a band either side', () => {
    const a = categoryAxis(['a', 'b', 'c']);
    expect(a.domain).toEqual([-0.5, 2.5]);
    expect(a.ticks).toEqual([0, 1, 2]);
    expect(a.format(1)).toBe('b');
  });
});

describe('frameLayout', () => {
  it('uses the shared margins and the aspect ratio', () => {
    const L = frameLayout({ width: 480, xDomain: [0, 1], yDomain: [0, 1] });
    expect(L.margin).toEqual(MARGIN);
    expect(L.height).toBe(300);
    expect(L.innerWidth).toBe(480 - MARGIN.left - MARGIN.right);
    expect(L.innerHeight).toBe(300 - MARGIN.top - MARGIN.bottom);
  });
  it('grows the left margin for wide y tick labels', () => {
    const L = frameLayout({ width: 480, xDomain: [0, 1], yDomain: [0, 123456] });
    expect(L.margin.left).toBeGreaterThan(MARGIN.left);
    expect(L.innerWidth + L.margin.left + L.margin.right).toBe(480);
  });
  it('fits a 375 px phone (343 px column)', () => {
    const L = frameLayout({ width: 343, xDomain: [1e-4, 1e2], yDomain: [1e-6, 10], xType: 'log', yType: 'log' });
    expect(L.width).toBe(343);
    expect(L.margin.left + L.innerWidth + L.margin.right).toBe(343);
    expect(L.xTicks.filter((t) => t.major).length).toBeLessThanOrEqual(5);
  });
  it('equalAspect gives equal px per data unit, narrowing under maxHeight', () => {
    const a = frameLayout({ width: 480, xDomain: [-2, 2], yDomain: [-1, 1], equalAspect: true });
    expect(a.innerHeight / a.innerWidth).toBeCloseTo(0.5, 2);
    const b = frameLayout({ width: 480, xDomain: [-1, 1], yDomain: [-2, 2], equalAspect: true, maxHeight: 300 });
    expect(b.height).toBe(300);
    expect(b.innerHeight / b.innerWidth).toBeCloseTo(2, 1);
    expect(b.margin.left + b.innerWidth + b.margin.right).toBeCloseTo(480, 5);
  });
  it('a fixed height wins', () => {
    expect(frameLayout({ width: 400, xDomain: [0, 1], yDomain: [0, 1], height: 220 }).height).toBe(220);
  });
});
