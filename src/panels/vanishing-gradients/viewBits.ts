/**
 * A view as text with every number to the bit, for the tests that hold a run to a reference
 * (sessionRun.test.ts, ahead.test.ts): NaN, ±0 and ±Infinity told apart, typed arrays as lists
 * (JSON alone would write NaN and Infinity as null and a Float32Array as an object).
 */
const num = (x: number) => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : Number.isFinite(x) ? x : String(x));

export const bitsOf = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' ? num(x) : ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>, num) : x));
