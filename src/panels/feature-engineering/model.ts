/**
 * The feature-engineering case studies: each fits the SAME simple model (least squares, logistic
 * regression or k-NN) on the features before and after one transform, scores both on held-out
 * points, and returns what the plots draw. Pure (no DOM, no React): the worker runs it, vitest
 * tests it. Transforms and learners come from the learners kit (src/lib/learn).
 */
import type { Matrix } from '../../lib/learn/api';
import { fitLstsq, lstsqPredict, r2Score } from '../../lib/learn/lstsq';
import { binEdges, binIndex, categoriesOf, cyclical, oneHot, oneHotNames, ordinalCodes } from '../../lib/learn/preprocessing';
import { binData, hourData, logData, N_TEST, NOISE_SCALE, streams } from './data';
import { boundaryCase, type BoundaryResult } from './boundary';
import { scalingCase, type ScalingResult } from './scaling';
import type { CaseName, FeParams } from './params';
import type { WagesTable } from './wagesData';
import { stream } from '../../lib/random/rng';

export interface Side {
  /** The model's input columns, named as scikit-learn's get_feature_names_out would. */
  features: string[];
  /** Held-out score (R² or accuracy); null when it cannot be computed. */
  score: number | null;
}

/** One side of a 1-D regression picture: points and the fitted curve (NaN breaks the curve). */
export interface XYSide {
  xLabel: string;
  xDomain: [number, number];
  px: Float64Array;
  py: Float64Array;
  cx: Float64Array;
  cy: Float64Array;
  /** Vertical guide lines (bin edges). */
  vlines?: Float64Array;
}

export interface XYResult {
  kind: 'xy';
  yLabel: string;
  yDomain: [number, number];
  beforeXY: XYSide;
  afterXY: XYSide;
  /** Category names at x = 0, 1, … (categories case). */
  xTickLabels?: string[];
}

export interface CommonResult {
  case: CaseName;
  scoreName: 'test R²' | 'test accuracy' | '5-fold CV R²';
  before: Side;
  after: Side;
  /** Training and scoring sizes actually used. */
  nTrain: number;
  nTest: number;
  /** Case facts for the readout and the extra plots. */
  facts: Record<string, number>;
}

export type FeResult = CommonResult & (XYResult | BoundaryResult | ScalingResult);

export interface FeInput extends FeParams {
  /** The real data (categories case only; null until loaded). */
  wages: WagesTable | null;
}

const col = (x: ArrayLike<number>): Matrix => ({ data: Float64Array.from(x), n: x.length, d: 1 });

function rows(cols: ArrayLike<number>[]): Matrix {
  const n = cols[0].length, d = cols.length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) data[i * d + j] = cols[j][i];
  return { data, n, d };
}

function range(v: ArrayLike<number>, pad = 0.05): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i])) [lo, hi] = [Math.min(lo, v[i]), Math.max(hi, v[i])];
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo - 1, lo + 1] : [0, 1];
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}

const linspace = (a: number, b: number, k: number) => Float64Array.from({ length: k }, (_, i) => a + ((b - a) * i) / (k - 1));

/** Fit on train features, score R² on test features; the curve is the fit at `grid` features. */
function fitScore(train: Matrix, y: ArrayLike<number>, test: Matrix, yTest: ArrayLike<number>, grid: Matrix) {
  const m = fitLstsq(train, y);
  return { model: m, score: r2Score(yTest, lstsqPredict(m, test)), curve: lstsqPredict(m, grid) };
}

/** Sample skewness (Fisher's g1, population moments). */
export function skewness(v: ArrayLike<number>): number {
  const n = v.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += v[i] / n;
  let m2 = 0, m3 = 0;
  for (let i = 0; i < n; i++) {
    m2 += (v[i] - m) ** 2 / n;
    m3 += (v[i] - m) ** 3 / n;
  }
  return m2 > 0 ? m3 / m2 ** 1.5 : 0;
}

function logCase(p: FeParams): FeResult {
  const [r, rt] = streams(p.seed, 'log');
  const noise = p.noise * NOISE_SCALE.log;
  const tr = logData(r, p.n, p.skew, noise), te = logData(rt, N_TEST, p.skew, noise);
  const ln = (v: Float64Array) => v.map(Math.log);
  const [lo, hi] = range(tr.x, 0);
  const gx = linspace(Math.max(lo, 1e-9), hi, 200);
  const b = fitScore(col(tr.x), tr.y, col(te.x), te.y, col(gx));
  const a = fitScore(col(ln(tr.x)), tr.y, col(ln(te.x)), te.y, col(ln(gx)));
  const yDomain = range(tr.y);
  return {
    case: 'log', kind: 'xy', scoreName: 'test R²', nTrain: p.n, nTest: N_TEST,
    before: { features: ['x'], score: b.score },
    after: { features: ['ln x'], score: a.score },
    yLabel: 'y', yDomain,
    beforeXY: { xLabel: 'x', xDomain: range(tr.x), px: tr.x, py: tr.y, cx: gx, cy: b.curve },
    afterXY: { xLabel: 'ln x', xDomain: range(ln(tr.x)), px: ln(tr.x), py: tr.y, cx: ln(gx), cy: a.curve },
    facts: { skewRaw: skewness(tr.x), skewLog: skewness(ln(tr.x)), noise },
  };
}

/** Distances the hour case tabulates: raw |Δh| and the chord between the two clock positions. */
export function hourDistance(a: number, b: number): { raw: number; circle: number } {
  const [p, q] = [cyclical(a, 24), cyclical(b, 24)];
  return { raw: Math.abs(a - b), circle: Math.hypot(p[0] - q[0], p[1] - q[1]) };
}

const sinCos = (h: ArrayLike<number>): Matrix => rows([Float64Array.from(h, (v) => cyclical(v, 24)[0]), Float64Array.from(h, (v) => cyclical(v, 24)[1])]);

function hourCase(p: FeParams): FeResult {
  const [r, rt] = streams(p.seed, 'hour');
  const noise = p.noise * NOISE_SCALE.hour;
  const tr = hourData(r, p.n, noise), te = hourData(rt, N_TEST, noise);
  const gx = linspace(0, 24, 97);
  const b = fitScore(col(tr.x), tr.y, col(te.x), te.y, col(gx));
  const a = fitScore(sinCos(tr.x), tr.y, sinCos(te.x), te.y, sinCos(gx));
  const d1 = hourDistance(23, 1), d20 = hourDistance(23, 20);
  const side = (cy: Float64Array): XYSide => ({ xLabel: 'hour of day', xDomain: [0, 24], px: tr.x, py: tr.y, cx: gx, cy });
  return {
    case: 'hour', kind: 'xy', scoreName: 'test R²', nTrain: p.n, nTest: N_TEST,
    before: { features: ['hour'], score: b.score },
    after: { features: ['sin(2π·hour/24)', 'cos(2π·hour/24)'], score: a.score },
    yLabel: 'y (peaks at 02:00)', yDomain: range(tr.y),
    beforeXY: side(b.curve), afterXY: side(a.curve),
    facts: { raw23to1: d1.raw, circle23to1: d1.circle, raw23to20: d20.raw, circle23to20: d20.circle, noise },
  };
}

function binningCase(p: FeParams): FeResult {
  const [r, rt] = streams(p.seed, 'binning');
  const noise = p.noise * NOISE_SCALE.binning;
  const tr = binData(r, p.n, noise), te = binData(rt, N_TEST, noise);
  const edges = binEdges(tr.x, p.bins, p.strategy);
  const nb = edges.length - 1;
  const names = Array.from({ length: nb }, (_, k) => `x_${k}.0`); // KBinsDiscretizer(encode='onehot') names
  const hot = (x: ArrayLike<number>): Matrix => {
    const idx = binIndex(edges, x);
    const data = new Float64Array(x.length * nb);
    idx.forEach((b, i) => (data[i * nb + b] = 1));
    return { data, n: x.length, d: nb };
  };
  const gx = linspace(0, 10, 401);
  const b = fitScore(col(tr.x), tr.y, col(te.x), te.y, col(gx));
  const a = fitScore(hot(tr.x), tr.y, hot(te.x), te.y, hot(gx));
  // A step function: break the curve at each inner edge so it is drawn as flat pieces.
  const ax: number[] = [], ay: number[] = [];
  gx.forEach((x, i) => {
    if (i > 0 && binIndex(edges, [gx[i - 1]])[0] !== binIndex(edges, [x])[0]) {
      ax.push(NaN);
      ay.push(NaN);
    }
    ax.push(x);
    ay.push(a.curve[i]);
  });
  const used = new Set(binIndex(edges, tr.x)).size;
  const side = (cx: Float64Array, cy: Float64Array, vlines?: Float64Array): XYSide => ({ xLabel: 'x', xDomain: [0, 10], px: tr.x, py: tr.y, cx, cy, vlines });
  return {
    case: 'binning', kind: 'xy', scoreName: 'test R²', nTrain: p.n, nTest: N_TEST,
    before: { features: ['x'], score: b.score },
    after: { features: names, score: a.score },
    yLabel: 'y = 1.5 sin x + noise', yDomain: range(tr.y),
    beforeXY: side(gx, b.curve), afterXY: side(Float64Array.from(ax), Float64Array.from(ay), edges.slice(1, -1)),
    facts: { bins: nb, binsWithPoints: used, noise },
  };
}

/** Folds of the real data's cross-validation (KFold, shuffled by the seed). */
export const FOLDS = 5;

/**
 * The real data are small (534 rows), so one held-out split is noisy: the score is the mean R² of
 * 5-fold cross-validation (each fold held out once, folds from a seeded shuffle); the plots show
 * the fits on all rows.
 */
function categoryCase(p: FeInput): FeResult | null {
  const w = p.wages;
  if (!w || w.wage.length < 2 * FOLDS) return null;
  const n = w.wage.length;
  const perm = stream(p.seed, 'category-folds').permutation(n);
  const cats = categoriesOf(w.occupation);
  const y = Float64Array.from(w.wage, Math.log);
  const codes = ordinalCodes(w.occupation, cats);
  const hot = oneHot(w.occupation, cats);
  const label = col(codes);
  const take = (M: Matrix, rs: number[]): Matrix => {
    const data = new Float64Array(rs.length * M.d);
    rs.forEach((r, i) => data.set(M.data.subarray(r * M.d, (r + 1) * M.d), i * M.d));
    return { data, n: rs.length, d: M.d };
  };
  const cv = (M: Matrix) => {
    let sum = 0;
    for (let f = 0; f < FOLDS; f++) {
      const lo = Math.floor((f * n) / FOLDS), hi = Math.floor(((f + 1) * n) / FOLDS);
      const test = [...perm.slice(lo, hi)], train = [...perm.slice(0, lo), ...perm.slice(hi)];
      const m = fitLstsq(take(M, train), train.map((r) => y[r]));
      sum += r2Score(test.map((r) => y[r]), lstsqPredict(m, take(M, test))) ?? NaN;
    }
    return sum / FOLDS;
  };
  const bModel = fitLstsq(label, y), aModel = fitLstsq(hot, y);
  // Points spread sideways by a seeded jitter so the strips read as clouds.
  const jr = stream(p.seed, 'category-jitter');
  const px = Float64Array.from(codes, (c) => c + 0.3 * (jr.next() - 0.5));
  const means = lstsqPredict(aModel, oneHot(cats, cats));
  const cx: number[] = [], cy: number[] = [];
  means.forEach((v, k) => {
    cx.push(k - 0.35, k + 0.35, NaN);
    cy.push(v, v, NaN);
  });
  const lineX = Float64Array.from([-0.4, cats.length - 0.6]);
  const side = (sx: Float64Array, sy: Float64Array): XYSide => ({ xLabel: 'occupation', xDomain: [-0.6, cats.length - 0.4], px, py: y, cx: sx, cy: sy });
  return {
    case: 'category', kind: 'xy', scoreName: '5-fold CV R²', nTrain: n, nTest: n,
    before: { features: ['occupation'], score: cv(label) },
    after: { features: oneHotNames('occupation', cats), score: cv(hot) },
    yLabel: 'ln(hourly wage in $)', yDomain: range(y),
    beforeXY: side(lineX, lstsqPredict(bModel, col(lineX))), afterXY: side(Float64Array.from(cx), Float64Array.from(cy)),
    xTickLabels: cats,
    facts: { categories: cats.length, slope: bModel.coef[0], rows: n },
  };
}

/** The case the params choose; null only for the real-data case before its data have arrived. */
export function computeCase(p: FeInput): FeResult | null {
  switch (p.case) {
    case 'log':
      return logCase(p);
    case 'hour':
      return hourCase(p);
    case 'binning':
      return binningCase(p);
    case 'category':
      return categoryCase(p);
    case 'circles':
    case 'poly':
      return boundaryCase(p);
    case 'scaling':
      return scalingCase(p);
  }
}

