/**
 * `analyse` and the curve helpers on sets small enough to work by hand, field by field, so that a
 * wrong count, bound, bin or message text fails (issue 17, mutation testing). The metric
 * functions themselves are tested in src/lib/learn/metrics.test.ts; here the counts behind the
 * sweep are recounted by brute force, independently of the binary search the model uses.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { populationCurves } from './gaussian';
import { analyse, isoCostLine, isoFbeta, subsampleToPrevalence, syntheticSet, thin, type ScoredSet, type XY } from './model';
import { schema, type PrParams } from './params';

const base = (over: Partial<PrParams> = {}): PrParams => ({ ...defaults(schema), ...over });
const set = (y: number[], s: number[]): ScoredSet => ({ y: Uint8Array.from(y), s: Float64Array.from(s) });

// Positives score 0.9, 0.6, 0.3; negatives 0.7, 0.1.
const HAND = set([1, 1, 0, 1, 0], [0.9, 0.6, 0.7, 0.3, 0.1]);
const pdf = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);

function brute(d: ScoredSet, t: number) {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  d.y.forEach((y, i) => {
    const hit = d.s[i] >= t;
    if (y === 1 && hit) tp++;
    else if (y === 1) fn++;
    else if (hit) fp++;
    else tn++;
  });
  return { tp, fp, tn, fn };
}

describe('analyse, worked by hand', () => {
  const p = base({ data: 'spam', threshold: 0.5, beta: 2, costRatio: 1, hist: 'count' });
  const r = analyse(HAND, p);

  it('sizes, prevalence, echoes of β and the cost ratio', () => {
    expect(r).toMatchObject({ source: 'spam', n: 5, nPos: 3, nNeg: 2, beta: 2, costRatio: 1 });
    expect(r.prevalence).toBe(0.6);
  });

  it('at threshold 0.5: 0.9, 0.6 (positives) and 0.7 (negative) are predicted positive', () => {
    expect(r.current.threshold).toBe(0.5);
    expect(r.current.counts).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1 });
    expect(r.current.cost).toBe(1 * 1 + 1);
    expect(r.current.metrics.precision).toBeCloseTo(2 / 3, 12);
    expect(r.current.metrics.fbeta).toBeCloseTo((5 * 2) / (5 * 2 + 4 * 1 + 1), 12); // (1+β²)tp / ((1+β²)tp + β²fn + fp)
  });

  it('the cheapest cut: ratio 1 → at 0.3 (FP 1, FN 0, cost 1); ratio 3 → at 0.9 (FP 0, FN 2, cost 2)', () => {
    expect(r.best).toMatchObject({ threshold: 0.3, counts: { tp: 3, fp: 1, tn: 1, fn: 0 }, cost: 1 });
    const r3 = analyse(HAND, { ...p, costRatio: 3 });
    expect(r3.best).toMatchObject({ threshold: 0.9, counts: { tp: 1, fp: 0, tn: 2, fn: 2 }, cost: 2 });
    expect(r3.current.cost).toBe(3 * 1 + 1);
    expect(r3.costRatio).toBe(3);
  });

  it('"always negative": no positives predicted, threshold +∞, cost = every positive missed', () => {
    expect(r.allNegative).toMatchObject({ threshold: Infinity, counts: { tp: 0, fp: 0, tn: 2, fn: 3 }, cost: 3 });
    expect(r.allNegative.metrics.recall).toBe(0);
    expect(r.allNegative.metrics.precision).toBeNull();
  });

  it('rank statistics: U = 4 of 6 pairs ordered, AUC 2/3 both ways; AP = (1 + 2/3 + 3/4)/3 = 29/36', () => {
    expect(r.mannWhitneyU).toBe(4);
    expect(r.rankAuc).toBeCloseTo(4 / 6, 12);
    expect(r.rocAuc).toBeCloseTo(4 / 6, 12);
    expect(r.averagePrecision).toBeCloseTo(29 / 36, 12);
  });

  it('the ROC (collinear points dropped) and the PR curve, recall increasing, ending at the lowest score: (1, 3/5)', () => {
    const want: XY[] = [[0, 0], [0, 1 / 3], [0.5, 1 / 3], [0.5, 1], [1, 1]];
    expect(r.roc).toHaveLength(want.length);
    r.roc?.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(want[i][0], 12);
      expect(y).toBeCloseTo(want[i][1], 12);
    });
    const pr = r.pr as XY[];
    expect(pr[pr.length - 1][0]).toBe(1);
    expect(pr[pr.length - 1][1]).toBeCloseTo(3 / 5, 12); // every example predicted positive
    for (let i = 1; i < pr.length; i++) expect(pr[i][0]).toBeGreaterThanOrEqual(pr[i - 1][0]);
  });

  it('the score axis: from min(scores, threshold) − pad to max + pad, pad = max(0.25, 4 % of the span), inside [−8, 8]', () => {
    expect(r.domain[0]).toBeCloseTo(0.1 - 0.25, 12);
    expect(r.domain[1]).toBeCloseTo(0.9 + 0.25, 12);
    const high = analyse(HAND, { ...p, threshold: 3 });
    expect(high.domain[0]).toBeCloseTo(-0.15, 12);
    expect(high.domain[1]).toBeCloseTo(3.25, 12);
    const low = analyse(HAND, { ...p, threshold: -2 });
    expect(low.domain[0]).toBeCloseTo(-2.25, 12);
    const wide = analyse(set([1, 0], [5, -5]), { ...p, threshold: 0 });
    expect(wide.domain[0]).toBeCloseTo(-5 - 0.4, 12);
    expect(wide.domain[1]).toBeCloseTo(5 + 0.4, 12);
    expect(analyse(set([1, 0], [7.9, -7.9]), { ...p, threshold: 0 }).domain).toEqual([-8, 8]);
  });

  it('the sweep: 201 thresholds across the axis; each value recounted by brute force; precision only where defined', () => {
    const [lo, hi] = r.domain;
    expect(r.sweep.recall).toHaveLength(201);
    expect(r.sweep.accuracy).toHaveLength(201);
    expect(r.sweep.recall[0][0]).toBe(lo);
    expect(r.sweep.recall[200][0]).toBeCloseTo(hi, 12);
    for (const [t, v] of r.sweep.recall) expect(v).toBe(brute(HAND, t).tp / 3);
    for (const [t, v] of r.sweep.accuracy) {
      const c = brute(HAND, t);
      expect(v).toBeCloseTo((c.tp + c.tn) / 5, 12);
    }
    const defined = r.sweep.recall.filter(([t]) => t <= 0.9).length;
    expect(r.sweep.precision).toHaveLength(defined);
    for (const [t, v] of r.sweep.precision) {
      const c = brute(HAND, t);
      expect(v).toBeCloseTo(c.tp / (c.tp + c.fp), 12);
    }
    for (const [t, v] of r.sweep.f1) {
      const c = brute(HAND, t);
      expect(v).toBeCloseTo((2 * c.tp) / (2 * c.tp + c.fp + c.fn), 12);
    }
    for (const [t, v] of r.sweep.fbeta) {
      const c = brute(HAND, t);
      expect(v).toBeCloseTo((5 * c.tp) / (5 * c.tp + 4 * c.fn + c.fp), 12);
    }
  });

  it('histogram: 48 equal bins over the axis, each score counted in the bin that holds it', () => {
    const { edges, pos, neg } = r.hist;
    const [lo, hi] = r.domain;
    expect(edges).toHaveLength(49);
    expect(pos).toHaveLength(48);
    expect(edges[0]).toBe(lo);
    expect(edges[48]).toBeCloseTo(hi, 12);
    const w = (hi - lo) / 48;
    const want = { pos: new Array<number>(48).fill(0), neg: new Array<number>(48).fill(0) };
    HAND.s.forEach((s, i) => {
      const b = edges.findIndex((e, k) => k < 48 && e <= s && s < edges[k + 1]);
      (HAND.y[i] === 1 ? want.pos : want.neg)[b]++;
    });
    expect(pos).toEqual(want.pos);
    expect(neg).toEqual(want.neg);
    const dens = analyse(HAND, { ...p, hist: 'density' }).hist;
    dens.pos.forEach((v, b) => expect(v).toBeCloseTo(want.pos[b] / (3 * w), 9));
    dens.neg.forEach((v, b) => expect(v).toBeCloseTo(want.neg[b] / (2 * w), 9));
  });

  it('scores beyond the ±8 axis land in the end bins', () => {
    const h = analyse(set([1, 0, 1], [9, -9, 0]), { ...p, threshold: 0 }).hist;
    expect(h.pos[47]).toBe(1);
    expect(h.neg[0]).toBe(1);
    expect(h.pos.reduce((a, b) => a + b)).toBe(2);
    expect(h.neg.reduce((a, b) => a + b)).toBe(1);
  });

  it('real data: no population curves, and no messages when both classes are present and reached', () => {
    expect(r.population).toBeNull();
    expect(r.messages).toEqual([]);
  });
});

describe('analyse: the synthetic population', () => {
  const d = 2;
  const p = base({ data: 'synthetic', separation: d, prevalence: 0.2, costRatio: 1, threshold: 0.5, hist: 'count' });
  const r = analyse(HAND, p);
  const pop = r.population as NonNullable<typeof r.population>;

  it('AUC Φ(d/√2) = Φ(√2) and the Bayes threshold ln(r(1−π)/π)/d = ln 4 / 2 at the set prevalence π = 0.2', () => {
    expect(pop.auc).toBeCloseTo(0.9213503964748575, 7);
    expect(pop.bayesThreshold).toBeCloseTo(Math.log(4) / 2, 12);
  });

  it('its ROC and PR are those of the share of positives actually drawn (3 of 5)', () => {
    const c = populationCurves(d, 0.6);
    expect(pop.roc).toEqual(c.roc);
    expect(pop.pr).toEqual(c.pr);
  });

  it('density curves: 161 points across the axis, N(±d/2, 1) scaled to the histogram (count × bin width, or 1)', () => {
    const [lo, hi] = r.domain;
    const w = (hi - lo) / 48;
    expect(pop.posCurve).toHaveLength(161);
    expect(pop.negCurve).toHaveLength(161);
    expect(pop.posCurve[0][0]).toBe(lo);
    expect(pop.posCurve[160][0]).toBeCloseTo(hi, 12);
    for (const [x, v] of pop.posCurve) expect(v).toBeCloseTo(3 * w * pdf(x - 1), 12);
    for (const [x, v] of pop.negCurve) expect(v).toBeCloseTo(2 * w * pdf(x + 1), 12);
    const dens = analyse(HAND, { ...p, hist: 'density' }).population as NonNullable<typeof r.population>;
    for (const [x, v] of dens.posCurve) expect(v).toBeCloseTo(pdf(x - 1), 12);
    for (const [x, v] of dens.negCurve) expect(v).toBeCloseTo(pdf(x + 1), 12);
  });

  it('a class that is absent has no curve', () => {
    const onlyNeg = analyse(set([0, 0], [0.1, 0.2]), p).population as NonNullable<typeof r.population>;
    expect(onlyNeg.posCurve).toEqual([]);
    expect(onlyNeg.negCurve).toHaveLength(161);
    const onlyPos = analyse(set([1, 1], [0.1, 0.2]), p).population as NonNullable<typeof r.population>;
    expect(onlyPos.negCurve).toEqual([]);
    expect(onlyPos.posCurve).toHaveLength(161);
    // A share of exactly 1 is kept just inside (0, 1) for the population's PR curve.
    expect(onlyPos.pr).toEqual(populationCurves(d, 1 - 1e-9).pr);
    // Density bars of an absent class are 0, not 0/0.
    expect(analyse(set([0, 0], [0.1, 0.2]), { ...p, hist: 'density' }).hist.pos.every((v) => v === 0)).toBe(true);
    expect(analyse(set([1, 1], [0.1, 0.2]), { ...p, hist: 'density' }).hist.neg.every((v) => v === 0)).toBe(true);
  });
});

describe('analyse: the messages, word for word', () => {
  const noPos = (what: string) =>
    `There are no ${what} at this balance and size, so recall, the PR curve, ROC AUC and average precision are undefined (0/0). Raise the share of positives or draw more examples.`;
  const noNeg = 'Every example is positive, so specificity, the false positive rate and the ROC curve are undefined (0/0).';
  const nothing = 'No score reaches the threshold, so nothing is predicted positive: precision is 0/0, undefined (scikit-learn reports 0 with a warning).';

  it('no positives: named as positives (synthetic) or spam emails (spam)', () => {
    expect(analyse(set([0, 0], [0.7, 0.8]), base({ data: 'synthetic', threshold: 0.5 })).messages).toEqual([noPos('positives')]);
    expect(analyse(set([0, 0], [0.7, 0.8]), base({ data: 'spam', threshold: 0.5 })).messages).toEqual([noPos('spam emails')]);
  });

  it('no negatives, and a threshold above every score', () => {
    expect(analyse(set([1, 1], [0.7, 0.8]), base({ data: 'spam', threshold: 0.5 })).messages).toEqual([noNeg]);
    expect(analyse(HAND, base({ data: 'spam', threshold: 0.95 })).messages).toEqual([nothing]);
    // A score exactly at the threshold counts as predicted positive.
    expect(analyse(HAND, base({ data: 'spam', threshold: 0.9 })).messages).toEqual([]);
    // At 0.65 one positive and one negative are predicted positive: precision 1/2, no message.
    expect(analyse(HAND, base({ data: 'spam', threshold: 0.65 })).messages).toEqual([]);
  });

  it('an empty set: both classes missing, prevalence 0, and no threshold message', () => {
    const r = analyse(set([], []), base({ data: 'spam', threshold: 0.5 }));
    expect(r.messages).toEqual([noPos('spam emails'), noNeg]);
    expect(r.prevalence).toBe(0);
    expect(r.rankAuc).toBeNull();
  });
});

describe('helpers, exact values', () => {
  it('iso-F-beta: starts where P = 1 at R = β²f/(1+β²−f), ends at R = 1, P = f/(1+β²−β²f)', () => {
    const f = 0.5, beta = 2, b2 = 4;
    const line = isoFbeta(f, beta, 10);
    expect(line).toHaveLength(11);
    expect(line[0][0]).toBeCloseTo((b2 * f) / (1 + b2 - f), 12);
    expect(line[0][1]).toBeCloseTo(1, 12);
    expect(line[10][0]).toBeCloseTo(1, 12);
    expect(line[10][1]).toBeCloseTo(f / (1 + b2 - b2 * f), 12);
    expect(line[5][0]).toBeCloseTo((line[0][0] + 1) / 2, 12);
    expect(isoFbeta(0.3, 1)).toHaveLength(61);
  });

  it('iso-cost lines through worked points of the unit square', () => {
    // slope 1: y = x + 0.3 enters at (0, 0.3), leaves at (0.7, 1).
    const a = isoCostLine([0.2, 0.5], 1, 10, 10) as XY[];
    expect(a[0]).toEqual([0, expect.closeTo(0.3, 12)]);
    expect(a[1][0]).toBeCloseTo(0.7, 12);
    expect(a[1][1]).toBe(1);
    // slope 4·10/10 = 4 through (0.1, 0.5): (0, 0.1) to (0.225, 1).
    const b = isoCostLine([0.1, 0.5], 4, 10, 10) as XY[];
    expect(b[0][0]).toBe(0);
    expect(b[0][1]).toBeCloseTo(0.1, 12);
    expect(b[1][0]).toBeCloseTo(0.225, 12);
    // slope 1·30/10 = 3: the class counts enter as N/P.
    expect((isoCostLine([0.1, 0.5], 1, 10, 30) as XY[])[1][0]).toBeCloseTo(0.1 + 0.5 / 3, 12);
    // slope 1 through (0.5, 0.5): exactly the diagonal, corner to corner.
    expect(isoCostLine([0.5, 0.5], 1, 5, 5)).toEqual([[0, 0], [1, 1]]);
    // a shallow line that leaves through the right side: slope 0.25 through (0.5, 0.5).
    const c = isoCostLine([0.5, 0.5], 0.25, 4, 4) as XY[];
    expect(c[0]).toEqual([0, 0.375]);
    expect(c[1]).toEqual([1, 0.625]);
    // slope 4 through (0.5, 0.5): in through the bottom at x = 0.375, out through the top at 0.625.
    expect(isoCostLine([0.5, 0.5], 4, 4, 4)).toEqual([[0.375, 0], [0.625, 1]]);
    // slope 1 through (0.6, 0.2): in through the bottom at (0.4, 0), out through the right side at (1, 0.6).
    const e = isoCostLine([0.6, 0.2], 1, 4, 4) as XY[];
    expect(e[0][0]).toBeCloseTo(0.4, 12);
    expect(e[0][1]).toBe(0);
    expect(e[1][0]).toBe(1);
    expect(e[1][1]).toBeCloseTo(0.6, 12);
  });

  it('iso-cost: none without both classes, none when the line misses the square', () => {
    expect(isoCostLine([0.5, 0.5], 1, 0, 5)).toBeNull();
    expect(isoCostLine([0.5, 0.5], 1, 5, 0)).toBeNull();
    expect(isoCostLine([0, 5], 1, 5, 5)).toBeNull();
  });

  it('thin: 10 points to 4 keeps indices 0, 3, 6, 9; exactly max points are kept as they are', () => {
    const pts = Array.from({ length: 10 }, (_, i): XY => [i, i * i]);
    expect(thin(pts, 4)).toEqual([pts[0], pts[3], pts[6], pts[9]]);
    expect(thin(pts, 10)).toBe(pts);
    expect(thin(pts, 9)).toHaveLength(9);
  });

  it('syntheticSet: the first round(π n) are positives at +d/2 + N(0,1) of their own stream, the rest at −d/2', () => {
    const s = syntheticSet({ n: 10, prevalence: 0.3, separation: 2, seed: 5 });
    expect(Array.from(s.y)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    const rp = stream(5, 'positives'), rn = stream(5, 'negatives');
    for (let i = 0; i < 3; i++) expect(s.s[i]).toBe(1 + rp.normal());
    for (let i = 3; i < 10; i++) expect(s.s[i]).toBe(-1 + rn.normal());
    expect(syntheticSet({ n: 4, prevalence: 1, separation: 2, seed: 5 }).y).toEqual(Uint8Array.from([1, 1, 1, 1]));
  });

  it('subsampleToPrevalence: the seeded "subsample" permutations pick the kept examples, exactly', () => {
    // positives at 0, 2, 5; negatives at 1, 3, 4, 6, 7. π = 0.2 < 3/8: every negative stays,
    // round(0.2/0.8 · 5) = 1 positive.
    const pool = set([1, 0, 1, 0, 0, 1, 0, 0], [10, 11, 12, 13, 14, 15, 16, 17]);
    const pos = [0, 2, 5], neg = [1, 3, 4, 6, 7];
    const rng = stream(9, 'subsample');
    const pp = rng.permutation(3), pn = rng.permutation(5);
    const idx = [pos[pp[0]], ...Array.from(pn, (k) => neg[k])];
    const got = subsampleToPrevalence(pool, 0.2, 9);
    expect(Array.from(got.s)).toEqual(idx.map((i) => 10 + i));
    expect(Array.from(got.y)).toEqual([1, 0, 0, 0, 0, 0]);
  });
});
