import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { MAX_BYTES, MAX_ROWS, parseCsv, quote, type CsvRequest } from './csv';

const XY: CsvRequest = { columns: [{ name: 'x1' }, { name: 'x2' }], positional: true };
const SL: CsvRequest = { columns: [{ name: 'score' }, { name: 'label', binary: true }] };

function ok(text: string, req: CsvRequest) {
  const r = parseCsv(text, req);
  if (!r.ok) throw new Error(r.message);
  return r.data;
}
function refused(text: string, req: CsvRequest): string {
  const r = parseCsv(text, req);
  expect(r.ok, text.slice(0, 80)).toBe(false);
  return r.ok ? '' : r.message;
}

describe('parseCsv: good input', () => {
  it('picks columns by name, case-insensitively, in the order asked, with any delimiter and spaces', () => {
    for (const sep of [',', ';', '\t', '|']) {
      const d = ok(['id X2 X1'.split(' ').join(sep), ['7', ' 2.5 ', '-1e-3'].join(sep), ['8', '+4', '.5'].join(sep)].join('\r\n'), XY);
      expect(d.names).toEqual(['X1', 'X2']);
      expect(Array.from(d.columns[0])).toEqual([-0.001, 0.5]);
      expect(Array.from(d.columns[1])).toEqual([2.5, 4]);
      expect(d.rows).toBe(2);
      expect(d.preview).toEqual([[-0.001, 2.5], [0.5, 4]]);
    }
  });
  it('falls back to the first columns when no name matches (and says so), only where allowed', () => {
    const d = ok('a,b,c\n1,2,3\n', XY);
    expect(d.names).toEqual(['a', 'b']);
    expect(d.notes[0]).toMatch(/first 2/);
    expect(refused('a,b\n0.1,1\n', SL)).toMatch(/Missing columns “score” and “label”/);
  });
  it('reads a binary label as 0/1, mapping two other values in sort order with a note', () => {
    expect(Array.from(ok('score,label\n1,0\n2,1\n3,1.0\n', SL).columns[1])).toEqual([0, 1, 1]);
    const d = ok('score,label\n1,spam\n2,ham\n3,spam\n', SL);
    expect(Array.from(d.columns[1])).toEqual([1, 0, 1]);
    expect(d.notes[0]).toBe('Column “label”: “ham” read as 0 and “spam” as 1.');
    expect(Array.from(ok('score,label\n1,-1\n2,1\n', SL).columns[1])).toEqual([0, 1]);
  });
  it('skips blank lines and a byte-order mark', () => {
    expect(ok('\ufeffx1,x2\n\n1,2\n  \n3,4\n\n', XY).rows).toBe(2);
  });
});

describe('parseCsv: every kind of bad input is refused with a message', () => {
  it.each([
    ['empty', '', /empty/],
    ['blank', ' \n\n ', /empty/],
    ['binary', 'x1,x2\n1,\u00002\n', /binary/],
    ['header only', 'x1,x2\n', /no data rows/],
    ['no header', '1,2\n3,4\n', /must name the columns/],
    ['one column', 'hello world\nfoo\n', /one column only/],
    ['missing column', 'x1,y\n1,2\n', /Missing column “x2”/],
    ['non-numeric', 'x1,x2\n1,2\n3,abc\n', /^Line 3, column “x2”: “abc” is not a number\.$/],
    ['NaN', 'x1,x2\nNaN,2\n', /Line 2, column “x1”: “NaN” is not a finite number/],
    ['Infinity', 'x1,x2\n1,-Infinity\n', /not a finite number/],
    ['overflow', 'x1,x2\n1,1e400\n', /too large/],
    ['empty cell', 'x1,x2\n1,2\n,4\n', /^Line 3, column “x1” is empty\.$/],
    ['short row', 'x1,x2\n1,2\n3\n', /^Line 3 has 1 field; the header has 2\.$/],
    ['hex', 'x1,x2\n0x10,2\n', /not a number/],
    ['unclosed quote', 'x1,x2\n"1,2\n3,4\n', /quote/],
  ])('%s', (_, text, re) => {
    expect(refused(text, XY)).toMatch(re);
  });
  it('labels: one class, or three', () => {
    expect(refused('score,label\n1,1\n2,1\n', SL)).toMatch(/one class only/);
    expect(refused('score,label\n1,0\n2,1\n3,2\n', SL)).toMatch(/must hold two classes/);
  });
  it('caps: more than MAX_BYTES characters, more rows than the cap — quickly', () => {
    expect(refused('x1,x2\n' + '1'.repeat(MAX_BYTES), XY)).toMatch(/larger than 10 MB/);
    const t0 = performance.now();
    const big = 'x1,x2\n' + '1,2\n'.repeat(1_000_000);
    expect(refused(big, XY)).toBe(`More than ${MAX_ROWS.toLocaleString('en-US')} data rows: this panel takes at most ${MAX_ROWS.toLocaleString('en-US')}.`);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(refused('x1,x2\n1,2\n3,4\n5,6\n', { ...XY, maxRows: 2 })).toMatch(/at most 2\./);
    expect(ok('x1,x2\n1,2\n3,4\n', { ...XY, maxRows: 2 }).rows).toBe(2);
  });
  it('messages quote hostile cells as text, cut short, without control characters', () => {
    const m = refused('x1,x2\n1,<img src=x onerror=alert(1)>\u202e\u0007' + 'z'.repeat(100) + '\n', XY);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(m).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(m.length).toBeLessThan(120);
  });
});

describe('parseCsv: seeded fuzz of hostile CSV text', () => {
  const PIECES = ['x1', 'x2', 'X1', 'score', 'label', ',', ';', '\t', '\n', '\r\n', '"', '""', ' ', '1', '-0', '2.5e3', 'NaN', 'Infinity', '1e400', '', 'abc', '\u0000', '\ufeff', '😀', '\u202e', '__proto__', '0x1f', '.', '-', 'e5', '1,2', '"a\nb"'];
  it('never throws; always ok with finite equal-length columns, or a non-empty message', () => {
    const rng = createRng(Number(process.env.FUZZ_SEED ?? 1414));
    const cases = Number(process.env.CSV_FUZZ_CASES ?? 3000);
    for (let k = 0; k < cases; k++) {
      const n = 1 + rng.int(40);
      const text = (rng.next() < 0.5 ? 'x1,x2,score,label\n' : '') + Array.from({ length: n }, () => PIECES[rng.int(PIECES.length)]).join('');
      for (const req of [XY, SL]) {
        let r: ReturnType<typeof parseCsv>;
        try {
          r = parseCsv(text, req);
        } catch (e) {
          throw new Error(`case ${k} threw on ${JSON.stringify(text)}: ${String(e)}`);
        }
        if (r.ok) {
          expect(r.data.columns.length).toBe(req.columns.length);
          for (const c of r.data.columns) {
            expect(c.length).toBe(r.data.rows);
            expect(c.every(Number.isFinite), JSON.stringify(text)).toBe(true);
          }
          if (req === SL) expect(r.data.columns[1].every((v) => v === 0 || v === 1)).toBe(true);
        } else expect(r.message.length, JSON.stringify(text)).toBeGreaterThan(5);
      }
    }
  });
});

/** The exact words a learner reads for each refusal or note: each names the line and column. */
describe('parseCsv: the messages, word for word', () => {
  it.each([
    ['empty', '', 'The file is empty.'],
    ['only blank lines', ' \n \n', 'The file is empty.'],
    ['binary', 'x1,x2\n1,\u00002\n', 'This is not CSV text: it holds binary data.'],
    ['quote on line 2', 'x1,x2\n"1,2\n3,4\n', 'Line 2 has a quote that is never closed.'],
    ['quote on line 3', 'x1,x2\n1,2\n"3,4\n', 'Line 3 has a quote that is never closed.'],
    ['one column', 'hello world\nfoo\n', 'Found one column only (“hello world”); this panel needs 2 (x1, x2), separated by commas, with a header row.'],
    ['numbers for a header', '1,2\n3,4\n', 'The first line must name the columns (e.g. x1,x2); it holds numbers.'],
    ['header only', 'x1,x2\n', 'The file has a header but no data rows.'],
    ['a missing column', 'x1,y\n1,2\n', 'Missing column “x2”. The header has: “x1”, “y”.'],
    ['empty cell', 'x1,x2\n1,\n', 'Line 2, column “x2” is empty.'],
    ['text cell', 'x1,x2\n1,2\n3,abc\n', 'Line 3, column “x2”: “abc” is not a number.'],
    ['inf', 'x1,x2\ninf,2\n', 'Line 2, column “x1”: “inf” is not a finite number.'],
    ['+infinity', 'x1,x2\n+INFINITY,2\n', 'Line 2, column “x1”: “+INFINITY” is not a finite number.'],
    ['infinite by size', 'x1,x2\n-1e999,2\n', 'Line 2, column “x1”: “-1e999” is too large.'],
    ['short row', 'x1,x2\n1,2\n3\n', 'Line 3 has 1 field; the header has 2.'],
  ])('%s', (_, text, message) => {
    expect(parseCsv(text, XY)).toEqual({ ok: false, message });
  });
  it('counts columns, names what the panel needs and lists at most 8 header cells, each cut to 12', () => {
    const ABCD: CsvRequest = { columns: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] };
    expect(refused('a,b,c\n1,2,3\n', ABCD)).toBe('Found 3 columns; this panel needs 4 (a, b, c, d), separated by commas, with a header row.');
    expect(refused('a,b,c,d,e,f,g,h,i\n1,2,3,4,5,6,7,8,9\n', SL)).toBe('Missing columns “score” and “label”. The header has: “a”, “b”, “c”, “d”, “e”, “f”, “g”, “h”, ….');
    expect(refused('a,b,c,d,e,f,g,h\n1,2,3,4,5,6,7,8\n', SL)).toBe('Missing columns “score” and “label”. The header has: “a”, “b”, “c”, “d”, “e”, “f”, “g”, “h”.');
    expect(refused('score,abcdefghijklmnop\n1,2\n', SL)).toBe('Missing column “label”. The header has: “score”, “abcdefghijkl…”.');
    // One wanted name present: no positional fallback even where allowed, the other is missing.
    expect(refused('x1,b\n1,2\n', XY)).toBe('Missing column “x2”. The header has: “x1”, “b”.');
  });
  it('binary labels: the words for a short row, an empty cell, one class, three classes, and the mapping', () => {
    expect(refused('score,label\n1\n', SL)).toBe('Line 2 has 1 field; the header has 2.');
    expect(refused('score,label\n1,0\n2,1,9\n3\n', SL)).toBe('Line 4 has 1 field; the header has 2.');
    expect(refused('score,label\n1,\n', SL)).toBe('Line 2, column “label” is empty.');
    expect(refused('score,label\n1,yes\n2,yes\n', SL)).toBe('Column “label” holds one class only (“yes”); both classes are needed.');
    expect(refused('score,label\n1,0\n2,1\n3,2\n4,3\n', SL)).toBe('Column “label” must hold two classes (0 and 1); it holds “0”, “1”, “2”, ….');
    // Numbers sort as numbers (9 before 10), words as words; 0/1 needs no note.
    const num = ok('score,label\n1,10\n2,9\n3,9.0\n', SL);
    expect(Array.from(num.columns[1])).toEqual([1, 0, 0]);
    expect(num.notes).toEqual(['Column “label”: “9” read as 0 and “10” as 1.']);
    expect(ok('score,label\n1,1\n2,0\n', SL).notes).toEqual([]);
    expect(ok('score,label\n1,b\n2,a\n', SL).notes).toEqual(['Column “label”: “a” read as 0 and “b” as 1.']);
    expect(ok('score,label\n1,0\n2,b\n', SL).notes).toEqual(['Column “label”: “0” read as 0 and “b” as 1.']);
  });
  it('the note for positional columns names them', () => {
    expect(ok('a,b,c\n1,2,3\n', XY).notes).toEqual(['No column is named x1 or x2: used the first 2, “a” and “b”.']);
  });
  it('quotes: at most 20 characters, control and bidi characters shown as U+FFFD', () => {
    expect(quote('abc')).toBe('“abc”');
    expect(quote('x'.repeat(20))).toBe(`“${'x'.repeat(20)}”`);
    expect(quote('x'.repeat(21))).toBe(`“${'x'.repeat(20)}…”`);
    expect(quote('😀'.repeat(3), 2)).toBe('“😀😀…”');
    expect(quote('a\u0000\u001f\u007f\u009f\u200e\u200f\u202a\u202e\u2066\u2069b')).toBe(`“a${'\ufffd'.repeat(10)}b”`);
    expect(quote(' \u00a0\u2010\u202f\u206a')).toBe('“ \u00a0\u2010\u202f\u206a”');
  });
  it('caps: the row cap is at most MAX_ROWS whatever is asked; blank lines after the cap are fine', () => {
    expect(refused('x1,x2\n1,2\n3,4\n5,6\n', { ...XY, maxRows: 2 })).toBe('More than 2 data rows: this panel takes at most 2.');
    expect(ok('x1,x2\n1,2\n3,4\n\n \n', { ...XY, maxRows: 2 }).rows).toBe(2);
    expect(ok('x1,x2\n1,2\n3,4', { ...XY, maxRows: 2 }).rows).toBe(2); // no final newline
    const over = 'x1,x2\n' + '1,2\n'.repeat(MAX_ROWS + 1);
    expect(refused(over, { ...XY, maxRows: 10 * MAX_ROWS })).toBe('More than 100,000 data rows: this panel takes at most 100,000.');
    expect(refused('x'.repeat(MAX_BYTES + 1), XY)).toBe('The data is larger than 10 MB; nothing was read.');
  });
  it('a binary (NUL) byte is looked for in the first 64 KB only', () => {
    const late = 'x1,x2\n' + '1,2\n'.repeat(16_400) + '1,\u0000\n'; // the NUL past 65,536 characters
    expect(late.indexOf('\u0000')).toBeGreaterThan(65_536);
    expect(refused(late, XY)).toBe('Line 16402, column “x2”: “\ufffd” is not a number.');
  });
  it('the delimiter: the one giving the most equal fields per line, a comma on a tie', () => {
    expect(Array.from(ok('a;b,c\n1;2,3\n', { columns: [{ name: 'c' }] }).columns[0])).toEqual([3]); // 2 fields either way: comma
    expect(ok('x1;x2;y,z\n1;2;3,4\n', XY).names).toEqual(['x1', 'x2']); // 3 fields beat 2
    expect(ok('x1|x2\n1|2\n', XY).names).toEqual(['x1', 'x2']);
    // The last line does not vote (a 64 KB head may cut it short).
    expect(refused('x1;x2\n1;2\n3;4\n5', XY)).toBe('Line 4 has 1 field; the header has 2.');
    // Lines that disagree rule a delimiter out.
    expect(ok('x1\tx2,y\n1\t2\n3\t4\n', { columns: [{ name: 'x1' }] }).columns[0]).toEqual(Float64Array.of(1, 3));
  });
});

describe('parseCsv: numbers, labels and lines at their edges', () => {
  it('reads plain decimal numbers only, as the link codec does', () => {
    const cells = ['12', '00.5', '.25', '5.', '+3', '-3', '1e5', '2E10', '1e-01', '-1.5e+2'];
    const d = ok(`x1,x2\n${cells.map((c) => `${c},0`).join('\n')}\n`, XY);
    expect(Array.from(d.columns[0])).toEqual([12, 0.5, 0.25, 5, 3, -3, 1e5, 2e10, 0.1, -150]);
    for (const bad of ['a1', '1a', '1e', 'e5', '--1', '1.5.5', '0x1', '1,5', '½', '.', '1 2', '0b1'])
      expect(refused(`x1,x2\n"${bad}",0\n`, XY), bad).toBe(`Line 2, column “x1”: ${quote(bad)} is not a number.`);
    for (const bad of ['xinf', 'infx', 'nanx', '--nan', 'Infinityy']) expect(refused(`x1,x2\n"${bad}",0\n`, XY)).not.toMatch(/finite/);
  });
  it('a header with some numbers in it is a header', () => {
    expect(ok('x1,x2,2024\n1,2,3\n', XY).names).toEqual(['x1', 'x2']);
  });
  it('labels: numbers sort as numbers only when every class is a number; −1/1 is mapped with a note', () => {
    expect(ok('score,label\n1,b\n2,0\n', SL).notes).toEqual(['Column “label”: “0” read as 0 and “b” as 1.']);
    const pm = ok('score,label\n1,-1\n2,1\n', SL);
    expect(Array.from(pm.columns[1])).toEqual([0, 1]);
    expect(pm.notes).toEqual(['Column “label”: “-1” read as 0 and “1” as 1.']);
  });
  it('a byte-order mark is dropped from the first name only', () => {
    expect(ok('\ufeffx1,x2\n1,2\n', XY)).toMatchObject({ names: ['x1', 'x2'], notes: [] });
    expect(ok('a\ufeffb,c\n1,2\n', XY).names).toEqual(['a\ufeffb', 'c']);
  });
  it('blank lines: skipped in the data and when guessing the delimiter, but they count toward the quick line cap', () => {
    expect(ok('\nx1,x2\n1,2\n', XY).rows).toBe(1);
    expect(ok('x1;x2\n\n1;2\n\n3;4\n', XY).rows).toBe(2);
    expect(ok('x1,x2\n\n1,2\n3,4\n', { ...XY, maxRows: 2 }).rows).toBe(2);
    expect(refused('x1,x2\n\n\n\n1,2\n', { ...XY, maxRows: 2 })).toBe('More than 2 data rows: this panel takes at most 2.');
  });
  it('only the four delimiters are guessed; other separators leave one column', () => {
    expect(refused('x1\u001ex2\n1\u001e2\n', XY)).toBe('Found one column only (“x1\ufffdx2”); this panel needs 2 (x1, x2), separated by commas, with a header row.');
  });
  it('a short row names its fields; lines of nothing but delimiters are no rows', () => {
    expect(refused('a,x1,x2\n1,2\n', XY)).toBe('Line 2 has 2 fields; the header has 3.');
    expect(refused(',,\n,,\n', XY)).toBe('The file is empty.');
    expect(refused('\nx1,x2\n\n\n1,2\n', { ...XY, maxRows: 2 })).toBe('More than 2 data rows: this panel takes at most 2.');
  });
  it('exactly 10 MB is read (here refused for what it holds, not for its size)', () => {
    expect(refused(`\u0000${'x'.repeat(MAX_BYTES - 1)}`, XY)).toBe('This is not CSV text: it holds binary data.');
  });
});
