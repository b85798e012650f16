/**
 * The missing-data study. Pure: no React, no DOM; the panel's worker runs it (compute.worker.ts),
 * vitest calls it directly.
 *
 * For each of `draws` fresh data sets (data.ts) and each imputation:
 * - estimation: the imputer learns from all n rows of (x, y, z) and fills them; from the filled
 *   sample come the mean and variance of y (n − 1 in the denominator) and corr(x, y). Dropping
 *   rows keeps the rows where x and y are both observed. "Complete data" is the sample before
 *   anything went missing: the best any method could do.
 * - downstream: least squares predicts t from (x, y, z), plus a 0/1 indicator per variable when
 *   asked, trained on the first 70 % of the rows and scored by mean squared error on the rest.
 *   After the split (honest): the imputer learns from the training rows' (x, y, z) and fills
 *   both sets. Before the split (leaky): the imputer learns from the whole table, target t
 *   included, and fills it, then the rows are split. Dropping rows trains and scores on the
 *   complete rows only. The leak is the honest error minus the leaky one, per data set.
 */
import type { Matrix } from '../../lib/learn/api';
import { fillMissing, fitIterativeImputer, fitRegressionImputer, iterativeTransform, knnImpute, regressionTransform, simpleStatistics } from '../../lib/learn/impute';
import { fitLstsq, lstsqPredict, meanSquaredError } from '../../lib/learn/lstsq';
import type { Stepwise } from '../../lib/panel/schedule';
import { drain } from '../../lib/panel/schedule';
import { drawNumbers, offsetFor, sampleFrom, TEST_SHARE, type Draws, type Sample } from './data';
import { knnFills } from './modelKnn';
import { fitRegressionXY, regressionFill, xyStatistics } from './fastFills';
import { scoreFilled } from './fastScore';
import { fitIterativeFast } from './fastIterative';
import { METHODS, type Mechanism, type Method } from './params';

export interface StudyInput {
  mechanism: Mechanism;
  rate: number;
  rho: number;
  n: number;
  draws: number;
  k: number;
  indicator: boolean;
  seed: number;
}

export type RowKey = 'complete' | Method;
export const ROWS: readonly RowKey[] = ['complete', ...METHODS];
export const QUANTITIES = ['meanY', 'varY', 'corr', 'mseAfter', 'mseBefore', 'leak'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** One number per data set: its average, standard deviation over the data sets, how many were defined. */
export interface Stat {
  mean: number | null;
  sd: number | null;
  count: number;
}

export type RowSummary = { key: RowKey } & Record<Quantity, Stat>;

export interface Estimates {
  meanY: number | null;
  varY: number | null;
  corr: number | null;
}

/** The first data set, for the scatter: the truth, what went missing, and each method's fill. */
export interface FirstDraw extends Sample {
  filled: Record<Exclude<Method, 'drop'>, { x: Float64Array; y: Float64Array }>;
}

export interface StudyResult {
  input: StudyInput;
  rows: RowSummary[];
  truth: { meanY: number; varY: number; corr: number };
  first: FirstDraw;
  /** Average over the data sets of the share of x, of y missing, and of rows with anything missing. */
  share: { x: number; y: number; rows: number };
  nTrain: number;
  nTest: number;
  messages: string[];
}

/** The features (x, y, z), with NaN where a value is missing, for the rows [from, to). */
export function features(s: Sample, from = 0, to = s.n, withTarget = false): Matrix {
  const d = withTarget ? 4 : 3, n = to - from;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const r = from + i;
    data[i * d] = s.missX[r] ? NaN : s.x[r];
    data[i * d + 1] = s.missY[r] ? NaN : s.y[r];
    data[i * d + 2] = s.z[r];
    if (withTarget) data[i * d + 3] = s.t[r];
  }
  return { data, n, d };
}

/**
 * The rows of `apply` filled by `method`'s imputer learned from `fit` (same columns). `skip`:
 * the iterative imputer fits no step for a column with nothing missing (z, t here), which fills
 * nothing in these data, where z and t are always observed; false: sklearn's default, every step.
 */
export function impute(method: Exclude<Method, 'drop'>, fit: Matrix, apply: Matrix, k: number, skip = true): Matrix {
  switch (method) {
    case 'mean':
    case 'median':
      return fillMissing(apply, simpleStatistics(fit, method));
    case 'regression':
      return regressionTransform(fitRegressionImputer(fit), apply);
    case 'knn':
      return knnImpute(fit, { k }, apply);
    case 'iterative': {
      const f = fitIterativeImputer(fit, { skipComplete: skip });
      return fit === apply ? f.imputed : iterativeTransform(f.model, apply);
    }
  }
}

/** The training rows filled by `method`'s imputer learned from them, and the test rows filled by the same imputer (fitted once). */
export function imputeSplit(method: Exclude<Method, 'drop'>, train: Matrix, test: Matrix, k: number, skip = true): [Matrix, Matrix] {
  switch (method) {
    case 'mean':
    case 'median': {
      const stats = simpleStatistics(train, method);
      return [fillMissing(train, stats), fillMissing(test, stats)];
    }
    case 'regression': {
      const m = fitRegressionImputer(train);
      return [regressionTransform(m, train), regressionTransform(m, test)];
    }
    case 'knn':
      return [knnImpute(train, { k }), knnImpute(train, { k }, test)];
    case 'iterative': {
      const f = fitIterativeImputer(train, { skipComplete: skip });
      return [f.imputed, iterativeTransform(f.model, test)];
    }
  }
}

/** Mean and variance (n − 1) of column j of the listed rows, and the correlation of columns 0 and 1. */
export function estimates(M: Matrix, rows?: number[]): Estimates {
  const m = rows ? rows.length : M.n;
  if (m < 3) return { meanY: null, varY: null, corr: null };
  // Row at of the listed rows (all rows when none are listed): no index list is built for all rows.
  const row = (at: number) => (rows ? rows[at] : at) * M.d;
  let mx = 0, my = 0;
  for (let at = 0; at < m; at++) {
    mx += M.data[row(at)];
    my += M.data[row(at) + 1];
  }
  mx /= m;
  my /= m;
  let sxx = 0, syy = 0, sxy = 0;
  for (let at = 0; at < m; at++) {
    const u = M.data[row(at)] - mx, v = M.data[row(at) + 1] - my;
    sxx += u * u;
    syy += v * v;
    sxy += u * v;
  }
  return { meanY: my, varY: syy / (m - 1), corr: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null };
}

/** The downstream design: columns 0..2 of the filled matrix, plus indicators, for rows [from, to). */
function design(filled: Matrix, s: Sample, from: number, to: number, indicator: boolean, rows?: number[]): { X: Matrix; t: Float64Array } {
  const m = rows ? rows.length : to - from;
  const d = indicator ? 5 : 3;
  const X: Matrix = { data: new Float64Array(m * d), n: m, d };
  const t = new Float64Array(m);
  const shift = filled.n === s.n ? 0 : from; // filled holds either all rows or just [from, to)
  for (let i = 0; i < m; i++) {
    const r = rows ? rows[i] : from + i;
    const fr = r - shift;
    for (let j = 0; j < 3; j++) X.data[i * d + j] = filled.data[fr * filled.d + j];
    if (indicator) {
      X.data[i * d + 3] = s.missX[r];
      X.data[i * d + 4] = s.missY[r];
    }
    t[i] = s.t[r];
  }
  return { X, t };
}

/**
 * The downstream test error, the plain way: the training design from `fTr` and the test design
 * from `fTe` (each all rows or just its own; or the listed rows), least squares, its mean squared
 * error. The reference path's; the fast path's scoreFilled (fastScore.ts) gives the same bits.
 */
function plainScore(fTr: Matrix, fTe: Matrix, s: Sample, nTrain: number, indicator: boolean, trainRows?: number[], testRows?: number[]): number | null {
  const a = design(fTr, s, 0, nTrain, indicator, trainRows), b = design(fTe, s, nTrain, s.n, indicator, testRows);
  if (a.X.n < 2 || b.X.n === 0) return null;
  return meanSquaredError(b.t, lstsqPredict(fitLstsq(a.X, a.t), b.X));
}

export interface DrawResult {
  est: Record<RowKey, Estimates>;
  after: Record<RowKey, number | null>;
  before: Record<RowKey, number | null>;
  /** The (x, y) each method filled in, all rows (estimation imputer). */
  filled: Record<Exclude<Method, 'drop'>, Matrix>;
}

/**
 * Everything the study needs from one data set. `reference`: the plain computation, every
 * imputer fitted by the kit as sklearn would (four k-NN fits, every iterative step), each
 * downstream error on copied designs; the default shares the k-NN work (modelKnn.ts), skips the
 * iterative steps that fill nothing and fits the downstream least squares without copies
 * (fastScore.ts), with the same numbers (modelFast.test.ts compares the two).
 */
export function analyseDraw(s: Sample, k: number, indicator: boolean, reference = false): DrawResult {
  const n = s.n, nTest = Math.round(TEST_SHARE * n), nTrain = n - nTest;
  const all = features(s);
  const truthM = { data: new Float64Array(n * 3), n, d: 3 };
  for (let i = 0; i < n; i++) {
    truthM.data[i * 3] = s.x[i];
    truthM.data[i * 3 + 1] = s.y[i];
    truthM.data[i * 3 + 2] = s.z[i];
  }
  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (!s.missX[i] && !s.missY[i]) complete.push(i);
  const est = { complete: estimates(truthM), drop: estimates(all, complete) } as Record<RowKey, Estimates>;
  const score = reference ? plainScore : scoreFilled;
  const after = {} as Record<RowKey, number | null>, before = {} as Record<RowKey, number | null>;
  const filled = {} as Record<Exclude<Method, 'drop'>, Matrix>;
  // Complete data: the sample before anything went missing, so there is nothing to impute, nothing
  // to leak and no gap to flag. Its design has no indicator columns: the real flags would hand it
  // the missingness (informative under MNAR), and this row is the bar no method can beat.
  after.complete = before.complete = score(truthM, truthM, s, nTrain, false);
  // Dropping rows: train and score on the complete rows; the imputer has nothing to learn.
  const split = complete.findIndex((i) => i >= nTrain), cut = split < 0 ? complete.length : split;
  after.drop = before.drop = score(all, all, s, nTrain, indicator, complete.slice(0, cut), complete.slice(cut));
  const train = features(s, 0, nTrain), test = features(s, nTrain, n), table = features(s, 0, n, true);
  const knn = reference ? null : knnFills(s, k, nTrain);
  for (const m of METHODS) {
    if (m === 'drop') continue;
    if (!reference && (m === 'mean' || m === 'median')) {
      // The whole table's x, y, z columns are the rows' features, so its statistics are those of
      // all rows, and t is never missing: the leaky fill's design is the estimation fill's.
      const f = fillMissing(all, xyStatistics(all, m)), st = xyStatistics(train, m);
      filled[m] = f;
      est[m] = estimates(f);
      const fTr = fillMissing(train, st), fTe = fillMissing(test, st);
      after[m] = scoreFilled(fTr, fTe, s, nTrain, indicator);
      before[m] = scoreFilled(f, f, s, nTrain, indicator);
      continue;
    }
    if (!reference && m === 'regression') {
      const f = regressionFill(fitRegressionXY(all), all), st = fitRegressionXY(train);
      filled[m] = f;
      est[m] = estimates(f);
      after[m] = scoreFilled(regressionFill(st, train), regressionFill(st, test), s, nTrain, indicator);
      const leaky = regressionFill(fitRegressionXY(table), table);
      before[m] = scoreFilled(leaky, leaky, s, nTrain, indicator);
      continue;
    }
    if (!reference && m === 'iterative') {
      // The kit's chain with skipComplete, to the bit (fastIterative.ts).
      const f = fitIterativeFast(all).imputed, st = fitIterativeFast(train);
      filled[m] = f;
      est[m] = estimates(f);
      after[m] = scoreFilled(st.imputed, iterativeTransform(st.model, test), s, nTrain, indicator);
      const leaky = fitIterativeFast(table).imputed;
      before[m] = scoreFilled(leaky, leaky, s, nTrain, indicator);
      continue;
    }
    const f = knn && m === 'knn' ? knn.all : impute(m, all, all, k, !reference);
    filled[m] = f;
    est[m] = estimates(f);
    const [fTr, fTe] = knn && m === 'knn' ? [knn.split, knn.split] : imputeSplit(m, train, test, k, !reference);
    after[m] = score(fTr, fTe, s, nTrain, indicator);
    const leaky = knn && m === 'knn' ? knn.table : impute(m, table, table, k, !reference);
    before[m] = score(leaky, leaky, s, nTrain, indicator);
  }
  return { est, after, before, filled };
}

/** The same data set at another k: k-NN's row recomputed, every other row kept from `prev` (k touches nothing else). */
export function redoKnn(s: Sample, k: number, indicator: boolean, prev: DrawResult): DrawResult {
  const n = s.n, nTrain = n - Math.round(TEST_SHARE * n);
  const f = knnFills(s, k, nTrain);
  return {
    est: { ...prev.est, knn: estimates(f.all) },
    after: { ...prev.after, knn: scoreFilled(f.split, f.split, s, nTrain, indicator) },
    before: { ...prev.before, knn: scoreFilled(f.table, f.table, s, nTrain, indicator) },
    filled: { ...prev.filled, knn: f.all },
  };
}

/**
 * What the worker keeps between runs: each data set and its result at the last setting of the
 * controls that change the data or every method (seed, n, ρ, mechanism, rate, indicators).
 * Raising `draws` then computes only the new data sets, and moving k redoes only k-NN. Only
 * the first data set keeps its filled matrices (the scatter shows them).
 */
export class StudyCache {
  key = '';
  readonly draws = new Map<number, { s: Sample; k: number; r: DrawResult }>();
  /** Each data set's random numbers at the last seed and n: moving ρ, the mechanism or the rate keeps them. */
  numbersKey = '';
  readonly numbers = new Map<number, Draws>();
}

/** Mean and standard deviation (n − 1) of the defined values. */
export function stat(values: (number | null)[]): Stat {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (v.length === 0) return { mean: null, sd: null, count: 0 };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : null;
  return { mean, sd, count: v.length };
}

/**
 * One shard's share of the study (issue 8: two workers take every other data set): the data sets
 * d ≡ shard (mod shards), in increasing order, with their numbers per data set. mergeStudy puts
 * the shards back in data-set order, so the averages are summed in the same order as one worker
 * would sum them and come out equal to the bit.
 */
export interface StudyPart {
  draws: number[];
  per: Record<RowKey, Record<Quantity, (number | null)[]>>;
  /** Per data set: the share of x, of y missing, and of rows with anything missing. */
  share: { x: number[]; y: number[]; rows: number[] };
  fewRows: number;
  noComplete: number;
  /** The first data set (d = 0), in the shard that has it. */
  first: FirstDraw | null;
}

/** A shard of the study, one data set per step (the worker slices it between cancel checks and keeps `cache` between runs). */
export function studyPartJob(input: StudyInput, cache = new StudyCache(), shard = 0, shards = 1): Stepwise<StudyPart> {
  const { mechanism, rate, rho, n, draws, k, indicator, seed } = input;
  const offset = offsetFor(rate);
  const key = [seed, n, rho, mechanism, rate, indicator].join('|');
  if (cache.key !== key) {
    cache.key = key;
    cache.draws.clear();
  }
  if (cache.numbersKey !== `${seed}|${n}`) {
    cache.numbersKey = `${seed}|${n}`;
    cache.numbers.clear();
  }
  const part: StudyPart = {
    draws: [],
    per: Object.fromEntries(ROWS.map((r) => [r, Object.fromEntries(QUANTITIES.map((q) => [q, []]))])) as never,
    share: { x: [], y: [], rows: [] },
    fewRows: 0,
    noComplete: 0,
    first: null,
  };
  const { per } = part;
  const numbersOf = (d: number) => {
    let r = cache.numbers.get(d);
    if (!r) cache.numbers.set(d, (r = drawNumbers(seed, d, n)));
    return r;
  };
  let d = shard;
  return {
    step() {
      if (d >= draws) return true;
      let kept = cache.draws.get(d);
      if (!kept || kept.k !== k) {
        const s = kept?.s ?? sampleFrom(numbersOf(d), rho, mechanism, rate, offset);
        const fresh = kept ? redoKnn(s, k, indicator, kept.r) : analyseDraw(s, k, indicator);
        kept = { s, k, r: d === 0 ? fresh : { ...fresh, filled: {} as DrawResult['filled'] } };
        cache.draws.set(d, kept);
      }
      const { s, r } = kept;
      let mx = 0, my = 0, mr = 0;
      for (let i = 0; i < n; i++) {
        mx += s.missX[i];
        my += s.missY[i];
        mr += s.missX[i] | s.missY[i];
      }
      part.draws.push(d);
      part.share.x.push(mx / n);
      part.share.y.push(my / n);
      part.share.rows.push(mr / n);
      if (n - mr < 3) part.fewRows++;
      if (mr === n) part.noComplete++;
      for (const key of ROWS) {
        const e = r.est[key];
        per[key].meanY.push(e.meanY);
        per[key].varY.push(e.varY);
        per[key].corr.push(e.corr);
        per[key].mseAfter.push(r.after[key]);
        per[key].mseBefore.push(r.before[key]);
        const a = r.after[key], b = r.before[key];
        per[key].leak.push(a !== null && b !== null ? a - b : null);
      }
      if (d === 0) {
        const pick = (M: Matrix) => ({ x: Float64Array.from({ length: n }, (_, i) => M.data[i * M.d]), y: Float64Array.from({ length: n }, (_, i) => M.data[i * M.d + 1]) });
        const f = r.filled;
        // Copies: the worker hands the result's arrays over (transfers them), and `s` stays in the cache.
        const own = { n, x: s.x.slice(), y: s.y.slice(), z: s.z.slice(), t: s.t.slice(), missX: s.missX.slice(), missY: s.missY.slice() };
        part.first = { ...own, filled: { mean: pick(f.mean), median: pick(f.median), regression: pick(f.regression), knn: pick(f.knn), iterative: pick(f.iterative) } };
      }
      d += shards;
      return d >= draws;
    },
    result: () => part,
  };
}

/** The study's summary from its shards (every data set 0 … draws − 1 in exactly one of them). */
export function mergeStudy(input: StudyInput, parts: StudyPart[]): StudyResult {
  const { rate, rho, n, draws } = input;
  const order = parts.flatMap((p, j) => p.draws.map((d, i) => ({ d, j, i }))).sort((a, b) => a.d - b.d);
  if (order.length !== draws || order.some((o, at) => o.d !== at)) throw new Error(`the study's shards hold ${order.length} of ${draws} data sets`);
  const inOrder = <T>(of: (p: StudyPart) => T[]): T[] => order.map((o) => of(parts[o.j])[o.i]);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows = ROWS.map((key) => ({ key, ...Object.fromEntries(QUANTITIES.map((q) => [q, stat(inOrder((p) => p.per[key][q]))])) }) as RowSummary);
  const fewRows = sum(parts.map((p) => p.fewRows)), noComplete = sum(parts.map((p) => p.noComplete));
  const first = parts.find((p) => p.first)?.first;
  if (!first) throw new Error('no shard holds the first data set');
  const messages: string[] = [];
  if (rate === 0) messages.push('At rate 0 nothing goes missing: every method equals the complete data.');
  if (fewRows > 0) messages.push(`Dropping incomplete rows left fewer than 3 rows in ${fewRows} of ${draws} data sets; those are left out of its averages.`);
  if (noComplete > 0) messages.push(`In ${noComplete} of ${draws} data sets no row is complete: regression imputation has nothing to learn from and falls back to the mean there.`);
  const nTest = Math.round(TEST_SHARE * n);
  const share = { x: sum(inOrder((p) => p.share.x)) / draws, y: sum(inOrder((p) => p.share.y)) / draws, rows: sum(inOrder((p) => p.share.rows)) / draws };
  return { input, rows, truth: { meanY: 0, varY: 1, corr: rho }, first, share, nTrain: n - nTest, nTest, messages };
}

/** The whole study in one job (one shard). */
export function studyJob(input: StudyInput, cache = new StudyCache()): Stepwise<StudyResult> {
  const job = studyPartJob(input, cache);
  return { step: () => job.step(), result: () => mergeStudy(input, [job.result()]) };
}

/** The study at once (tests, bench). */
export const runStudy = (input: StudyInput): StudyResult => drain(studyJob(input));
