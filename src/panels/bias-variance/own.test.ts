/** Bias-variance on own CSV data: the decoded points reach the model; identities and hand truths. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/data/csv';
import { ownDataParam, resolveOwnData } from '../../lib/data/ownData';
import { defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { holdout, OWN_KEY, OWN_REQUEST, ownBiasVariance, ownProblem } from './own';
import { schema, type BiasVarianceParams } from './params';

const P = { ...defaults(schema), data: 'csv', sets: 40, seed: 3 } as BiasVarianceParams;

function load(text: string): Float64Array[] {
  const r = parseCsv(text, OWN_REQUEST);
  if (!r.ok) throw new Error(r.message);
  const d = resolveOwnData(OWN_KEY, ownDataParam(OWN_KEY, r.data.columns), 2);
  if (!d.data) throw new Error(d.message ?? 'no data');
  return d.data.columns;
}

describe('bias-variance on own data', () => {
  it('points on a line: degree ≥ 1 fits it exactly on every resample (no variance, no error)', async () => {
    const cols = load('x,y\n' + Array.from({ length: 24 }, (_, i) => `${10 + i},${3 * (10 + i) - 7}`).join('\n'));
    const r = await ownBiasVariance({ ...P, degree: 1 }, cols);
    expect(r.own!.test.x.length).toBe(6);
    expect(r.n).toBe(18);
    for (const d of [1, 2, 3]) {
      const s = r.byDegree[d];
      expect(s.variance).toBeLessThan(1e-18);
      expect(s.testMse).toBeLessThan(1e-18);
      expect(s.trainMse).toBeLessThan(1e-18);
      expect(Number.isNaN(s.bias2) && Number.isNaN(s.noise) && Number.isNaN(s.expected)).toBe(true);
    }
    // The fit is drawn in the file's units: 3x − 7 on [10, 33].
    expect(r.grid[0]).toBe(10);
    expect(r.trainFit[0]).toBeCloseTo(23, 9);
    expect(r.trainFit.at(-1)).toBeCloseTo(92, 9);
  });
  it('test error = variance + (bias² + noise) exactly; degree 0 = bootstrap means (brute force)', async () => {
    const text = 'x,y\n' + Array.from({ length: 40 }, (_, i) => `${(i * 0.37) % 5},${Math.sin(i * 1.3) + 0.1 * i}`).join('\n');
    const cols = load(text);
    const r = await ownBiasVariance({ ...P, degree: 0 }, cols);
    for (const s of r.byDegree) expect(Math.abs(s.testMse - (s.variance + s.biasNoise!))).toBeLessThanOrEqual(1e-12 * s.testMse);
    // Degree 0: each resample's fit is the mean of its y.
    const { test, train } = holdout(40, P.seed);
    const rb = stream(P.seed, 'bootstrap');
    const means: number[] = [];
    for (let b = 0; b < P.sets; b++) {
      let sum = 0;
      for (let i = 0; i < train.length; i++) sum += cols[1][train[rb.int(train.length)]];
      means.push(sum / train.length);
    }
    const avg = means.reduce((a, b) => a + b, 0) / means.length;
    const variance = means.reduce((a, m) => a + (m - avg) ** 2, 0) / means.length;
    expect(r.byDegree[0].variance).toBeCloseTo(variance, 12);
    const ty = test.map((i) => cols[1][i]);
    const test0 = means.reduce((a, m) => a + ty.reduce((q, y) => q + (m - y) ** 2, 0), 0) / (means.length * ty.length);
    expect(r.byDegree[0].testMse).toBeCloseTo(test0, 12);
    expect(r.meanFit[50]).toBeCloseTo(avg, 12);
  });
  it('too few rows, or one x only, are refused with a message', () => {
    expect(ownProblem(load('x,y\n1,2\n2,3\n3,4\n'))).toMatch(/at least 8/);
    expect(ownProblem(load('x,y\n' + Array.from({ length: 9 }, (_, i) => `1,${i}`).join('\n')))).toMatch(/same/);
    expect(parseCsv('x,y\n' + '1,2\n'.repeat(201), OWN_REQUEST)).toEqual({ ok: false, message: 'More than 200 data rows: this panel takes at most 200.' });
  });
});
