/**
 * Cross-validation splitters, following scikit-learn's definitions (KFold, StratifiedKFold,
 * LeaveOneOut, TimeSeriesSplit, GroupKFold) so that without shuffling they return the very same
 * indices. Pure: no React, no DOM. Each returns one {train, test} pair per split, both sorted
 * ascending. Invalid settings throw a SplitError whose message says why in plain words.
 */
import type { Rng } from '../../lib/random/rng';

export interface Split {
  train: number[];
  test: number[];
}

export class SplitError extends Error {}

const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);

/** Train = every index 0..n-1 that is not in test (ascending). */
function complement(n: number, test: readonly number[]): number[] {
  const inTest = new Uint8Array(n);
  for (const i of test) inTest[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!inTest[i]) out.push(i);
  return out;
}

function fromTestSets(n: number, tests: number[][]): Split[] {
  return tests.map((t) => {
    const test = [...t].sort((a, b) => a - b);
    return { train: complement(n, test), test };
  });
}

function checkK(n: number, k: number): void {
  if (!Number.isInteger(k) || k < 2) throw new SplitError(`k-fold needs at least 2 folds (got ${k}).`);
  if (k > n) throw new SplitError(`Cannot make ${k} folds from ${n} samples.`);
}

/** Sizes of k consecutive folds of n samples: the first n mod k folds get one extra. */
export function foldSizes(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, f) => Math.floor(n / k) + (f < n % k ? 1 : 0));
}

/**
 * k consecutive blocks of the (optionally shuffled) indices, as sklearn's KFold: fold f tests
 * foldSizes(n, k)[f] samples.
 */
export function kFold(n: number, k: number, shuffle = false, rng?: Rng): Split[] {
  checkK(n, k);
  const order = range(0, n);
  if (shuffle) {
    if (!rng) throw new SplitError('Shuffled k-fold needs a random stream.');
    rng.shuffle(order);
  }
  let start = 0;
  return fromTestSets(
    n,
    foldSizes(n, k).map((size) => {
      const t = order.slice(start, start + size);
      start += size;
      return t;
    }),
  );
}

/** Number of samples of each class, classes numbered by order of first appearance. */
function encodeByAppearance(y: ArrayLike<number>): { code: Int32Array; counts: number[] } {
  const seen = new Map<number, number>();
  const code = new Int32Array(y.length);
  const counts: number[] = [];
  for (let i = 0; i < y.length; i++) {
    let c = seen.get(y[i]);
    if (c === undefined) {
      c = seen.size;
      seen.set(y[i], c);
      counts.push(0);
    }
    code[i] = c;
    counts[c]++;
  }
  return { code, counts };
}

/**
 * Stratified k-fold, as sklearn's StratifiedKFold (≥ 0.22): the per-fold count of each class
 * comes from dealing the class-sorted labels round robin into the k folds; each class's samples
 * then fill the folds in index order (or in shuffled fold order when shuffle is on), so every
 * test fold holds each class's proportion to within one sample.
 */
export function stratifiedKFold(y: ArrayLike<number>, k: number, shuffle = false, rng?: Rng): Split[] {
  const n = y.length;
  checkK(n, k);
  const { code, counts } = encodeByAppearance(y);
  const nClasses = counts.length;
  if (counts.every((c) => k > c)) throw new SplitError(`Cannot put every class in ${k} folds: no class has ${k} members.`);
  if (shuffle && !rng) throw new SplitError('Shuffled stratified k-fold needs a random stream.');
  // Round robin over the labels sorted by class: allocation[f][c] samples of class c in fold f.
  const sorted: number[] = [];
  counts.forEach((cnt, c) => {
    for (let i = 0; i < cnt; i++) sorted.push(c);
  });
  const allocation = Array.from({ length: k }, () => new Array<number>(nClasses).fill(0));
  sorted.forEach((c, i) => allocation[i % k][c]++);
  const testFold = new Int32Array(n);
  for (let c = 0; c < nClasses; c++) {
    const foldsForClass: number[] = [];
    for (let f = 0; f < k; f++) for (let r = 0; r < allocation[f][c]; r++) foldsForClass.push(f);
    if (shuffle) rng!.shuffle(foldsForClass);
    let j = 0;
    for (let i = 0; i < n; i++) if (code[i] === c) testFold[i] = foldsForClass[j++];
  }
  const tests: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) tests[testFold[i]].push(i);
  return fromTestSets(n, tests);
}

/** Leave-one-out: n splits, split i tests sample i alone. */
export function leaveOneOut(n: number): Split[] {
  if (n < 2) throw new SplitError('Leave-one-out needs at least 2 samples.');
  return fromTestSets(n, range(0, n).map((i) => [i]));
}

/**
 * Time-series split, as sklearn's TimeSeriesSplit: k test windows of n // (k + 1) samples at
 * the end of the series; each trains on everything before its window minus `gap` samples, or
 * only on the last `maxTrain` of those when maxTrain > 0. Samples after a test window are in
 * neither set.
 */
export function timeSeriesSplit(n: number, k: number, gap = 0, maxTrain = 0, testSize?: number): Split[] {
  if (!Number.isInteger(k) || k < 1) throw new SplitError(`A time-series split needs at least 1 split (got ${k}).`);
  if (k + 1 > n) throw new SplitError(`Cannot make ${k} time-series splits from ${n} samples.`);
  const size = testSize ?? Math.floor(n / (k + 1));
  if (n - gap - size * k <= 0)
    throw new SplitError(`${k} test windows of ${size} plus a gap of ${gap} leave no sample to train the first split on.`);
  const out: Split[] = [];
  for (let start = n - k * size; start < n; start += size) {
    const trainEnd = start - gap;
    const trainStart = maxTrain > 0 && maxTrain < trainEnd ? trainEnd - maxTrain : 0;
    out.push({ train: range(trainStart, trainEnd), test: range(start, start + size) });
  }
  return out;
}

/**
 * Group k-fold, as sklearn's GroupKFold without shuffling: groups sorted by size, largest first
 * (equal sizes: the later group first, as numpy's argsort reversed), each added to the fold
 * that holds the fewest samples so far (the first such fold on a tie). A group is never split.
 */
export function groupKFold(groups: ArrayLike<number>, k: number): Split[] {
  const n = groups.length;
  if (!Number.isInteger(k) || k < 2) throw new SplitError(`Group k-fold needs at least 2 folds (got ${k}).`);
  const labels = [...new Set(Array.from(groups))].sort((a, b) => a - b);
  if (labels.length < k) throw new SplitError(`Group k-fold needs at least ${k} groups for ${k} folds; the data have ${labels.length}.`);
  const index = new Map(labels.map((g, i) => [g, i]));
  const size = new Array<number>(labels.length).fill(0);
  for (let i = 0; i < n; i++) size[index.get(groups[i])!]++;
  // Stable ascending sort by size, then reversed: largest first, ties by descending position.
  const order = labels.map((_, i) => i).sort((a, b) => size[a] - size[b] || a - b).reverse();
  const load = new Array<number>(k).fill(0);
  const foldOf = new Array<number>(labels.length).fill(0);
  for (const g of order) {
    let lightest = 0;
    for (let f = 1; f < k; f++) if (load[f] < load[lightest]) lightest = f;
    load[lightest] += size[g];
    foldOf[g] = lightest;
  }
  const tests: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) tests[foldOf[index.get(groups[i])!]].push(i);
  return fromTestSets(n, tests);
}
