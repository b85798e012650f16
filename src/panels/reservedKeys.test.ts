/**
 * The app owns some link keys on every route (RESERVED_KEYS: the link version, a forced backend,
 * embed, note, tour, show). A panel setting with one of those names would be silently dropped
 * from its links (parseQuery skips reserved keys), so no panel schema may use one.
 */
import { describe, expect, it } from 'vitest';
import { RESERVED_KEYS } from '../lib/params/url';

const schemas = import.meta.glob<{ schema?: Record<string, unknown> }>('./*/params.ts', { eager: true });

describe('panel settings avoid the app’s reserved link keys', () => {
  it('finds the panels', () => expect(Object.keys(schemas).length).toBeGreaterThanOrEqual(20));
  it.each(Object.entries(schemas))('%s', (_, mod) => {
    expect(mod.schema, 'params.ts exports its schema').toBeDefined();
    expect(Object.keys(mod.schema!).filter((k) => RESERVED_KEYS.has(k))).toEqual([]);
  });
});
