/**
 * The `csv` param of a panel that takes own data, and what it stands for:
 *   ''          no own data (the panel's generated data);
 *   '1.…'       up to LINK_ROWS rows carried in the link (linkData.ts);
 *   'local:<n>-<hash>'  more rows, kept in this browser's memory only (a module-level map, per
 *               panel): the link says so, and a receiver of such a link sees a message and
 *               generated data. The hash tells two loaded files of the same length apart, so the
 *               param (and every cache keyed on it) changes when the data do.
 * `resolveOwnData` turns the param into columns or a message; it never throws. Pure: no React,
 * no DOM (the memory is a plain Map, shared by the page's modules, never by workers).
 */
import { decodeLinkData, encodeLinkData, LINK_DATA_MAX_CHARS, LINK_ROWS } from './linkData';

export const LOCAL_PREFIX = 'local:';

/** The text param every own-data panel adds (the same key and length everywhere). */
export const csvParamSpec = {
  kind: 'text',
  label: 'Own data (CSV)',
  default: '',
  maxLength: LINK_DATA_MAX_CHARS,
} as const;

export interface OwnData {
  columns: Float64Array[];
  rows: number;
  /** False when the rows stay in this browser (more than LINK_ROWS). */
  inLink: boolean;
}

export interface Resolved {
  /** The data to use, or null: use the generated data. */
  data: OwnData | null;
  /** What to tell the learner (a refusal, or that the link does not carry the rows); null if nothing. */
  message: string | null;
}

const memory = new Map<string, { param: string; columns: Float64Array[]; rows: number }>();

/** FNV-1a over the values' bytes, as 8 hex digits. */
function hashColumns(columns: Float64Array[]): string {
  let h = 0x811c9dc5;
  for (const c of columns) {
    const bytes = new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
const plural = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

/** The param value for freshly loaded columns: encoded when they fit in a link, else kept here
 *  under `key` (the panel's slug). */
export function ownDataParam(key: string, columns: Float64Array[]): string {
  const rows = columns[0]?.length ?? 0;
  if (rows <= LINK_ROWS) {
    memory.delete(key);
    return encodeLinkData(columns);
  }
  const param = `${LOCAL_PREFIX}${rows}-${hashColumns(columns)}`;
  memory.set(key, { param, columns, rows });
  return param;
}

export function resolveOwnData(key: string, param: string, cols: number): Resolved {
  if (param === '') return { data: null, message: null };
  if (param.startsWith(LOCAL_PREFIX)) {
    const m = /^(\d{1,7})(-[0-9a-f]{8})?$/.exec(param.slice(LOCAL_PREFIX.length));
    const n = m ? Number(m[1]) : NaN;
    const kept = memory.get(key);
    if (kept && kept.param === param && kept.columns.length === cols)
      return { data: { columns: kept.columns, rows: n, inLink: false }, message: `This link does not carry your ${plural(n)}: they stay in this browser (a link carries up to ${LINK_ROWS}).` };
    const what = Number.isFinite(n) ? `${plural(n)} of the sender’s own data` : 'the sender’s own data';
    return { data: null, message: `This link refers to ${what}, which stayed in the sender’s browser (a link carries up to ${LINK_ROWS} rows). Showing generated data instead.` };
  }
  const d = decodeLinkData(param);
  if (!d.ok) return { data: null, message: `${d.message} Showing generated data instead.` };
  if (d.columns.length !== cols) return { data: null, message: `The data in the link has ${d.columns.length} columns; this panel needs ${cols}. Showing generated data instead.` };
  return { data: { columns: d.columns, rows: d.rows, inLink: true }, message: null };
}

/** Forgets what this browser holds for `key` (tests; "Back to generated data"). */
export function forgetOwnData(key: string): void {
  memory.delete(key);
}
