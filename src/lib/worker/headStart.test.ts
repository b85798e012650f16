import { describe, expect, it } from 'vitest';
import { HEAD_START, onHeadStart, readHeadStart, sendHeadStart } from './headStart';

describe('head start', () => {
  it('reads only a well-formed head start', () => {
    expect(readHeadStart({ t: HEAD_START, shard: 1, search: '?n=3' })).toEqual({ t: HEAD_START, shard: 1, search: '?n=3' });
    for (const bad of [null, undefined, 3, {}, { t: 'run' }, { t: HEAD_START, shard: 0.5, search: '' }, { t: HEAD_START, shard: 0, search: 7 }, { t: HEAD_START, search: '' }])
      expect(readHeadStart(bad)).toBeNull();
  });

  it('sends nothing where there is no address (Node), and hands the worker back', () => {
    const sent: unknown[] = [];
    const w = { postMessage: (m: unknown) => sent.push(m) };
    expect(sendHeadStart(w, 1)).toBe(w);
    expect(sent).toEqual(typeof location === 'undefined' ? [] : [{ t: HEAD_START, shard: 1, search: location.search }]);
  });

  it('a worker sees its head start once, other messages not at all, and a throwing start stays quiet', () => {
    const target = new EventTarget();
    const seen: unknown[] = [];
    onHeadStart((m) => {
      seen.push(m);
      throw new Error('lost head start');
    }, target);
    const send = (data: unknown) => target.dispatchEvent(new MessageEvent('message', { data }));
    expect(() => send({ t: 'init' })).not.toThrow();
    expect(() => send({ t: HEAD_START, shard: 0, search: '?a=1' })).not.toThrow();
    expect(seen).toEqual([{ t: HEAD_START, shard: 0, search: '?a=1' }]);
  });
});
