/**
 * The precision-recall model against truths outside our code: closed forms of the normal
 * population (AUC = Φ(d/√2), the Bayes threshold ln(r(1-π)/π)/d) and the analysis of scored sets.
 * The metrics themselves (scikit-learn's cases, scipy's Mann-Whitney U, a case worked by hand) are
 * tested where they live, src/lib/learn/metrics.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { coerce, defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { averagePrecision, confusion, rocAuc } from '../../lib/learn/metrics';
import { bayesThreshold, erfc, populationAuc, populationRates, upperTail } from './gaussian';
import { analyse, isoCostLine, isoFbeta, subsampleToPrevalence, syntheticSet, thin, type ScoredSet } from './model';
import { schema, type PrParams } from './params';

const base = (over: Partial<PrParams> = {}): PrParams => ({ ...defaults(schema), ...over });

/** Every number anywhere in a value, for the "never NaN" checks. */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (ArrayBuffer.isView(v)) out.push(...Array.from(v as unknown as ArrayLike<number>));
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => numbers(x, out));
  return out;
}

describe('the normal population (closed forms)', () => {
  it('erfc and the normal tail match tabulated values to 1.2e-7 relative', () => {
    expect(upperTail(1.959963984540054)).toBeCloseTo(0.025, 8);
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1) / 0.15729920705028513).toBeCloseTo(1, 6);
    expect(erfc(-2) / 1.9953222650189528).toBeCloseTo(1, 6);
    expect(upperTail(-1)).toBeCloseTo(0.8413447460685429, 7);
  });

  it('a large sample reproduces Φ(d/√2) as its ROC AUC, and the tail rates at a threshold', () => {
    for (const d of [0, 1, 2.5]) {
      const r = analyse(syntheticSet(base({ n: 20000, prevalence: 0.5, separation: d, seed: 3 })), base({ separation: d, threshold: 0.3 }));
      // SE of an AUC from 10000 × 10000 is below 0.004.
      expect(Math.abs(r.rocAuc! - populationAuc(d))).toBeLessThan(0.012);
      expect(r.population!.auc).toBeCloseTo(populationAuc(d), 12);
      const { tpr, fpr } = populationRates(0.3, d);
      expect(Math.abs(r.current.metrics.recall! - tpr)).toBeLessThan(0.02);
      expect(Math.abs(r.current.metrics.fpr! - fpr)).toBeLessThan(0.02);
    }
    expect(populationAuc(0)).toBeCloseTo(0.5, 7);
  });

  it('the empirical cost-optimal threshold of a large sample is near the Bayes threshold ln(r(1-π)/π)/d', () => {
    for (const [pi, ratio] of [[0.5, 1], [0.2, 1], [0.3, 0.25]] as const) {
      const p = base({ n: 20000, prevalence: pi, separation: 2, costRatio: ratio, seed: 4 });
      const r = analyse(syntheticSet(p), p);
      const t = Math.log((ratio * (1 - pi)) / pi) / 2;
      expect(r.population!.bayesThreshold).toBeCloseTo(t, 12);
      expect(Math.abs(r.best.threshold - t)).toBeLessThan(0.15);
      // The expected cost per example is flat near its minimum, so compare costs too: within 2%.
      const cost = (th: number) => ratio * (1 - pi) * populationRates(th, 2).fpr + pi * (1 - populationRates(th, 2).tpr);
      expect(cost(r.best.threshold)).toBeLessThan(cost(t) * 1.02);
    }
    expect(bayesThreshold(0, 0.1, 1)).toBe(Infinity);
    expect(bayesThreshold(0, 0.9, 1)).toBe(-Infinity);
  });

  it('lowering the prevalence leaves the ROC of the population alone but pulls its precision towards π', () => {
    const hi = analyse(syntheticSet(base({ prevalence: 0.5 })), base({ prevalence: 0.5 }));
    const lo = analyse(syntheticSet(base({ prevalence: 0.01 })), base({ prevalence: 0.01 }));
    expect(lo.population!.roc).toEqual(hi.population!.roc);
    const { tpr, fpr } = populationRates(0, 2);
    expect(lo.population!.pr.some(([r, p]) => Math.abs(r - tpr) < 1e-12 && Math.abs(p - (0.01 * tpr) / (0.01 * tpr + 0.99 * fpr)) < 1e-12)).toBe(true);
    expect(lo.current.metrics.precision!).toBeLessThan(0.2);
    expect(hi.current.metrics.precision!).toBeGreaterThan(0.8);
  });
});

describe('analyse', () => {
  it('defaults give finite numbers everywhere, and the readout values agree with the direct functions', () => {
    const p = base();
    const set = syntheticSet(p);
    const r = analyse(set, p);
    expect(numbers(r).every((v) => !Number.isNaN(v))).toBe(true);
    expect(r.n).toBe(2000);
    expect(r.nPos).toBe(200);
    expect(r.current.counts).toEqual(confusion(set.y, set.s, 0));
    expect(r.rocAuc).toBeCloseTo(rocAuc(set.y, set.s)!, 12);
    expect(r.rankAuc).toBeCloseTo(r.rocAuc!, 12);
    expect(r.averagePrecision).toBeCloseTo(averagePrecision(set.y, set.s)!, 12);
    expect(r.messages).toEqual([]);
    // The all-negative classifier: accuracy 1 - π, recall 0, precision undefined.
    expect(r.allNegative.metrics).toMatchObject({ accuracy: 0.9, recall: 0, precision: null, mcc: null });
  });

  it('the same params give the same numbers; a new balance keeps the examples already drawn', () => {
    expect(analyse(syntheticSet(base()), base())).toEqual(analyse(syntheticSet(base()), base()));
    const a = syntheticSet(base({ prevalence: 0.1 })), b = syntheticSet(base({ prevalence: 0.2 }));
    const negA = a.s.filter((_, i) => a.y[i] === 0), negB = b.s.filter((_, i) => b.y[i] === 0);
    expect(Array.from(negB)).toEqual(Array.from(negA.subarray(0, negB.length)));
  });

  it('all one class: no positives → recall, curves and areas undefined, with a message; no NaN', () => {
    const p = base({ n: 100, prevalence: 0.001 });
    const r = analyse(syntheticSet(p), p);
    expect(r.nPos).toBe(0);
    expect(r.current.metrics.recall).toBeNull();
    expect([r.roc, r.pr, r.rocAuc, r.averagePrecision, r.rankAuc]).toEqual([null, null, null, null, null]);
    expect(r.messages.join(' ')).toMatch(/no positives/);
    expect(numbers(r).every((v) => !Number.isNaN(v))).toBe(true);
  });

  it('all one class: no negatives → specificity and ROC undefined, AP = 1', () => {
    const p = base({ n: 20, prevalence: 0.99 });
    const r = analyse(syntheticSet(p), p);
    expect(r.nNeg).toBe(0);
    expect(r.current.metrics.specificity).toBeNull();
    expect(r.roc).toBeNull();
    expect(r.averagePrecision).toBeCloseTo(1, 12);
    expect(r.messages.join(' ')).toMatch(/Every example is positive/);
    expect(numbers(r).every((v) => !Number.isNaN(v))).toBe(true);
  });

  it('threshold above every score: precision undefined (not NaN, not 0) and said so', () => {
    const p = base({ threshold: 8 });
    const r = analyse(syntheticSet(p), p);
    expect(r.current.counts.tp + r.current.counts.fp).toBe(0);
    expect(r.current.metrics.precision).toBeNull();
    expect(r.current.metrics.recall).toBe(0);
    expect(r.current.metrics.f1).toBe(0);
    expect(r.messages.join(' ')).toMatch(/precision is 0\/0/);
  });

  it('the PR points run from (0, 1) to recall 1; ROC from (0, 0) to (1, 1)', () => {
    const r = analyse(syntheticSet(base()), base());
    expect(r.pr![0]).toEqual([0, 1]);
    expect(r.pr![r.pr!.length - 1][0]).toBe(1);
    expect(r.roc![0]).toEqual([0, 0]);
    expect(r.roc![r.roc!.length - 1]).toEqual([1, 1]);
  });
});

describe('helpers', () => {
  it('iso-F-beta lines have F-beta = f at every point', () => {
    for (const beta of [0.5, 1, 2]) for (const f of [0.2, 0.5, 0.8]) for (const [r, p] of isoFbeta(f, beta)) {
      const fb = ((1 + beta * beta) * p * r) / (beta * beta * p + r);
      expect(fb).toBeCloseTo(f, 9);
    }
  });

  it('the iso-cost line has slope ratio·N/P and passes through its point', () => {
    const line = isoCostLine([0.2, 0.6], 2, 100, 400)!;
    const [[x0, y0], [x1, y1]] = line;
    expect((y1 - y0) / (x1 - x0)).toBeCloseTo(8, 9);
    expect(y0 + 8 * (0.2 - x0)).toBeCloseTo(0.6, 9);
  });

  it('subsampling hits the requested prevalence and nests', () => {
    const rng = stream(2, 't');
    const pool: ScoredSet = { y: Uint8Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 1 : 0)), s: Float64Array.from({ length: 1000 }, () => rng.normal()) };
    for (const pi of [0.001, 0.05, 0.3, 0.6, 0.99]) {
      const sub = subsampleToPrevalence(pool, pi, 1);
      const pos = sub.y.reduce((a, b) => a + b, 0);
      expect(Math.abs(pos / sub.y.length - pi)).toBeLessThan(0.01);
    }
    const a = subsampleToPrevalence(pool, 0.05, 1), b = subsampleToPrevalence(pool, 0.1, 1);
    const posA = new Set(a.s.filter((_, i) => a.y[i] === 1)), posB = new Set(b.s.filter((_, i) => b.y[i] === 1));
    expect([...posA].every((v) => posB.has(v))).toBe(true);
  });

  it('thin keeps the ends and at most max points', () => {
    const pts = Array.from({ length: 5000 }, (_, i): [number, number] => [i, i]);
    const t = thin(pts, 100);
    expect(t).toHaveLength(100);
    expect(t[0]).toEqual([0, 0]);
    expect(t[99]).toEqual([4999, 4999]);
  });

  it('schema defaults are valid values of their own specs', () => {
    const d = defaults(schema);
    for (const [k, spec] of Object.entries(schema)) expect(coerce(spec, d[k as keyof typeof d]).value).toEqual(d[k as keyof typeof d]);
  });
});
