/**
 * The schema's repairs, one kind at a time: what a value becomes and the words a learner reads in
 * the link notice ("Noise: “5” is above the maximum 1; used 1."). Expected values are worked by
 * hand from the spec's ranges and digits.
 */
import { describe, expect, it } from 'vitest';
import { clamp, coerce, defaults, defineSchema, roundSig, SEED_MAX, seedSpec, UNSAFE_TEXT, type ParamSpec } from './schema';

const num: ParamSpec = { kind: 'number', label: 'Noise', min: -1, max: 2, step: 0.1, default: 0.5 };
const int: ParamSpec = { kind: 'int', label: 'Degree', min: 1, max: 9, default: 3 };
const choice: ParamSpec = { kind: 'choice', label: 'Fn', options: ['sine', 'step'], default: 'step' };
const multi: ParamSpec = { kind: 'multi', label: 'Opt', options: ['sgd', 'adam', 'rms'], default: ['adam'], minCount: 1 };
const bool: ParamSpec = { kind: 'bool', label: 'On', default: true };
const text: ParamSpec = { kind: 'text', label: 'Words', default: 'hi', maxLength: 5 };
const vec: ParamSpec = { kind: 'vec', label: 'Start', length: 2, min: -2, max: 2, default: [1, -1] };

describe('roundSig and clamp', () => {
  it('keeps the asked significant digits; zero and non-finite values pass unchanged', () => {
    expect(roundSig(123456, 3)).toBe(123000);
    expect(roundSig(-0.00012345, 2)).toBe(-0.00012);
    expect(roundSig(0.98765, 1)).toBe(1);
    expect(roundSig(0, 3)).toBe(0);
    expect(roundSig(Infinity, 3)).toBe(Infinity);
    expect(roundSig(-Infinity, 3)).toBe(-Infinity);
    expect(roundSig(NaN, 3)).toBeNaN();
  });
  it('clamps into [lo, hi], ends included', () => {
    expect([clamp(-5, 0, 1), clamp(0, 0, 1), clamp(0.5, 0, 1), clamp(1, 0, 1), clamp(7, 0, 1)]).toEqual([0, 0, 0.5, 1, 1]);
  });
});

describe('defaults and the seed', () => {
  it('defaults hold each default, lists copied so a store cannot change the schema', () => {
    const schema = { a: num, m: multi, v: vec, c: choice };
    const d = defaults(schema);
    expect(d).toEqual({ a: 0.5, m: ['adam'], v: [1, -1], c: 'step' });
    expect(d.m).not.toBe(multi.default);
    expect(d.v).not.toBe(vec.default);
  });
  it('defineSchema gives the schema back as it is', () => {
    const schema = { a: num };
    expect(defineSchema(schema)).toBe(schema);
  });
  it('every panel’s seed is an integer 0…99999 labelled Seed', () => {
    expect(seedSpec(42)).toEqual({ kind: 'int', label: 'Seed', min: 0, max: 99999, default: 42 });
    expect(SEED_MAX).toBe(99999);
  });
});

describe('coerce', () => {
  it('numbers: clamped, rounded to 4 significant digits (or the spec’s), with the bound in the words', () => {
    expect(coerce(num, 0.123456)).toEqual({ value: 0.1235, problem: undefined });
    expect(coerce({ ...num, digits: 2 } as ParamSpec, 0.123456).value).toBe(0.12);
    expect(coerce(num, -3)).toEqual({ value: -1, problem: 'is below the minimum -1' });
    expect(coerce(num, 5)).toEqual({ value: 2, problem: 'is above the maximum 2' });
    // The ends themselves are in range: no notice.
    expect(coerce(num, -1)).toEqual({ value: -1, problem: undefined });
    expect(coerce(num, 2)).toEqual({ value: 2, problem: undefined });
    for (const bad of [NaN, Infinity, -Infinity, '1', null, undefined]) expect(coerce(num, bad)).toEqual({ value: 0.5, problem: 'is not a number' });
  });
  it('-0 is stored as 0, as the link writes it', () => {
    expect(Object.is(coerce(num, -0).value, 0)).toBe(true);
    expect(Object.is(coerce({ ...int, min: -3 } as ParamSpec, -0.2).value, 0)).toBe(true);
    expect((coerce(vec, [-0, 1]).value as number[]).map((x) => Object.is(x, 0))).toEqual([true, false]);
  });
  it('integers: rounded to the nearest, not to 4 digits', () => {
    expect(coerce(int, 4.6)).toEqual({ value: 5, problem: undefined });
    expect(coerce({ ...int, max: 99999 } as ParamSpec, 12345.4).value).toBe(12345);
    expect(coerce(int, 0)).toEqual({ value: 1, problem: 'is below the minimum 1' });
    expect(coerce(int, 10)).toEqual({ value: 9, problem: 'is above the maximum 9' });
  });
  it('choices: one of the options, else the default', () => {
    expect(coerce(choice, 'sine')).toEqual({ value: 'sine' });
    expect(coerce(choice, 'Sine')).toEqual({ value: 'step', problem: 'is not one of the choices' });
    expect(coerce(choice, 1)).toEqual({ value: 'step', problem: 'is not one of the choices' });
  });
  it('multi: known options in the schema’s order; too few, or not a list, gives a copy of the default', () => {
    expect(coerce(multi, ['rms', 'sgd'])).toEqual({ value: ['sgd', 'rms'], problem: undefined });
    expect(coerce(multi, ['adam'])).toEqual({ value: ['adam'], problem: undefined }); // exactly minCount
    expect(coerce(multi, ['sgd', 'evil'])).toEqual({ value: ['sgd'], problem: 'names unknown or repeated choices' });
    expect(coerce(multi, ['sgd', 'sgd'])).toEqual({ value: ['sgd'], problem: 'names unknown or repeated choices' });
    const few = coerce(multi, ['evil']);
    expect(few).toEqual({ value: ['adam'], problem: 'selects too few choices' });
    expect(few.value).not.toBe(multi.default);
    const notList = coerce(multi, 'sgd');
    expect(notList).toEqual({ value: ['adam'], problem: 'is not a list of choices' });
    expect(notList.value).not.toBe(multi.default);
    // Without minCount an empty selection is fine.
    expect(coerce({ ...multi, minCount: undefined } as ParamSpec, [])).toEqual({ value: [], problem: undefined });
  });
  it('bool: true or false only', () => {
    expect(coerce(bool, false)).toEqual({ value: false });
    expect(coerce(bool, true)).toEqual({ value: true });
    expect(coerce({ ...bool, default: false } as ParamSpec, 'true')).toEqual({ value: false, problem: 'is not on/off' });
    expect(coerce(bool, 0)).toEqual({ value: true, problem: 'is not on/off' });
  });
  it('text: control characters removed, cut to maxLength characters (not UTF-16 units)', () => {
    expect(coerce(text, 'hello')).toEqual({ value: 'hello', problem: undefined }); // exactly maxLength
    expect(coerce(text, 'h\u0007i\u202e')).toEqual({ value: 'hi', problem: 'held control characters, which were removed' });
    expect(coerce(text, 'hello!')).toEqual({ value: 'hello', problem: 'is longer than 5 characters and was cut' });
    expect(coerce(text, '😀😀😀😀😀')).toEqual({ value: '😀😀😀😀😀', problem: undefined });
    expect(coerce(text, '\u0000abcdefg')).toEqual({ value: 'abcde', problem: 'is longer than 5 characters and was cut' });
    expect(coerce(text, 5)).toEqual({ value: 'hi', problem: 'is not text' });
  });
  it('vec: the right count of finite numbers, each clamped and rounded', () => {
    expect(coerce(vec, [0.123456, -1.5])).toEqual({ value: [0.1235, -1.5], problem: undefined });
    expect(coerce(vec, [-2, 2])).toEqual({ value: [-2, 2], problem: undefined });
    expect(coerce(vec, [-3, 1])).toEqual({ value: [-2, 1], problem: 'is outside -2…2' });
    expect(coerce(vec, [0, 2.5])).toEqual({ value: [0, 2], problem: 'is outside -2…2' });
    expect(coerce({ ...vec, digits: 1 } as ParamSpec, [1.44, 0]).value).toEqual([1, 0]);
    for (const bad of [[1], [1, 2, 3], [1, NaN], [Infinity, 0], ['1', 0], '1,2', null]) {
      const r = coerce(vec, bad);
      expect(r).toEqual({ value: [1, -1], problem: 'is not a list of 2 numbers' });
      expect(r.value).not.toBe(vec.default);
    }
  });
});

describe('UNSAFE_TEXT', () => {
  it('matches C0 and C1 controls, DEL and the bidi overrides, and nothing around them', () => {
    const unsafe = ['\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u202a', '\u202e', '\u2066', '\u2069'];
    const safe = [' ', '~', '\u00a0', 'é', '\u2029', '\u202f', '\u2065', '\u206a', '😀'];
    for (const c of unsafe) expect(c.replace(UNSAFE_TEXT, ''), c.codePointAt(0)!.toString(16)).toBe('');
    for (const c of safe) expect(c.replace(UNSAFE_TEXT, ''), c.codePointAt(0)!.toString(16)).toBe(c);
    // Global: every occurrence goes, not just the first.
    expect('a\u0000b\u0000c'.replace(UNSAFE_TEXT, '')).toBe('abc');
  });
});
