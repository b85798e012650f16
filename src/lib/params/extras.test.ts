import { describe, expect, it } from 'vitest';
import { fuzzRng, hostileQuery } from './hostile';
import { NOTE_MAX, NO_EXTRAS, cleanNote, extrasQuery, readExtras } from './extras';
import { parseQuery } from './url';

describe('link extras (embed, note, tour)', () => {
  it('reads each extra and ignores what is malformed', () => {
    expect(readExtras('?v=1&embed=1&note=look%20here&tour=2', 5)).toEqual({ embed: true, note: 'look here', tour: 2 });
    expect(readExtras('?embed=true&tour=-1', 5)).toEqual({ embed: false, note: '', tour: 0 });
    expect(readExtras('?tour=9', 5).tour).toBe(5); // clamped to the experiments there are
    expect(readExtras('?tour=3', 0).tour).toBe(0); // a panel without experiments has no tour
    expect(readExtras('?tour=1e3', 5).tour).toBe(0);
    expect(readExtras('?note=%E0%A4%A', 5).note).toBe(''); // bad escape: skipped, no throw
    expect(readExtras('?tour=1', 5).tour).toBe(1); // the first experiment
    expect(readExtras('?tour=0', 5).tour).toBe(0); // 0 means no tour
    expect(readExtras('?tour=123', 200).tour).toBe(123);
    expect(readExtras('?tour=1234', 2000).tour).toBe(0); // more than three digits: not a tour number
    expect(readExtras('?embed=1', 0)).toEqual({ embed: true, note: '', tour: 0 });
  });

  it('keeps a note plain, single-line and short', () => {
    expect(cleanNote('a\u0000b\nc\u202Ed  e ')).toBe('a b c d e');
    expect(cleanNote('  hello \t world  ')).toBe('hello world');
    // Cut at the cap, then trimmed: a space landing at the end is not kept.
    expect(cleanNote(`${'x'.repeat(NOTE_MAX - 1)} y`)).toBe('x'.repeat(NOTE_MAX - 1));
    const long = 'x'.repeat(NOTE_MAX + 50);
    expect(Array.from(cleanNote(long))).toHaveLength(NOTE_MAX);
    // Astral characters count as one each and are never cut in half.
    const emoji = '😀'.repeat(NOTE_MAX + 1);
    expect(Array.from(cleanNote(emoji))).toHaveLength(NOTE_MAX);
    expect(cleanNote(emoji)).not.toMatch(/[\ud800-\udbff]$/);
  });

  it('writes what it reads (round trip) and nothing when there is nothing', () => {
    expect(extrasQuery({ embed: false, note: '', tour: 0 })).toBe('');
    const x = { embed: true, note: 'epoch 56: validation loss turns & rises = overfit?', tour: 3, showAnswer: true };
    expect(readExtras(`?v=1${extrasQuery(x)}`, 6)).toEqual(x);
  });

  it('panel params never see the extras as unknown settings', () => {
    const schema = { a: { kind: 'int', label: 'A', min: 0, max: 9, default: 1 } } as const;
    const r = parseQuery(schema, `?v=1&a=3${extrasQuery({ embed: true, note: 'hi', tour: 1 })}`);
    expect(r.problems).toEqual([]);
    expect(r.params.a).toBe(3);
  });

  it('survives seeded hostile links: never throws, always within bounds, round-trips', () => {
    const rng = fuzzRng(20261202, 'extras');
    for (let i = 0; i < 500; i++) {
      const q = hostileQuery(rng, ['note', 'tour', 'embed']);
      const raw = `${q}&tour=${q.length % 7}&note=${q.slice(0, 300)}`;
      const x = readExtras(raw, 4);
      expect(x.tour).toBeGreaterThanOrEqual(0);
      expect(x.tour).toBeLessThanOrEqual(4);
      expect(Array.from(x.note).length).toBeLessThanOrEqual(NOTE_MAX);
      expect(Array.from(x.note).every((c) => { const u = c.codePointAt(0)!; return !(u < 0x20 || (u >= 0x7f && u <= 0x9f) || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069)); })).toBe(true);
      expect(readExtras(`?v=1${extrasQuery(x)}`, 4)).toEqual(x);
    }
  });

  it('writes the extras in a fixed order, each escaped, and only those set', () => {
    expect(extrasQuery({ embed: true, note: 'a b&c=d', tour: 2, showAnswer: true })).toBe('&tour=2&note=a%20b%26c%3Dd&embed=1&show=answer');
    expect(extrasQuery({ embed: false, note: 'hi', tour: 0 })).toBe('&note=hi');
    expect(extrasQuery({ embed: true, note: '', tour: 0 })).toBe('&embed=1');
    expect(extrasQuery({ embed: false, note: '', tour: 1 })).toBe('&tour=1');
    expect(extrasQuery({ embed: false, note: '', tour: 0, showAnswer: false })).toBe('');
    expect(extrasQuery({ embed: false, note: '', tour: 0, showAnswer: true })).toBe('&show=answer');
  });

  it('reads show=answer exactly, and no other value', () => {
    expect(readExtras('?embed=1&show=answer', 3)).toEqual({ embed: true, note: '', tour: 0, showAnswer: true });
    for (const v of ['Answer', 'answers', '1', '']) expect(readExtras(`?show=${v}`, 3)).toEqual({ embed: false, note: '', tour: 0 });
    expect(readExtras('?embed=0', 3).embed).toBe(false);
  });

  it('the note: controls become spaces, runs of white space one space, at most 200 characters', () => {
    expect(NOTE_MAX).toBe(200);
    expect(NO_EXTRAS).toEqual({ embed: false, note: '', tour: 0 });
    expect(extrasQuery(NO_EXTRAS)).toBe('');
    // Trimmed before the cut: a leading space does not take a character's place.
    expect(cleanNote(` ${'x'.repeat(NOTE_MAX)}`)).toBe('x'.repeat(NOTE_MAX));
    expect(cleanNote('a\u0085b\u2066c\u00a0\u00a0d')).toBe('a b c d');
    expect(cleanNote('\u0000\u0000')).toBe('');
    expect(Array.from(cleanNote(`${'y'.repeat(NOTE_MAX)}z`)).join('')).toBe('y'.repeat(NOTE_MAX));
    expect(readExtras(`?note=${encodeURIComponent('  hi\nthere ')}`, 0).note).toBe('hi there');
  });
});
