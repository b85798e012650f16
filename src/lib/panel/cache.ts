/**
 * The one small cache panels use: least-recently-used, keyed by a string (build keys from the
 * params a value depends on, so a slider that does not touch them reuses it). `onEvict` releases
 * what a value holds (tensors, workers) when it falls out.
 * Pure: no React, no DOM.
 */
export interface Cache<V> {
  /** The cached value for `key`, made (and stored) by `make` when absent. */
  get(key: string, make: () => V): V;
  /** The cached value, or undefined; does not make one. Counts as a use. */
  peek(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): void;
  delete(key: string): void;
  /** The cached keys and values, least recently used first; does not count as a use. */
  entries(): [string, V][];
  clear(): void;
  readonly size: number;
}

export function createCache<V>(capacity: number, onEvict?: (value: V, key: string) => void): Cache<V> {
  if (!(capacity >= 1)) throw new Error(`cache capacity must be at least 1, got ${capacity}`);
  const map = new Map<string, V>();
  const evict = (key: string) => {
    const v = map.get(key) as V;
    map.delete(key);
    onEvict?.(v, key);
  };
  const touch = (key: string, v: V) => {
    map.delete(key);
    map.set(key, v); // Map keeps insertion order: most recent last
  };
  const cache: Cache<V> = {
    get(key, make) {
      if (map.has(key)) {
        const v = map.get(key) as V;
        touch(key, v);
        return v;
      }
      const v = make();
      cache.set(key, v);
      return v;
    },
    peek(key) {
      if (!map.has(key)) return undefined;
      const v = map.get(key) as V;
      touch(key, v);
      return v;
    },
    has: (key) => map.has(key),
    set(key, v) {
      if (map.has(key) && map.get(key) !== v) evict(key);
      map.delete(key);
      map.set(key, v);
      while (map.size > capacity) evict(map.keys().next().value as string);
    },
    delete(key) {
      if (map.has(key)) evict(key);
    },
    entries: () => [...map.entries()],
    clear() {
      for (const k of [...map.keys()]) evict(k);
    },
    get size() {
      return map.size;
    },
  };
  return cache;
}
