/**
 * The bias-variance model against its "must hold" truths (PANELS.md §1): the decomposition
 * matches the Monte Carlo test error, degree 1 is simple linear regression, degrees at or past
 * the number of points still give a (minimum-norm) fit, the batched tfjs solve agrees with the
 * float64 one, no tensor leaks, and the same link gives the same numbers.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '../../lib/tf/tf';
import { useCpuBackend } from '../../lib/tf/testing';
import { coerce, defaults } from '../../lib/params/schema';
import { schema, MAX_DEGREE, type BiasVarianceParams } from './params';
import {
  computeBiasVariance,
  drawTrainingSets,
  evalPolynomial,
  designMatrix,
  lstsq,
  readout,
  solveSets,
  TEST_POINTS,
  type BiasVarianceResult,
  type XDesign,
} from './model';

const K = MAX_DEGREE + 1;
const base = (over: Partial<BiasVarianceParams> = {}): BiasVarianceParams => ({ ...defaults(schema), ...over });

/** Every number anywhere in a result, for the "never NaN" checks. */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => numbers(x, out));
  return out;
}

/** Curve of set r at degree d from a solveSets coefficient array. */
function curve(coefs: Float64Array, r: number, d: number, xs: ArrayLike<number>): number[] {
  return evalPolynomial(coefs.subarray((r * K + d) * K, (r * K + d) * K + d + 1), xs, 'legendre');
}

beforeAll(async () => {
  await useCpuBackend();
});

describe('params schema', () => {
  it('defaults are valid values of their own specs', () => {
    const d = defaults(schema);
    for (const [k, spec] of Object.entries(schema)) expect(coerce(spec, d[k as keyof typeof d]).value).toEqual(d[k as keyof typeof d]);
    expect(d).toMatchObject({ fn: 'sine', noise: 0.3, n: 20, degree: 3, sets: 100, useRidge: false, lambda: 1e-3, seed: 1 });
  });
});

describe('computeBiasVariance', () => {
  it('bias² + variance + σ² matches the Monte Carlo test error within 4 standard errors, at every degree', async () => {
    // Same fits, fresh test noise ε: MC − (bias² + var + σ²) = σ²(mean ε² − 1) − 2σ·mean(e·ε) with
    // e = fit − f. Given the fits its standard error is √((2σ⁴ + 4σ²·mean e²)/(R·T)), mean e² =
    // bias² + var exactly (variance divides by R). 4 SE: a false alarm has odds ~1e-4 per check.
    const states: [BiasVarianceParams, XDesign][] = [
      [base(), 'uniform'],
      [base({ sets: 300, n: 40, noise: 0.5, fn: 'cubic' }), 'uniform'],
      [base({ n: 8, useRidge: true, lambda: 0.01 }), 'uniform'],
      [base({ fn: 'step' }), 'stratified'],
      [base({ n: 12 }), 'fixed'],
    ];
    for (const [p, design] of states) {
      const res = await computeBiasVariance(p, { design });
      const s2 = p.noise ** 2;
      for (const s of res.byDegree) {
        const se = Math.sqrt((2 * s2 * s2 + 4 * s2 * (s.bias2 + s.variance)) / (p.sets * TEST_POINTS));
        expect(Math.abs(s.testMse - s.expected), `degree ${s.degree}`).toBeLessThan(4 * se);
        expect(s.expected).toBeCloseTo(s.bias2 + s.variance + s2, 12);
      }
    }
  });

  it('the decomposition predicts the test error of independently drawn training sets (other seed)', async () => {
    // Not the same fits this time: only the sampling of training sets separates the two numbers.
    // At low degree the variance is a small share of the total, so 5% is several SE wide.
    const a = await computeBiasVariance(base({ sets: 300, n: 40, seed: 11 }));
    const b = await computeBiasVariance(base({ sets: 300, n: 40, seed: 12 }));
    for (const d of [0, 1, 3, 5]) expect(Math.abs(b.byDegree[d].testMse / a.byDegree[d].expected - 1), `degree ${d}`).toBeLessThan(0.05);
  });

  it('degree 1 is closed-form simple linear regression on the displayed training set', async () => {
    const res = await computeBiasVariance(base({ degree: 1, n: 25 }));
    const { x, y } = res.train;
    const n = x.length;
    const mx = x.reduce((a, b) => a + b) / n;
    const my = y.reduce((a, b) => a + b) / n;
    let sxy = 0, sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
    }
    const slope = sxy / sxx;
    res.grid.forEach((g, i) => expect(res.trainFit[i]).toBeCloseTo(my + slope * (g - mx), 10));
  });

  it('degree ≥ n: a finite minimum-norm fit that interpolates every training set, and the panel says so', async () => {
    const p = base({ n: 8, degree: 12 });
    const res = await computeBiasVariance(p);
    expect(res.status).toBe('underdetermined');
    expect(res.message).toMatch(/minimum-norm/);
    expect(numbers(res).every(Number.isFinite)).toBe(true);
    // Interpolation: the curve passes through the training points; its training error is ~0.
    const sets = drawTrainingSets(p);
    const coefs = await solveSets(sets, K, 0, 'float64');
    for (let r = 0; r < p.sets; r++) {
      const at = curve(coefs, r, 12, sets.x[r]);
      at.forEach((v, i) => expect(v).toBeCloseTo(sets.y[r][i], 6));
    }
    expect(res.current.trainMse).toBeLessThan(1e-12);
    // Minimum norm: β lies in the row space of X (β = Xᵀw), which characterises the min-norm solution.
    const X = designMatrix(sets.x[0], 13, 'legendre');
    const beta = coefs.subarray(12 * K, 12 * K + 13);
    const Xt = new Float64Array(13 * 8);
    for (let i = 0; i < 8; i++) for (let k = 0; k < 13; k++) Xt[k * 8 + i] = X[i * 13 + k];
    const w = lstsq(Xt, 13, 8, beta).x;
    for (let k = 0; k < 13; k++) {
      let s = 0;
      for (let i = 0; i < 8; i++) s += Xt[k * 8 + i] * w[i];
      expect(s).toBeCloseTo(beta[k], 6);
    }
    expect((await computeBiasVariance({ ...p, degree: 7 })).status).toBe('interpolating');
    expect((await computeBiasVariance({ ...p, useRidge: true })).status).toBe('ridge-underdetermined');
    expect((await computeBiasVariance({ ...p, degree: 3 })).status).toBe('ok');
  });

  it('never returns NaN or Infinity, over degenerate corners', async () => {
    const corners: Partial<BiasVarianceParams>[] = [
      { n: 5, degree: 20 }, { n: 5, degree: 4 }, { n: 20, degree: 19 }, { n: 21, degree: 20 },
      { noise: 0, fn: 'step', degree: 20 }, { noise: 1, n: 200, sets: 10 },
      { useRidge: true, lambda: 1e-6, n: 5, degree: 20 }, { useRidge: true, lambda: 10, degree: 0 },
    ];
    for (const c of corners) {
      const res = await computeBiasVariance(base(c));
      expect(numbers(res).every(Number.isFinite), JSON.stringify(c)).toBe(true);
    }
  });

  it('training error never rises with degree (nested least-squares models)', async () => {
    const res = await computeBiasVariance(base({ n: 30 }));
    for (let d = 1; d <= MAX_DEGREE; d++) expect(res.byDegree[d].trainMse).toBeLessThanOrEqual(res.byDegree[d - 1].trainMse * (1 + 1e-9));
  });

  it('the qualitative shape on the sine: bias² falls and variance rises with degree; test error is U-shaped', async () => {
    for (const n of [20, 40]) {
      const s = (await computeBiasVariance(base({ n, sets: 200, noise: 0.3 }))).byDegree;
      expect(s[0].bias2).toBeGreaterThan(s[1].bias2);
      expect(s[1].bias2).toBeGreaterThan(10 * s[5].bias2); // the sine needs ~5 degrees
      // Not variance[0] < variance[1]: with random x the misfit of a too-simple model acts as
      // extra noise, so the mean alone has variance (Var f(x) + σ²)/n, larger than a cubic's.
      expect(s[7].variance).toBeGreaterThan(5 * s[1].variance);
      expect(s[12].variance).toBeGreaterThan(100 * s[3].variance);
      const best = s.reduce((a, b) => (b.testMse < a.testMse ? b : a)).degree;
      expect(best).toBeGreaterThanOrEqual(3);
      expect(best).toBeLessThanOrEqual(8);
      expect(s[12].testMse).toBeGreaterThan(s[best].testMse);
    }
  });

  it('same params give identical results; the current degree changes no data and no statistic', async () => {
    const a = await computeBiasVariance(base());
    const b = await computeBiasVariance(base());
    expect(b).toEqual(a);
    const c = await computeBiasVariance(base({ degree: 9 }));
    expect(c.train).toEqual(a.train);
    expect(c.byDegree).toEqual(a.byDegree);
    expect(c.current).toEqual(a.byDegree[9]);
    // More resampled sets keep the earlier ones; another σ or function keeps the x.
    const more = await computeBiasVariance(base({ sets: 150 }));
    expect(more.fits).toEqual(a.fits);
    const noisier = await computeBiasVariance(base({ noise: 0.6, fn: 'step' }));
    expect(noisier.train.x).toEqual(a.train.x);
    expect(readout(a).map((r) => r.value)).toEqual([a.current.bias2, a.current.variance, a.current.noise, a.current.expected, a.current.testMse, a.current.trainMse]);
  });

  it('x designs: fixed reuses the first x in every set, stratified puts one x in each of n cells', () => {
    const p = base({ n: 10, sets: 12 });
    const fixed = drawTrainingSets(p, 'fixed');
    for (const x of fixed.x) expect(Array.from(x)).toEqual(Array.from(fixed.x[0]));
    expect(Array.from(fixed.y[1])).not.toEqual(Array.from(fixed.y[0]));
    const strat = drawTrainingSets(p, 'stratified');
    for (const x of strat.x) x.forEach((v, i) => expect(Math.floor(((v + 1) / 2) * 10)).toBe(i));
    expect(Array.from(strat.x[1])).not.toEqual(Array.from(strat.x[0]));
  });

  it('with stratified x the high-degree variance settles: it hardly moves with the seed or the number of sets', async () => {
    // The reason the option exists: with uniform x the same numbers differ by factors (see model.ts).
    const v = await Promise.all(
      [base({ degree: 12 }), base({ degree: 12, seed: 2 }), base({ degree: 12, sets: 300 })].map(
        async (p) => (await computeBiasVariance(p, { design: 'stratified' })).current.variance,
      ),
    );
    expect(Math.max(...v) / Math.min(...v)).toBeLessThan(1.5);
  });

  it('returns the shapes the view draws', async () => {
    const res: BiasVarianceResult = await computeBiasVariance(base({ sets: 120 }));
    expect(res.grid.length).toBe(101);
    expect(res.truth.length).toBe(101);
    expect(res.fits.length).toBe(50);
    expect(res.fits.every((f) => f.length === 101)).toBe(true);
    expect(res.trainFit).toEqual(res.fits[0]);
    expect(res.byDegree.map((s) => s.degree)).toEqual(Array.from({ length: K }, (_, d) => d));
    expect(res.train.x.length).toBe(20);
  });
});

describe('batched tfjs engine', () => {
  /** Max |a − b| over sets and grid, relative to max(1, max |b|) per degree. */
  async function disagreement(p: BiasVarianceParams, lambda: number, degrees: number[]) {
    const sets = drawTrainingSets(p);
    const before = tf.memory().numTensors;
    const t32 = await solveSets(sets, K, lambda, 'tfjs');
    expect(tf.memory().numTensors).toBe(before);
    const t64 = await solveSets(sets, K, lambda, 'float64');
    const grid = Array.from({ length: 41 }, (_, i) => -1 + i / 20);
    let worst = 0;
    for (const d of degrees) {
      let err = 0, scale = 1;
      for (let r = 0; r < p.sets; r++) {
        const a = curve(t32, r, d, grid), b = curve(t64, r, d, grid);
        b.forEach((v, i) => {
          err = Math.max(err, Math.abs(a[i] - v));
          scale = Math.max(scale, Math.abs(v));
        });
      }
      worst = Math.max(worst, err / scale);
    }
    return worst;
  }
  const upTo = (d: number) => Array.from({ length: d + 1 }, (_, i) => i);

  it('float32 batched fits equal the float64 solver while the design is well conditioned', async () => {
    // float32 eps is 6e-8 and the error grows with the condition number of the random design,
    // which grows as degree + 1 approaches n (worst of 100 sets: ~1e3 at n = 20, degree 11).
    // Measured worst relative errors: n = 20: 3e-4 up to degree 11, 4e-3 at 12, 1 from 15 on;
    // n = 40: 6e-5 up to 14, 5e-2 at 20; n = 200: 7e-7 at every degree; ridge λ = 1e-3: 1e-5.
    expect(await disagreement(base({ n: 20 }), 0, upTo(11))).toBeLessThan(1e-3);
    expect(await disagreement(base({ n: 40 }), 0, upTo(14))).toBeLessThan(1e-3);
    expect(await disagreement(base({ n: 200, sets: 50 }), 0, upTo(20))).toBeLessThan(1e-5);
    // Ridge keeps every degree well posed; minimum norm at n = 5 is well conditioned too.
    expect(await disagreement(base({ n: 20 }), 1e-3, upTo(20))).toBeLessThan(1e-4);
    expect(await disagreement(base({ n: 5 }), 0, upTo(20))).toBeLessThan(1e-3);
  });

  it('computeBiasVariance with the tfjs engine: no tensor leak, finite near interpolation, same statistics where conditioned', async () => {
    const before = tf.memory().numTensors;
    const p = base({ n: 20, sets: 50 });
    const a = await computeBiasVariance(p, { engine: 'tfjs' });
    const near = await computeBiasVariance({ ...p, degree: 19 }, { engine: 'tfjs' });
    expect(tf.memory().numTensors).toBe(before);
    expect(numbers(near).every(Number.isFinite)).toBe(true);
    const b = await computeBiasVariance(p);
    const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
    for (let d = 0; d <= 10; d++) {
      expect(rel(a.byDegree[d].bias2 + a.byDegree[d].variance, b.byDegree[d].bias2 + b.byDegree[d].variance)).toBeLessThan(1e-3);
      expect(rel(a.byDegree[d].trainMse, b.byDegree[d].trainMse)).toBeLessThan(1e-3);
    }
  });
});

describe('degree-independent cache', () => {
  it('a degree change served from the cache equals a fresh computation', async () => {
    const p = base({ fn: 'cubic', n: 25, sets: 40, seed: 11 });
    await computeBiasVariance({ ...p, degree: 2 });
    const cached = await computeBiasVariance({ ...p, degree: 6 }); // same core key: cache hit
    await computeBiasVariance({ ...p, seed: 12 }); // evicts the cache
    const fresh = await computeBiasVariance({ ...p, degree: 6 });
    expect(cached).toEqual(fresh);
  });
});
