/* fmt, the number format of every label and readout: worked by hand at each branch and boundary. */
import { describe, expect, it } from 'vitest';
import { fmt } from './format';

describe('fmt', () => {
  it('never prints NaN: missing values are a dash, infinities the sign', () => {
    expect(fmt(NaN)).toBe('—');
    expect(fmt(null as unknown as number)).toBe('—');
    expect(fmt(undefined as unknown as number)).toBe('—');
    expect(fmt(Infinity)).toBe('∞');
    expect(fmt(-Infinity)).toBe('−∞');
    expect(fmt(0)).toBe('0');
    expect(fmt(-0)).toBe('0');
  });

  it('significant digits (3 by default), trailing zeros dropped, a typographic minus', () => {
    expect(fmt(2 / 3)).toBe('0.667');
    expect(fmt(3.14159, 5)).toBe('3.1416');
    expect(fmt(-0.5)).toBe('−0.5');
    expect(fmt(1234.5, 2)).toBe('1200');
    expect(fmt(12)).toBe('12');
    expect(fmt(99999)).toBe('100000'); // rounds up to 1e5 but stays plain: the test is on the value
  });

  it('scientific from 1e5 up and below 1e-3, with digits − 1 decimals', () => {
    expect(fmt(1e5)).toBe('1.00e+5');
    expect(fmt(123456)).toBe('1.23e+5');
    expect(fmt(-123456)).toBe('−1.23e+5');
    expect(fmt(123456, 1)).toBe('1e+5');
    expect(fmt(123456, 0)).toBe('1e+5');
    expect(fmt(0.001)).toBe('0.001');
    expect(fmt(0.000999)).toBe('9.99e−4');
    expect(fmt(-0.000999, 2)).toBe('−1.0e−3');
  });
});
