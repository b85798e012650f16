/**
 * The learner's drawing in a link: 16×16 pixels, each as one of 16 grey levels written as a hex
 * digit (0 = paper … f = full ink), with runs of blank pixels shortened: 'g' … 'z' stand for 2 …
 * 21 blank pixels. A digit-sized drawing takes about 100 characters. Reading never throws:
 * unknown characters are skipped and a short or long drawing is padded or cut, and says so.
 * Pure: no React, no DOM.
 */
import { PIXELS } from './modelDigits';

export const LEVELS = 15;
const RUN0 = 'g'.charCodeAt(0);
const MAX_RUN = 21;

/** Rounds each pixel to the 16 levels a link keeps. */
export function quantize(px: ArrayLike<number>): Float32Array {
  return Float32Array.from({ length: PIXELS }, (_, i) => Math.round(Math.min(1, Math.max(0, px[i] || 0)) * LEVELS) / LEVELS);
}

export function encodeImage(px: ArrayLike<number>): string {
  const q = quantize(px);
  let s = '';
  for (let i = 0; i < PIXELS; ) {
    let run = 0;
    while (i + run < PIXELS && q[i + run] === 0 && run < MAX_RUN) run++;
    if (run >= 2) {
      s += String.fromCharCode(RUN0 + run - 2);
      i += run;
    } else {
      s += Math.round(q[i] * LEVELS).toString(16);
      i += 1;
    }
  }
  return s;
}

export interface Decoded {
  pixels: Float32Array;
  /** What had to be repaired, in words, or null. */
  problem: string | null;
}

export function decodeImage(s: string): Decoded {
  const out: number[] = [];
  let skipped = 0;
  for (const ch of s.toLowerCase()) {
    const c = ch.charCodeAt(0);
    if (/[0-9a-f]/.test(ch)) out.push(parseInt(ch, 16) / LEVELS);
    else if (c >= RUN0 && c < RUN0 + MAX_RUN - 1) for (let k = 0; k < c - RUN0 + 2; k++) out.push(0);
    else skipped++;
  }
  const n = out.length;
  const pixels = new Float32Array(PIXELS);
  pixels.set(out.slice(0, PIXELS));
  const problem =
    skipped > 0 ? `the drawing in the link held ${skipped} unknown character${skipped === 1 ? ', which was' : 's, which were'} skipped` :
    n < PIXELS ? `the drawing in the link was short (${n} of ${PIXELS} pixels); the rest is blank` :
    n > PIXELS ? `the drawing in the link was too long (${n} pixels); it was cut to ${PIXELS}` : null;
  return { pixels, problem };
}
