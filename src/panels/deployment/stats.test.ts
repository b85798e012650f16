/**
 * The panel's statistics against SciPy and statsmodels: the `queueing_and_drift` case's KS
 * statistic, exact p-value and PSI over the reference's deciles; the `ab_test_and_ranks` case's
 * pooled z-tests, Cohen's h and sample size per arm. Then the normal distribution against
 * values worked by hand and edge cases; quantiles by selection against a full sort.
 */
import { describe, expect, it } from 'vitest';
import { referenceCases } from '../../lib/learn/reference.testutil';
import { binShares, cohensH, decileEdges, ksPValueEqual, ksStatistic, normCdf, normInv, psi, psiFromShares, quantileSorted, quantilesUnsorted, sampleSizePerArm, twoProportionZ, zTestPower } from './stats';

interface Cases {
  queueing_and_drift: { drift: { reference: number[]; current: number[]; ks_statistic: number; ks_pvalue: number; psi_10_deciles: number } };
  ab_test_and_ranks: {
    two_proportion_z_tests: { conversions_a: number; n_a: number; conversions_b: number; n_b: number; z: number; p_value: number }[];
    cohens_h_12_vs_10: number;
    n_per_arm_12_vs_10: number;
  };
}
const all = referenceCases<Cases>();
const drift = all.queueing_and_drift.drift;
const ab = all.ab_test_and_ranks;
const asc = (a: number[]) => Float64Array.from(a).sort();
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('drift statistics reproduce the reference case (SciPy ks_2samp, PSI over deciles)', () => {
  it('KS statistic', () => expect(ksStatistic(asc(drift.reference), asc(drift.current))).toBeCloseTo(drift.ks_statistic, 12));
  it('KS statistic is symmetric', () => expect(ksStatistic(asc(drift.current), asc(drift.reference))).toBeCloseTo(drift.ks_statistic, 12));
  it('exact KS p-value (equal sample sizes)', () => {
    expect(drift.reference.length).toBe(drift.current.length);
    expect(rel(ksPValueEqual(drift.ks_statistic, drift.reference.length), drift.ks_pvalue)).toBeLessThan(1e-9);
  });
  // The case's PSI was computed from the unrounded draws, whose own deciles hold exactly 10 % each;
  // the file stores them to 4 decimals, and one tie at a decile edge then moves one point across.
  it('PSI: exactly, with the reference’s shares 10 % each as in the unrounded draws', () => {
    const q = binShares(drift.current, decileEdges(asc(drift.reference)));
    expect(rel(psiFromShares(new Float64Array(10).fill(0.1), q), drift.psi_10_deciles)).toBeLessThan(1e-12);
  });
  it('PSI from the rounded samples themselves: within 3 %', () => expect(rel(psi(asc(drift.reference), drift.current), drift.psi_10_deciles)).toBeLessThan(0.03));
  it('the reference falls in its own decile bins 10 % each, give or take one point (ties)', () => {
    const ref = asc(drift.reference);
    const shares = binShares(ref, decileEdges(ref));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const s of shares) expect(Math.abs(s - 0.1)).toBeLessThanOrEqual(1 / ref.length + 1e-12);
  });
  it('KS of a sample against itself is 0, and against a disjoint one 1', () => {
    const a = asc(drift.reference);
    expect(ksStatistic(a, a)).toBe(0);
    expect(ksStatistic(a, a.map((v) => v + 100))).toBe(1);
  });
  it('quantiles interpolate as NumPy: [1, 2, 3, 4] at 0.5 is 2.5, at 0.1 is 1.3', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
  });
});

describe('A/B statistics reproduce the reference case (statsmodels)', () => {
  it.each(ab.two_proportion_z_tests.map((t) => [`${t.conversions_a}/${t.n_a} vs ${t.conversions_b}/${t.n_b}`, t] as const))('pooled z-test %s', (_, t) => {
    const r = twoProportionZ(t.conversions_a, t.n_a, t.conversions_b, t.n_b);
    expect(rel(r.z, t.z)).toBeLessThan(1e-10);
    expect(rel(r.p, t.p_value)).toBeLessThan(1e-9);
  });
  it("Cohen's h, 12 % against 10 %", () => expect(rel(cohensH(0.12, 0.1), ab.cohens_h_12_vs_10)).toBeLessThan(1e-12));
  it('sample size per arm for α 0.05, power 0.8', () => {
    const n = sampleSizePerArm(ab.cohens_h_12_vs_10, 0.05, 0.8);
    expect(rel(n, ab.n_per_arm_12_vs_10)).toBeLessThan(1e-7);
    expect(zTestPower(ab.cohens_h_12_vs_10, n, 0.05)).toBeCloseTo(0.8, 9);
  });
  it('an uneven split needs more visitors in all than an even one', () => {
    const h = cohensH(0.12, 0.1);
    const even = 2 * sampleSizePerArm(h, 0.05, 0.8, 1);
    const nA = sampleSizePerArm(h, 0.05, 0.8, 0.25 / 0.75);
    expect(nA * (1 + 0.25 / 0.75)).toBeGreaterThan(even);
  });
  it('no effect: no sample size; no conversions: z = 0, p = 1', () => {
    expect(sampleSizePerArm(0, 0.05, 0.8)).toBe(Infinity);
    const r = twoProportionZ(0, 100, 0, 100);
    expect(r.z).toBe(0);
    expect(r.p).toBe(1);
  });
});

describe('the normal distribution', () => {
  it('matches known values', () => {
    expect(normCdf(0)).toBe(0.5);
    expect(normCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(rel(normCdf(-5), 2.866515718791939e-7)).toBeLessThan(1e-12);
    expect(rel(normCdf(-10), 7.61985302416047e-24)).toBeLessThan(1e-10);
  });
  it('normInv inverts it', () => {
    for (const p of [1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999]) expect(normCdf(normInv(p)) / p).toBeCloseTo(1, 10);
    expect(normInv(0.975)).toBeCloseTo(1.959963984540054, 12);
  });
});

describe('quantiles without a sort', () => {
  it('equal the sorted array’s quantiles exactly (ties, tiny and odd sizes), reordering only', () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const qs = [0.5, 0.95, 0.99];
    for (let t = 0; t < 300; t++) {
      const n = t < 6 ? t : 1 + Math.floor(next() * (t % 7 === 0 ? 5000 : 300));
      // Every third array is full of ties (a few distinct values); sizes 0 to 5 come first.
      const a = Float64Array.from({ length: n }, () => (t % 3 === 0 ? Math.floor(next() * 4) : next() * 100));
      const sorted = a.slice().sort();
      const got = quantilesUnsorted(a, qs);
      qs.forEach((q, k) => expect(Object.is(got[k], quantileSorted(sorted, q)), `n ${n} q ${q}`).toBe(true));
      expect(Array.from(a.slice().sort())).toEqual(Array.from(sorted));
    }
    // By hand: [4, 1, 3, 2] → p50 at 1.5 = 2.5; p99 at 2.97 = 3.97.
    const [p50, p99] = quantilesUnsorted(Float64Array.from([4, 1, 3, 2]), [0.5, 0.99]);
    expect(p50).toBe(2.5);
    expect(p99).toBeCloseTo(3.97, 12);
  });
});
