/**
 * The parts of computeWorkflow that model.test.ts's end-to-end truths do not pin (written for the
 * mutation audit, issue 17): the split's counts against the published class sizes, the baselines
 * against what the penguins are known for (Adelie the largest class, flipper length the one
 * measurement that tells Gentoo apart), the one-flip-at-a-time preprocessing table, the score
 * fields that must agree with each other, per-class precision and recall from the confusion
 * matrix by hand, the leaked tag's value range, and the worst-examples list.
 */
import { describe, expect, it } from 'vitest';
import { foldRows, stratifiedFolds, stratifiedSplit } from '../../lib/learn/kfold';
import { defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { computeWorkflow, inputOf, type WfInput, type WfResult } from './model';
import { schema } from './params';
import { argmaxRows, pipelineProba, type Features } from './pipeline';
import { penguins } from './penguins.testutil';
import type { Table } from './data';

const base = inputOf(defaults(schema));
const run = (o: Partial<WfInput> = {}, t: Table = penguins()): WfResult => computeWorkflow({ ...base, ...o }, t);
/** Published counts (palmerpenguins): Adelie 152, Chinstrap 68, Gentoo 124 of 344. */
const SPECIES = [152, 68, 124];

describe('the default run (species, logistic)', () => {
  const r = run();

  it('the split keeps every bird once, class by class, and the class names in sorted order', () => {
    expect(r.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(r.nRows).toBe(344);
    expect(r.nLabelled).toBe(344);
    expect(r.train.perClass.map((c, k) => c + r.test.perClass[k])).toEqual(SPECIES);
    expect(r.train.perClass.reduce((a, b) => a + b, 0)).toBe(r.train.n);
    expect(r.test.perClass.reduce((a, b) => a + b, 0)).toBe(r.test.n);
    // A 20 % test share, stratified: each class's test count is within one bird of 20 % of it.
    r.test.perClass.forEach((c, k) => expect(Math.abs(c - 0.2 * SPECIES[k])).toBeLessThanOrEqual(1));
  });

  it('baselines: Adelie is the majority; the best single split is on flipper length and finds Gentoo', () => {
    expect(r.baseline.majority).toBe('Adelie');
    // Stratified folds: every fold's training part has Adelie as its majority, so each fold scores
    // its Adelie share, about 152/344 (within a bird per fold of 55).
    expect(Math.abs(r.baseline.majorityCv - 152 / 344)).toBeLessThan(0.02);
    expect(r.baseline.rule).toMatch(/^if flipper length \(mm\) > 2\d\d(\.\d+)?: Gentoo, otherwise Adelie$/);
    const thr = Number(/> ([\d.]+):/.exec(r.baseline.rule)![1]);
    // Gentoo flippers run from about 203 mm, the others' up to about 212 mm.
    expect(thr).toBeGreaterThan(200);
    expect(thr).toBeLessThan(215);
    // The rule can get every Adelie and Gentoo right but no Chinstrap: at most (152 + 124)/344.
    expect(r.baseline.ruleCv).toBeLessThanOrEqual(276 / 344 + 0.02);
    expect(r.baseline.ruleCv).toBeGreaterThan(0.7);
    expect(r.baseline.ruleTest).toBeLessThanOrEqual((r.test.perClass[0] + r.test.perClass[2]) / r.test.n);
    // Sex: 168 male, 165 female birds published; the stratified training part keeps male ahead.
    expect(run({ target: 'sex' }).baseline.majority).toBe('male');
  });

  it('the majority baseline fold by fold, by hand: the seed’s stratified split and five stratified folds (the kit’s)', () => {
    const t = penguins();
    const y = Int32Array.from(t.cat.species, (v) => r.classes.indexOf(v!));
    const { train, test } = stratifiedSplit(y, Int32Array.from({ length: t.n }, (_, i) => i), base.test, stream(base.seed, 'split'));
    expect([train.length, test.length]).toEqual([r.train.n, r.test.n]);
    // Every class has far more than 5 training birds, so k is the asked 5.
    const fold = stratifiedFolds(y, train, base.folds, stream(base.seed, 'folds'));
    const acc = Array.from({ length: base.folds }, (_, f) => {
      const { train: fit, valid } = foldRows(train, fold, f);
      const count = [0, 0, 0];
      for (const i of fit) count[y[i]]++;
      const majority = count.indexOf(Math.max(...count));
      return Array.from(valid).filter((i) => y[i] === majority).length / valid.length;
    });
    expect(r.baseline.majorityCv).toBeCloseTo(acc.reduce((a, b) => a + b, 0) / acc.length, 12);
  });

  it('the preprocessing table flips one decision at a time; the chosen rows share one score', () => {
    expect(r.prepChoices.map((c) => [c.key, c.option, c.chosen])).toEqual([
      ['impute', 'median', true],
      ['impute', 'mean', false],
      ['scale', 'standard', true],
      ['scale', 'none', false],
      ['encode', 'onehot', true],
      ['encode', 'ordinal', false],
      ['prepFit', 'train', true],
      ['prepFit', 'all', false],
    ]);
    // A flipped row is the score the panel gives when that option is the chosen one.
    const other = run({ impute: 'mean', scale: 'none', encode: 'ordinal', prepFit: 'all' });
    expect(other.prepChoices.map((c) => [c.key, c.option, c.chosen])).toEqual([
      ['impute', 'mean', true],
      ['impute', 'median', false],
      ['scale', 'none', true],
      ['scale', 'standard', false],
      ['encode', 'ordinal', true],
      ['encode', 'onehot', false],
      ['prepFit', 'train', false],
      ['prepFit', 'all', true],
    ]);
    expect(r.prepChoices[1].cv).toEqual(run({ impute: 'mean' }).prepChoices[0].cv);
    expect(r.prepChoices[3].cv).toEqual(run({ scale: 'none' }).prepChoices[2].cv);
    expect(r.prepChoices[5].cv).toEqual(run({ encode: 'ordinal' }).prepChoices[4].cv);
    const all = run({ prepFit: 'all' });
    expect(all.prepChoices[7].cv).toEqual(r.prepChoices[7].cv);
    expect(all.prepChoices[6].cv).toEqual(r.prepChoices[0].cv);
    expect(all.prepLeak.honestCv).toBe(r.prepChoices[0].cv.mean);
    expect(all.prepLeak.leakyCv).toBe(r.prepChoices[7].cv.mean);
  });

  it('scores that show the same fit agree: models, tuning, final, journey', () => {
    expect(r.models.map((m) => [m.kind, m.hyper])).toEqual([
      ['logistic', 1],
      ['tree', Infinity],
      ['knn', 5],
    ]);
    // C = 1 is the default and a grid value: the same cross-validation.
    expect(r.tune.grid).toEqual([0.001, 0.01, 0.1, 1, 10, 100]);
    expect(r.tune.name).toMatch(/^C /);
    expect(r.models[0].cv).toEqual(r.tune.cv[3]);
    expect(r.models[0].cv).toEqual(r.prepChoices[0].cv);
    expect(r.tune.by).toBe('cv');
    expect(r.tune.testAcc).toBeNull();
    expect(r.optimism).toBeNull();
    expect(r.final.kind).toBe('logistic');
    expect(r.final.hyper).toBe(r.tune.grid[r.tune.picked]);
    expect(r.final.cv).toEqual(r.tune.cv[r.tune.picked]);
    expect(r.final.deployedAcc).toBeNull();
    expect(r.final.noLeakAcc).toBeNull();
    expect(r.journey).toEqual([
      { label: 'majority class', acc: r.baseline.majorityCv },
      { label: 'one-split rule', acc: r.baseline.ruleCv },
      { label: 'logistic, default', acc: r.models[0].cv.mean },
      { label: 'logistic, tuned', acc: r.final.cv.mean },
    ]);
    expect(r.featureNames).toEqual(['bill length (mm)', 'bill depth (mm)', 'flipper length (mm)', 'body mass (g)', 'island=Biscoe', 'island=Dream', 'island=Torgersen', 'sex=female', 'sex=male']);
    // Mean and standard deviation of k fold accuracies in [0, 1]: sd ≤ 1/2, training at least as good here.
    for (const s of [...r.tune.cv, ...r.models.map((m) => m.cv)]) {
      expect(s.mean).toBeGreaterThan(0.5);
      expect(s.mean).toBeLessThanOrEqual(1);
      expect(s.sd).toBeGreaterThanOrEqual(0);
      expect(s.sd).toBeLessThan(0.1);
      expect(s.train).toBeLessThanOrEqual(1);
      expect(s.train).toBeGreaterThan(s.mean - 0.05);
    }
  });
});

describe('preprocessing fitted on the training rows or on all rows, as prepFit says', () => {
  const median = (v: number[]) => {
    const a = [...v].sort((x, y) => x - y), m = a.length >> 1;
    return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
  };

  it('the fill values are the medians of the rows named: every bird for "all", the training birds otherwise', () => {
    const t = penguins(), honest = run(), leaky = run({ prepFit: 'all' });
    const y = Int32Array.from(t.cat.species, (v) => honest.classes.indexOf(v!));
    const { train } = stratifiedSplit(y, Int32Array.from({ length: t.n }, (_, i) => i), base.test, stream(base.seed, 'split'));
    const cols = [t.num.bill, t.num.depth, t.num.flipper, t.num.mass];
    const medianOf = (col: Float64Array, rows: ArrayLike<number>) => median(Array.from(rows, (r) => col[r]).filter((v) => !Number.isNaN(v)));
    expect(leaky.pipeline.prep.fill).toEqual(cols.map((c) => medianOf(c, Array.from({ length: t.n }, (_, i) => i))));
    expect(honest.pipeline.prep.fill).toEqual(cols.map((c) => medianOf(c, train)));
  });

  it('sex: the honest and the leaky cross-validation differ, and each run reports both the same way', () => {
    const a = run({ target: 'sex' }), b = run({ target: 'sex', prepFit: 'all' });
    expect(a.prepLeak.honestCv).not.toBe(a.prepLeak.leakyCv);
    expect([b.prepLeak.honestCv, b.prepLeak.leakyCv]).toEqual([a.prepLeak.honestCv, a.prepLeak.leakyCv]);
    // The chosen pipeline's score is the side prepFit names.
    expect(a.prepChoices[0].cv.mean).toBe(a.prepLeak.honestCv);
    expect(b.prepChoices[0].cv.mean).toBe(b.prepLeak.leakyCv);
  });
});

describe('per-class scores from the confusion matrix, by hand', () => {
  it('precision = diagonal / column, recall = diagonal / row, F1 their harmonic mean', () => {
    // Sex from a shallow tree: a model that makes mistakes.
    const r = run({ target: 'sex', model: 'tree', tuning: 'test' });
    const C = r.final.confusion;
    expect(C.flat().some((v, i) => v > 0 && i % 3 !== 0)).toBe(true);
    r.final.perClass.forEach((s, k) => {
      const row = C[k].reduce((a, b) => a + b, 0), col = C.reduce((a, rw) => a + rw[k], 0);
      expect(s.support).toBe(row);
      expect(s.precision).toBeCloseTo(C[k][k] / col, 12);
      expect(s.recall).toBeCloseTo(C[k][k] / row, 12);
      expect(s.f1).toBeCloseTo((2 * C[k][k]) / (row + col), 12);
    });
  });
});

describe('the leaked field tag', () => {
  const r = run({ target: 'sex', model: 'tree', leak: true, scale: 'none' });

  it('the tree splits on the tag between the female (100–199) and male (200–299) ranges', () => {
    const pipe = r.pipeline;
    if (pipe.model.kind !== 'tree') throw new Error('not a tree');
    const t = pipe.model.tree;
    expect(r.featureNames[t.feature[0]]).toBe('field tag');
    // ~130 female tags drawn from 100..199: the largest is above 190 unless 0.9¹³⁰ ≈ 1e-6 strikes.
    expect(t.threshold[0]).toBeGreaterThan(190);
    expect(t.threshold[0]).toBeLessThan(210);
  });

  it('perfect on paper: every fold and training score 1, no spread', () => {
    expect(r.final.cv).toEqual({ mean: 1, sd: 0, train: 1 });
    // The one-split rule is fitted without the tag.
    expect(r.baseline.rule).not.toMatch(/tag/);
    expect(r.baseline.ruleCv).toBeLessThan(0.9);
  });

  it('the worst examples: five test birds, all at P = 1, so in row order; features without the target', () => {
    expect(r.final.worst).toHaveLength(5);
    const rows = r.final.worst.map((w) => w.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    const t = penguins();
    for (const w of r.final.worst) {
      expect(w.pTrue).toBe(1);
      expect(w.truth).toBe(t.cat.sex[w.row]);
      expect(Object.keys(w.features)).toEqual(['bill length (mm)', 'bill depth (mm)', 'flipper length (mm)', 'body mass (g)', 'species', 'island']);
      expect(w.features['body mass (g)']).toBe(String(t.num.mass[w.row]));
      expect(w.features.species).toBe(t.cat.species[w.row]);
    }
  });
});

describe('the leaked tag in use: a new bird has no tag yet', () => {
  it('the deployed accuracy is the final model on the seed’s test birds with only the tag unknown, by hand', () => {
    const r = run({ target: 'sex', model: 'logistic', leak: true });
    const t = penguins();
    const y = Int32Array.from(t.cat.sex, (v) => (v === null ? -1 : r.classes.indexOf(v)));
    const labelled = Int32Array.from([...y.keys()].filter((i) => y[i] >= 0));
    const { test } = stratifiedSplit(y, labelled, base.test, stream(base.seed, 'split'));
    expect(test.length).toBe(r.test.n);
    // The model's inputs in its order: the four measurements as measured, the tag (every entry
    // missing), then species and island.
    expect(r.featureNames.slice(0, 5)).toEqual(['bill length (mm)', 'bill depth (mm)', 'flipper length (mm)', 'body mass (g)', 'field tag']);
    const F: Features = {
      numNames: r.featureNames.slice(0, 5),
      num: [t.num.bill, t.num.depth, t.num.flipper, t.num.mass, new Float64Array(t.n).fill(NaN)],
      catNames: ['species', 'island'],
      cat: [t.cat.species, t.cat.island],
    };
    const pred = argmaxRows(pipelineProba(r.pipeline, F, test), 2);
    const acc = Array.from(test).filter((row, i) => pred[i] === y[row]).length / test.length;
    expect(r.final.deployedAcc).toBeCloseTo(acc, 12);
    // The measurements still carry most of it (blanking them too leaves about a coin flip).
    expect(acc).toBeGreaterThan(0.8);
  });
});

describe('missing values in the worst examples read as a dash', () => {
  it('a table with no sex and every other bill length missing', () => {
    const t = penguins();
    const holes: Table = { ...t, num: { ...t.num, bill: t.num.bill.map((v, i) => (i % 2 ? NaN : v)) }, cat: { ...t.cat, sex: t.cat.sex.map(() => null) } };
    const r = run({ model: 'knn' }, holes);
    expect(r.final.worst.length).toBe(5);
    for (const w of r.final.worst) {
      expect(w.features.sex).toBe('—');
      expect(w.features['bill length (mm)']).toBe(w.row % 2 ? '—' : String(t.num.bill[w.row]));
    }
  });
});
