/**
 * The ml-workflow model on the real penguins: the data as published, the pipeline end to end
 * beating its baselines on the held-out birds, preprocessing fitted on training rows only, the
 * logistic reference case through the panel's model wrapper, the wrong moves doing what the panel
 * says they do, and the exported file reproducing the predictions.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { matrix, referenceCases } from '../../lib/learn/reference.testutil';
import { computeWorkflow, inputOf, type WfInput, type WfResult } from './model';
import { missingCounts } from './data';
import { schema, STEPS } from './params';
import { argmaxRows, fitModel, fitPrep, pipelineProba, predictProba, type Features } from './pipeline';
import { exportModel, modelCard, predictFromExport, readExport } from './handoff';
import { edgeQuery, fuzzRng } from '../../lib/params/hostile';
import { parseQuery, serialize } from '../../lib/params/url';
import { readoutRows } from './readout';
import { decisionText, wrongMoveNotes } from './words';
import { penguins } from './penguins.testutil';

const base = inputOf(defaults(schema));
const run = (o: Partial<WfInput> = {}): WfResult => computeWorkflow({ ...base, ...o }, penguins());

describe('the penguins as published (palmerpenguins)', () => {
  it('344 birds: 152 Adelie, 68 Chinstrap, 124 Gentoo; 2 birds without measurements, 11 without sex', () => {
    const t = penguins();
    expect(t.n).toBe(344);
    const count = (s: string) => t.cat.species.filter((v) => v === s).length;
    expect([count('Adelie'), count('Chinstrap'), count('Gentoo')]).toEqual([152, 68, 124]);
    const m = missingCounts(t);
    expect([m.bill, m.depth, m.flipper, m.mass, m.species, m.island, m.sex]).toEqual([2, 2, 2, 2, 0, 0, 11]);
    expect(new Set(t.cat.sex)).toEqual(new Set(['male', 'female', null]));
  });
});

describe('the pipeline end to end', () => {
  for (const target of ['species', 'sex'] as const) {
    it(`${target}: the final model beats both baselines on the held-out birds; the test set is read only at the end`, () => {
      const r = run({ target });
      expect(r.testReadsBefore).toBe(0);
      expect(r.final.testAcc).toBeGreaterThan(r.baseline.majorityTest);
      expect(r.final.testAcc).toBeGreaterThan(r.baseline.ruleTest);
      expect(r.final.cv.mean).toBeGreaterThan(r.baseline.majorityCv);
      // The confusion matrix counts every test bird once; its diagonal is the accuracy.
      const total = r.final.confusion.flat().reduce((a, b) => a + b, 0);
      expect(total).toBe(r.test.n);
      expect(r.final.confusion.reduce((s, row, k) => s + row[k], 0) / total).toBeCloseTo(r.final.testAcc, 12);
      expect(r.train.n + r.test.n).toBe(r.nLabelled);
      // The majority baseline on the test set is that class's share of it.
      const maj = r.classes.indexOf(r.baseline.majority);
      expect(r.baseline.majorityTest).toBeCloseTo(r.test.perClass[maj] / r.test.n, 12);
      // The tuned pick is the grid's first best validation score.
      const cv = r.tune.cv.map((s) => s.mean);
      expect(r.tune.picked).toBe(cv.indexOf(Math.max(...cv)));
    });
  }

  it('birds without a label are left out: 333 with a known sex', () => {
    expect(run({ target: 'sex' }).nLabelled).toBe(333);
    expect(run().nLabelled).toBe(344);
  });

  it('the worst examples are the test birds with the lowest probability of their true class, misclassified first', () => {
    const r = run({ model: 'knn' });
    const p = r.final.worst.map((w) => w.pTrue);
    expect(p).toEqual([...p].sort((a, b) => a - b));
    const wrong = r.final.confusion.reduce((s, row, k) => s + row.reduce((a, b) => a + b, 0) - row[k], 0);
    expect(r.final.worst.filter((w) => w.truth !== w.predicted).length).toBe(Math.min(wrong, r.final.worst.length));
  });
});

describe('preprocessing is fitted on the rows it is given', () => {
  it('changing the other rows changes no fill value, scale or category', () => {
    const t = penguins();
    const F: Features = { numNames: ['bill'], num: [Float64Array.from(t.num.bill)], catNames: ['island'], cat: [[...t.cat.island]] };
    const rows = Int32Array.from({ length: 100 }, (_, i) => i);
    const before = fitPrep(F, rows, { impute: 'mean', scale: 'standard', encode: 'onehot' });
    F.num[0][200] = 1e6;
    F.cat[0][200] = 'Atlantis';
    expect(fitPrep(F, rows, { impute: 'mean', scale: 'standard', encode: 'onehot' })).toEqual(before);
    // The mean of the first 100 observed bill lengths, by hand.
    const seen = Array.from(t.num.bill.slice(0, 100)).filter((v) => !Number.isNaN(v));
    expect(before.fill[0]).toBeCloseTo(seen.reduce((a, b) => a + b, 0) / seen.length, 10);
  });
});

describe('the logistic reference case through the panel’s model wrapper', () => {
  type Fit = { coef: number[]; intercept: number };
  const REF = referenceCases<{ logistic: { X: number[][]; y: number[]; fits: { l2_C1: Fit } } }>().logistic;
  it('two classes: one binary fit, scikit-learn’s coefficients (C = 1) to 1e-6', () => {
    const X = matrix(REF.X), y = Int32Array.from(REF.y);
    const m = fitModel('logistic', 1, X, y, 2);
    if (m.kind !== 'logistic') throw new Error('not logistic');
    expect(m.coef).toHaveLength(1);
    const want = REF.fits.l2_C1;
    want.coef.forEach((w, j) => expect(Math.abs(m.coef[0][j] - w)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(w))));
    expect(Math.abs(m.intercept[0] - want.intercept)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want.intercept)));
    const p = predictProba(m, X);
    for (let i = 0; i < X.n; i++) expect(p[2 * i] + p[2 * i + 1]).toBeCloseTo(1, 12);
  });
});

describe('the wrong moves do what the panel says', () => {
  it('tuning on the test set: the reported score is the best of the tries, above the same pick’s cross-validated score on average over seeds', () => {
    let gap = 0;
    const seeds = [1, 2, 3, 4, 5];
    for (const seed of seeds) {
      const r = run({ target: 'sex', model: 'tree', seed, tuning: 'test' });
      const test = r.tune.testAcc!, cv = r.tune.cv.map((s) => s.mean);
      expect(r.optimism!.reported).toBe(Math.max(...test));
      // At least what the honest pick (the best validation score) scores on the same test birds.
      expect(r.optimism!.reported).toBeGreaterThanOrEqual(test[cv.indexOf(Math.max(...cv))]);
      expect(r.testReadsBefore).toBe(r.tune.grid.length);
      gap += (r.optimism!.reported - r.optimism!.fresh) / seeds.length;
    }
    expect(gap).toBeGreaterThan(0.02);
  });

  it('a leaked target: a score too good to be true, which a new bird (no tag yet) does not get', () => {
    for (const model of ['tree', 'logistic', 'knn'] as const) {
      const r = run({ target: 'sex', model, leak: true });
      expect(r.final.testAcc).toBeGreaterThan(r.final.noLeakAcc!);
      expect(r.final.deployedAcc!).toBeLessThan(r.final.testAcc);
      expect(r.final.cv.mean).toBeGreaterThan(r.final.deployedAcc!);
    }
    // The tree splits on the tag alone: perfect on paper, worse than without the column in use.
    const tree = run({ target: 'sex', model: 'tree', leak: true });
    expect(tree.final.cv.mean).toBe(1);
    expect(tree.final.deployedAcc!).toBeLessThan(tree.final.noLeakAcc!);
  });

  it('preprocessing fitted before the split moves the test accuracy by at most one bird here', () => {
    for (const target of ['species', 'sex'] as const) {
      const r = run({ target, prepFit: 'all' });
      expect(Math.abs(r.prepLeak.leakyTest - r.prepLeak.honestTest)).toBeLessThanOrEqual(1 / r.test.n + 1e-12);
    }
  });
});

describe('one pipeline, one number: the views that show the same fit agree', () => {
  it('the final pipeline is the honest one or the leaky one, as prepFit says, and the test-set try of its value', () => {
    for (const prepFit of ['train', 'all'] as const) {
      const r = run({ target: 'sex', model: 'knn', prepFit, tuning: 'test' });
      // The final pipeline's preprocessing is fitted on the rows prepFit names: its test accuracy is that side's.
      expect(prepFit === 'train' ? r.prepLeak.honestTest : r.prepLeak.leakyTest).toBe(r.final.testAcc);
      // Tuned on the test set: the reported score is the picked value's test accuracy, the final one.
      expect(r.optimism!.reported).toBe(r.final.testAcc);
      expect(r.tune.testAcc![r.tune.picked]).toBe(r.final.testAcc);
      // k = 5 is both the default and a grid value: the same cross-validation, the same score.
      const at5 = r.tune.grid.indexOf(5);
      expect(at5).toBeGreaterThanOrEqual(0);
      expect(r.tune.cv[at5]).toEqual(r.models.find((m) => m.kind === 'knn')!.cv);
      expect(r.prepChoices.filter((c) => c.chosen && c.key !== 'prepFit').every((c) => c.cv === r.prepChoices[0].cv)).toBe(true);
    }
  });
});

describe('the hand-off file', () => {
  for (const model of ['logistic', 'tree', 'knn'] as const) {
    it(`${model}: read back, it predicts what the panel's pipeline predicts for every bird`, () => {
      const r = run({ model });
      const json = exportModel(r);
      expect(() => readExport('{"format":"something else"}')).toThrow();
      const t = penguins();
      // The species target: the inputs are the four measurements, island and sex, in that order.
      const F: Features = {
        numNames: r.pipeline.prep.names.slice(0, 4),
        num: [t.num.bill, t.num.depth, t.num.flipper, t.num.mass],
        catNames: ['island', 'sex'],
        cat: [t.cat.island, t.cat.sex],
      };
      const rows = Int32Array.from({ length: t.n }, (_, i) => i);
      const direct = Array.from(argmaxRows(pipelineProba(r.pipeline, F, rows), r.classes.length), (c) => r.classes[c]);
      expect(predictFromExport(json, F, rows)).toEqual(direct);
      // The worst test birds keep the prediction the panel listed.
      for (const w of r.final.worst) expect(direct[w.row]).toBe(w.predicted);
    });
  }
});

describe('hostile links', () => {
  it('repaired edge-of-range links compute, and the readout, decisions and notes never say NaN', () => {
    const rng = fuzzRng(20261124, 'ml-workflow');
    for (let i = 0; i < 4; i++) {
      const { params } = parseQuery(schema, `?${edgeQuery(rng, schema)}`);
      const r = computeWorkflow(inputOf(params), penguins());
      const said = [
        ...readoutRows(params, r).map((row) => `${String(row.label)} ${String(row.value)}`),
        ...STEPS.map((s) => decisionText(r, s)),
        ...wrongMoveNotes(r),
        modelCard(r),
      ];
      for (const s of said) expect(s, serialize(schema, params)).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});
