/**
 * The one-split rule's wording (ruleText in model.ts) on small made-up flocks, where the tree's
 * counts are known by construction: which class each side names (ties to the first class, as
 * numpy's argmax), a split on the first column, a split on a category, and a flock no split can
 * divide. The penguins always split on a measurement with an impure side, which leaves these
 * cases unreached (written for the mutation audit, issue 17). Each flock is a few dozen birds,
 * so the whole workflow runs in milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { computeWorkflow, inputOf } from './model';
import { schema } from './params';
import type { Table } from './data';

interface Bird {
  species: string;
  bill?: number;
  island?: string;
}

/** `count` identical birds. */
const flock = (count: number, bird: Bird): Bird[] => Array.from({ length: count }, () => bird);

/** A table of these birds; every column not given is the same for all of them (no split can use it). */
function table(birds: Bird[]): Table {
  const all = (v: number) => Float64Array.from(birds, () => v);
  return {
    n: birds.length,
    num: { bill: Float64Array.from(birds, (b) => b.bill ?? 45), depth: all(17), flipper: all(200), mass: all(4000) },
    cat: { species: birds.map((b) => b.species), island: birds.map((b) => b.island ?? 'Biscoe'), sex: birds.map(() => 'male') },
  };
}

const ruleFor = (birds: Bird[]) => computeWorkflow(inputOf(defaults(schema)), table(birds)).baseline.rule;

describe('the one-split rule in words, on made-up flocks', () => {
  // The default test share (0.2) is drawn class by class: 20 birds leave 16 for training, 14
  // leave 11, 10 leave 8, 8 leave 6, so the training counts keep the order (and the ties) built in.

  it('a tie on one side names the first class; the other side’s counts never leak in', () => {
    // Short bills (40): B and C, 8 each in training; long bills (50): A, 16. Gini splits on the
    // bill (the first column) at 45. The short side is a B–C tie: B comes first.
    const rule = ruleFor([...flock(20, { species: 'A', bill: 50 }), ...flock(10, { species: 'B', bill: 40 }), ...flock(10, { species: 'C', bill: 40 })]);
    expect(rule).toBe('if bill length (mm) > 45: A, otherwise B');
  });

  it('each side names its own majority, read from its own counts', () => {
    // Short bills: C 11, B 6 in training (C the majority, though B is counted first); long: A 16.
    const rule = ruleFor([...flock(20, { species: 'A', bill: 50 }), ...flock(8, { species: 'B', bill: 40 }), ...flock(14, { species: 'C', bill: 40 })]);
    expect(rule).toBe('if bill length (mm) > 45: A, otherwise C');
  });

  it('two classes, the first one on the short side', () => {
    const rule = ruleFor([...flock(8, { species: 'A', bill: 40 }), ...flock(20, { species: 'B', bill: 50 })]);
    expect(rule).toBe('if bill length (mm) > 45: B, otherwise A');
  });

  it('a split on a category reads "is", not "> 0.5"', () => {
    // Only the island tells the classes apart: the tree splits on one of its one-hot columns.
    const rule = ruleFor([...flock(14, { species: 'A', island: 'Biscoe' }), ...flock(10, { species: 'B', island: 'Dream' })]);
    expect(rule).toMatch(/^if island is (Biscoe: A, otherwise B|Dream: B, otherwise A)$/);
  });

  it('fewer training birds in a class than folds: as many folds as that class has birds (here 3)', () => {
    // 20 A (16 train) and 4 B (round(0.8) = 1 test, 3 train); 5 folds asked, 3 used. Dealt in
    // class order, A first: A 6, 5, 5 and B from fold 16 mod 3 = 1 on: folds 1, 2, 0. Each fold's
    // training part keeps A as its majority, so each fold scores its A share.
    const r = computeWorkflow(inputOf(defaults(schema)), table([...flock(20, { species: 'A', bill: 50 }), ...flock(4, { species: 'B', bill: 40 })]));
    expect([r.train.perClass, r.test.perClass]).toEqual([
      [16, 3],
      [4, 1],
    ]);
    expect(r.baseline.majorityCv).toBeCloseTo((6 / 7 + 5 / 6 + 5 / 6) / 3, 12);
  });

  it('nothing tells the birds apart: the rule, the model and the scores all say the majority', () => {
    const r = computeWorkflow(inputOf(defaults(schema)), table([...flock(14, { species: 'A' }), ...flock(10, { species: 'B' })]));
    expect(r.baseline.rule).toBe('always A');
    // Test birds: round(0.2 · 14) = 3 A and 2 B. Every bird looks the same, so every model says A.
    expect(r.final.confusion).toEqual([
      [3, 0],
      [2, 0],
    ]);
    expect(r.final.testAcc).toBeCloseTo(3 / 5, 12);
    expect(r.baseline.majorityTest).toBeCloseTo(3 / 5, 12);
    // A: precision 3/5, recall 1, F1 2·(3/5)/(1 + 3/5) = 3/4. B is never predicted: no precision, no F1.
    expect(r.final.perClass[0]).toEqual({ precision: expect.closeTo(0.6, 12), recall: 1, f1: expect.closeTo(0.75, 12), support: 3 });
    expect(r.final.perClass[1]).toEqual({ precision: null, recall: 0, f1: null, support: 2 });
  });
});
