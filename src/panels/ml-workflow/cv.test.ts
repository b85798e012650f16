/* The project in two workers (issue 8): the halves of the folds, joined, give computeWorkflow's
   result to the bit; each half computes only its own folds; a join that misses or repeats a fold
   is refused rather than shown. */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { computeWorkflow, foldPart, inputOf, mergeFoldParts, type WfInput, type WfResult } from './model';
import { schema } from './params';
import { penguins } from './penguins.testutil';

const base = inputOf(defaults(schema));
// Typed arrays as lists, so toEqual compares every number (NaN and ±∞ included, by Object.is).
const plain = (r: WfResult) => JSON.parse(JSON.stringify(r, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));

describe('cross-validation in halves', () => {
  const cases: [string, WfInput][] = [
    ['defaults', base],
    ['every wrong move, tree, sex, 3 folds', { ...base, model: 'tree', target: 'sex', tuning: 'test', leak: true, prepFit: 'all', folds: 3 }],
  ];
  for (const [label, input] of cases)
    it(`joined halves equal the one-worker project: ${label}`, () => {
      const t = penguins();
      const whole = computeWorkflow(input, t);
      const parts = [foldPart(input, t, 0, 2), foldPart(input, t, 1, 2)];
      // The halves split the fits evenly (within one), each (score, fold) pair in one of them.
      const count = (p: (typeof parts)[number]) => Object.values(p.folds).reduce((n, f) => n + Object.keys(f).length, 0);
      expect(Math.abs(count(parts[0]) - count(parts[1]))).toBeLessThanOrEqual(1);
      expect(count(parts[0]) + count(parts[1])).toBe(Object.keys(parts[0].folds).length * parts[0].k);
      const joined = computeWorkflow(input, t, mergeFoldParts(input, parts));
      expect(plain(joined)).toEqual(plain(whole));
      // Three parts join the same way.
      const thirds = [0, 1, 2].map((s) => foldPart(input, t, s, 3));
      expect(plain(computeWorkflow(input, t, mergeFoldParts(input, thirds)))).toEqual(plain(whole));
    });

  it('gives each part the same folds for every score (made once), the odd folds in turn', () => {
    const t = penguins();
    for (const [k, shards] of [[5, 2], [7, 3], [4, 2]]) {
      const parts = Array.from({ length: shards }, (_, s) => foldPart({ ...base, folds: k }, t, s, shards));
      const whole = k - (k % shards);
      const tails = Array.from({ length: shards }, () => 0);
      for (const key of Object.keys(parts[0].folds)) {
        for (let f = 0; f < whole; f++) parts.forEach((p, s) => expect(f in p.folds[key]).toBe(f % shards === s));
        parts.forEach((p, s) => (tails[s] += Object.keys(p.folds[key]).filter((f) => Number(f) >= whole).length));
      }
      // Each score's last k mod shards folds, taken in turn: no part more than one ahead.
      expect(Math.max(...tails) - Math.min(...tails)).toBeLessThanOrEqual(1);
      expect(tails.reduce((a, b) => a + b, 0)).toBe((k % shards) * Object.keys(parts[0].folds).length);
    }
  });

  it('refuses a join that misses or repeats a fold, and a table without a score the project needs', () => {
    const t = penguins();
    const input = { ...base, folds: 3 };
    const a = foldPart(input, t, 0, 2), b = foldPart(input, t, 1, 2);
    expect(() => mergeFoldParts(input, [a, a])).toThrow(/not covered once/);
    expect(() => mergeFoldParts(input, [a])).toThrow(/not covered once/);
    // Scores for another model's grid do not stand in for this one's.
    const other = mergeFoldParts(input, [a, b]);
    expect(() => computeWorkflow({ ...input, model: 'knn' }, t, other)).toThrow(/no cross-validation score/);
    // Halves made for another number of folds do not join.
    expect(() => mergeFoldParts(input, [a, foldPart({ ...base, folds: 4 }, t, 1, 2)])).toThrow(/disagree on the number of folds/);
  });
});
