/**
 * The missing-data study. Pure: no React, no DOM; the panel's worker runs it (compute.worker.ts),
 * vitest calls it directly. This file holds the study (data sets, cache, shards, summary); one
 * data set's analysis is modelDraw.ts (the fast path the study runs) and modelReference.ts (the
 * plain path it equals to the bit).
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
import type { Stepwise } from '../../lib/panel/schedule';
import { drain } from '../../lib/panel/schedule';
import { DrawStream, offsetFor, sampleFrom, TEST_SHARE, type Sample } from './data';
import { analyseDrawFast, redoKnn, ROWS, type DrawResult, type RowKey } from './modelDraw';
import { analyseDrawReference } from './modelReference';
import { inArena } from './arena';
import type { Mechanism, Method } from './params';

export { drawStart, estimates, features, redoKnn, ROWS, type DrawResult, type Estimates, type RowKey } from './modelDraw';
export { impute, imputeSplit, plainScore } from './modelReference';

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

export const QUANTITIES = ['meanY', 'varY', 'corr', 'mseAfter', 'mseBefore', 'leak'] as const;
export type Quantity = (typeof QUANTITIES)[number];

/** One number per data set: its average, standard deviation over the data sets, how many were defined. */
export interface Stat {
  mean: number | null;
  sd: number | null;
  count: number;
}

export type RowSummary = { key: RowKey } & Record<Quantity, Stat>;

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

/**
 * Everything the study needs from one data set. `reference`: the plain computation
 * (modelReference.ts: every imputer fitted by the kit as sklearn would, each downstream error on
 * copied designs); the default is the fast path (modelDraw.ts), with the same numbers
 * (modelFast.test.ts compares the two).
 */
export function analyseDraw(s: Sample, k: number, indicator: boolean, reference = false): DrawResult {
  return reference ? analyseDrawReference(s, k, indicator) : analyseDrawFast(s, k, indicator);
}

/**
 * Each data set's random numbers at the last seed, for any n (data.ts DrawStream): moving ρ, the
 * mechanism or the rate keeps them, and moving n keeps the rows both n share.
 */
export class NumberCache {
  key = '';
  readonly streams = new Map<number, DrawStream>();
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
  /** `numbers`: may be shared by caches of the same worker (lookahead.ts), as they hold the same seed's. */
  constructor(readonly numbers = new NumberCache()) {}
}

/** What the data sets a cache keeps depend on: every input but k (k-NN is redone) and the draws. */
export const studyKey = (input: StudyInput): string => [input.seed, input.n, input.rho, input.mechanism, input.rate, input.indicator].join('|');

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
  const key = studyKey(input);
  if (cache.key !== key) {
    cache.key = key;
    cache.draws.clear();
  }
  const numbers = cache.numbers;
  if (numbers.key !== `${seed}`) {
    numbers.key = `${seed}`;
    numbers.streams.clear();
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
    let r = numbers.streams.get(d);
    if (!r) numbers.streams.set(d, (r = new DrawStream(seed, d)));
    return r.numbers(n);
  };
  let d = shard;
  return {
    step() {
      if (d >= draws) return true;
      let kept = cache.draws.get(d);
      if (!kept || kept.k !== k) {
        const s = kept?.s ?? sampleFrom(numbersOf(d), rho, mechanism, rate, offset);
        const prev = kept?.r;
        const analyse = () => (prev ? redoKnn(s, k, indicator, prev) : analyseDraw(s, k, indicator));
        // Only data set 0 keeps its filled matrices (the scatter's): every other data set's die
        // here, so they are drawn from the arena's reused memory (arena.ts), and dropped inside it.
        const r = d === 0 ? analyse() : inArena(() => ({ ...analyse(), filled: {} as DrawResult['filled'] }));
        kept = { s, k, r };
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
