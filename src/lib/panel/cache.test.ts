import { describe, expect, it } from 'vitest';
import { createCache } from './cache';

describe('createCache', () => {
  it('makes a value once per key and returns the stored one after', () => {
    const c = createCache<number>(3);
    let made = 0;
    const make = () => ++made;
    expect(c.get('a', make)).toBe(1);
    expect(c.get('a', make)).toBe(1);
    expect(made).toBe(1);
  });

  it('evicts the least recently used value, and calls onEvict with it', () => {
    const gone: string[] = [];
    const c = createCache<string>(2, (v, k) => gone.push(`${k}=${v}`));
    c.set('a', 'A');
    c.set('b', 'B');
    c.get('a', () => 'x'); // a is now the most recent
    c.set('c', 'C');
    expect(gone).toEqual(['b=B']);
    expect(c.has('a') && c.has('c') && !c.has('b')).toBe(true);
    expect(c.size).toBe(2);
  });

  it('replacing a value evicts the old one; clear evicts everything', () => {
    const gone: string[] = [];
    const c = createCache<string>(4, (v) => gone.push(v));
    c.set('a', 'A1');
    c.set('a', 'A2');
    expect(gone).toEqual(['A1']);
    c.set('b', 'B');
    c.clear();
    expect(gone.sort()).toEqual(['A1', 'A2', 'B']);
    expect(c.size).toBe(0);
  });

  it('peek does not make a value', () => {
    const c = createCache<number>(1);
    expect(c.peek('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('lists entries least recently used first, without counting the listing as a use', () => {
    const evicted: string[] = [];
    const c = createCache<number>(2, (_v, k) => evicted.push(k));
    c.set('a', 1);
    c.set('b', 2);
    c.peek('a');
    expect(c.entries()).toEqual([['b', 2], ['a', 1]]);
    c.set('c', 3); // 'b' is still the least recently used: listing did not touch it
    expect(evicted).toEqual(['b']);
  });

  it('refuses a capacity below one', () => {
    expect(() => createCache(0)).toThrow();
  });

  it('says why it refuses a capacity, in words', () => {
    expect(() => createCache(0)).toThrow('cache capacity must be at least 1, got 0');
    expect(() => createCache(NaN)).toThrow('cache capacity must be at least 1, got NaN');
  });

  it('storing the same value again under its key does not release it (it is still in use)', () => {
    const gone: string[] = [];
    const value = { name: 'tensor A' };
    const c = createCache<{ name: string }>(2, (v) => gone.push(v.name));
    c.set('a', value);
    c.set('a', value);
    expect(gone).toEqual([]);
    expect(c.peek('a')).toBe(value);
  });

  it('delete releases a present value once and does nothing for a missing key', () => {
    const gone: [string, string][] = [];
    const c = createCache<string>(3, (v, k) => gone.push([k, v]));
    c.set('a', 'A');
    c.delete('missing');
    expect(gone).toEqual([]);
    c.delete('a');
    c.delete('a');
    expect(gone).toEqual([['a', 'A']]);
    expect(c.size).toBe(0);
  });

  it('works without an onEvict', () => {
    const c = createCache<number>(1);
    c.set('a', 1);
    c.set('b', 2);
    c.delete('b');
    c.set('c', 3);
    c.clear();
    expect(c.size).toBe(0);
  });
});
