/**
 * The imbalanced-data model against truths outside its own code: the logistic loss written out
 * and summed over copied rows by hand; the always-majority rule's accuracy as the counted
 * majority share; confusion counts by brute force; the best-per-column marks by a plain scan;
 * the drawn boundary against the scores it summarises; and the data sets' sizes and streams.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/random/rng';
import { defaults } from '../../lib/params/schema';
import type { Matrix } from '../../lib/learn/api';
import { fitLogistic } from '../../lib/learn/logistic';
import { COLUMNS, cell, fitAll, LOGISTIC, logisticObjective, type ImbalanceInput } from './model';
import { fitKey, KIND, logit, present } from './present';
import { generatedSplit, gaussianClasses, minorityFor, TEST_MAJORITY, TRAIN_MAJORITY } from './data';
import { METHODS, schema } from './params';
import { classCounts } from './resample';

const input = (over: Partial<ImbalanceInput> = {}): ImbalanceInput => {
  const { data, ratio, overlap, k, seed, method, threshold } = defaults(schema);
  return { data, ratio, overlap, k, seed, method, threshold, sensors: null, ...over };
};

/** (X, y) with every row i repeated reps[i] times. */
function repeatRows(X: Matrix, y: Int32Array, reps: ArrayLike<number>): { X: Matrix; y: Int32Array } {
  const data: number[] = [], yy: number[] = [];
  for (let i = 0; i < X.n; i++) for (let r = 0; r < reps[i]; r++) {
    data.push(...X.data.subarray(i * X.d, i * X.d + X.d));
    yy.push(y[i]);
  }
  return { X: { data: Float64Array.from(data), n: yy.length, d: X.d }, y: Int32Array.from(yy) };
}

describe('class weights and duplicate oversampling', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const { X, y } = gaussianClasses(seed, 'train', 40, 8, 0.3);
    const rng = createRng(seed);
    // Integer weights per class (the minority's larger), the same as copies of each row.
    const w1 = 2 + rng.int(6), w0 = 1 + rng.int(2);
    const reps = Array.from(y, (c) => (c === 1 ? w1 : w0));
    const copies = repeatRows(X, y, reps);

    it(`give the same loss at any parameters (seed ${seed}, weights ${w0} and ${w1})`, () => {
      for (let t = 0; t < 20; t++) {
        const coef = [rng.normal() * 2, rng.normal() * 2], b = rng.normal() * 3;
        for (const c of [1, 0.1, 10]) {
          const weighted = logisticObjective(coef, b, X, y, c, Float64Array.from(reps));
          // The copied data's loss, written out term by term: −log σ(z) or −log(1 − σ(z)), with
          // 1 − σ(z) = 1 / (1 + eᶻ) so that no probability near 1 is subtracted from 1.
          let sum = 0;
          for (let i = 0; i < copies.X.n; i++) {
            const z = b + coef[0] * copies.X.data[2 * i] + coef[1] * copies.X.data[2 * i + 1];
            sum += copies.y[i] === 1 ? -Math.log(1 / (1 + Math.exp(-z))) : -Math.log(1 / (1 + Math.exp(z)));
          }
          const plain = 0.5 * (coef[0] ** 2 + coef[1] ** 2) + c * sum;
          // Equal up to rounding (the sums run in different orders over hundreds of terms).
          expect(Math.abs(weighted - plain)).toBeLessThan(1e-12 * plain);
          expect(Math.abs(logisticObjective(coef, b, copies.X, copies.y, c) - plain)).toBeLessThan(1e-12 * plain);
        }
      }
    });

    it(`give the same fitted model with integer weights (seed ${seed})`, () => {
      const a = fitLogistic(X, y, { ...LOGISTIC, sampleWeight: Float64Array.from(reps) });
      const b = fitLogistic(copies.X, copies.y, LOGISTIC);
      expect(a.converged && b.converged).toBe(true);
      expect(a.intercept).toBeCloseTo(b.intercept, 6);
      for (let j = 0; j < 2; j++) expect(a.coef[j]).toBeCloseTo(b.coef[j], 6);
    });
  }
});

describe('the always-majority classifier', () => {
  for (const [ratio, seed] of [[1, 3], [3, 11], [20, 3], [57, 11], [200, 5]])
    it(`scores accuracy = the majority share and recall 0 (ratio ${ratio}, seed ${seed})`, () => {
      const p = input({ ratio, seed });
      const f = fitAll(p);
      const lazy = present(f, p.method, p.threshold).rows.find((x) => x.key === 'majority')!;
      const y = f.split.test.y;
      let n0 = 0;
      for (const c of y) if (c === 0) n0++;
      expect(lazy.metrics.accuracy).toBeCloseTo(n0 / y.length, 12);
      expect(lazy.metrics.recall).toBe(0);
      expect(lazy.metrics.precision).toBeNull(); // 0/0: it never predicts the minority
      expect(lazy.metrics.f1).toBe(0);
      // Its AP (a constant score) is the minority share: no skill.
      expect(lazy.ap).toBeCloseTo(1 - n0 / y.length, 12);
    });
});

describe('the table', () => {
  for (const over of [{}, { ratio: 5, overlap: 0.2 }, { ratio: 150, k: 2, threshold: 0.2 }, { overlap: 1, ratio: 2 }, { overlap: 0, threshold: 0.9, seed: 8 }] as Partial<ImbalanceInput>[])
    it(`counts, metrics and best marks match a brute-force scan (${JSON.stringify(over)})`, () => {
      const p = input(over);
      const f = fitAll(p);
      const r = present(f, p.method, p.threshold);
      expect(r.rows.map((x) => x.key)).toEqual([...METHODS, 'majority']);
      for (const m of METHODS) {
        const row = r.rows.find((x) => x.key === m)!;
        const s = f.fits[m].scores, y = f.split.test.y;
        let tp = 0, fp = 0, tn = 0, fn = 0;
        for (let i = 0; i < y.length; i++) {
          const pos = s[i] >= p.threshold;
          if (y[i] === 1) {
            if (pos) tp++;
            else fn++;
          } else if (pos) fp++;
          else tn++;
        }
        expect(row.counts).toEqual({ tp, fp, tn, fn });
        expect(row.metrics.accuracy).toBeCloseTo((tp + tn) / y.length, 12);
        expect(row.metrics.recall).toBeCloseTo(tp / (tp + fn), 12);
        if (tp + fp > 0) expect(row.metrics.precision).toBeCloseTo(tp / (tp + fp), 12);
        else expect(row.metrics.precision).toBeNull();
        expect(row.train).toEqual(classCounts(f.fits[m].resampled.y));
      }
      for (const c of COLUMNS) {
        const vals = r.rows.map((x) => cell(x, c));
        const top = Math.max(...vals.filter((v): v is number => v !== null));
        const want = r.rows.filter((_, i) => vals[i] !== null && vals[i] === top).map((x) => x.key);
        expect(r.best[c]).toEqual(want);
      }
    });
});

describe('what the page draws', () => {
  const p = input({ ratio: 10 });
  const f = fitAll(p);
  for (const method of METHODS)
    it(`the boundary splits the test points exactly as the scores do, and every training point is drawn (${method})`, () => {
      for (const threshold of [0.1, 0.5, 0.93]) {
        const r = present(f, method, threshold);
        const { X, y } = f.split.test;
        const s = f.fits[method].scores;
        let checked = 0;
        for (let i = 0; i < y.length; i++) {
          const side = r.boundary.a * X.data[2 * i] + r.boundary.b * X.data[2 * i + 1] + r.boundary.c;
          if (Math.abs(side) < 1e-9) continue; // on the line: rounding decides
          expect(side >= 0).toBe(s[i] >= threshold);
          checked++;
        }
        expect(checked).toBeGreaterThan(y.length - 3);
        // The points: every original row once (kept or removed), then the synthetic ones.
        const res = f.fits[method].resampled;
        const kept = r.points.kind.filter((k) => k === KIND.kept).length;
        const synth = r.points.kind.filter((k) => k === KIND.synthetic).length;
        expect(kept + r.points.kind.filter((k) => k === KIND.removed).length).toBe(f.split.train.X.n);
        expect(synth).toBe(Array.from(res.source).filter((v) => v < 0).length);
        expect(r.points.copies.reduce((a, b) => a + b, 0)).toBe(res.X.n);
        expect(r.links.length).toBe((res.links?.length ?? 0) * 2);
      }
    });

  it('logit inverts the logistic function', () => {
    for (const t of [0.01, 0.2, 0.5, 0.77, 0.99]) expect(1 / (1 + Math.exp(-logit(t)))).toBeCloseTo(t, 12);
  });

  it('the fit cache key ignores only the threshold, the method shown, and the overlap of the real data', () => {
    const a = input();
    expect(fitKey({ ...a, threshold: 0.2, method: 'none' })).toBe(fitKey(a));
    for (const k of ['ratio', 'overlap', 'k', 'seed'] as const) expect(fitKey({ ...a, [k]: a[k] + 0.5 })).not.toBe(fitKey(a));
    expect(fitKey({ ...a, data: 'sensors', overlap: 0.1 })).toBe(fitKey({ ...a, data: 'sensors', overlap: 0.9 }));
  });
});

describe('the generated data', () => {
  it('has the asked ratio in training and test, at least two minority points', () => {
    for (const ratio of [1, 2.5, 20, 133, 200]) {
      const s = generatedSplit(5, ratio, 0.5);
      expect(classCounts(s.train.y)).toEqual([TRAIN_MAJORITY, Math.max(2, Math.round(TRAIN_MAJORITY / ratio))]);
      expect(classCounts(s.test.y)).toEqual([TEST_MAJORITY, Math.max(2, Math.round(TEST_MAJORITY / ratio))]);
    }
    expect(minorityFor(1000, 1e6)).toBe(2);
  });

  it('keeps the majority points when the ratio moves, and the minority points when the overlap moves (shifted)', () => {
    const a = gaussianClasses(7, 'train', 100, 10, 0.5), b = gaussianClasses(7, 'train', 100, 30, 0.5);
    expect(Array.from(a.X.data.subarray(0, 200))).toEqual(Array.from(b.X.data.subarray(0, 200)));
    expect(Array.from(a.X.data.subarray(200))).toEqual(Array.from(b.X.data.subarray(200, 220)));
    const c = gaussianClasses(7, 'train', 100, 10, 0.25);
    const shift = (4 * 0.25) / Math.SQRT2;
    for (let i = 200; i < 220; i++) expect(c.X.data[i] - a.X.data[i]).toBeCloseTo(shift, 12);
  });

  it('has class means Δ/√2·(1, 1) apart with unit variance (a large sample)', () => {
    const { X, y } = gaussianClasses(1, 'test', 20000, 20000, 0.25);
    const m = [0, 0, 0, 0], v = [0, 0];
    for (let i = 0; i < X.n; i++) for (let j = 0; j < 2; j++) m[2 * y[i] + j] += X.data[2 * i + j] / 20000;
    for (let i = 0; i < X.n; i++) if (y[i] === 0) for (let j = 0; j < 2; j++) v[j] += X.data[2 * i + j] ** 2 / 20000;
    const want = (4 * 0.75) / Math.SQRT2;
    expect(m[0]).toBeCloseTo(0, 1);
    expect(m[2]).toBeCloseTo(want, 1);
    expect(m[3]).toBeCloseTo(want, 1);
    expect(v[0]).toBeCloseTo(1, 1);
  });
});
