/**
 * Panel params <-> query strings. Readable values (numbers, words, comma lists, 0/1), no JSON.
 * Parsing never throws: unknown keys are ignored, bad values fall back or are clamped, and every
 * repair is reported in words so the panel can say the link held values it could not use.
 */
import { coerce, defaults, roundSig, type ParamSpec, type Params, type Schema } from './schema';

/** Link format version, written as `v=`. Bump it (and add a migration) when a change would
 *  make an old link show something different. */
export const LINK_VERSION = 1;

/** Keys the app owns on every route; panels may not use them. */
export const RESERVED_KEYS = new Set(['v', 'backend', 'embed', 'note', 'tour', 'show']);

/** Longest query string we even look at; anything longer is cut (a hostile link can be huge). */
const MAX_QUERY = 4000;

export interface ParseResult<S extends Schema> {
  params: Params<S>;
  /** Human-readable repairs, empty when the link was clean. */
  problems: string[];
}

export type Migration = (q: Map<string, string>) => void;

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Splits a query string into a Map (first occurrence wins), tolerating malformed encoding. */
export function splitQuery(search: string): { map: Map<string, string>; problems: string[] } {
  const problems: string[] = [];
  const map = new Map<string, string>();
  let s = search.startsWith('?') ? search.slice(1) : search;
  if (s.length > MAX_QUERY) {
    s = s.slice(0, MAX_QUERY);
    problems.push('The link was too long; only its beginning was read.');
  }
  for (const part of s.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const v = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (k === null || v === null) {
      problems.push('Part of the link was not valid percent-encoding and was skipped.');
      continue;
    }
    if (map.has(k)) {
      problems.push(`“${shorten(k)}” appeared more than once; the first value was used.`);
      continue;
    }
    map.set(k, v);
  }
  return { map, problems };
}

/**
 * A value from the link, as a notice may quote it: control and bidi-override characters (which
 * could hide or reorder the notice's own words) shown as U+FFFD, and cut to `n` characters.
 */
export function shorten(s: string, n = 24): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const safe = s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
  const chars = Array.from(safe);
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : safe;
}

function fromText(spec: ParamSpec, text: string): unknown {
  const t = text.trim();
  switch (spec.kind) {
    case 'number':
    case 'int':
      // Number('') is 0 and Number('0x10') is 16: accept plain decimal notation only.
      return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
    case 'choice':
      return t;
    case 'multi':
      return t === '' ? [] : t.split(',');
    case 'bool':
      return t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : null;
    case 'text':
      return text;
    case 'vec':
      return t.split(',').map((p) => fromText({ kind: 'number', label: '', min: 0, max: 0, step: 0, default: 0 }, p));
  }
}

export function toText(spec: ParamSpec, value: unknown): string {
  switch (spec.kind) {
    case 'number':
      return String(roundSig(value as number, spec.digits ?? 4));
    case 'int':
      return String(value);
    case 'choice':
      return String(value);
    case 'multi':
      return (value as string[]).join(',');
    case 'bool':
      return value ? '1' : '0';
    case 'vec':
      return (value as number[]).map((x) => String(roundSig(x, spec.digits ?? 4))).join(',');
    case 'text':
      return String(value);
  }
}

export function parseQuery<S extends Schema>(
  schema: S,
  search: string,
  migrations: Record<number, Migration> = {},
): ParseResult<S> {
  const { map, problems } = splitQuery(search);
  const params = defaults(schema) as Record<string, unknown>;

  const vText = map.get('v');
  const version = vText !== undefined && /^\d{1,3}$/.test(vText) ? Number(vText) : LINK_VERSION;
  if (vText !== undefined && !/^\d{1,3}$/.test(vText)) problems.push(`The link version “${shorten(vText)}” is not a number; it was read as version ${LINK_VERSION}.`);
  else if (vText !== undefined && version > LINK_VERSION)
    problems.push(`The link comes from a newer version (${version}) of this app; it was read as version ${LINK_VERSION}.`);
  // Old links are upgraded one version at a time.
  for (let ver = version; ver < LINK_VERSION; ver++) migrations[ver]?.(map);

  for (const [k, text] of map) {
    if (RESERVED_KEYS.has(k)) continue;
    if (!Object.hasOwn(schema, k)) {
      problems.push(`Ignored the unknown setting “${shorten(k)}”.`);
      continue;
    }
    const spec = schema[k];
    const { value, problem } = coerce(spec, fromText(spec, text));
    params[k] = value;
    // A text value is quoted (and shortened) like the link's own value: it is the learner's words.
    const used = spec.kind === 'text' ? `“${shorten(toText(spec, value))}”` : toText(spec, value);
    if (problem) problems.push(`${spec.label}: “${shorten(text)}” ${problem}; used ${used}.`);
  }
  return { params: params as Params<S>, problems };
}

/** Every param, in schema order, plus the link version: links stay explicit and stable. */
export function serialize<S extends Schema>(schema: S, params: Params<S>): string {
  const parts = [`v=${LINK_VERSION}`];
  for (const k of Object.keys(schema)) {
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(toText(schema[k], (params as Record<string, unknown>)[k])).replace(/%2C/g, ',')}`);
  }
  return parts.join('&');
}

/** Query string for a partial state (used by "Try this" links): the rest stays default. */
export function queryFor<S extends Schema>(schema: S, partial: Partial<Params<S>>): string {
  return serialize(schema, { ...defaults(schema), ...partial } as Params<S>);
}
