import { describe, expect, it } from 'vitest';
import { atLeast, atMost, expectQuoted, quotedNumbers, tokenValue, withinStated } from './quoted';

describe('quotedNumbers', () => {
  it('finds quantities and skips digits that are part of names', () => {
    expect(quotedNumbers('F2 = 0.67 beats F1 = 0.51 on L1 with 2000 features')).toEqual(['0.67', '0.51', '2000']);
    expect(quotedNumbers('ratio ≈ 10⁻⁴, then −0.3 and 1,000 points (94 %)')).toEqual(['10⁻⁴', '−0.3', '1,000', '94']);
    expect(quotedNumbers('a 5-fold mean at k = 11')).toEqual(['5', '11']);
    expect(quotedNumbers('no numbers here')).toEqual([]);
  });
});

describe('tokenValue and withinStated', () => {
  it('reads powers of ten, unicode minus and separators', () => {
    expect(tokenValue('10⁻⁴')).toBeCloseTo(1e-4, 12);
    expect(tokenValue('10³')).toBe(1000);
    expect(tokenValue('−0.3')).toBe(-0.3);
    expect(tokenValue('1,000')).toBe(1000);
  });
  it('allows half a unit of the last written digit', () => {
    expect(withinStated('0.94', 0.9449)).toBe(true);
    expect(withinStated('0.94', 0.9451)).toBe(false);
    expect(withinStated('12', 12.49)).toBe(true);
    expect(withinStated('12', 12.51)).toBe(false);
    expect(withinStated('0.5', 0.46)).toBe(true);
    expect(withinStated('0.5', 0.44)).toBe(false);
  });
  it('allows a factor √10 for a power of ten', () => {
    expect(withinStated('10⁻⁴', 2.5e-4)).toBe(true);
    expect(withinStated('10⁻⁴', 4e-4)).toBe(false);
    expect(withinStated('10⁻⁴', 0)).toBe(false);
    expect(withinStated('0.3', Number.NaN)).toBe(false);
  });
});

describe('expectQuoted', () => {
  const text = 'Over 200 shuffles one fold scores sd ≈ 0.14; the means have sd ≈ 0.04.';
  it('passes when every token is checked and holds', () => {
    expect(() => expectQuoted(text, { '200': 'setting', '0.14': 0.138, '0.04': { value: 0.047, tol: 0.01 } })).not.toThrow();
  });
  it('fails on an unchecked token, a wrong value, and a fact for a number the text lacks', () => {
    expect(() => expectQuoted(text, { '200': 'setting', '0.14': 0.138 })).toThrow(/"0.04" is quoted but no test/);
    expect(() => expectQuoted(text, { '200': 'setting', '0.14': 0.2, '0.04': 0.04 })).toThrow(/model gives 0.2/);
    expect(() => expectQuoted(text, { '200': 'setting', '0.14': 0.14, '0.04': 0.04, '0.5': 0.5 })).toThrow(/does not quote/);
  });
});

describe('atMost and atLeast', () => {
  it('hold on the right side of a stated bound and fail on the wrong side', () => {
    expect(() => expectQuoted('moves it by less than 0.02', { '0.02': atMost(0.02, 0.013) })).not.toThrow();
    expect(() => expectQuoted('moves it by less than 0.02', { '0.02': atMost(0.02, 0.021) })).toThrow(/0.021/);
    expect(() => expectQuoted('gradients above 10⁴', { '10⁴': atLeast(1e4, 3e5) })).not.toThrow();
    expect(() => expectQuoted('gradients above 10⁴', { '10⁴': atLeast(1e4, 9e3) })).toThrow(/9000/);
  });
});
