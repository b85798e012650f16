/**
 * The parts of model.ts that the "must hold" truths in model.test.ts do not pin (written for the
 * mutation audit, issue 17): every statistic at degree 0 worked in closed form (the degree-0 least-
 * squares fit is the set's mean), the mean curve, the truth, the test points, the degree
 * clamp, the status words, the result's own fields, the seeded draws a link must reproduce, a cache
 * keyed on every input, and a computation that fails once and is not kept.
 */
import { describe, expect, it, vi } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { noisy1D } from '../../lib/random/datasets';
import { stream } from '../../lib/random/rng';
import { MAX_DEGREE, schema, type BiasVarianceParams } from './params';
import { computeBiasVariance, drawTrainingSets, fitStatus, linspace, MAX_CURVES, readout, testXs, TEST_POINTS, type XDesign } from './model';

// fitAllDegrees as it is, except that it throws while `failures.left` > 0 (a transient failure).
const failures = vi.hoisted(() => ({ left: 0 }));
vi.mock('./solve', async (importOriginal) => {
  const solve = await importOriginal<typeof import('./solve')>();
  return {
    ...solve,
    fitAllDegrees: (...args: Parameters<typeof solve.fitAllDegrees>) => {
      if (failures.left > 0) {
        failures.left--;
        throw new Error('transient failure');
      }
      return solve.fitAllDegrees(...args);
    },
  };
});

const base = (over: Partial<BiasVarianceParams> = {}): BiasVarianceParams => ({ ...defaults(schema), ...over });
const mean = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0) / v.length;

describe('grids', () => {
  it('linspace: ends included, even steps, one point is the start', () => {
    expect(linspace(-1, 1, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(linspace(2, 7, 1)).toEqual([2]);
    expect(linspace(0, 1, 0)).toEqual([]);
  });
  it('test x are the midpoints of TEST_POINTS equal cells of [-1, 1]', () => {
    const t = testXs();
    expect(t).toHaveLength(TEST_POINTS);
    t.forEach((x, i) => expect(x).toBeCloseTo(-1 + (i + 0.5) * (2 / TEST_POINTS), 14));
  });
});

describe('degree 0 in closed form: the least-squares constant is the set mean', () => {
  // Fit r is ȳ_r everywhere. Average fit a = mean_r ȳ_r; bias² = mean over test x of (a − f(x))²;
  // variance = mean_r (ȳ_r − a)²; training error = mean_r of the set's mean (y − ȳ_r)²; test error
  // = mean over r, t of (ȳ_r − f(x_t) − σ ε_rt), ε drawn set-major from the 'test' stream.
  const cases: [Partial<BiasVarianceParams>, XDesign][] = [
    [{ n: 7, sets: 13, noise: 0.4, seed: 3 }, 'uniform'],
    [{ fn: 'cubic', n: 11, sets: 10, noise: 0.2, seed: 5 }, 'stratified'],
    [{ fn: 'step', n: 6, sets: 12, noise: 0.7, seed: 9 }, 'fixed'],
  ];
  for (const [over, design] of cases) {
    it(`${JSON.stringify(over)}, ${design}`, async () => {
      const p = base({ ...over, degree: 0 });
      const f = over.fn === 'cubic' ? (x: number) => 2.5 * x ** 3 - 1.5 * x : over.fn === 'step' ? (x: number) => (x < 0 ? -0.6 : 0.6) : (x: number) => Math.sin(Math.PI * x);
      const sets = drawTrainingSets(p, design);
      expect(sets.x).toHaveLength(p.sets);
      const ybar = sets.y.map(mean);
      const a = mean(ybar);
      const tx = Array.from({ length: TEST_POINTS }, (_, i) => -1 + (2 * i + 1) / TEST_POINTS);
      const bias2 = mean(tx.map((x) => (a - f(x)) ** 2));
      const variance = mean(ybar.map((m) => (m - a) ** 2));
      const trainMse = mean(sets.y.map((y, r) => mean(Array.from(y, (v) => (v - ybar[r]) ** 2))));
      const rng = stream(p.seed, 'test');
      let sse = 0;
      for (let r = 0; r < p.sets; r++) for (const x of tx) sse += (ybar[r] - f(x) - p.noise * rng.normal()) ** 2;
      const testMse = sse / (p.sets * TEST_POINTS);

      const res = await computeBiasVariance(p, { design });
      const s = res.current;
      expect(s.degree).toBe(0);
      expect(s.bias2).toBeCloseTo(bias2, 10);
      expect(s.variance).toBeCloseTo(variance, 10);
      expect(s.noise).toBeCloseTo(p.noise ** 2, 14);
      expect(s.expected).toBeCloseTo(bias2 + variance + p.noise ** 2, 10);
      expect(s.trainMse).toBeCloseTo(trainMse, 10);
      expect(s.testMse).toBeCloseTo(testMse, 10);
      // The curves: every fit is flat at ȳ_r, the mean curve flat at a, the truth is f on the grid.
      expect(res.fits).toHaveLength(p.sets);
      res.fits.forEach((c, r) => c.forEach((v) => expect(v).toBeCloseTo(ybar[r], 10)));
      res.meanFit.forEach((v) => expect(v).toBeCloseTo(a, 10));
      res.truth.forEach((v, i) => expect(v).toBeCloseTo(f(res.grid[i]), 14));
      expect(res.grid[0]).toBe(-1);
      expect(res.grid[res.grid.length - 1]).toBe(1);
    });
  }
});

describe('the draws a link reproduces (named streams, model.ts header)', () => {
  const sine = (x: number) => Math.sin(Math.PI * x);
  it("uniform x: set 0 is noisy1D on the 'data' stream, the others follow on 'resample'", () => {
    const p = base({ n: 6, sets: 3, noise: 0.4, seed: 8 });
    const sets = drawTrainingSets(p, 'uniform');
    const data = stream(8, 'data'), rs = stream(8, 'resample');
    [noisy1D(data, sine, 6, 0.4), noisy1D(rs, sine, 6, 0.4), noisy1D(rs, sine, 6, 0.4)].forEach((d, r) => {
      expect(Array.from(sets.x[r])).toEqual(Array.from(d.x));
      expect(Array.from(sets.y[r])).toEqual(Array.from(d.y));
    });
  });
  it("stratified x: x_i = −1 + 2(i + u)/n, y_i = f(x_i) + σ·z, u and z drawn in turn from each set's stream", () => {
    const p = base({ n: 5, sets: 2, noise: 0.3, seed: 8 });
    const sets = drawTrainingSets(p, 'stratified');
    [stream(8, 'data'), stream(8, 'resample')].forEach((rng, r) => {
      for (let i = 0; i < 5; i++) {
        const x = -1 + (2 * (i + rng.next())) / 5;
        expect(sets.x[r][i]).toBe(x);
        expect(sets.y[r][i]).toBe(sine(x) + 0.3 * rng.normal());
      }
    });
  });
  it('σ scales the same standard-normal draws: y − f(x) doubles with σ, and σ = 0 gives y = f(x)', () => {
    for (const design of ['stratified', 'fixed'] as const) {
      const lo = drawTrainingSets(base({ n: 6, sets: 3, noise: 0.3 }), design);
      const hi = drawTrainingSets(base({ n: 6, sets: 3, noise: 0.6 }), design);
      const none = drawTrainingSets(base({ n: 6, sets: 3, noise: 0 }), design);
      for (let r = 0; r < 3; r++)
        for (let i = 0; i < 6; i++) {
          expect(hi.x[r][i]).toBe(lo.x[r][i]);
          expect(hi.y[r][i] - sine(hi.x[r][i])).toBeCloseTo(2 * (lo.y[r][i] - sine(lo.x[r][i])), 12);
          expect(none.y[r][i]).toBe(sine(none.x[r][i]));
        }
    }
  });
});

describe('the mean curve averages every set, not only the ones drawn', () => {
  it(`with more than ${MAX_CURVES} sets, the degree-0 mean curve is the mean of all set means`, async () => {
    const p = base({ n: 8, sets: 80, degree: 0, seed: 4 });
    const res = await computeBiasVariance(p);
    expect(res.fits).toHaveLength(MAX_CURVES);
    const a = mean(drawTrainingSets(p).y.map(mean));
    res.meanFit.forEach((v) => expect(v).toBeCloseTo(a, 10));
    // …and differs from the mean of the 50 curves drawn (a different average).
    expect(Math.abs(res.meanFit[0] - mean(res.fits.map((c) => c[0])))).toBeGreaterThan(1e-6);
  });
  it('at degree 1, the mean curve is the average of the drawn fits when all are drawn', async () => {
    const res = await computeBiasVariance(base({ n: 10, sets: 20, degree: 1 }));
    res.meanFit.forEach((v, g) => expect(v).toBeCloseTo(mean(res.fits.map((c) => c[g])), 12));
  });
});

describe('the result names its own settings', () => {
  it('degree is rounded and clamped to 0..MAX_DEGREE', async () => {
    for (const [asked, got] of [[-3, 0], [2.6, 3], [2.4, 2], [MAX_DEGREE + 5, MAX_DEGREE]]) {
      const res = await computeBiasVariance(base({ degree: asked, n: 10, sets: 10 }));
      expect(res.degree, `degree ${asked}`).toBe(got);
      expect(res.current).toBe(res.byDegree[got]);
    }
  });
  it('n, sets, λ (0 when ridge is off) and the engine used', async () => {
    const off = await computeBiasVariance(base({ n: 9, sets: 11, lambda: 0.5 }));
    expect(off).toMatchObject({ n: 9, sets: 11, lambda: 0, engine: 'float64' });
    const on = await computeBiasVariance(base({ n: 9, sets: 11, lambda: 0.5, useRidge: true }));
    expect(on.lambda).toBe(0.5);
  });
  it('the readout: six numbers with their labels, in display order', async () => {
    const r = await computeBiasVariance(base({ n: 10, sets: 10 }));
    expect(readout(r).map(({ key, label }) => [key, label])).toEqual([
      ['bias2', 'Bias²'],
      ['variance', 'Variance'],
      ['noise', 'Noise σ²'],
      ['expected', 'Bias² + variance + noise'],
      ['testMse', 'Test error (Monte Carlo)'],
      ['trainMse', 'Training error'],
    ]);
  });
});

describe('fitStatus: what kind of fit, in words', () => {
  it('more coefficients than points: minimum norm, or the ridge picks one', () => {
    const u = fitStatus(12, 8, false);
    expect(u.status).toBe('underdetermined');
    expect(u.message).toContain('Degree 12 has 13 coefficients but each training set has only 8 points');
    const r = fitStatus(12, 8, true);
    expect(r.status).toBe('ridge-underdetermined');
    expect(r.message).toContain('Degree 12 has 13 coefficients but each training set has only 8 points');
    expect(r.message).toContain('ridge penalty');
  });
  it('exactly as many coefficients as points interpolates, unless a ridge penalty holds it back', () => {
    const i = fitStatus(7, 8, false);
    expect(i.status).toBe('interpolating');
    expect(i.message).toContain('Degree 7 has exactly as many coefficients as there are training points (8)');
    expect(fitStatus(7, 8, true)).toEqual({ status: 'ok', message: '' });
    expect(fitStatus(6, 8, false)).toEqual({ status: 'ok', message: '' });
  });
});

describe('the degree-independent cache is keyed on every input the statistics depend on', () => {
  // Each state differs from `p` in one input; computed right after `p` (a stale cache would hand
  // back p's statistics) it must equal the same state computed after the cache moved on.
  const p = base({ n: 10, sets: 12, seed: 21 });
  const changes: [string, Partial<BiasVarianceParams>, XDesign?][] = [
    ['fn', { fn: 'cubic' }],
    ['noise', { noise: 0.6 }],
    ['n', { n: 11 }],
    ['sets', { sets: 13 }],
    ['ridge on', { useRidge: true }],
    ['seed', { seed: 22 }],
    ['design', {}, 'stratified'],
  ];
  for (const [name, over, design = 'uniform'] of changes) {
    it(name, async () => {
      const first = await computeBiasVariance(p);
      const after = await computeBiasVariance({ ...p, ...over }, { design });
      await computeBiasVariance(base({ seed: 99, n: 5, sets: 10 })); // evicts the one entry
      const fresh = await computeBiasVariance({ ...p, ...over }, { design });
      expect(after.byDegree).toEqual(fresh.byDegree);
      expect(after.byDegree).not.toEqual(first.byDegree);
    });
  }
  it('ridge λ changes the statistics when ridge is on', async () => {
    const q = base({ n: 10, sets: 12, seed: 21, useRidge: true, lambda: 0.01 });
    const first = await computeBiasVariance(q);
    const after = await computeBiasVariance({ ...q, lambda: 1 });
    expect(after.byDegree[10].variance).toBeLessThan(first.byDegree[10].variance);
  });
});

describe('a failed computation is not kept', () => {
  it('after a transient failure, the same state computes', async () => {
    const p = base({ n: 9, sets: 10, seed: 31 });
    failures.left = 1;
    await expect(computeBiasVariance(p)).rejects.toThrow('transient failure');
    expect(failures.left).toBe(0);
    const res = await computeBiasVariance(p);
    expect(res.byDegree).toHaveLength(MAX_DEGREE + 1);
  });
});


describe('the result names what it shows (added at stop 23)', () => {
  it('the status follows the ridge switch: p > n is ridge-underdetermined only with a penalty', async () => {
    const p = base({ n: 10, sets: 10, degree: 12, useRidge: false });
    expect((await computeBiasVariance(p)).status).toBe('underdetermined');
    expect((await computeBiasVariance({ ...p, useRidge: true, lambda: 0.1 })).status).toBe('ridge-underdetermined');
    expect((await computeBiasVariance({ ...p, degree: 9 })).status).toBe('interpolating');
    expect((await computeBiasVariance({ ...p, degree: 3 })).status).toBe('ok');
  });

  it('the displayed training set is the first drawn set', async () => {
    const p = base({ n: 12, sets: 10, degree: 2 });
    const r = await computeBiasVariance(p);
    const first = drawTrainingSets(p);
    expect(r.train.x).toEqual(Array.from(first.x[0]));
    expect(r.train.y).toEqual(Array.from(first.y[0]));
  });
});
