/**
 * The panel's number formats, against hand-written strings and the grouping rule itself (groups
 * of three digits from the right, a comma between), not against toLocaleString: `count` keeps one
 * Intl formatter instead of building one per call (issue 8), and must still write the same text.
 */
import { describe, expect, it } from 'vitest';
import { batchColor, count, ms, percent, perSec, pValue } from './look';

/** Thousands grouping written out by hand: "1234567" → "1,234,567". */
function grouped(n: number): string {
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? '-' : '') + out;
}

describe('count', () => {
  it('rounds to a whole number and groups the digits in threes', () => {
    expect(count(0)).toBe('0');
    expect(count(7)).toBe('7');
    expect(count(999.4)).toBe('999');
    expect(count(999.5)).toBe('1,000');
    expect(count(12345.4)).toBe('12,345');
    expect(count(1e6)).toBe('1,000,000');
    expect(count(-1234.6)).toBe('-1,235');
  });

  it('agrees with the grouping rule over many magnitudes', () => {
    for (let k = 0; k < 200; k++) {
      const v = (k % 2 ? -1 : 1) * Math.floor(10 ** ((k % 13) + (k % 7) / 7)) + (k % 5) / 10;
      expect(count(v)).toBe(grouped(Math.round(v)));
    }
  });

  it('says what is not a number in words, never "NaN"', () => {
    expect(count(NaN)).toBe('—');
    expect(count(Infinity)).toBe('∞');
  });
});

describe('perSec', () => {
  it('groups whole rates from 100, keeps three figures below and writes powers from a million', () => {
    expect(perSec(1234.4)).toBe('1,234 /s');
    expect(perSec(100)).toBe('100 /s');
    expect(perSec(99.94)).toBe('99.9 /s');
    expect(perSec(12.345)).toBe('12.3 /s');
    expect(perSec(-150)).toBe('-150 /s');
    expect(perSec(-100)).toBe('-100 /s'); // grouped from 100 on: count's ASCII minus, not fmt's '−'
    expect(perSec(999999)).toBe('999,999 /s');
    expect(perSec(1e6)).toBe('1.00e+6 /s');
    expect(perSec(2e6)).toBe('2.00e+6 /s');
    expect(perSec(-2e6)).toBe('−2.00e+6 /s');
    expect(perSec(Infinity)).toBe('∞');
  });
});

describe('ms', () => {
  it('picks the unit that reads best: ns below a microsecond, µs below a millisecond, s from a second', () => {
    expect(ms(0.0005)).toBe('500 ns');
    expect(ms(0.00099)).toBe('990 ns');
    expect(ms(0.001)).toBe('1 µs');
    expect(ms(0.25)).toBe('250 µs');
    expect(ms(-0.5)).toBe('−500 µs');
    expect(ms(0)).toBe('0 ms');
    expect(ms(1)).toBe('1 ms');
    expect(ms(12.345)).toBe('12.3 ms');
    expect(ms(999)).toBe('999 ms');
    expect(ms(1000)).toBe('1 s');
    expect(ms(4200)).toBe('4.2 s');
    expect(ms(-4200)).toBe('−4.2 s');
    expect(ms(NaN)).toBe('—');
  });
});

describe('percent and pValue', () => {
  it('percent: one decimal by default, as asked otherwise', () => {
    expect(percent(0.1234)).toBe('12.3 %');
    expect(percent(0.5, 0)).toBe('50 %');
    expect(percent(0.012345, 2)).toBe('1.23 %');
    expect(percent(NaN)).toBe('—');
  });
  it('pValue: four decimals, and "< 0.0001" below that', () => {
    expect(pValue(0.04963)).toBe('0.0496');
    expect(pValue(1e-4)).toBe('0.0001');
    expect(pValue(0.00005)).toBe('< 0.0001');
    expect(pValue(1)).toBe('1.0000');
    expect(pValue(NaN)).toBe('—');
  });
});

describe('batchColor', () => {
  it('gives each of the sweep’s seven curves its own colour', () => {
    const colours = Array.from({ length: 7 }, (_, i) => batchColor(i));
    for (const c of colours) expect(typeof c === 'string' && c.length > 0).toBe(true);
    expect(new Set(colours).size).toBe(7);
  });
});
