/**
 * The drift monitor, the A/B rollout and the embedded case: must-hold truths (no drift → low PSI
 * and steady accuracy; drift → PSI up, accuracy down, the alert at the right window; the A/B
 * counts add up and the test matches the closed form; the measured latency's line fit and the
 * serving patch stay in the controls' ranges; the example model is valid), and determinism.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { validateModel } from '../../lib/models/format';
import { abFor, driftFor, serveFor } from './model';
import { RAMP_WINDOWS, shiftAt } from './drift';
import { fitLine, measureLatency, type LatencyResult } from './latency';
import { exampleModel, servePatch } from './embedded';
import { twoProportionZ } from './stats';
import { DRIFT_WINDOWS, schema } from './params';

const d = defaults(schema);

describe('drift monitor', () => {
  it('without drift PSI stays low, no alert fires, accuracy stays near its reference', () => {
    const r = driftFor({ ...d, shift: 0 });
    expect(r.alertAt).toBeNull();
    for (let i = 0; i < DRIFT_WINDOWS; i++) {
      expect(r.psi[i]).toBeLessThan(0.1);
      expect(Math.abs(r.accuracy[i] - r.baseAccuracy)).toBeLessThan(0.06);
    }
    expect(r.baseAccuracy).toBeGreaterThan(0.75);
  });
  it('a sudden shift alerts at its first window and costs accuracy', () => {
    const r = driftFor({ ...d, drift: 'sudden', shift: 2, start: 12 });
    expect(r.alertAt).toBe(12);
    expect(r.falseAlarms).toBe(0);
    const before = r.accuracy.slice(0, 11).reduce((a, b) => a + b, 0) / 11;
    const after = r.accuracy.slice(12).reduce((a, b) => a + b, 0) / (DRIFT_WINDOWS - 12);
    expect(after).toBeLessThan(before - 0.05);
    expect(r.ks[12]).toBeGreaterThan(r.ksCritical);
  });
  it('a gradual shift ramps over the set windows and alerts later than a sudden one', () => {
    expect(shiftAt(14, 'gradual', 2, 15)).toBe(0);
    expect(shiftAt(15, 'gradual', 2, 15)).toBeCloseTo(2 / RAMP_WINDOWS, 12);
    expect(shiftAt(15 + RAMP_WINDOWS, 'gradual', 2, 15)).toBe(2);
    const g = driftFor({ ...d, drift: 'gradual', shift: 2, start: 12 });
    expect(g.alertAt).toBeGreaterThan(12);
  });
  it('PSI grows with the shift', () => {
    const small = driftFor({ ...d, drift: 'sudden', shift: 0.5, start: 1 }), big = driftFor({ ...d, drift: 'sudden', shift: 1.5, start: 1 });
    expect(big.psi[5]).toBeGreaterThan(2 * small.psi[5]);
  });
  it('is deterministic', () => expect(driftFor(d).psi).toEqual(driftFor(d).psi));
});

describe('A/B rollout', () => {
  it('counts add up; the final test is the closed form on the final counts', () => {
    const r = abFor(d);
    const f = r.final;
    expect(f.nA + f.nB).toBe(d.visitors);
    expect(f.test.z).toBeCloseTo(twoProportionZ(f.cA, f.nA, f.cB, f.nB).z, 12);
    expect(r.looks).toHaveLength(50);
    expect(f.nB / d.visitors).toBeGreaterThan(0.45);
    expect(f.nB / d.visitors).toBeLessThan(0.55);
  });
  it('the observed rates are near the true ones with many visitors', () => {
    const r = abFor({ ...d, visitors: 1e6 });
    expect(Math.abs(r.final.test.pA - d.pA)).toBeLessThan(0.003);
    expect(Math.abs(r.final.test.pB - d.pB)).toBeLessThan(0.003);
    expect(r.final.test.p).toBeLessThan(1e-6);
  });
  it('no effect: infinite sample size and a readable result', () => {
    const r = abFor({ ...d, pB: d.pA });
    expect(r.nA).toBe(Infinity);
    expect(Number.isFinite(r.final.test.z)).toBe(true);
  });
});

describe('the embedded case', () => {
  it('the example network is a valid model', () => {
    const v = validateModel(JSON.parse(JSON.stringify(exampleModel(3))));
    expect(v.ok).toBe(true);
  });
  it('the line fit recovers an exact line', () => {
    const f = fitLine([1, 4, 16, 64], [1, 4, 16, 64].map((b) => 0.02 + 0.003 * b));
    expect(f.intercept).toBeCloseTo(0.02, 12);
    expect(f.slope).toBeCloseTo(0.003, 12);
  });
  it('measures with a fake clock: a sample of k passes reads 1 ms, so a pass reads 1/k', () => {
    let t = 0;
    // Every reading of the clock is 1 ms after the last; calibration counts 16 passes a reading.
    const lat = measureLatency(exampleModel(1), 5, 1, () => (t += 1));
    expect(lat.batches).toEqual([1, 4, 16, 64]);
    expect(lat.passes).toEqual([15, 15, 15, 15]); // ⌈144 passes · 1 ms / 10 ms⌉
    for (let i = 0; i < 4; i++) expect(lat.median[i]).toBeCloseTo(1 / 15, 12);
    expect(lat.fixed).toBeCloseTo(1 / 15, 12);
    expect(lat.perItem).toBeCloseTo(0, 12);
    expect(lat.sigma).toBe(0);
  });
  it('serving the measured latency stays within the controls and loads the replicas to 60 %', () => {
    const lat: LatencyResult = { batches: [1, 4, 16, 64], median: [0.002, 0.005, 0.017, 0.065], p90: [0.003, 0.006, 0.02, 0.07], samples: 25, passes: [1, 1, 1, 1], fixed: -0.0005, perItem: 0.001, sigma: 3 };
    const patch = servePatch(lat, d);
    expect(patch.part).toBe('serve');
    expect(patch.fixed).toBe(schema.fixed.min);
    expect(patch.perItem).toBe(0.001);
    expect(patch.spread).toBe(schema.spread.max);
    const r = serveFor({ ...d, ...patch, requests: 5000 });
    expect(r.input.rate / (1000 * d.maxBatch * d.replicas / ((patch.fixed! + patch.perItem! * d.maxBatch) * Math.exp(patch.spread! ** 2 / 2)))).toBeCloseTo(0.6, 9);
  });
});
