/**
 * The feature transforms against scikit-learn (the feature_transforms reference cases: log1p,
 * StandardScaler, MinMaxScaler, KBinsDiscretizer uniform and quantile, OneHotEncoder,
 * PolynomialFeatures and its names, cyclical hours) and on hand-worked inputs.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import {
  applyAffine, binEdges, binIndex, categoriesOf, cyclical, fitMinMax, fitStandard, log1pAll, oneHot, oneHotNames, ordinalCodes,
  polynomialExpand, polynomialNames, polynomialTerms, quantileAveraged,
} from './preprocessing';
import { matrix, referenceCases } from './reference.testutil';

interface FT {
  x: number[];
  log1p: number[];
  standard_scaled: number[];
  minmax_scaled: number[];
  kbins_4: Record<'uniform' | 'quantile', { bin_edges: number[]; bins: number[] }>;
  categories: string[];
  one_hot: number[][];
  poly_input: number[][];
  poly_degree2: number[][];
  poly_feature_names: string[];
  cyclical_hours: { sin: number[]; cos: number[]; distance_23_to_1: number };
}
const REF = referenceCases<{ feature_transforms: FT }>().feature_transforms;

const allClose = (got: ArrayLike<number>, want: number[], tol = 1e-12) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(w))));
};

describe('against scikit-learn (feature_transforms)', () => {
  it('log1p', () => allClose(log1pAll(REF.x), REF.log1p));
  it('StandardScaler (population standard deviation)', () => allClose(applyAffine(fitStandard(REF.x), REF.x), REF.standard_scaled));
  it('MinMaxScaler', () => allClose(applyAffine(fitMinMax(REF.x), REF.x), REF.minmax_scaled));
  for (const strategy of ['uniform', 'quantile'] as const) {
    it(`KBinsDiscretizer ${strategy}, ${REF.kbins_4[strategy].bin_edges.length - 1} bins: edges and bins`, () => {
      const want = REF.kbins_4[strategy];
      const edges = binEdges(REF.x, want.bin_edges.length - 1, strategy);
      allClose(edges, want.bin_edges);
      allClose(binIndex(edges, REF.x), want.bins, 0);
    });
  }
  it('OneHotEncoder: categories sorted, one column each', () => {
    const cats = categoriesOf(REF.categories);
    const m = oneHot(REF.categories, cats);
    expect(m.d).toBe(REF.one_hot[0].length);
    allClose(m.data, REF.one_hot.flat(), 0);
  });
  it('PolynomialFeatures(2): columns and names', () => {
    const X = matrix(REF.poly_input);
    const terms = polynomialTerms(X.d, 2);
    allClose(polynomialExpand(X, terms).data, REF.poly_degree2.flat());
    expect(polynomialNames(terms, ['a', 'b'])).toEqual(REF.poly_feature_names);
  });
  it('cyclical hours: sin and cos of 2πh/24, and the distance from 23:00 to 01:00', () => {
    const enc = REF.cyclical_hours.sin.map((_, h) => cyclical(h, 24));
    allClose(enc.map((e) => e[0]), REF.cyclical_hours.sin);
    allClose(enc.map((e) => e[1]), REF.cyclical_hours.cos);
    const [a, b] = [cyclical(23, 24), cyclical(1, 24)];
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeCloseTo(REF.cyclical_hours.distance_23_to_1, 12);
  });
});

describe('hand-worked', () => {
  it('standard scaling of [1, 2, 3, 4]: mean 2.5, sd √1.25 (divide by n)', () => {
    const a = fitStandard([1, 2, 3, 4]);
    expect(a.shift).toBe(2.5);
    expect(a.scale).toBeCloseTo(Math.sqrt(1.25), 14);
    const z = applyAffine(a, [1, 2, 3, 4]);
    expect(z.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 14);
    expect(z.reduce((s, v) => s + v * v, 0) / 4).toBeCloseTo(1, 14);
  });
  it('a constant column keeps scale 1 (no division by zero)', () => {
    expect(fitStandard([3, 3, 3])).toEqual({ shift: 3, scale: 1 });
    expect(fitMinMax([3, 3])).toEqual({ shift: 3, scale: 1 });
  });
  it('min-max of [2, 4, 10] → [0, 0.25, 1]', () => expect([...applyAffine(fitMinMax([2, 4, 10]), [2, 4, 10])]).toEqual([0, 0.25, 1]));
  it('uniform bins of 0..10 into 4: edges every 2.5, the max in the last bin, an edge value goes right', () => {
    const e = binEdges([0, 10, 5], 4, 'uniform');
    expect([...e]).toEqual([0, 2.5, 5, 7.5, 10]);
    expect([...binIndex(e, [0, 2.4, 2.5, 9.9, 10, -3, 30])]).toEqual([0, 0, 1, 3, 3, 0, 3]);
  });
  it('quantile: averaged inverted CDF of 1..4 at ½ is 2.5, at ⅓ is 2', () => {
    expect(quantileAveraged([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileAveraged([1, 2, 3, 4], 1 / 3)).toBe(2);
  });
  it('quantile bins give equal counts; repeated values merge bins', () => {
    const rng = stream(2, 'bins');
    const x = Array.from({ length: 400 }, () => Math.exp(rng.normal()));
    const counts = new Array(5).fill(0);
    for (const b of binIndex(binEdges(x, 5, 'quantile'), x)) counts[b]++;
    expect(counts).toEqual([80, 80, 80, 80, 80]);
    expect(binEdges([1, 1, 1, 1, 2], 4, 'quantile').length).toBe(2); // one bin [1, 2]
  });
  it('one-hot vs ordinal: codes follow the sorted categories; names are feature_category', () => {
    const v = ['b', 'c', 'a', 'b'];
    const cats = categoriesOf(v);
    expect(cats).toEqual(['a', 'b', 'c']);
    expect([...ordinalCodes(v, cats)]).toEqual([1, 2, 0, 1]);
    expect([...oneHot(v, cats).data]).toEqual([0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(oneHotNames('colour', cats)).toEqual(['colour_a', 'colour_b', 'colour_c']);
  });
  it('polynomial names: scikit-learn order for 2 inputs, degree 3; column count C(d + k, k)', () => {
    const t = polynomialTerms(2, 3);
    expect(polynomialNames(t)).toEqual(['1', 'x0', 'x1', 'x0^2', 'x0 x1', 'x1^2', 'x0^3', 'x0^2 x1', 'x0 x1^2', 'x1^3']);
    expect(polynomialTerms(3, 4).length).toBe(35); // C(7, 4)
    expect(polynomialTerms(2, 2, false).length).toBe(5);
    const X = matrix([[2, 3]]);
    expect([...polynomialExpand(X, t).data]).toEqual([1, 2, 3, 4, 6, 9, 8, 12, 18, 27]);
  });
  it('cyclical: 23:00 is nearer 01:00 than 20:00 (raw hours say the opposite)', () => {
    const d = (a: number, b: number) => {
      const [p, q] = [cyclical(a, 24), cyclical(b, 24)];
      return Math.hypot(p[0] - q[0], p[1] - q[1]);
    };
    expect(d(23, 1)).toBeLessThan(d(23, 20));
    expect(Math.abs(23 - 1)).toBeGreaterThan(Math.abs(23 - 20));
    expect(d(23, 1)).toBeCloseTo(2 * Math.sin(Math.PI / 12), 14); // chord of 2 hours = 30°
    expect(d(0, 24)).toBeCloseTo(0, 14);
  });
});

describe('edge inputs, worked by hand', () => {
  it('empty columns: StandardScaler and MinMaxScaler keep the identity (shift 0, scale 1)', () => {
    expect(fitStandard([])).toEqual({ shift: 0, scale: 1 });
    expect(fitMinMax([])).toEqual({ shift: 0, scale: 1 });
    expect(fitMinMax([4, 4])).toEqual({ shift: 4, scale: 1 });
    expect(Array.from(applyAffine({ shift: 1, scale: 2 }, [3, 5, -1]))).toEqual([1, 2, -1]);
  });
  it('quantiles clamp at the ends; a constant column gives one bin around it; no data, no edges', () => {
    expect(quantileAveraged([1, 2, 3], 1)).toBe(3);
    expect(quantileAveraged([1, 2, 3, 4], 1)).toBe(4);
    expect(Array.from(binEdges([2, 2, 2], 3, 'uniform'))).toEqual([1.5, 2.5]);
    expect(Array.from(binEdges([2, 2, 2], 3, 'quantile'))).toEqual([1.5, 2.5]);
    expect(binEdges([], 3, 'uniform')).toHaveLength(0);
  });
  it('categories sort by code point from any order; an unknown category is −1 (ordinal) or all 0 (one-hot)', () => {
    expect(categoriesOf(['c', 'b', 'a', 'b', 'B'])).toEqual(['B', 'a', 'b', 'c']);
    expect(Array.from(ordinalCodes(['b', 'z', 'a'], ['a', 'b']))).toEqual([1, -1, 0]);
    expect(oneHotNames('island', ['Biscoe', 'Dream'])).toEqual(['island_Biscoe', 'island_Dream']);
  });
});
