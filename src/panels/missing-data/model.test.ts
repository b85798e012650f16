/**
 * The missing-data model against truths that do not depend on it: the missingness calibration
 * (quadrature), the mean-imputation identities, the direction of the MNAR bias and the
 * unbiasedness under MCAR (against the closed-form expectation, within a few standard errors),
 * the leak's sign and its exact zeros, determinism and degenerate settings.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { fitLstsq, lstsqPredict } from '../../lib/learn/lstsq';
import { drawSample, expectedRate, offsetFor, STRENGTH, TEST_SHARE } from './data';
import { analyseDraw, estimates, features, impute, imputeSplit, ROWS, runStudy, type StudyInput, type StudyResult } from './model';
import { schema } from './params';

const base = (): StudyInput => {
  const d = defaults(schema);
  return { mechanism: d.mechanism, rate: d.rate, rho: d.rho, n: d.n, draws: d.draws, k: d.k, indicator: d.indicator, seed: d.seed };
};
const row = (r: StudyResult, key: string) => r.rows.find((x) => x.key === key)!;

/** E[V | V observed] for V ~ N(0, 1) missing with probability σ(a + sV): the observed mean under MNAR. */
function observedMeanMnar(rate: number): number {
  const a = offsetFor(rate);
  let num = 0, den = 0;
  for (let v = -9; v <= 9; v += 0.001) {
    const w = Math.exp(-0.5 * v * v) * (1 - 1 / (1 + Math.exp(-(a + STRENGTH * v))));
    num += w * v;
    den += w;
  }
  return num / den;
}

describe('missingness', () => {
  it('the offset gives the asked rate, by quadrature', () => {
    for (const r of [0.05, 0.3, 0.6]) expect(expectedRate(offsetFor(r), STRENGTH)).toBeCloseTo(r, 9);
  });
  it('the share missing matches the rate for every mechanism (within 4 standard errors)', () => {
    for (const mechanism of ['mcar', 'mar', 'mnar'] as const) {
      const n = 20000, rate = 0.3;
      const s = drawSample(3, 0, n, 0.6, mechanism, rate);
      const se = Math.sqrt((rate * (1 - rate)) / n);
      const share = (m: Uint8Array) => m.reduce((a, b) => a + b, 0) / n;
      expect(Math.abs(share(s.missX) - rate)).toBeLessThan(4 * se * 2); // MAR/MNAR: a mixture, more spread than a coin
      expect(Math.abs(share(s.missY) - rate)).toBeLessThan(4 * se * 2);
    }
  });
  it('rate 0: nothing missing, every method equals the complete data', () => {
    const r = runStudy({ ...base(), rate: 0, draws: 3 });
    expect(r.share).toEqual({ x: 0, y: 0, rows: 0 });
    const c = row(r, 'complete');
    for (const key of ROWS) for (const q of ['meanY', 'varY', 'corr'] as const) expect(row(r, key)[q].mean).toBeCloseTo(c[q].mean!, 12);
    expect(r.messages[0]).toMatch(/nothing goes missing/);
  });
  it('switching the mechanism keeps the data (separate streams)', () => {
    const a = drawSample(5, 2, 50, 0.3, 'mcar', 0.3), b = drawSample(5, 2, 50, 0.3, 'mnar', 0.3);
    expect(b.x).toEqual(a.x);
    expect(b.t).toEqual(a.t);
    expect(b.missY).not.toEqual(a.missY);
  });
  it('the truth is what data.ts says: mean 0, variance 1, corr ρ (large sample)', () => {
    const s = drawSample(9, 0, 40000, -0.4, 'mcar', 0);
    const e = estimates({ data: Float64Array.from({ length: s.n * 2 }, (_, t) => (t % 2 ? s.y[t >> 1] : s.x[t >> 1])), n: s.n, d: 2 });
    expect(Math.abs(e.meanY!)).toBeLessThan(4 / Math.sqrt(s.n));
    expect(e.varY!).toBeCloseTo(1, 1);
    expect(e.corr!).toBeCloseTo(-0.4, 1);
  });
});

describe('mean imputation keeps the mean and lowers the variance (exact, on each data set)', () => {
  for (const mechanism of ['mcar', 'mar', 'mnar'] as const) {
    it(mechanism, () => {
      for (let d = 0; d < 5; d++) {
        const s = drawSample(11, d, 120, 0.5, mechanism, 0.35);
        const all = features(s);
        const obs = Array.from(s.y).filter((_, i) => !s.missY[i]);
        const m = obs.length, mean = obs.reduce((a, b) => a + b, 0) / m;
        const s2 = obs.reduce((a, b) => a + (b - mean) ** 2, 0) / (m - 1);
        const e = estimates(impute('mean', all, all, 5));
        expect(e.meanY).toBeCloseTo(mean, 12);
        expect(e.varY).toBeCloseTo((s2 * (m - 1)) / (s.n - 1), 12);
        expect(e.varY!).toBeLessThan(s2);
      }
    });
  }
});

describe('bias over seeds', () => {
  it('MNAR: the observed mean of y is biased low, as the closed form says, on every seed', () => {
    const want = observedMeanMnar(0.3);
    expect(want).toBeLessThan(-0.2);
    for (const seed of [1, 2, 3, 4]) {
      const r = runStudy({ ...base(), mechanism: 'mnar', draws: 40, seed });
      const m = row(r, 'mean').meanY; // mean imputation's mean is exactly the observed mean
      expect(m.mean!).toBeLessThan(0);
      expect(Math.abs(m.mean! - want)).toBeLessThan((4 * m.sd!) / Math.sqrt(m.count));
    }
  });
  it('MCAR: the observed mean stays unbiased (within 4 standard errors), on every seed', () => {
    for (const seed of [1, 2, 3, 4]) {
      const r = runStudy({ ...base(), mechanism: 'mcar', draws: 40, seed });
      for (const key of ['mean', 'drop'] as const) {
        const m = row(r, key).meanY;
        expect(Math.abs(m.mean!)).toBeLessThan((4 * m.sd!) / Math.sqrt(m.count));
      }
    }
  });
  it('MAR: the observed mean is biased, regression on z removes the bias', () => {
    const r = runStudy({ ...base(), mechanism: 'mar', draws: 60 });
    const obs = row(r, 'mean').meanY, reg = row(r, 'regression').meanY;
    expect(obs.mean!).toBeLessThan((-6 * obs.sd!) / Math.sqrt(obs.count));
    expect(Math.abs(reg.mean!)).toBeLessThan((4 * reg.sd!) / Math.sqrt(reg.count));
  });
});

describe('the downstream model and the leak', () => {
  const r = runStudy({ ...base(), draws: 30 });
  it('complete data and dropped rows leak nothing: exactly 0', () => {
    for (const key of ['complete', 'drop']) expect(row(r, key).leak).toMatchObject({ mean: 0, sd: 0 });
  });
  it('imputers that read other columns leak through the target: the leaky error is lower', () => {
    for (const key of ['regression', 'knn', 'iterative']) {
      const l = row(r, key).leak;
      expect(l.mean!).toBeGreaterThan((4 * l.sd!) / Math.sqrt(l.count));
    }
  });
  it('the mean imputer sees no target: its leak is negligible next to the others', () => {
    expect(Math.abs(row(r, 'mean').leak.mean!)).toBeLessThan(0.05 * row(r, 'knn').leak.mean!);
  });
  it('the indicator columns change only the downstream error, never the estimates', () => {
    const s = drawSample(4, 0, 100, 0.6, 'mnar', 0.3);
    const a = analyseDraw(s, 5, false), b = analyseDraw(s, 5, true);
    expect(b.est).toEqual(a.est);
    expect(b.after.mean).not.toBe(a.after.mean);
  });
  it('complete data has no gaps to flag: its error is the same with the indicator option on', () => {
    // MNAR: the flags say "probably high", so a design that (wrongly) carried them would fit better.
    const s = drawSample(4, 0, 100, 0.6, 'mnar', 0.3);
    const a = analyseDraw(s, 5, false), b = analyseDraw(s, 5, true);
    expect(b.after.complete).toBe(a.after.complete);
    expect(b.before.complete).toBe(a.before.complete);
  });
  it('complete data is least squares of t on the true (x, y, z) alone: first 70 % of the rows to train, the rest to score', () => {
    const n = 100, s = drawSample(4, 0, n, 0.6, 'mnar', 0.3), nTrain = n - Math.round(TEST_SHARE * n);
    const truth = (from: number, to: number) => ({ data: Float64Array.from({ length: (to - from) * 3 }, (_, q) => [s.x, s.y, s.z][q % 3][from + Math.floor(q / 3)]), n: to - from, d: 3 });
    const pred = lstsqPredict(fitLstsq(truth(0, nTrain), s.t.subarray(0, nTrain)), truth(nTrain, n));
    let mse = 0;
    for (let i = nTrain; i < n; i++) mse += (s.t[i] - pred[i - nTrain]) ** 2 / (n - nTrain);
    for (const indicator of [false, true]) {
      const r = analyseDraw(s, 5, indicator);
      expect(r.after.complete).toBeCloseTo(mse, 12);
      expect(r.before.complete).toBe(r.after.complete);
    }
  });
});

describe('fitting once for both sets', () => {
  it('imputeSplit fills the training and the test rows exactly as separate fit-and-apply calls do', () => {
    const s = drawSample(8, 1, 90, 0.5, 'mar', 0.4);
    const train = features(s, 0, 60), test = features(s, 60, 90);
    for (const m of ['mean', 'median', 'regression', 'knn', 'iterative'] as const) {
      const [a, b] = imputeSplit(m, train, test, 4);
      expect(a.data).toEqual(impute(m, train, train, 4).data);
      expect(b.data).toEqual(impute(m, train, test, 4).data);
      expect(b.data.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('determinism and degenerate settings', () => {
  it('the same input gives the same result', () => {
    const a = runStudy({ ...base(), draws: 5 }), b = runStudy({ ...base(), draws: 5 });
    expect(b.rows).toEqual(a.rows);
  });
  it('the smallest, emptiest setting gives numbers or explicit gaps, never NaN', () => {
    const r = runStudy({ ...base(), n: 40, rate: 0.6, mechanism: 'mnar', draws: 20, k: 15, indicator: true });
    for (const rw of r.rows) for (const q of Object.values(rw)) if (typeof q === 'object') for (const v of [q.mean, q.sd]) expect(v === null || Number.isFinite(v)).toBe(true);
    for (const v of Object.values(r.first.filled)) for (const a of [v.x, v.y]) expect(a.every(Number.isFinite)).toBe(true);
  });
});
