/**
 * The fitting glue of model.ts against hand-worked numbers: the training-set scaler (population
 * sd, 1 for a constant column) and its use; the coefficients handed back in the data's units
 * (logit of every test score = coef · x + intercept); the majority rule's average precision (the
 * test prevalence); the notes the table shows (SMOTE with fewer neighbours than asked, the real
 * data not loaded yet); and the best-per-column marks with ties and undefined cells.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import type { Metrics } from '../../lib/learn/metrics';
import { bestPerColumn, fitAll, logisticObjective, scaler, splitFor, standardise, tableAt, type ImbalanceInput, type TableRow } from './model';
import { METHODS, schema } from './params';

const input = (over: Partial<ImbalanceInput> = {}): ImbalanceInput => {
  const { data, ratio, overlap, k, seed, method, threshold } = defaults(schema);
  return { data, ratio, overlap, k, seed, method, threshold, sensors: null, ...over };
};

describe('the scaler', () => {
  it('centres on the mean and divides by the population sd; a constant column keeps sd 1', () => {
    // Columns: mean 4, squares 9 + 1 + 1 + 9 → sd √5; constant 5 → sd 1; mean 4, squares 4 + 0 + 0 + 4 → sd √2.
    const X = { data: Float64Array.from([1, 5, 2, 3, 5, 4, 5, 5, 4, 7, 5, 6]), n: 4, d: 3 };
    const s = scaler(X);
    expect(Array.from(s.mean)).toEqual([4, 5, 4]);
    expect(s.sd[0]).toBeCloseTo(Math.sqrt(5), 14);
    expect(s.sd[1]).toBe(1);
    expect(s.sd[2]).toBeCloseTo(Math.SQRT2, 14);
    const Z = standardise(X, s);
    const want = [-3, 0, -2, -1, 0, 0, 1, 0, 0, 3, 0, 2].map((v, i) => v / [Math.sqrt(5), 1, Math.SQRT2][i % 3]);
    Array.from(Z.data).forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
    expect([Z.n, Z.d, Z.data.length]).toEqual([4, 3, 12]);
    const empty = scaler({ data: new Float64Array(0), n: 0, d: 2 });
    expect([...empty.mean, ...empty.sd]).toEqual([0, 0, 1, 1]);
  });
});

describe('the logistic objective', () => {
  it('is ½‖w‖² + C Σ s·logloss, stable for large margins on either side', () => {
    const X = { data: Float64Array.from([0, 1, 800, -800]), n: 4, d: 1 };
    const y = [1, 0, 1, 0];
    // z = 0.5 + 2x: 0.5, 2.5, 1600.5, −1599.5; the last two rows are right by a mile (loss ≈ 0).
    // Row 1 (y = 1, z = 0.5): −log σ(0.5); row 2 (y = 0, z = 2.5, weight ½): −log(1 − σ(2.5)) = 2.5 + log(1 + e^−2.5).
    const want = 0.5 * 4 + 3 * (Math.log1p(Math.exp(-0.5)) + 0.5 * (2.5 + Math.log1p(Math.exp(-2.5))));
    expect(logisticObjective([2], 0.5, X, y, 3, [1, 0.5, 1, 1])).toBeCloseTo(want, 12);
    // Wrong by a mile: the loss is the margin itself, with no overflow.
    expect(logisticObjective([0], -1000, { data: Float64Array.from([0]), n: 1, d: 1 }, [1], 1)).toBeCloseTo(1000, 9);
    expect(logisticObjective([0], 1000, { data: Float64Array.from([0]), n: 1, d: 1 }, [0], 1)).toBeCloseTo(1000, 9);
  });
});

describe('fitAll', () => {
  // Fitted inside each test, not once for the block: mutation testing counts a test only for the
  // code it runs itself.
  const fitted = () => fitAll(input({ ratio: 10, overlap: 0.4, seed: 3 }));

  it('hands back each fit in the data’s units: logit(score) = coef · x + intercept on the test rows', () => {
    const f = fitted();
    const { X } = f.split.test;
    for (const m of METHODS) {
      const fit = f.fits[m];
      for (let i = 0; i < X.n; i += 97) {
        const z = fit.coef[0] * X.data[2 * i] + fit.coef[1] * X.data[2 * i + 1] + fit.intercept;
        expect(Math.log(fit.scores[i] / (1 - fit.scores[i]))).toBeCloseTo(z, 8);
      }
      expect(fit.method).toBe(m);
      expect(fit.weights === null).toBe(m !== 'weights');
    }
  });

  it('the majority rule’s average precision is the test prevalence, and its row trains on the raw counts', () => {
    const f = fitted();
    const y = f.split.test.y;
    const prevalence = y.reduce((a, v) => a + v, 0) / y.length;
    expect(f.majorityAp).toBeCloseTo(prevalence, 12);
    const rows = tableAt(f, 0.5);
    const maj = rows[rows.length - 1];
    expect(maj.key).toBe('majority');
    expect(maj.ap).toBe(f.majorityAp);
    expect(maj.counts.tp + maj.counts.fp).toBe(0);
    expect(maj.train[0] + maj.train[1]).toBe(f.split.train.y.length);
  });

  it('says when SMOTE has fewer minority neighbours than k asks', () => {
    // 1 : 200 of 1000: 5 minority points, so at most 4 neighbours.
    const few = fitAll(input({ ratio: 200, k: 6 }));
    expect(few.messages.join(' ')).toContain('SMOTE uses k = 4: the training set has only 5 minority points.');
    expect(fitAll(input({ ratio: 200, k: 4 })).messages.join(' ')).not.toContain('SMOTE');
    expect(fitted().messages.join(' ')).not.toMatch(/SMOTE|converging/);
  });

  it('the real data before they are loaded: a clear error, not a crash further on', () => {
    expect(() => splitFor(input({ data: 'sensors' }))).toThrow(/not loaded/);
  });
});

describe('best per column', () => {
  type Cells = Partial<Record<'accuracy' | 'precision' | 'recall' | 'f1' | 'mcc', number | null>>;
  const row = (key: TableRow['key'], c: Cells, ap: number | null): TableRow => ({
    key, train: [0, 0], counts: { tp: 0, fp: 0, tn: 0, fn: 0 }, ap,
    metrics: { precision: null, recall: null, specificity: null, fpr: null, accuracy: null, f1: null, fbeta: null, mcc: null, ...c } as Metrics,
  });

  it('marks every row within 1e-12 of the top, skips undefined cells, marks none when all are undefined', () => {
    const b = bestPerColumn([
      row('none', { accuracy: 0.9, recall: 0.9, f1: -0.2, mcc: 1e-12 }, 0.3),
      row('smote', { accuracy: 0.9 + 1e-13, recall: 0.9 + 2e-12, mcc: 0 }, null),
      row('weights', { accuracy: 0.8, recall: 0.5, f1: -0.5 }, 0.5),
      row('majority', { f1: -0.2 - 1e-13, mcc: -0.3 }, 0.5 - 1e-9),
    ]);
    expect(b.accuracy).toEqual(['none', 'smote']);
    expect(b.recall).toEqual(['smote']);
    expect(b.ap).toEqual(['weights']);
    expect(b.precision).toEqual([]);
    // Every defined value below zero: an undefined cell is not a 0 that beats them.
    expect(b.f1).toEqual(['none', 'majority']);
    // 1e-12 apart counts as a tie; an undefined cell next to a top of 0 is not marked.
    expect(b.mcc).toEqual(['none', 'smote']);
    expect(Object.keys(b).sort()).toEqual(['accuracy', 'ap', 'f1', 'mcc', 'precision', 'recall']);
  });
});
