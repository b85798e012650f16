/**
 * Interview mode (issue 15): each check's stated answer is what runStudy (the panel worker's
 * computation) gives at the check's state, defaults plus the state as a link opens it. "Clearly"
 * means beyond 4 standard errors of the average over the resampled data sets.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { quotedNumbers } from '../../lib/panel/quoted';
import { runStudy, type RowKey, type StudyResult } from './model';
import { schema, type MissingParams } from './params';
import { interview } from './interview';

type Stat = StudyResult['rows'][number]['meanY'];
// The checks and the show-me links share states: each study runs once.
const cache = new Map<string, StudyResult>();
const study = (over: Partial<MissingParams>) => {
  const key = JSON.stringify(over);
  if (!cache.has(key)) cache.set(key, runStudy({ ...defaults(schema), ...over }));
  const r = cache.get(key)!;
  return { r, row: (k: RowKey) => r.rows.find((x) => x.key === k)! };
};
const se = (s: Stat) => s.sd! / Math.sqrt(s.count);
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));

describe('missing-data interview', () => {
  it('the answer is 120–250 words with at least two "show me" links, quoting no number', () => {
    const text = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
    const n = text.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(interview.answer.flat().filter((x) => typeof x !== 'string').length).toBeGreaterThanOrEqual(2);
    expect(quotedNumbers([text, ...interview.checks.map((c) => `${c.question} ${c.why}`), ...interview.followUps.map((f) => `${f.question} ${f.answer}`)].join(' '))).toEqual([]);
  });

  it('mean fill, completely at random: the variance falls', () => {
    const c = byId['mean-variance'];
    const { r, row } = study(c.state);
    const v = row('mean').varY, truth = r.truth.varY;
    const computed = v.mean! < truth - 4 * se(v) ? 0 : v.mean! > truth + 4 * se(v) ? 2 : 1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('missing at random on z: regression gets the mean right, the mean fill does not', () => {
    const c = byId['mar-regression'];
    const { r, row } = study(c.state);
    const ok = (k: RowKey) => Math.abs(row(k).meanY.mean! - r.truth.meanY) < 4 * se(row(k).meanY) + 0.02;
    const computed = ok('regression') && ok('mean') ? 2 : ok('regression') ? 0 : ok('mean') ? 1 : -1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('imputing before the split: the test error looks better than honest', () => {
    const c = byId['before-split'];
    const { row } = study(c.state);
    const m = row('iterative');
    const gap = m.mseAfter.mean! - m.mseBefore.mean!;
    const computed = gap > 4 * se(m.leak) ? 0 : gap < -4 * se(m.leak) ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('the "show me" states show their claims', () => {
    const [mar, mnar, shrink, bend, leak] = interview.answer.flat().filter((x) => typeof x !== 'string');
    const a = study(mar.params);
    expect(Math.abs(a.row('regression').meanY.mean! - a.r.truth.meanY)).toBeLessThan(0.05);
    const b = study(mnar.params);
    for (const rw of b.r.rows) if (rw.key !== 'complete') expect(rw.meanY.mean! + 4 * se(rw.meanY), rw.key).toBeLessThan(b.r.truth.meanY);
    const s = study(shrink.params);
    expect(s.row('mean').varY.mean!).toBeLessThan(s.r.truth.varY - 4 * se(s.row('mean').varY));
    const t = study(bend.params);
    expect(t.row('iterative').corr.mean! - 4 * se(t.row('iterative').corr)).toBeGreaterThan(t.r.truth.corr);
    const l = study(leak.params);
    expect(l.row('iterative').mseBefore.mean!).toBeLessThan(l.row('iterative').mseAfter.mean!);
  }, 30_000);
});
