/**
 * Own data in a link: up to LINK_ROWS rows × MAX_COLS numeric columns, compactly encoded for a
 * text param, versioned like every link. Format version 1:
 *   "1." + base64url(bytes), bytes = [cols u8][rows u16]
 *     then per column: [kind u8] 0 = quantised: [min f64][max f64]; 1 = exact integers: [min f64]
 *     then per column, per row: u16 (quantised: round((v − min)/(max − min)·65535); exact: v − min)
 *   little-endian throughout.
 * Integer columns spanning at most 65,535 (labels, counts) come back exact; other values within
 * (max − min)/65535/2 of what was sent. The panel always uses the DECODED values, so the sender
 * sees exactly what a receiver of the link sees. Decoding never throws. Pure: no React, no DOM.
 */

export const LINK_ROWS = 200;
export const MAX_COLS = 4;
export const LINK_DATA_VERSION = 1;
/** Longest string encode() can produce (4 columns, 200 rows, all quantised): a param's maxLength. */
export const LINK_DATA_MAX_CHARS = 2 + Math.ceil((3 + MAX_COLS * 17 + 2 * MAX_COLS * LINK_ROWS) / 3) * 4;

const Q = 65535;
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export type Decoded = { ok: true; columns: Float64Array[]; rows: number } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const k = Math.min(3, bytes.length - i);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (k > 1 ? B64[(n >> 6) & 63] : '') + (k > 2 ? B64[n & 63] : '');
  }
  return s;
}

function fromBase64Url(s: string): Uint8Array | null {
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    const k = Math.min(4, s.length - i);
    for (let j = 0; j < 4; j++) {
      const v = j < k ? B64_INDEX.get(s[i + j]) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (k > 2) out[o++] = (n >> 8) & 255;
    if (k > 3) out[o++] = n & 255;
  }
  return out;
}

const isExact = (col: ArrayLike<number>, min: number) => {
  for (let i = 0; i < col.length; i++) if (!Number.isInteger(col[i]) || col[i] - min > Q) return false;
  return true;
};

/** Encodes 1…MAX_COLS equal-length columns of 1…LINK_ROWS finite numbers. Throws on anything
 *  else (a caller's bug: the CSV validator guarantees it). */
export function encodeLinkData(columns: readonly ArrayLike<number>[]): string {
  const cols = columns.length;
  const rows = cols ? columns[0].length : 0;
  if (cols < 1 || cols > MAX_COLS || rows < 1 || rows > LINK_ROWS || columns.some((c) => c.length !== rows))
    throw new Error(`encodeLinkData: ${cols} columns of ${rows} rows`);
  const bytes = new Uint8Array(3 + cols * 17 + 2 * cols * rows);
  const dv = new DataView(bytes.buffer);
  dv.setUint8(0, cols);
  dv.setUint16(1, rows, true);
  let o = 3;
  const ranges = columns.map((c) => {
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < rows; i++) {
      if (!Number.isFinite(c[i])) throw new Error('encodeLinkData: a value is not finite');
      min = Math.min(min, c[i]);
      max = Math.max(max, c[i]);
    }
    const exact = isExact(c, min);
    dv.setUint8(o++, exact ? 1 : 0);
    dv.setFloat64(o, min, true);
    o += 8;
    if (!exact) {
      dv.setFloat64(o, max, true);
      o += 8;
    }
    return { min, max, exact };
  });
  for (let j = 0; j < cols; j++) {
    const { min, max, exact } = ranges[j];
    const span = max - min;
    for (let i = 0; i < rows; i++) {
      const v = columns[j][i];
      // A span that overflows (e.g. −1e308 … 1e308) is quantised on halves, which do not.
      const q = exact ? v - min : span === 0 ? 0 : Number.isFinite(span) ? Math.round(((v - min) / span) * Q) : Math.round(((v / 2 - min / 2) / (max / 2 - min / 2)) * Q);
      dv.setUint16(o, q, true);
      o += 2;
    }
  }
  return `${LINK_DATA_VERSION}.${toBase64Url(bytes.subarray(0, o))}`;
}

const DAMAGED = 'The data in the link is damaged or cut short.';

export function decodeLinkData(s: string): Decoded {
  const fail = (message: string): Decoded => ({ ok: false, message });
  const dot = s.indexOf('.');
  const version = dot < 0 ? '' : s.slice(0, dot);
  if (!/^\d{1,3}$/.test(version)) return fail('The data in the link is not in a format this app reads.');
  if (Number(version) !== LINK_DATA_VERSION) return fail(`The data in the link has format version ${Number(version)}, which this app does not read.`);
  const bytes = fromBase64Url(s.slice(dot + 1));
  if (!bytes || bytes.length < 3) return fail(DAMAGED);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cols = dv.getUint8(0);
  const rows = dv.getUint16(1, true);
  if (cols < 1 || cols > MAX_COLS || rows < 1 || rows > LINK_ROWS) return fail(DAMAGED);
  let o = 3;
  const heads: { min: number; max: number; exact: boolean }[] = [];
  for (let j = 0; j < cols; j++) {
    if (o + 9 > bytes.length) return fail(DAMAGED);
    const kind = dv.getUint8(o++);
    if (kind > 1) return fail(DAMAGED);
    const min = dv.getFloat64(o, true);
    o += 8;
    let max = min;
    if (kind === 0) {
      if (o + 8 > bytes.length) return fail(DAMAGED);
      max = dv.getFloat64(o, true);
      o += 8;
    }
    if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return fail(DAMAGED);
    heads.push({ min, max, exact: kind === 1 });
  }
  if (bytes.length !== o + 2 * cols * rows) return fail(DAMAGED);
  const columns = heads.map(({ min, max, exact }) => {
    const col = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const q = dv.getUint16(o, true);
      o += 2;
      // min + t·(max − min) written as a blend, which stays finite for any finite min and max.
      col[i] = exact ? min + q : q === Q ? max : min * (1 - q / Q) + max * (q / Q);
    }
    return col;
  });
  if (columns.some((c) => c.some((v) => !Number.isFinite(v)))) return fail(DAMAGED);
  return { ok: true, columns, rows };
}

/** What a receiver of the link gets for these columns: the panel uses this, not the raw values. */
export function quantise(columns: readonly ArrayLike<number>[]): Float64Array[] {
  const d = decodeLinkData(encodeLinkData(columns));
  if (!d.ok) throw new Error(d.message);
  return d.columns;
}
