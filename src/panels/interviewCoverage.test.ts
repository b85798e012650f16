/**
 * Interview mode (issue 15) for every panel: each has an interview.ts the frame renders and an
 * interview.test.ts that ties its checks to the model (a new panel without them fails here), and
 * every interview has the shape the app and the learner's progress rely on.
 */
import { describe, expect, it } from 'vitest';
import type { Interview } from '../lib/panel/types';
import { QUESTIONS } from './questions';

const slugOf = (k: string) => k.split('/')[1];
const panels = Object.keys(import.meta.glob('./*/panel.ts')).map(slugOf);
const tests = new Set(Object.keys(import.meta.glob('./*/interview.test.ts')).map(slugOf));
const interviews = Object.fromEntries(
  Object.entries(import.meta.glob<{ interview: Interview }>('./*/interview.ts', { eager: true })).map(([k, m]) => [slugOf(k), m.interview]),
);
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('every panel has an interview, tied to its model', () => {
  it('finds the panels', () => expect(panels.length).toBeGreaterThanOrEqual(20));
  it.each(panels)('%s', (slug) => {
    const iv = interviews[slug];
    expect(iv, 'interview.ts exporting `interview`').toBeDefined();
    expect(tests.has(slug), 'interview.test.ts').toBe(true);
    const text = iv.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
    expect(words(text)).toBeGreaterThanOrEqual(120);
    expect(words(text)).toBeLessThanOrEqual(250);
    expect(iv.answer.flat().filter((x) => typeof x !== 'string').length).toBeGreaterThanOrEqual(2);
    expect(iv.checks.length).toBeGreaterThanOrEqual(3);
    const ids = iv.checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of iv.checks) {
      expect(c.id).toMatch(/^[a-z0-9-]{1,40}$/); // the progress store's key format
      expect(c.options.length).toBeGreaterThanOrEqual(2);
      expect(Number.isInteger(c.answer) && c.answer >= 0 && c.answer < c.options.length).toBe(true);
      expect(c.why.length).toBeGreaterThan(20);
    }
    expect(iv.followUps.length).toBeGreaterThanOrEqual(2);
    for (const f of iv.followUps) if (f.slug) expect(QUESTIONS.map((q) => q.slug)).toContain(f.slug);
    // The page check for broken numbers reads these words anywhere in the text.
    const all = [text, ...iv.checks.flatMap((c) => [c.question, c.why, ...c.options]), ...iv.followUps.flatMap((f) => [f.question, f.answer])].join(' ');
    expect(all).not.toMatch(/\bNaN\b|\bInfinity\b/);
  });
});
