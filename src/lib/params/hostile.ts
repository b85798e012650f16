/**
 * Seeded generators of hostile query strings, shared by the unit link fuzzer (src/panels/
 * linkFuzz.test.ts: thousands of links per panel through the codec and the model) and the
 * browser fuzzer (e2e/fuzz.spec.ts: a few per panel, for rendering and script injection). They
 * use the app's own seeded generator, so a failing case is reproduced by its seed and index.
 * Test support only: nothing in the app imports this file.
 */
import { createRng, type Rng } from '../random/rng';
import type { ParamSpec, Schema } from './schema';

export const HOSTILE_VALUES = [
  'NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '1e400', '1e-320', '-0', '', ' ', '%', '%E0%A4%A', '%zz', '%00',
  '__proto__', 'constructor', 'toString', '<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1">', 'javascript:window.__pwned=1', '😀🙃', 'ü', '\u202Eevil', '\u0000', '0x10', '1,2,3', ',,,',
  'true', 'yes', '1.5.5', '  7  ', '-5', '99999999', '1e-9', '0.1e1', '+3', 'null', 'undefined', '[1,2]', '{"a":1}',
];
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'foo', '<b>k</b>', 'tfjsflags', '', '%', '😀'];
/** The values that try to run script if a view ever rendered a param as markup. */
export const INJECTIONS = HOSTILE_VALUES.filter((v) => /pwned/.test(v));

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[rng.int(xs.length)];
}

function longString(rng: Rng): string {
  return 'x'.repeat(500 + rng.int(6000));
}

/** Half the time percent-encode properly; otherwise the raw text (malformed escapes too). */
function encoder(rng: Rng): (s: string) => string {
  return rng.next() < 0.5 ? encodeURIComponent : (s: string) => s.replace(/[&#\s]/g, encodeURIComponent);
}

/** A repairable problem every generated link carries, so each must produce a link notice: markup
 *  that no number, choice or switch accepts, with a NUL that a text param must strip. */
function guaranteed(rng: Rng, panelKeys: readonly string[]): string {
  return panelKeys.length ? `${encodeURIComponent(pick(rng, panelKeys))}=%3Cb%3ENaN%00%3C%2Fb%3E` : 'zz=1';
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
    const enc = encoder(rng);
    parts.push(`${enc(key)}=${enc(value)}`);
    if (rng.next() < 0.15) parts.push(`${enc(key)}=${enc(pick(rng, HOSTILE_VALUES))}`); // repeated key
  }
  parts.splice(rng.int(parts.length + 1), 0, guaranteed(rng, panelKeys));
  return parts.join('&');
}

/** A value at or past the edge of a param's domain (or a valid one chosen at random): hostile
 *  links mostly fall back to defaults, these drive the model to its extremes. */
export function edgeValue(rng: Rng, spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number':
    case 'int': {
      const span = spec.max - spec.min;
      const xs = [spec.min, spec.max, spec.min - span - 1, spec.max * 10 + 1, spec.min + rng.next() * span];
      return String(spec.kind === 'int' ? Math.round(pick(rng, xs)) : pick(rng, xs));
    }
    case 'choice':
      return pick(rng, spec.options);
    case 'multi':
      return spec.options.filter(() => rng.next() < 0.5).join(',');
    case 'bool':
      return pick(rng, ['0', '1']);
    case 'vec':
      return Array.from({ length: spec.length }, () => String(pick(rng, [spec.min, spec.max, spec.min + rng.next() * (spec.max - spec.min), spec.max * 3]))).join(',');
    case 'text':
      return pick(rng, [...INJECTIONS, 'é\u202E\u0007x', '1,2,3,4', 'z'.repeat(spec.maxLength + 5)]);
  }
}

/** One query string mixing edge values on real keys with hostile ones (plus the guaranteed
 *  repairable pair). */
export function edgeQuery(rng: Rng, schema: Schema): string {
  const keys = Object.keys(schema);
  const parts: string[] = [];
  for (const k of keys) {
    const r = rng.next();
    if (r < 0.5) continue;
    const enc = encoder(rng);
    parts.push(`${enc(k)}=${enc(r < 0.9 ? edgeValue(rng, schema[k]) : pick(rng, HOSTILE_VALUES))}`);
  }
  parts.splice(rng.int(parts.length + 1), 0, guaranteed(rng, keys));
  return parts.join('&');
}

/** Every script-running payload at once, on real keys (text params first, each payload on its
 *  own key) and on an unknown key: the browser fuzzer opens this link first on every panel.
 *  `setup` are plain pairs that make the text params visible (e.g. "sentence=custom"). */
export function injectionQuery(panelKeys: readonly string[], textKeys: readonly string[] = [], setup = ''): string {
  const keys = [...textKeys, ...panelKeys.filter((k) => !textKeys.includes(k))];
  const parts = setup ? [setup] : [];
  INJECTIONS.forEach((v, i) => keys.length && parts.push(`${encodeURIComponent(keys[i % keys.length])}=${encodeURIComponent(v)}`));
  parts.push(`${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}=1`);
  return parts.join('&');
}

export function fuzzRng(seed: number, slug: string): Rng {
  return createRng(seed ^ slug.length * 7919);
}
