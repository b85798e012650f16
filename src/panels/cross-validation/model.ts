/**
 * Cross-validation model: the six splitters on one seeded data set, a k-NN classifier scored on
 * every fold of the chosen scheme, the tuning curve of its k with error bars, the spread of
 * single-split against k-fold estimates over many shuffles, and two leaks (feature selection
 * before the split; shuffled k-fold on grouped data) beside their honest versions.
 * Pure: no React, no DOM. Plain typed arrays (each problem is tiny and branchy; see bench.ts).
 */
import { stream } from '../../lib/random/rng';
import { makeData, makeFresh, type CvData } from './data';
import { NoiseSet, type NoiseSets, type NoiseView } from './noiseSets';
import { knnAccuracies, type Points } from './knn';
import { gather, minusSums, topColumns } from './selection';
import { MAX_NEIGHBOURS, SCHEMES, type CvParams, type Scheme } from './params';
import { groupKFold, kFold, leaveOneOut, SplitError, stratifiedKFold, timeSeriesSplit, type Split } from './splitters';

/** Fresh samples (new groups) on which "accuracy on new data" is measured. */
export const FRESH_POINTS = 1000;
/** Data sets drawn for the leakage demo. */
export const LEAK_SETS = 25;

export type DataParams = Pick<CvParams, 'n' | 'balance' | 'groups' | 'groupEffect' | 'seed'>;

export function dataFor(p: DataParams, name = 'data'): CvData {
  return makeData(stream(p.seed, name), { n: p.n, balance: p.balance, groups: p.groups, groupEffect: p.groupEffect });
}

export interface SchemeSplits {
  scheme: Scheme;
  splits: Split[] | null;
  /** Why there are no splits (invalid settings), in words. */
  error?: string;
  /** A caveat that does not stop the scheme (e.g. a class rarer than the folds). */
  warning?: string;
}

/** The splits of one scheme on data `d`, or the reason it cannot split. */
export function splitsFor(scheme: Scheme, d: CvData, p: Pick<CvParams, 'folds' | 'gap' | 'window' | 'seed'>): SchemeSplits {
  try {
    switch (scheme) {
      case 'kfold':
        return { scheme, splits: kFold(d.n, p.folds) };
      case 'shuffle':
        return { scheme, splits: kFold(d.n, p.folds, true, stream(p.seed, 'split')) };
      case 'stratified': {
        const ones = d.y.reduce((a, b) => a + b, 0);
        const rare = Math.min(ones, d.n - ones);
        const splits = stratifiedKFold(d.y, p.folds, true, stream(p.seed, 'split'));
        const warning =
          rare < p.folds
            ? `The rarer class has only ${rare} sample${rare === 1 ? '' : 's'}, fewer than the ${p.folds} folds: some test folds hold none of it.`
            : undefined;
        return { scheme, splits, warning };
      }
      case 'loo':
        return { scheme, splits: leaveOneOut(d.n) };
      case 'timeseries':
        return { scheme, splits: timeSeriesSplit(d.n, p.folds, p.gap, p.window) };
      case 'group':
        return { scheme, splits: groupKFold(d.group, p.folds) };
    }
  } catch (e) {
    if (e instanceof SplitError) return { scheme, splits: null, error: e.message };
    throw e;
  }
}

/** "5 splits · train 24 · test 6": for the captions, screen readers and the readout. */
export function describeSplits(s: SchemeSplits): string {
  if (!s.splits) return s.error ?? 'no splits';
  const tr = s.splits.map((p) => p.train.length), te = s.splits.map((p) => p.test.length);
  const span = (v: number[]) => (Math.min(...v) === Math.max(...v) ? `${v[0]}` : `${Math.min(...v)}–${Math.max(...v)}`);
  return `${s.splits.length} splits · train ${span(tr)} · test ${span(te)}`;
}

export interface Stats {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  std: number;
  /** Standard error of the mean: std / √n. */
  se: number;
}

export function stats(v: readonly number[]): Stats {
  const n = v.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN, se: Number.NaN };
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const std = n > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (n - 1)) : 0;
  return { mean, std, se: std / Math.sqrt(n) };
}

const points = (d: CvData): Points => ({ x: d.x, d: d.d });

/** Accuracy of k-NN on each split's test part, for every k in ks: acc[split][kIndex]. */
export function foldAccuracies(d: CvData, splits: readonly Split[], ks: readonly number[]): number[][] {
  const pts = points(d);
  return splits.map((s) => knnAccuracies(pts, d.y, s.train, pts, d.y, s.test, ks));
}

/** Odd neighbour counts 1, 3, …, MAX_NEIGHBOURS, plus `k` itself if it is even. */
export function neighbourGrid(k: number): number[] {
  const ks: number[] = [];
  for (let v = 1; v <= MAX_NEIGHBOURS; v += 2) ks.push(v);
  if (!ks.includes(k)) ks.push(k);
  return ks.sort((a, b) => a - b);
}

export interface Tuning {
  ks: number[];
  mean: number[];
  std: number[];
  se: number[];
  /** k with the highest mean score (the smallest such k on a tie). */
  best: number;
  /** Largest k whose mean is within one standard error of the best: the simplest good model. */
  oneSE: number;
}

export function tune(ks: readonly number[], acc: readonly number[][]): Tuning {
  const st = ks.map((_, j) => stats(acc.map((row) => row[j])));
  const mean = st.map((s) => s.mean), std = st.map((s) => s.std), se = st.map((s) => s.se);
  let b = 0;
  for (let j = 1; j < ks.length; j++) if (mean[j] > mean[b] + 1e-12) b = j;
  let one = b;
  for (let j = 0; j < ks.length; j++) if (ks[j] > ks[one] && mean[j] >= mean[b] - se[b] - 1e-12) one = j;
  return { ks: [...ks], mean, std, se, best: ks[b], oneSE: ks[one] };
}

export interface FoldRow {
  trainSize: number;
  testSize: number;
  /** Class-1 samples in the test part. */
  testOnes: number;
  accuracy: number;
}

export interface CvResult {
  data: CvData;
  gallery: SchemeSplits[];
  scheme: Scheme;
  /** The scored scheme's folds (empty when it cannot split). */
  folds: FoldRow[];
  /** Mean, spread and standard error of the fold scores (null when the scheme cannot split). */
  score: Stats | null;
  tuning: Tuning | null;
  /** Share of the commoner class: the accuracy of always guessing it. */
  baseline: number;
  ones: number;
  /** k-NN trained on all n samples, scored on FRESH_POINTS samples from new groups. */
  fresh: number;
  /** Smallest training set among the scored splits. */
  minTrain: number;
  messages: string[];
}

export type MainParams = Pick<CvParams, 'n' | 'folds' | 'scheme' | 'gap' | 'window' | 'balance' | 'groups' | 'groupEffect' | 'k' | 'seed'>;

export function computeCv(p: MainParams): CvResult {
  const data = dataFor(p);
  const gallery = SCHEMES.map((s) => splitsFor(s, data, p));
  const chosen = gallery.find((g) => g.scheme === p.scheme)!;
  const ones = data.y.reduce((a, b) => a + b, 0);
  const baseline = Math.max(ones, data.n - ones) / data.n;
  const messages: string[] = [];
  if (chosen.error) messages.push(chosen.error);
  if (chosen.warning) messages.push(chosen.warning);
  if (ones === 0 || ones === data.n) messages.push('This draw has only one class: every model scores 100 %. Raise the share of class 1 or draw new data.');

  const freshSet = makeFresh(stream(p.seed, 'fresh'), FRESH_POINTS, p.balance, p.groupEffect);
  const all = Array.from({ length: data.n }, (_, i) => i);
  const fresh = knnAccuracies(points(data), data.y, all, { x: freshSet.x, d: 2 }, freshSet.y, Array.from({ length: FRESH_POINTS }, (_, i) => i), [p.k])[0];

  let folds: FoldRow[] = [];
  let tuning: Tuning | null = null;
  let minTrain = data.n;
  if (chosen.splits) {
    const ks = neighbourGrid(p.k);
    const acc = foldAccuracies(data, chosen.splits, ks);
    const at = ks.indexOf(p.k);
    folds = chosen.splits.map((s, f) => ({
      trainSize: s.train.length,
      testSize: s.test.length,
      testOnes: s.test.reduce((a, i) => a + data.y[i], 0),
      accuracy: acc[f][at],
    }));
    tuning = tune(ks, acc);
    minTrain = Math.min(...folds.map((f) => f.trainSize));
    if (p.k > minTrain)
      messages.push(`k = ${p.k} neighbours is more than the smallest training set (${minTrain} samples): there k-NN votes over all of it.`);
  }
  return { data, gallery, scheme: p.scheme, folds, score: folds.length ? stats(folds.map((f) => f.accuracy)) : null, tuning, baseline, ones, fresh, minTrain, messages };
}

/* ---------- Spread: one split against k-fold, over many shuffles of the same data ---------- */

export type SpreadParams = Pick<CvParams, 'n' | 'balance' | 'groups' | 'groupEffect' | 'seed' | 'folds' | 'k' | 'repeats'>;

export interface SpreadResult {
  /** Accuracy on one held-out fold (1/k of the data), one per shuffle. */
  single: number[];
  /** Mean accuracy over all k folds, one per shuffle (the same shuffles). */
  kfold: number[];
  singleStats: Stats;
  kfoldStats: Stats;
  testSize: number;
  n: number;
  /** The k of the k-fold means (the plot's labels come from the result, so they match its numbers while a newer one is computed). */
  folds: number;
}

/**
 * A computation done in steps (one shuffle, one data set), so that a caller may hand the main
 * thread back between them; `drain` runs one to the end at once (tests, benchmark).
 */
export { drain, type Stepwise } from '../../lib/panel/schedule';
import { drain, type Stepwise } from '../../lib/panel/schedule';

/** Shuffle r of the spread: the score of its first fold alone and the mean over all its folds. */
export function spreadShuffle(p: SpreadParams, data: CvData, r: number): { single: number; kfold: number } {
  const splits = kFold(data.n, p.folds, true, stream(p.seed, `spread-${r}`));
  const acc = foldAccuracies(data, splits, [p.k]).map((a) => a[0]);
  return { single: acc[0], kfold: stats(acc).mean };
}

/** The spread's result from its shuffles' scores, in shuffle order (spreadParts.ts joins two halves). */
export function spreadResult(p: SpreadParams, n: number, single: number[], kfold: number[]): SpreadResult {
  return { single, kfold, singleStats: stats(single), kfoldStats: stats(kfold), testSize: Math.ceil(n / p.folds), n, folds: p.folds };
}

/** The spread, one shuffle per step. */
export function spreadRun(p: SpreadParams): Stepwise<SpreadResult> {
  const data = dataFor(p);
  const single: number[] = [];
  const kfold: number[] = [];
  let r = 0;
  return {
    step() {
      if (r < p.repeats) {
        const x = spreadShuffle(p, data, r);
        single.push(x.single);
        kfold.push(x.kfold);
        r++;
      }
      return r >= p.repeats;
    },
    result: () => spreadResult(p, data.n, single, kfold),
  };
}

export function computeSpread(p: SpreadParams): SpreadResult {
  return drain(spreadRun(p));
}

/* ---------- Leakage ---------- */

export { selectFeatures } from './selection';

export type LeakParams = Pick<CvParams, 'leak' | 'n' | 'folds' | 'k' | 'features' | 'keep' | 'seed' | 'balance' | 'groups' | 'groupEffect'>;

export interface LeakResult {
  kind: CvParams['leak'];
  /** Cross-validated accuracy per data set with the leak (set 0 is the current one). */
  leaky: number[];
  /** The same data sets scored honestly (empty when the honest splitter cannot split). */
  honest: number[];
  leakyStats: Stats;
  /** Null when the honest splitter cannot split (too few groups). */
  honestStats: Stats | null;
  /** What new data would score: 0.5 for pure noise; mean accuracy on new groups otherwise. */
  reference: number;
  /** Features actually kept (selection) — clamped to the number of features. */
  kept: number;
  features: number;
  error?: string;
}

/**
 * Cross-validated k-NN accuracy on noise, selecting features on all rows (leaky) or on each
 * fold's training rows. `noise` is the set at these settings: a fresh one by default, or one kept
 * between settings (noiseSets.ts; the leak's workers), whose numbers are the same to the bit.
 */
export function selectionScores(p: LeakParams, set: number, noise: NoiseView = new NoiseSet(p.seed, p.n, set).view(Math.round(p.features), p.folds)): { leaky: number; honest: number } {
  const nf = Math.round(p.features);
  const keep = Math.min(p.keep, nf);
  const { x, y, splits, total } = noise;
  const leakyPts = gather(x, p.n, topColumns(total, keep));
  const leaky: number[] = [];
  const honest: number[] = [];
  splits.forEach((s, f) => {
    leaky.push(knnAccuracies(leakyPts, y, s.train, leakyPts, y, s.test, [p.k])[0]);
    // Training-row sums = all rows minus the test rows: the selection sees no test label.
    const trainSums = minusSums(total, noise.tests[f]);
    const pts = gather(x, p.n, topColumns(trainSums, keep));
    honest.push(knnAccuracies(pts, y, s.train, pts, y, s.test, [p.k])[0]);
  });
  return { leaky: stats(leaky).mean, honest: stats(honest).mean };
}

/** One data set of the leak demo: its leaky and honest scores, and (grouped data) new data's. */
export interface LeakSet {
  s: number;
  leaky: number;
  /** Null when the honest splitter cannot split this set (grouped data, too few groups). */
  honest: number | null;
  /** Accuracy on new groups (grouped data only). */
  fresh: number | null;
  error?: string;
}

/** Scores data set `s` of the leak demo (set 0 is the current one); `kept`: noise sets kept between settings (a worker's). */
export function leakSet(p: LeakParams, s: number, kept?: NoiseSets): LeakSet {
  if (p.leak === 'selection') {
    const noise = kept?.get(p.seed, p.n, s).view(Math.round(p.features), p.folds);
    return { s, ...selectionScores(p, s, noise), fresh: null };
  }
  const data = dataFor(p, s === 0 ? 'data' : `data-${s}`);
  const shuffled = kFold(data.n, p.folds, true, stream(p.seed, s === 0 ? 'split' : `split-${s}`));
  const leaky = stats(foldAccuracies(data, shuffled, [p.k]).map((a) => a[0])).mean;
  const g = splitsFor('group', data, { ...p, gap: 0, window: 0 });
  const honest = g.splits ? stats(foldAccuracies(data, g.splits, [p.k]).map((a) => a[0])).mean : null;
  const f = makeFresh(stream(p.seed, s === 0 ? 'fresh' : `fresh-${s}`), FRESH_POINTS, p.balance, p.groupEffect);
  const all = Array.from({ length: data.n }, (_, i) => i);
  const fresh = knnAccuracies(points(data), data.y, all, { x: f.x, d: 2 }, f.y, Array.from({ length: FRESH_POINTS }, (_, i) => i), [p.k])[0];
  return { s, leaky, honest, fresh, ...(g.splits ? {} : { error: g.error }) };
}

/**
 * The demo's result from its data sets (every one of 0 … LEAK_SETS − 1, in any order: two
 * workers each score half of them, leakParts.ts). Means and spreads are taken in set order, so
 * the numbers are those of one run over all sets, to the bit.
 */
export function leakResult(p: LeakParams, sets: readonly LeakSet[]): LeakResult {
  const bySet = [...sets].sort((a, b) => a.s - b.s);
  if (bySet.length !== LEAK_SETS || bySet.some((x, i) => x.s !== i)) throw new Error(`the leak demo needs data sets 0 to ${LEAK_SETS - 1} once each`);
  const nf = Math.round(p.features);
  const base = { kind: p.leak, kept: Math.min(p.keep, nf), features: nf };
  const leaky = bySet.map((x) => x.leaky);
  if (p.leak === 'selection') {
    const honest = bySet.map((x) => x.honest!);
    return { ...base, leaky, honest, leakyStats: stats(leaky), honestStats: stats(honest), reference: 0.5 };
  }
  // One set the group splitter cannot split makes the honest score unknown, not partial (the
  // message is the last such set's).
  const error = bySet.filter((x) => x.error !== undefined).pop()?.error;
  const h = error ? [] : bySet.map((x) => x.honest!);
  return { ...base, leaky, honest: h, leakyStats: stats(leaky), honestStats: h.length ? stats(h) : null, reference: stats(bySet.map((x) => x.fresh!)).mean, error };
}

/** The leak demo, one of its LEAK_SETS data sets per step. */
export function leakRun(p: LeakParams): Stepwise<LeakResult> {
  const sets: LeakSet[] = [];
  return {
    step() {
      if (sets.length < LEAK_SETS) sets.push(leakSet(p, sets.length));
      return sets.length >= LEAK_SETS;
    },
    result: () => leakResult(p, sets),
  };
}

export function computeLeak(p: LeakParams): LeakResult {
  return drain(leakRun(p));
}
