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
