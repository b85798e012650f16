import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { MAX_BYTES, MAX_ROWS, parseCsv, type CsvRequest } from './csv';

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
    ['short row', 'x1,x2\n1,2\n3\n', /Line 3 has 1 fields; the header has 2/],
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
