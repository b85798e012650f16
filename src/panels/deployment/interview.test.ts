/**
 * Interview mode (issue 15): each check's stated answer is what the panel's models (the serving
 * simulator, the drift monitor, the A/B test) compute at the check's state, defaults plus the
 * state as a link opens it.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { abFor, driftFor, serveFor } from './model';
import { zTestPower } from './stats';
import { schema, type DeployParams } from './params';
import { interview } from './interview';

const P = (over: Partial<DeployParams>): DeployParams => ({ ...defaults(schema), ...over });
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
const links = interview.answer.flat().filter((x) => typeof x !== 'string');

describe('deployment interview', () => {
  it('the answer is 120–250 words with at least two "show me" links', () => {
    const text = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
    const n = text.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    expect(links.length).toBeGreaterThanOrEqual(2);
    // "the 99th percentile" is a name, the only number the answer writes.
    expect(quotedNumbers(text)).toEqual([]);
  });

  it('each "show me" state shows its claim', () => {
    const [batched, unbatched, light, drift, ab, small] = links.map((l) => P(l.params));
    const b = serveFor(batched).totals, u = serveFor(unbatched).totals;
    expect(b.rejected).toBe(0);
    expect(u.rejected / unbatched.requests).toBeGreaterThan(0.1); // falls behind
    const l1 = serveFor(light).totals, l2 = serveFor({ ...light, maxBatch: 1 }).totals;
    expect(l1.p50).toBeGreaterThan(l2.p50 + 5); // a batch only adds waiting
    expect(driftFor(drift).alertAt).not.toBeNull();
    // Power of the even split each link runs: the default link has enough visitors for the planned
    // power, the small one far too few.
    const power = (q: DeployParams) => zTestPower(abFor(q).hTrue, q.visitors / 2, q.alpha);
    expect(abFor(ab).nTotal).toBeLessThanOrEqual(ab.visitors);
    expect(power(ab)).toBeGreaterThanOrEqual(ab.power - 0.01);
    expect(power(small)).toBeLessThan(0.5);
  });

  it('no batching at 150 per second: the queue fills and requests are rejected', () => {
    const c = byId['no-batching'];
    const p = P(c.state);
    const off = serveFor(p).totals, on = serveFor(P({})).totals;
    const computed = off.rejected / p.requests > 0.1 ? 0 : off.p50 < on.p50 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expectQuoted(c.question, { '150': p.rate, '1': p.maxBatch });
    expect(p.replicas).toBe(2);
  });

  it('light load: batching adds waiting to the median', () => {
    const c = byId['light-load'];
    const p = P(c.state);
    const batched = serveFor(p).totals.p50, single = serveFor({ ...p, maxBatch: 1 }).totals.p50;
    const computed = batched > single + 2 ? 0 : batched < single - 2 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expectQuoted(c.question, { '5': p.rate, '20': p.maxWait });
  });

  it('a sudden drift: PSI alerts in the window where it starts', () => {
    const c = byId['sudden-drift'];
    const p = P(c.state);
    const at = driftFor(p).alertAt;
    const computed = at === null ? 2 : at <= p.start ? 0 : 1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expectQuoted(c.question, { '1': p.shift, '10': p.start, '0.2': p.threshold });
  });

  it('no other text quotes a number', () => {
    expect(quotedNumbers([...interview.checks.map((c) => c.why), ...interview.followUps.map((f) => `${f.question} ${f.answer}`)].join(' '))).toEqual([]);
  });
});
