/**
 * The learner's own CSV data: parse (papaparse: header row required, delimiter guessed, cells
 * trimmed), pick the columns a panel needs by name (case-insensitive; or the first ones when no
 * name matches and the panel allows it), and validate. Every refusal is a short message that
 * names the row and column; the data are then untouched. Caps (size, rows) are checked before
 * any long work, so a huge input is refused quickly. Pure: no React, no DOM; it runs in the
 * parsing worker (csv.worker.ts) and in unit tests.
 */
import Papa from 'papaparse';

/** Largest input read at all (characters of text, bytes of a file). */
export const MAX_BYTES = 10 * 1024 * 1024;
/** Most data rows any panel takes. */
export const MAX_ROWS = 100_000;
/** Rows shown in the preview. */
export const PREVIEW_ROWS = 5;

export interface ColumnWant {
  /** The column's name in the file, matched case-insensitively (e.g. "x1"). */
  name: string;
  /** Binary label: 0/1, or any two distinct values mapped to 0 (first in sort order) and 1. */
  binary?: boolean;
}

export interface CsvRequest {
  columns: readonly ColumnWant[];
  /** Cap on data rows (at most MAX_ROWS). */
  maxRows?: number;
  /** When no wanted name is in the header, take the first columns in order (with a note). */
  positional?: boolean;
}

export interface CsvData {
  /** The chosen columns' names as the file spells them, in the order asked for. */
  names: string[];
  /** One array per chosen column, `rows` long. */
  columns: Float64Array[];
  rows: number;
  /** The first rows of the chosen columns, as read (after any label mapping). */
  preview: number[][];
  /** What was chosen or mapped on the learner's behalf (positional columns, label mapping). */
  notes: string[];
}

export type CsvResult = { ok: true; data: CsvData } | { ok: false; message: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const fail = (message: string): CsvResult => ({ ok: false, message });
const count = (n: number) => n.toLocaleString('en-US');
const fields = (n: number) => (n === 1 ? '1 field' : `${n} fields`);
/** A row shorter than the header: the same words wherever a column is read. */
const shortRow = (i: number, got: number, want: number) => `Line ${i + 2} has ${fields(got)}; the header has ${want}.`;

/** A cell or header quoted in a message: cut, with control characters shown as U+FFFD. */
export function quote(s: string, n = 20): string {
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  const safe = s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
  const chars = Array.from(safe);
  return `“${chars.length > n ? `${chars.slice(0, n).join('')}…` : safe}”`;
}

export function parseCsv(text: string, req: CsvRequest): CsvResult {
  const maxRows = Math.min(req.maxRows ?? MAX_ROWS, MAX_ROWS);
  if (text.length > MAX_BYTES) return fail(`The data is larger than ${MAX_BYTES / 1024 / 1024} MB; nothing was read.`);
  if (text.trim() === '') return fail('The file is empty.');
  // eslint-disable-next-line no-control-regex -- a NUL byte means a binary file
  if (/\u0000/.test(text.slice(0, 65536))) return fail('This is not CSV text: it holds binary data.');

  // Papaparse's own delimiter guess and `preview` walk the whole text (seconds for 10⁶ rows):
  // guess on the first 64 KB, and parse only the lines up to one row past the cap.
  const delimiter = guessDelimiter(text.slice(0, 65536));
  let end = -1;
  for (let k = 0; k < maxRows + 2; k++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) break;
  }
  const cut = end >= 0 && /\S/.test(text.slice(end + 1));
  // More lines than the cap allows (rows, or blank or quoted lines among them): refused unparsed.
  if (cut) return fail(`More than ${count(maxRows)} data rows: this panel takes at most ${count(maxRows)}.`);
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter, skipEmptyLines: 'greedy', transform: (v) => v.trim() });
  const quoteErr = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteErr) return fail(`Line ${(quoteErr.row ?? 0) + 1} has a quote that is never closed.`);
  const rowsIn = parsed.data;
  if (rowsIn.length === 0) return fail('The file is empty.');
  const header = rowsIn[0].map((h) => h.replace(/^\ufeff/, ''));
  const body = rowsIn.slice(1);
  const want = req.columns;
  if (header.length < want.length)
    return fail(`Found ${header.length === 1 ? `one column only (${quote(header[0])})` : `${header.length} columns`}; this panel needs ${want.length} (${want.map((w) => w.name).join(', ')}), separated by commas, with a header row.`);
  if (header.every((h) => NUMBER.test(h)))
    return fail(`The first line must name the columns (e.g. ${want.map((w) => w.name).join(',')}); it holds numbers.`);
  if (body.length === 0) return fail('The file has a header but no data rows.');
  if (body.length > maxRows) return fail(`More than ${count(maxRows)} data rows: this panel takes at most ${count(maxRows)}.`);

  // Pick the columns.
  const lower = header.map((h) => h.toLowerCase());
  const found = want.map((w) => lower.indexOf(w.name.toLowerCase()));
  const notes: string[] = [];
  let idx = found;
  if (found.some((i) => i < 0)) {
    const none = found.every((i) => i < 0);
    if (none && req.positional) {
      idx = want.map((_, j) => j);
      notes.push(`No column is named ${want.map((w) => w.name).join(' or ')}: used the first ${want.length}, ${idx.map((i) => quote(header[i])).join(' and ')}.`);
    } else {
      const missing = want.filter((_, j) => found[j] < 0).map((w) => `“${w.name}”`);
      return fail(`Missing column${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}. The header has: ${header.slice(0, 8).map((h) => quote(h, 12)).join(', ')}${header.length > 8 ? ', …' : ''}.`);
    }
  }

  const rows = body.length;
  const columns = idx.map(() => new Float64Array(rows));
  for (let j = 0; j < want.length; j++) {
    const c = idx[j];
    const name = quote(header[c]);
    if (want[j].binary) {
      const r = readBinary(body, c, name, columns[j], header.length);
      if (typeof r === 'string') return fail(r);
      if (r) notes.push(r.note);
      continue;
    }
    const col = columns[j];
    for (let i = 0; i < rows; i++) {
      const cell = body[i][c];
      const where = `Line ${i + 2}, column ${name}`;
      if (cell === undefined) return fail(shortRow(i, body[i].length, header.length));
      if (cell === '') return fail(`${where} is empty.`);
      if (!NUMBER.test(cell)) return fail(/^[-+]?(nan|inf(inity)?)$/i.test(cell) ? `${where}: ${quote(cell)} is not a finite number.` : `${where}: ${quote(cell)} is not a number.`);
      const v = Number(cell);
      if (!Number.isFinite(v)) return fail(`${where}: ${quote(cell)} is too large.`);
      col[i] = v;
    }
  }
  const preview = Array.from({ length: Math.min(PREVIEW_ROWS, rows) }, (_, i) => columns.map((col) => col[i]));
  return { ok: true, data: { names: idx.map((i) => header[i]), columns, rows, preview, notes } };
}

const DELIMITERS = [',', '\t', ';', '|'];

/** The delimiter that splits the first lines into the same number (> 1) of fields, the most
 *  fields winning (',' on a tie). Papaparse's own guess misses e.g. "x1;x2\n0;0". */
function guessDelimiter(head: string): string {
  let best = ',', bestScore = 0;
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(head, { delimiter: d, preview: 20, skipEmptyLines: 'greedy' }).data;
    const k = rows[0]?.length ?? 0;
    // The last line of a 64 KB head may be cut short: it does not vote.
    const score = k > 1 && rows.slice(0, -1).every((r) => r.length === k) ? k : 0;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** A binary label column into `out` (0/1). Returns a message on failure, a note when values
 *  other than 0/1 were mapped, or null. */
function readBinary(body: string[][], c: number, name: string, out: Float64Array, headerLength: number): string | { note: string } | null {
  const distinct: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const cell = body[i][c];
    if (cell === undefined) return shortRow(i, body[i].length, headerLength);
    if (cell === '') return `Line ${i + 2}, column ${name} is empty.`;
    // Numeric spellings of one value ("1", "1.0") are the same class.
    const key = NUMBER.test(cell) ? String(Number(cell)) : cell;
    if (!distinct.includes(key)) {
      distinct.push(key);
      if (distinct.length > 2) return `Column ${name} must hold two classes (0 and 1); it holds ${distinct.map((d) => quote(d, 10)).join(', ')}, ….`;
    }
  }
  if (distinct.length < 2) return `Column ${name} holds one class only (${quote(distinct[0], 10)}); both classes are needed.`;
  const numeric = distinct.every((d) => NUMBER.test(d));
  const sorted = [...distinct].sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  const plain = sorted[0] === '0' && sorted[1] === '1';
  for (let i = 0; i < body.length; i++) {
    const cell = body[i][c];
    out[i] = (NUMBER.test(cell) ? String(Number(cell)) : cell) === sorted[1] ? 1 : 0;
  }
  return plain ? null : { note: `Column ${name}: ${quote(sorted[0], 10)} read as 0 and ${quote(sorted[1], 10)} as 1.` };
}
