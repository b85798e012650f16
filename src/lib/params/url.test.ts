import { describe, expect, it } from 'vitest';
import { defineSchema, defaults } from './schema';
import { parseQuery, queryFor, serialize, shorten, splitQuery } from './url';
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

/** The words of every repair, as the link notice shows them, and the codec's edges. */
describe('splitQuery', () => {
  it('splits on & and the first =, decodes + and escapes, skips empty parts', () => {
    const { map, problems } = splitQuery('?a=1&&b=x+y%2Cz&c=d=e&flag&=v');
    expect([...map]).toEqual([['a', '1'], ['b', 'x y,z'], ['c', 'd=e'], ['flag', ''], ['', 'v']]);
    expect(problems).toEqual([]);
    expect([...splitQuery('a=1').map]).toEqual([['a', '1']]); // no leading ?
    expect([...splitQuery('??a=1').map]).toEqual([['?a', '1']]); // only one ? is the separator
  });
  it('skips bad escapes and repeated keys, each with its own notice', () => {
    const r = splitQuery('a=%E0%A4%A&%zz=1&b=2&b=3');
    expect([...r.map]).toEqual([['b', '2']]);
    expect(r.problems).toEqual([
      'Part of the link was not valid percent-encoding and was skipped.',
      'Part of the link was not valid percent-encoding and was skipped.',
      '“b” appeared more than once; the first value was used.',
    ]);
  });
  it('reads at most 4000 characters', () => {
    const exact = `a=${'x'.repeat(3994)}&b=1`; // 4000 characters: read whole
    expect(exact).toHaveLength(4000);
    expect(splitQuery(exact)).toEqual({ map: new Map([['a', 'x'.repeat(3994)], ['b', '1']]), problems: [] });
    expect(splitQuery(`?${exact}`).problems).toEqual([]); // the ? does not count
    const over = splitQuery(`${exact}2`);
    expect(over.map.get('b')).toBe('1'); // the 4001st character is not read
    expect(over.problems).toEqual(['The link was too long; only its beginning was read.']);
  });
});

describe('shorten', () => {
  it('cuts to 24 characters (astral ones count once) and shows control and bidi characters as U+FFFD', () => {
    expect(shorten('x'.repeat(24))).toBe('x'.repeat(24));
    expect(shorten('x'.repeat(25))).toBe(`${'x'.repeat(24)}…`);
    expect(shorten('😀'.repeat(24))).toBe('😀'.repeat(24));
    expect(shorten('abcdef', 3)).toBe('abc…');
    expect(shorten('a\u0000\u001f\u007f\u009f\u200e\u200f\u202a\u202e\u2066\u2069b')).toBe(`a${'\ufffd'.repeat(10)}b`);
    expect(shorten(' ~\u00a0\u2010\u202f\u206a')).toBe(' ~\u00a0\u2010\u202f\u206a');
  });
});

describe('parseQuery: the words of each repair', () => {
  const s = defineSchema({
    n: { kind: 'number', label: 'Noise', min: 0, max: 1, step: 0.1, default: 0.5 },
    b: { kind: 'bool', label: 'Bias', default: false },
    m: { kind: 'multi', label: 'Models', options: ['a', 'b'], default: ['a'], minCount: 1 },
    any: { kind: 'multi', label: 'Any', options: ['a', 'b'], default: ['a'] },
    t: { kind: 'text', label: 'Words', default: 'hi', maxLength: 30 },
    p: { kind: 'vec', label: 'Point', length: 2, min: -1, max: 1, default: [0, 0], digits: 2 },
  });
  const one = (q: string) => parseQuery(s, q);

  it('accepts plain decimal numbers only', () => {
    for (const [t, v] of [['0.25', 0.25], ['+0.5', 0.5], ['.5', 0.5], ['1.', 1], ['5e-1', 0.5], ['5E-1', 0.5], ['  0.75  ', 0.75], ['1e+0', 1], ['0', 0], ['00.5', 0.5], ['.25', 0.25], ['1e0', 1], ['1e-01', 0.1]] as const) {
      const r = one(`n=${encodeURIComponent(t)}`);
      expect(r.params.n, t).toBe(v);
      expect(r.problems, t).toEqual([]);
    }
    for (const t of ['', ' ', '0x1', '1.5.5', 'Infinity', 'NaN', '1e', 'e5', '1 2', '--1', '.', '½', '1,5']) {
      expect(one(`n=${encodeURIComponent(t)}`).problems, t).toEqual([`Noise: “${t}” is not a number; used 0.5.`]);
    }
    expect(one('n=7').problems).toEqual(['Noise: “7” is above the maximum 1; used 1.']);
    // An unescaped + is a space in a query: "1e+0" arrives as "1e 0".
    expect(one('n=1e+0').problems).toEqual(['Noise: “1e 0” is not a number; used 0.5.']);
  });
  it('reads on/off as 1/0 or true/false', () => {
    expect([one('b=1'), one('b=true'), one('b=0'), one('b=false')].map((r) => [r.params.b, r.problems.length])).toEqual([[true, 0], [true, 0], [false, 0], [false, 0]]);
    expect(one('b=1').params.b).toBe(true);
    expect(one('b=yes').problems).toEqual(['Bias: “yes” is not on/off; used 0.']);
    expect(one('b=TRUE').problems).toEqual(['Bias: “TRUE” is not on/off; used 0.']);
  });
  it('lists: comma-separated, empty means none', () => {
    expect(one('m=b,a').params.m).toEqual(['a', 'b']);
    expect(one('m=').problems).toEqual(['Models: “” selects too few choices; used a.']);
    expect(one('any=')).toEqual({ params: expect.objectContaining({ any: [] }), problems: [] });
    expect(one('m=a,c').problems).toEqual(['Models: “a,c” names unknown or repeated choices; used a.']);
  });
  it('vectors: comma-separated numbers, rounded to the spec’s digits', () => {
    expect(one('p=0.123,-0.5')).toEqual({ params: expect.objectContaining({ p: [0.12, -0.5] }), problems: [] });
    expect(one('p=0.5,x').problems).toEqual(['Point: “0.5,x” is not a list of 2 numbers; used 0,0.']);
    expect(one('p=2,0').problems).toEqual(['Point: “2,0” is outside -1…1; used 1,0.']);
  });
  it('text is kept as typed (spaces too) and quoted in the notice', () => {
    expect(one('t=%20a%20b%20').params.t).toBe(' a b ');
    expect(one(`t=${encodeURIComponent('a\u0000b')}`).problems).toEqual(['Words: “a\ufffdb” held control characters, which were removed; used “ab”.']);
  });
  it('link versions: a newer or unreadable one is read as version 1, and says so', () => {
    expect(one('v=1&n=0.2').problems).toEqual([]);
    expect(one('v=7').problems).toEqual(['The link comes from a newer version (7) of this app; it was read as version 1.']);
    expect(one('v=abc').problems).toEqual(['The link version “abc” is not a number; it was read as version 1.']);
    expect(one('v=12').problems).toEqual(['The link comes from a newer version (12) of this app; it was read as version 1.']);
    expect(one('v=x1').problems).toEqual(['The link version “x1” is not a number; it was read as version 1.']);
    expect(one('v=1234').problems).toEqual(['The link version “1234” is not a number; it was read as version 1.']);
    expect(one('v=').problems).toEqual(['The link version “” is not a number; it was read as version 1.']);
  });
  it('older links run each migration from their version up, and only those', () => {
    const seen: number[] = [];
    const migrations = {
      0: (q: Map<string, string>) => {
        seen.push(0);
        const old = q.get('noise');
        if (old !== undefined) {
          q.delete('noise');
          q.set('n', old);
        }
      },
      1: () => seen.push(1),
    };
    const r = parseQuery(s, 'v=0&noise=0.25', migrations);
    expect(r).toEqual({ params: expect.objectContaining({ n: 0.25 }), problems: [] });
    expect(seen).toEqual([0]);
    parseQuery(s, 'v=1&noise=0.25', migrations);
    parseQuery(s, 'noise=0.25', migrations); // no v: the current version
    parseQuery(s, 'v=0abc&noise=0.25', migrations); // not a version: read as the current one
    // Nor are values Number() reads as 0 (hex, a leading space): no migration for them.
    expect(parseQuery(s, 'v=0x0&noise=0.25', migrations).problems).toEqual(['The link version “0x0” is not a number; it was read as version 1.', 'Ignored the unknown setting “noise”.']);
    parseQuery(s, 'v=%200&noise=0.25', migrations);
    expect(seen).toEqual([0]);
    // A panel without migrations reads an old link as it is.
    expect(parseQuery(s, 'v=0&n=0.25')).toEqual({ params: expect.objectContaining({ n: 0.25 }), problems: [] });
  });
  it('the app’s own keys are no settings; unknown ones are named, prototype names included', () => {
    expect(one('v=1&backend=wasm&embed=1&note=hi&tour=2&show=answer').problems).toEqual([]);
    expect(one('foo=1&__proto__=2&toString=3').problems).toEqual([
      'Ignored the unknown setting “foo”.',
      'Ignored the unknown setting “__proto__”.',
      'Ignored the unknown setting “toString”.',
    ]);
  });
});

describe('serialize', () => {
  it('escapes what a query cannot hold, but keeps commas readable', () => {
    const s = defineSchema({
      t: { kind: 'text', label: 'T', default: '', maxLength: 50 },
      m: { kind: 'multi', label: 'M', options: ['a', 'b'], default: [] },
      x: { kind: 'number', label: 'X', min: 0, max: 1e6, step: 1, default: 0, digits: 2 },
      b: { kind: 'bool', label: 'B', default: false },
      k: { kind: 'int', label: 'K', min: 0, max: 1e6, default: 0 },
      p: { kind: 'vec', label: 'P', length: 2, min: -9, max: 9, default: [0, 0] },
      q: { kind: 'vec', label: 'Q', length: 2, min: -9, max: 9, default: [0, 0], digits: 2 },
    });
    expect(serialize(s, { t: 'a&b=c, d%', m: ['a', 'b'], x: 123456, b: false, k: 123456, p: [0.123456, -1], q: [0.123456, 5] })).toBe(
      'v=1&t=a%26b%3Dc,%20d%25&m=a,b&x=120000&b=0&k=123456&p=0.1235,-1&q=0.12,5',
    );
    expect(serialize(s, { t: '', m: [], x: 0, b: true, k: 0, p: [0, 0], q: [0, 0] })).toBe('v=1&t=&m=&x=0&b=1&k=0&p=0,0&q=0,0');
  });
});
