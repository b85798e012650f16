/* The head of the project (head.ts), which the page computes itself for steps 1 and 2: every field
   equals the whole project's field of that name to the bit, over settings that move each thing it
   depends on, and what the page shows there (readout rows, the decision, the notes) is the same
   read from the head as from the whole project wherever headSuffices says the head is enough. */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { headDecision, decisionText, wrongMoveNotes } from './words';
import { headOf, headSuffices, type WfHead } from './head';
import { computeWorkflow, inputOf, type WfInput, type WfResult } from './model';
import { schema, STEPS, type WfParams } from './params';
import { penguins } from './penguins.testutil';
import { readoutRows } from './readout';

const base = defaults(schema);

// Every number by its bits (−0 and NaN marked), so "equal" means equal to the bit.
const bits = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'number' && (Object.is(x, -0) || !Number.isFinite(x)) ? `#${Object.is(x, -0) ? '-0' : String(x)}` : x));
/** The whole project's fields that the head also has. */
const headPart = (r: WfResult): WfHead => ({
  input: r.input, classes: r.classes, look: r.look, nRows: r.nRows, nLabelled: r.nLabelled, train: r.train, test: r.test,
  testReadsBefore: r.testReadsBefore, baseline: { majority: r.baseline.majority, majorityCv: r.baseline.majorityCv },
});

// Each thing the head depends on (target, test share, folds, seed), the model and the wrong moves
// (the test-set reads), and the extremes of the sliders (3 and 10 folds, 10 % and 40 % test).
const settings: Partial<WfParams>[] = [
  {},
  { folds: 3 }, { folds: 10 }, { folds: 7, test: 0.1 }, { test: 0.4, folds: 4 }, { test: 0.35, seed: 5 },
  { target: 'sex' }, { target: 'sex', folds: 10, test: 0.15, seed: 3 }, { target: 'sex', test: 0.4, folds: 3 },
  { model: 'tree', tuning: 'test' }, { model: 'knn', tuning: 'test', target: 'sex' },
  { leak: true, prepFit: 'all', seed: 2 }, { impute: 'mean', scale: 'none', encode: 'ordinal', folds: 6 },
];

describe('the head equals the whole project where they overlap', () => {
  const t = penguins();
  for (const o of settings) {
    it(`${JSON.stringify(o)}: every field to the bit, and steps 1–2 read the same from either`, () => {
      const p: WfParams = { ...base, ...o };
      const input: WfInput = inputOf(p);
      const full = computeWorkflow(input, t);
      const head = headOf(input, t);
      expect(bits(head)).toBe(bits(headPart(full)));
      for (const step of ['look', 'split'] as const) {
        const at = { ...p, step };
        expect(headDecision(head, step)).toBe(decisionText(full, step));
        expect(readoutRows(at, head)).toEqual(readoutRows(at, full));
        // Where the page shows the head, the whole project would show no warning either.
        if (headSuffices(step, input)) expect(wrongMoveNotes(full)).toEqual([]);
      }
    });
  }

  it('the look is one object per table and target (the step-1 plots skip a re-render when a slider moves)', () => {
    const a = headOf(inputOf({ ...base, folds: 3 }), t), b = headOf(inputOf({ ...base, test: 0.4, seed: 9 }), t);
    expect(b.look).toBe(a.look);
    expect(headOf(inputOf({ ...base, target: 'sex' }), t).look).not.toBe(a.look);
  });
});

describe('the head is shown only where it is all the page shows', () => {
  it('steps 1 and 2 without a wrong move; no later step; no wrong move (each has a warning at every step)', () => {
    const input = inputOf(base);
    expect(STEPS.filter((s) => headSuffices(s, input))).toEqual(['look', 'split']);
    for (const wrong of [{ tuning: 'test' }, { leak: true }, { prepFit: 'all' }] as Partial<WfInput>[]) {
      const w = { ...input, ...wrong };
      expect(STEPS.filter((s) => headSuffices(s, w))).toEqual([]);
      expect(wrongMoveNotes(computeWorkflow(w, penguins())).length).toBeGreaterThan(0);
    }
  });

  it('later steps read rows the head does not have: a head gives only its own rows there', () => {
    const t = penguins();
    const p: WfParams = { ...base, step: 'tune' };
    const head = readoutRows(p, headOf(inputOf(p), t)), full = readoutRows(p, computeWorkflow(inputOf(p), t));
    expect(full.length).toBeGreaterThan(head.length);
    expect(full.slice(0, head.length)).toEqual(head);
  });
});
