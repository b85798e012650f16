/**
 * The splitters against scikit-learn (../shared/oracles/reference-cases.json, `cross_validation`:
 * KFold, StratifiedKFold, GroupKFold, TimeSeriesSplit with and without a gap, LeaveOneOut on 12
 * samples, no shuffling) and against their defining properties on many seeded random settings:
 * folds partition the samples, stratification keeps each class's count per fold within one of
 * n_c / k, time-series splits never train on the future, groups never straddle folds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng, stream } from '../../lib/random/rng';
import { foldSizes, groupKFold, kFold, leaveOneOut, SplitError, stratifiedKFold, timeSeriesSplit, type Split } from './splitters';

interface CvCases {
  notes: string;
  y: number[];
  groups: number[];
  kfold_4: Split[];
  stratified_kfold_3: Split[];
  group_kfold_3: Split[];
  time_series_split_3: Split[];
  time_series_split_3_gap_1: Split[];
  leave_one_out_first_3: Split[];
}

function loadCases(): CvCases {
  let text: string;
  try {
    text = readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8');
  } catch {
    text = readFileSync(`${process.cwd()}/../shared/oracles/reference-cases.json`, 'utf8');
  }
  return JSON.parse(text).cross_validation as CvCases;
}

const ref = loadCases();

/** Each index 0..n-1 is in exactly one test set, and each split's train is its complement. */
function expectPartition(splits: Split[], n: number): void {
  const seen = new Int32Array(n);
  for (const s of splits) {
    for (const i of s.test) seen[i]++;
    const inTest = new Set(s.test);
    expect(s.train.some((i) => inTest.has(i))).toBe(false);
    expect(s.train.length + s.test.length).toBe(n);
    expect([...s.train].sort((a, b) => a - b)).toEqual(s.train);
    expect([...s.test].sort((a, b) => a - b)).toEqual(s.test);
  }
  expect(Array.from(seen)).toEqual(new Array(n).fill(1));
}

function randomLabels(seed: number, n: number, classes: number, pFirst = 0.3): number[] {
  const r = createRng(seed);
  return Array.from({ length: n }, () => (r.next() < pFirst ? 0 : 1 + r.int(classes - 1)));
}

describe('scikit-learn reference splits (12 samples, no shuffling)', () => {
  it('KFold(4)', () => {
    expect(kFold(12, 4)).toEqual(ref.kfold_4);
  });
  it('StratifiedKFold(3), sklearn’s round-robin allocation', () => {
    expect(stratifiedKFold(ref.y, 3)).toEqual(ref.stratified_kfold_3);
  });
  it('GroupKFold(3), sklearn’s largest-group-to-lightest-fold rule', () => {
    expect(groupKFold(ref.groups, 3)).toEqual(ref.group_kfold_3);
  });
  it('TimeSeriesSplit(3), without and with gap 1', () => {
    expect(timeSeriesSplit(12, 3)).toEqual(ref.time_series_split_3);
    expect(timeSeriesSplit(12, 3, 1)).toEqual(ref.time_series_split_3_gap_1);
  });
  it('LeaveOneOut, first three splits', () => {
    const loo = leaveOneOut(12);
    expect(loo).toHaveLength(12);
    expect(loo.slice(0, 3)).toEqual(ref.leave_one_out_first_3);
  });
});

describe('k-fold', () => {
  it('fold sizes: the first n mod k folds get one more (10 in 3 → 4, 3, 3)', () => {
    expect(foldSizes(10, 3)).toEqual([4, 3, 3]);
    expect(kFold(10, 3).map((s) => s.test)).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  });
  it('with and without shuffling, folds partition the samples', () => {
    for (let t = 0; t < 40; t++) {
      const r = createRng(100 + t);
      const n = 2 + r.int(60);
      const k = 2 + r.int(Math.min(9, n - 1));
      expectPartition(kFold(n, k), n);
      const sh = kFold(n, k, true, stream(t, 'split'));
      expectPartition(sh, n);
      expect(sh.map((s) => s.test.length)).toEqual(foldSizes(n, k));
    }
  });
  it('shuffling is reproducible from the seed and differs between seeds', () => {
    expect(kFold(30, 5, true, stream(3, 'split'))).toEqual(kFold(30, 5, true, stream(3, 'split')));
    expect(kFold(30, 5, true, stream(3, 'split'))).not.toEqual(kFold(30, 5, true, stream(4, 'split')));
    expect(kFold(30, 5, true, stream(3, 'split'))).not.toEqual(kFold(30, 5));
  });
  it('refuses impossible settings', () => {
    expect(() => kFold(4, 5)).toThrow(SplitError);
    expect(() => kFold(10, 1)).toThrow(SplitError);
  });
});

describe('stratified k-fold', () => {
  it('partitions the samples and keeps every class count per fold within one of n_c / k', () => {
    for (let t = 0; t < 60; t++) {
      const r = createRng(500 + t);
      const n = 12 + r.int(80);
      const k = 2 + r.int(9);
      const y = randomLabels(900 + t, n, 2 + r.int(3));
      const counts = new Map<number, number>();
      for (const c of y) counts.set(c, (counts.get(c) ?? 0) + 1);
      if ([...counts.values()].every((c) => c < k)) continue;
      for (const shuffle of [false, true]) {
        const splits = stratifiedKFold(y, k, shuffle, stream(t, 'split'));
        expectPartition(splits, n);
        for (const s of splits)
          for (const [c, nc] of counts) {
            const inFold = s.test.filter((i) => y[i] === c).length;
            expect(Math.abs(inFold - nc / k)).toBeLessThan(1);
          }
        // Fold sizes differ by at most one.
        const sizes = splits.map((s) => s.test.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });
  it('hand-worked: 6 of class a then 3 of class b in 3 folds', () => {
    // Round robin over [a a a a a a b b b]: each fold gets 2 a and 1 b; a fills folds in index order.
    const y = [0, 0, 0, 0, 0, 0, 1, 1, 1];
    expect(stratifiedKFold(y, 3).map((s) => s.test)).toEqual([[0, 1, 6], [2, 3, 7], [4, 5, 8]]);
  });
  it('refuses k above every class count', () => {
    expect(() => stratifiedKFold([0, 0, 1, 1, 2, 2], 3)).toThrow(SplitError);
  });
});

describe('leave-one-out', () => {
  it('n splits, each testing one sample, partitioning the samples', () => {
    const loo = leaveOneOut(17);
    expect(loo).toHaveLength(17);
    expectPartition(loo, 17);
    loo.forEach((s, i) => expect(s.test).toEqual([i]));
  });
});

describe('time-series split', () => {
  it('never trains on the future; the gap is exactly `gap`; test windows are consecutive and end the series', () => {
    for (let t = 0; t < 60; t++) {
      const r = createRng(700 + t);
      const n = 12 + r.int(50);
      const k = 2 + r.int(9);
      const gap = r.int(6);
      const maxTrain = r.next() < 0.5 ? 0 : 1 + r.int(20);
      const size = Math.floor(n / (k + 1));
      if (n - gap - size * k <= 0) {
        expect(() => timeSeriesSplit(n, k, gap, maxTrain)).toThrow(SplitError);
        continue;
      }
      const splits = timeSeriesSplit(n, k, gap, maxTrain);
      expect(splits).toHaveLength(k);
      splits.forEach((s, f) => {
        expect(s.test).toEqual(Array.from({ length: size }, (_, i) => n - (k - f) * size + i));
        expect(Math.max(...s.train)).toBeLessThan(Math.min(...s.test));
        expect(Math.min(...s.test) - Math.max(...s.train) - 1).toBe(gap);
        if (maxTrain > 0) expect(s.train.length).toBeLessThanOrEqual(maxTrain);
        // Training sets are contiguous.
        expect(s.train[s.train.length - 1] - s.train[0] + 1).toBe(s.train.length);
      });
    }
  });
  it('a training window keeps only the most recent samples', () => {
    expect(timeSeriesSplit(12, 3, 0, 2).map((s) => s.train)).toEqual([[1, 2], [4, 5], [7, 8]]);
  });
});

describe('group k-fold', () => {
  it('groups never straddle folds, and the folds partition the samples', () => {
    for (let t = 0; t < 60; t++) {
      const r = createRng(300 + t);
      const n = 12 + r.int(60);
      const G = 2 + r.int(15);
      const k = 2 + r.int(Math.min(9, G - 1));
      const groups = Array.from({ length: n }, () => r.int(G));
      const present = new Set(groups).size;
      if (present < k) {
        expect(() => groupKFold(groups, k)).toThrow(SplitError);
        continue;
      }
      const splits = groupKFold(groups, k);
      expectPartition(splits, n);
      for (const s of splits) {
        const testGroups = new Set(s.test.map((i) => groups[i]));
        expect(s.train.some((i) => testGroups.has(groups[i]))).toBe(false);
      }
    }
  });
  it('refuses more folds than groups', () => {
    expect(() => groupKFold([0, 0, 1, 1, 1], 3)).toThrow(/at least 3 groups/);
  });
});
