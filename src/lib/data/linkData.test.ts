import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { serialize } from '../params/url';
import { decodeLinkData, encodeLinkData, LINK_DATA_MAX_CHARS, LINK_ROWS, MAX_COLS, quantise } from './linkData';
import { csvParamSpec, forgetOwnData, ownDataParam, resolveOwnData } from './ownData';

const rng = createRng(20261202);
const column = (n: number, lo: number, hi: number) => Float64Array.from({ length: n }, () => lo + rng.next() * (hi - lo));

describe('linkData', () => {
  it('round trip: quantisation error within range/65535/2, integer columns exact, range ends exact', () => {
    for (const [n, lo, hi] of [[200, -3, 7], [1, 5, 5], [17, -1e6, 1e-3], [200, 0.001, 0.002], [50, -1e300, 1e300]] as const) {
      const a = column(n, lo, hi);
      const labels = Float64Array.from({ length: n }, () => rng.int(2));
      const counts = Float64Array.from({ length: n }, () => -300 + rng.int(60000));
      const d = decodeLinkData(encodeLinkData([a, labels, counts]));
      if (!d.ok) throw new Error(d.message);
      expect(d.rows).toBe(n);
      const span = Math.max(...a) - Math.min(...a);
      const tol = span / 65535 / 2 + 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
      for (let i = 0; i < n; i++) expect(Math.abs(d.columns[0][i] - a[i])).toBeLessThanOrEqual(tol);
      expect(Math.min(...d.columns[0])).toBe(Math.min(...a));
      expect(Math.max(...d.columns[0])).toBe(Math.max(...a));
      expect(Array.from(d.columns[1])).toEqual(Array.from(labels));
      expect(Array.from(d.columns[2])).toEqual(Array.from(counts));
    }
  });
  it('quantise is idempotent: what the sender sees is what a receiver decodes', () => {
    const q = quantise([column(120, -2, 2), column(120, 0, 9)]);
    const again = quantise(q);
    expect(again.map((c) => Array.from(c))).toEqual(q.map((c) => Array.from(c)));
  });
  it('200 rows × 4 columns fit the param, and a whole link stays under the 4000-character cap', () => {
    const cols = Array.from({ length: MAX_COLS }, () => column(LINK_ROWS, -5, 5));
    const s = encodeLinkData(cols);
    expect(s.length).toBeLessThanOrEqual(LINK_DATA_MAX_CHARS);
    expect(encodeURIComponent(s)).toBe(s); // base64url: nothing to escape in a query
    const schema = { csv: csvParamSpec, a: { kind: 'number', label: 'a', min: 0, max: 1, step: 0.1, default: 0.5 } } as const;
    // Room left for a panel's other params (a dozen numbers and words).
    expect(serialize(schema, { csv: s, a: 0.5 }).length + 600).toBeLessThan(4000);
  });
  it('refuses what it cannot encode (a caller bug)', () => {
    expect(() => encodeLinkData([column(201, 0, 1)])).toThrow();
    expect(() => encodeLinkData(Array.from({ length: 5 }, () => column(3, 0, 1)))).toThrow();
    expect(() => encodeLinkData([Float64Array.of(1, NaN)])).toThrow();
    expect(() => encodeLinkData([column(3, 0, 1), column(4, 0, 1)])).toThrow();
  });
  it('bad strings give clear messages', () => {
    expect(decodeLinkData('')).toEqual({ ok: false, message: expect.stringMatching(/not in a format/) });
    expect(decodeLinkData('2.AAAA')).toEqual({ ok: false, message: expect.stringMatching(/format version 2/) });
    const good = encodeLinkData([column(10, 0, 1)]);
    expect(decodeLinkData(good.slice(0, -3))).toEqual({ ok: false, message: expect.stringMatching(/damaged or cut short/) });
    expect(decodeLinkData(good + 'A')).toMatchObject({ ok: false });
    expect(decodeLinkData(good.replace(/.$/, '*'))).toMatchObject({ ok: false });
  });
  it('seeded fuzz of hostile link strings: never throws; ok with finite columns or a message', () => {
    const good = encodeLinkData([column(30, -1, 1), Float64Array.from({ length: 30 }, () => rng.int(2))]);
    const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.%+/= \u0000😀';
    const fz = createRng(Number(process.env.FUZZ_SEED ?? 77));
    for (let k = 0; k < 3000; k++) {
      const r = fz.next();
      let s: string;
      if (r < 0.4) {
        // A good string with bytes flipped, cut or extended.
        const chars = [...good];
        for (let m = 1 + fz.int(4); m > 0; m--) chars[fz.int(chars.length)] = ALPHA[fz.int(64)];
        s = chars.join('').slice(0, fz.next() < 0.3 ? fz.int(good.length) : undefined);
      } else if (r < 0.7) s = `1.${Array.from({ length: fz.int(120) }, () => ALPHA[fz.int(ALPHA.length)]).join('')}`;
      else s = Array.from({ length: fz.int(40) }, () => ALPHA[fz.int(ALPHA.length)]).join('');
      let d: ReturnType<typeof decodeLinkData>;
      try {
        d = decodeLinkData(s);
      } catch (e) {
        throw new Error(`case ${k} threw on ${JSON.stringify(s)}: ${String(e)}`);
      }
      if (d.ok) for (const c of d.columns) expect(c.length === d.rows && c.every(Number.isFinite)).toBe(true);
      else expect(d.message.length).toBeGreaterThan(5);
      const res = resolveOwnData('fuzz', s, 2);
      expect(res.data !== null || res.message !== null || s === '').toBe(true);
    }
  });
});

describe('ownData', () => {
  it('≤ 200 rows go in the link; more stay in this browser and the param says so', () => {
    const small = [column(200, 0, 1), column(200, 0, 1)];
    const p = ownDataParam('t', small);
    expect(p.startsWith('1.')).toBe(true);
    const r = resolveOwnData('t', p, 2);
    expect(r.data?.inLink).toBe(true);
    expect(r.message).toBeNull();
    expect(resolveOwnData('t', p, 3).data).toBeNull();

    const big = [column(201, 0, 1), column(201, 0, 1)];
    const q = ownDataParam('t', big);
    expect(q).toMatch(/^local:201-[0-9a-f]{8}$/);
    expect(ownDataParam('t', [column(201, 0, 1), column(201, 0, 1)])).not.toBe(q); // other data, other param
    expect(resolveOwnData('t', q, 2).data).toBeNull(); // only the latest load is kept
    ownDataParam('t', big);
    const here = resolveOwnData('t', q, 2);
    expect(here.data?.columns[0]).toBe(big[0]);
    expect(here.message).toMatch(/does not carry your 201 rows/);
    // A receiver (no memory) gets a message and generated data.
    forgetOwnData('t');
    const there = resolveOwnData('t', q, 2);
    expect(there.data).toBeNull();
    expect(there.message).toMatch(/201 rows of the sender’s own data.*Showing generated data/);
    expect(resolveOwnData('t', 'local:<b>', 2).message).toMatch(/the sender’s own data/);
    expect(resolveOwnData('t', '', 2)).toEqual({ data: null, message: null });
  });
});

/**
 * The byte layout of format 1, built by hand from the header comment of linkData.ts, with
 * Node's own base64url (Buffer) as the independent encoder and decoder.
 */
type Col = { exact: true; min: number; q: number[] } | { exact: false; min: number; max: number; q: number[] };
function bytesOf(cols: Col[]): Uint8Array {
  const rows = cols[0].q.length;
  const size = 3 + cols.reduce((n, c) => n + (c.exact ? 9 : 17), 0) + 2 * cols.length * rows;
  const dv = new DataView(new ArrayBuffer(size));
  dv.setUint8(0, cols.length);
  dv.setUint16(1, rows, true);
  let o = 3;
  for (const c of cols) {
    dv.setUint8(o++, c.exact ? 1 : 0);
    dv.setFloat64(o, c.min, true);
    o += 8;
    if (!c.exact) {
      dv.setFloat64(o, c.max, true);
      o += 8;
    }
  }
  for (const c of cols) for (const q of c.q) {
    dv.setUint16(o, q, true);
    o += 2;
  }
  return new Uint8Array(dv.buffer);
}
const link = (bytes: Uint8Array, version = '1') => `${version}.${Buffer.from(bytes).toString('base64url')}`;

describe('linkData: format 1, byte by byte', () => {
  it('writes the documented bytes, for every length modulo 3 of the base64 text', () => {
    // Integer columns spanning ≤ 65,535 are exact (kind 1, offsets from the minimum); others
    // quantised (kind 0): q = round((v − min)/(max − min)·65535).
    const cases: [number[][], Col[]][] = [
      [[[0, 1]], [{ exact: true, min: 0, q: [0, 1] }]], // 16 bytes
      [[[-5, 3, 65530]], [{ exact: true, min: -5, q: [0, 8, 65535] }]], // 18 bytes
      [[[0.5, 1, 2]], [{ exact: false, min: 0.5, max: 2, q: [0, Math.round((0.5 / 1.5) * 65535), 65535] }]], // 26 bytes
      [[[0, 1, 65536]], [{ exact: false, min: 0, max: 65536, q: [0, Math.round((1 / 65536) * 65535), 65535] }]], // span 65,536: quantised
      [[[1, 2], [0.25, 0.75]], [{ exact: true, min: 1, q: [0, 1] }, { exact: false, min: 0.25, max: 0.75, q: [0, 65535] }]], // 37 bytes
      [[[7, 7, 7]], [{ exact: true, min: 7, q: [0, 0, 0] }]],
      [[[40000, 40001, 40002]], [{ exact: true, min: 40000, q: [0, 1, 2] }]], // offsets from the minimum, not the values
      // A span past the largest double is quantised on halves: 0 sits at (0/2 + 1e308/2)/1e308 = ½.
      [[[-1e308, 0, 1e308]], [{ exact: false, min: -1e308, max: 1e308, q: [0, Math.round(0.5 * 65535), 65535] }]],
    ];
    const mods = new Set<number>();
    for (const [columns, want] of cases) {
      const bytes = bytesOf(want);
      mods.add(bytes.length % 3);
      expect(encodeLinkData(columns.map((c) => Float64Array.from(c)))).toBe(link(bytes));
    }
    expect([...mods].sort()).toEqual([0, 1, 2]);
  });

  it('reads hand-made bytes: offsets exact, quantised values blended, the top code exactly the maximum', () => {
    const d = decodeLinkData(link(bytesOf([{ exact: true, min: -2, q: [0, 5, 65535] }, { exact: false, min: -1, max: 3, q: [0, 16384, 65535] }])));
    expect(d).toEqual({ ok: true, rows: 3, columns: [Float64Array.of(-2, 3, 65533), Float64Array.of(-1, -1 * (1 - 16384 / 65535) + 3 * (16384 / 65535), 3)] });
    // A span near the largest double: the top code is the maximum itself, not a rounded blend.
    const big = decodeLinkData(link(bytesOf([{ exact: false, min: 0.1, max: Number.MAX_VALUE, q: [65535] }])));
    expect(big.ok && big.columns[0][0]).toBe(Number.MAX_VALUE);
  });

  it('the longest link text is LINK_DATA_MAX_CHARS = 2,230 characters: 4 quantised columns of 200 rows', () => {
    // 3 + 4·17 + 2·4·200 = 1,671 bytes = 557 groups of 3, 4 characters each, after "1.".
    expect(LINK_DATA_MAX_CHARS).toBe(2230);
    const cols = Array.from({ length: MAX_COLS }, (_, j) => Float64Array.from({ length: LINK_ROWS }, (_, i) => (i * (j + 1)) / 7));
    expect(encodeLinkData(cols)).toHaveLength(LINK_DATA_MAX_CHARS);
  });

  it('refuses damaged bytes, each kind with the same words', () => {
    const DAMAGED = { ok: false, message: 'The data in the link is damaged or cut short.' };
    const one = (c: Col) => bytesOf([c]);
    const good = one({ exact: false, min: 0, max: 1, q: [1, 2] });
    expect(decodeLinkData(link(good)).ok).toBe(true);
    const edit = (f: (dv: DataView) => void, bytes = good) => {
      const b = bytes.slice();
      f(new DataView(b.buffer));
      return link(b);
    };
    expect(decodeLinkData(edit((dv) => dv.setUint8(0, 0)))).toEqual(DAMAGED); // no columns
    expect(decodeLinkData(edit((dv) => dv.setUint8(0, 5)))).toEqual(DAMAGED); // too many
    expect(decodeLinkData(edit((dv) => dv.setUint16(1, 0, true)))).toEqual(DAMAGED); // no rows
    expect(decodeLinkData(edit((dv) => dv.setUint16(1, 201, true)))).toEqual(DAMAGED); // too many
    expect(decodeLinkData(edit((dv) => dv.setUint8(3, 2)))).toEqual(DAMAGED); // no such kind
    expect(decodeLinkData(edit((dv) => dv.setFloat64(4, 2, true)))).toEqual(DAMAGED); // max < min
    expect(decodeLinkData(edit((dv) => dv.setFloat64(4, NaN, true)))).toEqual(DAMAGED);
    expect(decodeLinkData(edit((dv) => dv.setFloat64(12, Infinity, true)))).toEqual(DAMAGED);
    expect(decodeLinkData(link(good.slice(0, good.length - 1)))).toEqual(DAMAGED); // a byte short
    expect(decodeLinkData(link(Uint8Array.from([...good, 0])))).toEqual(DAMAGED); // a byte over
    expect(decodeLinkData(link(good.slice(0, 2)))).toEqual(DAMAGED); // no header
    expect(decodeLinkData(link(good.slice(0, 11)))).toEqual(DAMAGED); // a column header cut inside its minimum
    expect(decodeLinkData(link(good.slice(0, 19)))).toEqual(DAMAGED); // … inside its maximum
    const exact = one({ exact: true, min: 0, q: [1] });
    expect(decodeLinkData(link(exact)).ok).toBe(true);
    expect(decodeLinkData(link(exact.slice(0, 12)))).toEqual(DAMAGED); // header complete, rows missing
    // Offsets from the largest double round back to it: still finite, still read.
    expect(decodeLinkData(link(one({ exact: true, min: Number.MAX_VALUE, q: [65535] })))).toEqual({ ok: true, rows: 1, columns: [Float64Array.of(Number.MAX_VALUE)] });
    expect(decodeLinkData('1.A')).toEqual(DAMAGED); // 1 character past a group of 4: not base64
    const eighteen = link(bytesOf([{ exact: true, min: -5, q: [0, 8, 65535] }])); // 24 characters
    expect(decodeLinkData(eighteen).ok).toBe(true);
    expect(decodeLinkData(`${eighteen}A`)).toEqual(DAMAGED);
    // Counts out of range, in strings whose length agrees with them.
    expect(decodeLinkData(link(Uint8Array.of(0, 1, 0)))).toEqual(DAMAGED); // no columns
    const q = (rows: number) => Array.from({ length: rows }, (_, i) => i % 2);
    expect(decodeLinkData(link(bytesOf(Array.from({ length: 4 }, () => ({ exact: true as const, min: 0, q: q(3) })))))).toMatchObject({ ok: true, rows: 3 });
    expect(decodeLinkData(link(bytesOf(Array.from({ length: 5 }, () => ({ exact: true as const, min: 0, q: q(3) })))))).toEqual(DAMAGED);
    expect(decodeLinkData(link(bytesOf([{ exact: true, min: 0, q: q(200) }])))).toMatchObject({ ok: true, rows: 200 });
    expect(decodeLinkData(link(bytesOf([{ exact: true, min: 0, q: q(201) }])))).toEqual(DAMAGED);
    expect(decodeLinkData(link(bytesOf([{ exact: true, min: 0, q: [] }])))).toEqual(DAMAGED); // no rows
    expect(decodeLinkData(edit((dv) => dv.setUint8(3, 2), exact))).toEqual(DAMAGED); // kind 2 with a 9-byte header
    expect(decodeLinkData('1.AA=A')).toEqual(DAMAGED); // not base64url
  });

  it('names the format version it cannot read', () => {
    const good = bytesOf([{ exact: true, min: 0, q: [1] }]);
    expect(decodeLinkData(link(good, '01')).ok).toBe(true); // version 1 written with a leading zero
    expect(decodeLinkData(link(good, '2'))).toEqual({ ok: false, message: 'The data in the link has format version 2, which this app does not read.' });
    expect(decodeLinkData(link(good, '007'))).toEqual({ ok: false, message: 'The data in the link has format version 7, which this app does not read.' });
    for (const s of [link(good, '1000'), link(good, 'v1'), link(good, ''), Buffer.from(good).toString('base64url'), '1', '11'])
      expect(decodeLinkData(s)).toEqual({ ok: false, message: 'The data in the link is not in a format this app reads.' });
  });

  it('encodes only 1…4 columns of 1…200 equal rows of finite numbers, and says so', () => {
    expect(() => encodeLinkData([])).toThrow('encodeLinkData: 0 columns of 0 rows');
    expect(() => encodeLinkData([new Float64Array(0)])).toThrow('encodeLinkData: 1 columns of 0 rows');
    expect(() => encodeLinkData([Float64Array.of(1, Infinity)])).toThrow('encodeLinkData: a value is not finite');
    expect(encodeLinkData(Array.from({ length: MAX_COLS }, () => new Float64Array(LINK_ROWS)))).toMatch(/^1\./);
    expect(() => quantise([])).toThrow();
  });
});
