import { describe, expect, it } from 'vitest';
import { defineSchema, defaults } from './schema';
import { parseQuery, queryFor, serialize } from './url';
import { createPanelStore } from './store';

const schema = defineSchema({
  degree: { kind: 'int', label: 'Degree', min: 0, max: 15, default: 3 },
  noise: { kind: 'number', label: 'Noise', min: 0, max: 1, step: 0.01, default: 0.3 },
  lambda: { kind: 'number', label: 'λ', min: 1e-6, max: 10, step: 0.1, scale: 'log', default: 0.01, digits: 3 },
  fn: { kind: 'choice', label: 'Function', options: ['sine', 'cubic', 'step'], default: 'sine' },
  opts: { kind: 'multi', label: 'Optimizers', options: ['sgd', 'adam', 'rmsprop'], default: ['sgd', 'adam'], minCount: 1 },
  ridge: { kind: 'bool', label: 'Ridge', default: false },
  start: { kind: 'vec', label: 'Start', length: 2, min: -2, max: 2, default: [-1.5, 1] },
});

describe('params <-> URL', () => {
  it('serializes every param readably and round-trips', () => {
    const p = { ...defaults(schema), degree: 7, noise: 0.123456, opts: ['adam' as const], ridge: true, start: [0.25, -1] };
    const q = serialize(schema, p);
    expect(q).toBe('v=1&degree=7&noise=0.1235&lambda=0.01&fn=sine&opts=adam&ridge=1&start=0.25,-1');
    const back = parseQuery(schema, `?${q}`);
    expect(back.problems).toEqual([]);
    expect(serialize(schema, back.params)).toBe(q);
  });

  it('never throws on hostile input and reports every repair', () => {
    const hostile = [
      'degree=NaN&noise=Infinity&fn=<script>alert(1)</script>',
      'degree=1e400&noise=-5&lambda=0x10&opts=evil,adam,adam&ridge=maybe&start=1',
      '__proto__=1&constructor=2&degree=%E0%A4%A&noise=',
      'degree=3&degree=9&' + 'x'.repeat(10_000),
      'start=NaN,1&opts=&fn=',
    ];
    for (const h of hostile) {
      const r = parseQuery(schema, h);
      expect(r.problems.length).toBeGreaterThan(0);
      for (const [k, v] of Object.entries(r.params)) {
        const vals = Array.isArray(v) ? v : [v];
        for (const x of vals) if (typeof x === 'number') expect(Number.isFinite(x), k).toBe(true);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    const r = parseQuery(schema, 'degree=99&noise=-1&fn=nope&opts=evil');
    expect(r.params.degree).toBe(15);
    expect(r.params.noise).toBe(0);
    expect(r.params.fn).toBe('sine');
    expect(r.params.opts).toEqual(['sgd', 'adam']);
    expect(r.problems).toHaveLength(4);
  });

  it('first of repeated keys wins; unknown keys are reported but harmless', () => {
    const r = parseQuery(schema, 'degree=4&degree=9&foo=bar&backend=wasm');
    expect(r.params.degree).toBe(4);
    expect(r.problems.some((p) => p.includes('foo'))).toBe(true);
    expect(r.problems.some((p) => p.includes('backend'))).toBe(false);
  });

  it('queryFor fills unspecified values with defaults', () => {
    expect(queryFor(schema, { degree: 1 })).toContain('degree=1&noise=0.3');
  });

  it('store coerces writes and loads queries', () => {
    const s = createPanelStore(schema);
    s.getState().set('degree', 40);
    expect(s.getState().params.degree).toBe(15);
    expect(s.getState().loadQuery('?degree=2&noise=abc')).toBe(true);
    expect(s.getState().params.degree).toBe(2);
    expect(s.getState().notices).toHaveLength(1);
    s.getState().reset();
    expect(s.getState().params).toEqual(defaults(schema));
  });
});

describe('text params', () => {
  const tschema = defineSchema({ text: { kind: 'text', label: 'Sentence', default: 'the cat sat', maxLength: 20 } });
  it('round-trips, strips control characters and caps the length', () => {
    const q = serialize(tschema, { text: 'a b&c=d <x>' });
    expect(parseQuery(tschema, q).params.text).toBe('a b&c=d <x>');
    const bad = parseQuery(tschema, `text=${encodeURIComponent('hi\u0000\u202Ethere')}`);
    expect(bad.params.text).toBe('hithere');
    expect(bad.problems).toHaveLength(1);
    const long = parseQuery(tschema, `text=${'x'.repeat(50)}`);
    expect(long.params.text).toHaveLength(20);
    expect(long.problems[0]).toContain('cut');
  });
});
