/**
 * Seeded generator of hostile query strings for the link-fuzzing spec. Uses the app's own seeded
 * generator, so a failing case is reproduced by its seed and index.
 */
import { createRng, type Rng } from '../src/lib/random/rng';

export const HOSTILE_VALUES = [
  'NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e400', '1e-320', '-0', '', ' ', '%', '%E0%A4%A', '%zz', '%00',
  '__proto__', 'constructor', 'toString', '<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1">', 'javascript:window.__pwned=1', '😀🙃', 'ü', '\u202Eevil', '\u0000', '0x10', '1,2,3', ',,,',
  'true', 'yes', '1.5.5', '  7  ', '-5', '99999999', '1e-9', '0.1e1', '+3', 'null', 'undefined', '[1,2]', '{"a":1}',
];
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'foo', '<b>k</b>', 'tfjsflags', '', '%', '😀'];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[rng.int(xs.length)];
}

function longString(rng: Rng): string {
  return 'x'.repeat(500 + rng.int(6000));
}

/** One query string (without '?'): 1-6 pairs, always at least one hostile pair on a real or
 *  unknown key, so every case must produce a link notice. */
export function hostileQuery(rng: Rng, panelKeys: readonly string[]): string {
  const parts: string[] = [];
  const n = 1 + rng.int(6);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const key = r < 0.7 && panelKeys.length ? pick(rng, panelKeys) : r < 0.8 ? 'v' : pick(rng, HOSTILE_KEYS);
    const value = rng.next() < 0.06 ? longString(rng) : pick(rng, HOSTILE_VALUES);
    // Half the time percent-encode properly; otherwise put the raw text in (malformed escapes too).
    const enc = rng.next() < 0.5 ? encodeURIComponent : (s: string) => s.replace(/[&#\s]/g, encodeURIComponent);
    parts.push(`${enc(key)}=${enc(value)}`);
    if (rng.next() < 0.15) parts.push(`${enc(key)}=${enc(pick(rng, HOSTILE_VALUES))}`); // repeated key
  }
  // Guarantee one repairable problem the panel must report.
  const guaranteed = panelKeys.length ? `${encodeURIComponent(pick(rng, panelKeys))}=%3Cb%3ENaN%3C%2Fb%3E` : 'zz=1';
  parts.splice(rng.int(parts.length + 1), 0, guaranteed);
  return parts.join('&');
}

export function fuzzRng(seed: number, slug: string): Rng {
  return createRng(seed ^ slug.length * 7919);
}
