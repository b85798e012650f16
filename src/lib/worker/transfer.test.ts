import { describe, expect, it, vi } from 'vitest';
import { collectTransferables } from './transfer';

describe('collectTransferables', () => {
  it('finds the buffers of typed arrays nested in objects, arrays, maps and sets', () => {
    const a = new Float32Array(4);
    const b = new Uint8Array(3);
    const c = new Float64Array(2);
    const d = new ArrayBuffer(8);
    const e = new DataView(new ArrayBuffer(5));
    const list = collectTransferables({ a, deep: [{ b }, 1, 'x', null], m: new Map([['k', c]]), s: new Set([d]), e, n: 3 });
    expect(new Set(list)).toEqual(new Set([a.buffer, b.buffer, c.buffer, d, e.buffer]));
    expect(list).toHaveLength(5);
  });

  it('lists a buffer shared by several views, or met twice, only once', () => {
    const buf = new ArrayBuffer(64);
    const x = new Float32Array(buf, 0, 4);
    const y = new Float32Array(buf, 16, 4);
    const list = collectTransferables([x, y, buf, { again: x }]);
    expect(list).toEqual([buf]);
  });

  it('skips shared memory and empty buffers, and survives cycles', () => {
    const shared = new Float32Array(new SharedArrayBuffer(16));
    const empty = new Float32Array(0);
    const own = new Int32Array(2);
    const cyc: Record<string, unknown> = { shared, empty, own };
    cyc.self = cyc;
    expect(collectTransferables(cyc)).toEqual([own.buffer]);
  });

  it('returns nothing for plain data', () => {
    expect(collectTransferables({ a: 1, b: [1, 2, 3], c: 'x' })).toEqual([]);
    expect(collectTransferables(null)).toEqual([]);
    expect(collectTransferables(5)).toEqual([]);
  });

  it('the list it gives is accepted by structured clone, which then detaches the sender', () => {
    const a = new Float32Array([1, 2, 3]);
    const msg = { a, view: new Uint8Array(a.buffer, 4, 4) };
    const copy = structuredClone(msg, { transfer: collectTransferables(msg) });
    expect(Array.from(copy.a)).toEqual([1, 2, 3]);
    expect(copy.view.buffer).toBe(copy.a.buffer);
    expect(a.byteLength).toBe(0);
  });

  it('skips undefined fields and other primitives anywhere', () => {
    const a = new Uint8Array(2);
    expect(collectTransferables({ u: undefined, s: 'text', n: 1, b: true, list: [undefined, 'x', a] })).toEqual([a.buffer]);
  });

  it('moves an ImageBitmap (where the platform has them) as it is', () => {
    class FakeBitmap {}
    vi.stubGlobal('ImageBitmap', FakeBitmap);
    try {
      const bmp = new FakeBitmap();
      const a = new Float32Array(1);
      expect(collectTransferables({ bmp, a, again: bmp })).toEqual([bmp, a.buffer]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('works where SharedArrayBuffer does not exist (a page that is not cross-origin isolated)', async () => {
    vi.stubGlobal('SharedArrayBuffer', undefined);
    vi.resetModules();
    try {
      const fresh = await import('./transfer');
      const a = new Float64Array(2);
      expect(fresh.collectTransferables({ a, e: new Uint8Array(0) })).toEqual([a.buffer]);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
