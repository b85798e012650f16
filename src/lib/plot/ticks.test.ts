import { describe, expect, it } from 'vitest';
import {
  axisTicks, customTicks, estimateTextWidth, formatPow10, linearTicks, logTicks, tickCount, xLabelAnchor,
} from './ticks';

describe('tickCount', () => {
  it('follows the length, at least 2', () => {
    expect(tickCount(400, 80)).toBe(5);
    expect(tickCount(50, 80)).toBe(2);
    expect(tickCount(NaN, 80)).toBe(2);
  });
});

describe('linear ticks', () => {
  it('are nice numbers inside the domain with matching precision', () => {
    const t = linearTicks([0, 1], 5);
    expect(t.map((d) => d.value)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(t.map((d) => d.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(t.every((d) => d.major)).toBe(true);
  });
  it('handle a reversed domain and use a real minus sign', () => {
    const t = linearTicks([2, -2], 4);
    expect(t[0].value).toBe(-2);
    expect(t[0].label).toBe('−2');
  });
});

describe('log ticks', () => {
  it('label each power of ten over a few decades, with 2…9 as minor ticks', () => {
    const t = logTicks([1e-3, 10], 6);
    const majors = t.filter((d) => d.major);
    expect(majors.map((d) => d.value)).toEqual([1e-3, 1e-2, 1e-1, 1, 10]);
    expect(majors.map((d) => d.label)).toEqual(['0.001', '0.01', '0.1', '1', '10']);
    const minors = t.filter((d) => !d.major);
    expect(minors.length).toBe(4 * 8);
    expect(minors.every((d) => d.label === '')).toBe(true);
    // sorted ascending
    expect(t.map((d) => d.value)).toEqual([...t.map((d) => d.value)].sort((a, b) => a - b));
  });
  it('write wide ranges as 10ᵏ and thin labels to the tick budget, keeping 10⁰', () => {
    const t = logTicks([1e-12, 1e6], 5);
    const majors = t.filter((d) => d.major);
    expect(majors.length).toBeLessThanOrEqual(5);
    expect(majors.map((d) => d.label)).toContain('10⁰');
    expect(majors.map((d) => d.label)).toContain('10⁻¹²');
    expect(t.some((d) => d.label === '' && !d.major)).toBe(true);
    // 19 powers on a budget of 5: every 4th power labelled, aligned to 10⁰.
    expect(majors.map((d) => d.value)).toEqual([1e-12, 1e-8, 1e-4, 1, 1e4]);
    expect(t.filter((d) => d.value === 1e-6)).toEqual([{ value: 1e-6, label: '', major: false }]);
  });
  it('fall back to linear ticks inside a single decade', () => {
    const t = logTicks([2, 8], 5);
    expect(t.every((d) => d.major && d.value >= 2 && d.value <= 8)).toBe(true);
    expect(t.length).toBeGreaterThanOrEqual(3);
  });
  it('survive a non-positive domain', () => {
    const t = logTicks([0, 100], 5);
    expect(t.length).toBeGreaterThan(0);
    expect(t.every((d) => Number.isFinite(d.value) && d.value > 0)).toBe(true);
  });
});

describe('formatting and custom ticks', () => {
  it('formatPow10 uses superscripts', () => {
    expect(formatPow10(-3)).toBe('10⁻³');
    expect(formatPow10(12)).toBe('10¹²');
  });
  it('custom ticks keep only values inside the domain', () => {
    const t = customTicks([-1, 0, 1, 2, NaN], [-0.5, 1.5], (v) => `c${v}`);
    expect(t.map((d) => d.label)).toEqual(['c0', 'c1']);
  });
  it('axisTicks applies a format to majors only', () => {
    const t = axisTicks('log', [1, 1000], 300, 80, { format: (v) => `${v}!` });
    expect(t.filter((d) => d.major).every((d) => d.label.endsWith('!'))).toBe(true);
    expect(t.filter((d) => !d.major).every((d) => d.label === '')).toBe(true);
  });
});

describe('label geometry', () => {
  it('estimates widths roughly proportional to length', () => {
    expect(estimateTextWidth('0.001', 12)).toBeGreaterThan(20);
    expect(estimateTextWidth('0.001', 12)).toBeLessThan(40);
    expect(estimateTextWidth('', 12)).toBe(0);
  });
  it('anchors end labels so they stay within the svg', () => {
    const m = { left: 48, right: 12 };
    expect(xLabelAnchor(150, 30, 300, m)).toBe('middle');
    expect(xLabelAnchor(300, 40, 300, m)).toBe('end');
    expect(xLabelAnchor(-45, 20, 300, m)).toBe('start');
  });
});
