/**
 * Interview mode (issue 15): each check's stated answer is what computeWorkflow (the panel
 * worker's computation, on the real penguins) gives at the check's state, defaults plus the state.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { quotedNumbers } from '../../lib/panel/quoted';
import { computeWorkflow, inputOf, type WfResult } from './model';
import { schema, STEPS, type WfParams } from './params';
import { penguins } from './penguins.testutil';
import { interview } from './interview';

const cache = new Map<string, WfResult>();
const at = (over: Partial<WfParams>): WfResult => {
  const key = JSON.stringify(over);
  if (!cache.has(key)) cache.set(key, computeWorkflow(inputOf({ ...defaults(schema), ...over }), penguins()));
  return cache.get(key)!;
};
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));
const links = interview.answer.flat().filter((x) => typeof x !== 'string');

describe('ml-workflow interview', () => {
  it('the answer is 120–250 words, with "show me" links that walk the steps in order', () => {
    const text = interview.answer.map((p) => p.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
    const n = text.split(/\s+/).filter(Boolean).length;
    expect(n).toBeGreaterThanOrEqual(120);
    expect(n).toBeLessThanOrEqual(250);
    const steps = links.map((l) => STEPS.indexOf(l.params.step!));
    expect(steps.every((s) => s >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(quotedNumbers([text, ...interview.checks.map((c) => `${c.question} ${c.why}`), ...interview.followUps.map((f) => `${f.question} ${f.answer}`)].join(' '))).toEqual([]);
  });

  it('the commonest species: right for fewer than half', () => {
    const c = byId.baseline;
    const share = at(c.state).baseline.majorityCv;
    const computed = share < 0.5 ? 0 : share < 0.8 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    expect(at(c.state).baseline.ruleCv).toBeGreaterThan(share + 0.2); // "beats it easily"
  });

  it('a leaked tag: worse on new birds than the honest tree', () => {
    const c = byId.leak;
    const f = at(c.state).final;
    expect(f.cv.mean).toBeGreaterThanOrEqual(0.99); // flawless in validation
    const computed = f.deployedAcc! < f.noLeakAcc! - 0.02 ? 0 : f.deployedAcc! >= 0.99 ? 1 : 2;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });

  it('tuning on the test set: the reported score is optimistic', () => {
    const c = byId['tune-on-test'];
    const o = at(c.state).optimism!;
    expect(o.tries).toBeGreaterThan(1); // "several tries"
    const computed = o.reported > o.fresh ? 0 : o.reported < o.fresh ? 2 : 1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
});
