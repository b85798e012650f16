/**
 * Every state a panel links to by itself ("Try this" experiments, interview show-me links and the
 * states a check reveals) survives its link exactly: the query the frame builds (queryFor) reads
 * back with no repair and to the same params, and writes back to the same query. The browser
 * walk (e2e/generic.spec.ts) clicks every experiment and opens some of them fresh; this covers
 * the codec side of all of them in Node.
 */
import { describe, expect, it } from 'vitest';
import type { PanelModule } from '../lib/panel/types';
import { defaults, type Params, type Schema } from '../lib/params/schema';
import { parseQuery, queryFor, serialize } from '../lib/params/url';

const slugOf = (k: string) => k.split('/')[1];
const modules = Object.entries(import.meta.glob<{ default: PanelModule }>('./*/panel.ts', { eager: true })).map(([k, m]) => [slugOf(k), m.default] as const);

function linkedStates(m: PanelModule): { what: string; params: Partial<Params<Schema>> }[] {
  const out = m.experiments.map((e, i) => ({ what: `experiment ${i} (${e.title})`, params: e.params }));
  const iv = m.interview;
  if (iv) {
    iv.answer.flat().forEach((x, i) => typeof x !== 'string' && out.push({ what: `show-me ${i} (${x.text})`, params: x.params }));
    iv.checks.forEach((c) => out.push({ what: `check ${c.id}`, params: c.state }));
  }
  return out;
}

describe('linked states survive their links exactly', () => {
  it('finds the panels', () => expect(modules.length).toBeGreaterThanOrEqual(20));
  it.each(modules)('%s', (_slug, m) => {
    const schema = m.store.schema;
    const states = linkedStates(m);
    expect(states.length).toBeGreaterThan(0);
    for (const s of states) {
      for (const k of Object.keys(s.params)) expect(Object.hasOwn(schema, k), `${s.what}: "${k}" is not a setting`).toBe(true);
      const q = queryFor(schema, s.params);
      const read = parseQuery(schema, q);
      expect(read.problems, s.what).toEqual([]);
      expect(read.params, s.what).toEqual({ ...defaults(schema), ...s.params });
      expect(serialize(schema, read.params), s.what).toBe(q);
    }
  });
});
