/**
 * k nearest neighbours against a full sort of all distances (ties → lower index), on random data
 * and on a coarse grid where ties are everywhere; candidate rows and the excluded row honoured.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import type { Matrix } from './api';
import { kNearest, knnProba, knnProbaFromLists, neighbourLists } from './knn';
import { matrix } from './reference.testutil';

function bruteForce(X: Matrix, x: ArrayLike<number>, k: number, rows?: Int32Array, exclude?: number): number[] {
  const cand = rows ? Array.from(rows) : Array.from({ length: X.n }, (_, i) => i);
  const dist = (r: number) => {
    let s = 0;
    for (let j = 0; j < X.d; j++) s += (X.data[r * X.d + j] - x[j]) ** 2;
    return s;
  };
  return cand.filter((r) => r !== exclude).sort((a, b) => dist(a) - dist(b) || a - b).slice(0, k);
}

describe('kNearest', () => {
  it('matches the full sort on random and on tied (grid) data, with rows and exclude', () => {
    const rng = stream(1, 'knn');
    for (let t = 0; t < 60; t++) {
      const n = 1 + rng.int(80), d = 1 + rng.int(3), grid = t % 2 === 0;
      const X = matrix(Array.from({ length: n }, () => Array.from({ length: d }, () => (grid ? rng.int(3) : rng.normal()))));
      const q = Array.from({ length: d }, () => (grid ? rng.int(3) : rng.normal()));
      const k = 1 + rng.int(12);
      const rows = t % 3 === 0 ? Int32Array.from({ length: 1 + rng.int(n) }, () => rng.int(n)) : undefined;
      const exclude = t % 4 === 1 ? rng.int(n) : undefined;
      const unique = rows ? Int32Array.from(new Set(rows)) : undefined;
      expect(Array.from(kNearest(X, q, k, { rows: unique, exclude }))).toEqual(bruteForce(X, q, k, unique, exclude));
    }
  });

  it('a hand-worked case: equal distances go to the lower row; k larger than n returns all', () => {
    const X = matrix([[2], [0], [-1], [1], [1]]);
    expect(Array.from(kNearest(X, [0], 3))).toEqual([1, 2, 3]);
    expect(Array.from(kNearest(X, [0], 10, { exclude: 1 }))).toEqual([2, 3, 4, 0]);
    expect(Array.from(kNearest(X, [0], 0))).toEqual([]);
  });
});

describe('knnProba', () => {
  it('is the class share among the k nearest, rows summing to 1', () => {
    const X = matrix([[0], [1], [2], [10], [11]]), y = Int32Array.from([0, 0, 1, 1, 1]);
    const P = knnProba(X, y, matrix([[0.4], [10.2], [1.6]]), 3);
    expect(Array.from(P)).toEqual([2 / 3, 1 / 3, 0, 1, 2 / 3, 1 / 3]);
    const rng = stream(2, 'proba');
    const Xr = matrix(Array.from({ length: 50 }, () => [rng.normal(), rng.normal()]));
    const yr = Int32Array.from({ length: 50 }, () => rng.int(3));
    const Q = matrix(Array.from({ length: 20 }, () => [rng.normal(), rng.normal()]));
    const Pr = knnProba(Xr, yr, Q, 5, 3);
    for (let i = 0; i < 20; i++) {
      expect(Pr[3 * i] + Pr[3 * i + 1] + Pr[3 * i + 2]).toBeCloseTo(1, 12);
      const nn = bruteForce(Xr, Q.data.subarray(2 * i, 2 * i + 2), 5);
      for (let k = 0; k < 3; k++) expect(Pr[3 * i + k]).toBeCloseTo(nn.filter((r) => yr[r] === k).length / 5, 12);
    }
  });
});

describe('knnProbaFromLists', () => {
  it('gives knnProba for every k up to the lists\' length, ties included', () => {
    // Points on a small integer grid: many equal distances, where the order (row index) decides.
    const rng = stream(5, 'lists');
    const X = matrix(Array.from({ length: 40 }, () => [rng.int(4), rng.int(4)]));
    const y = Int32Array.from({ length: 40 }, () => rng.int(3));
    const Q = matrix(Array.from({ length: 15 }, () => [rng.int(4), rng.int(4)]));
    const lists = neighbourLists(X, Q, 31);
    expect(lists.every((l) => l.length === 31)).toBe(true);
    for (const k of [1, 2, 5, 7, 30, 31]) expect(Array.from(knnProbaFromLists(lists, y, k, 3))).toEqual(Array.from(knnProba(X, y, Q, k, 3)));
    // Fewer training rows than k: every row counts once.
    const few = neighbourLists(matrix([[0], [1], [2]]), matrix([[0.2]]), 31);
    expect(Array.from(knnProbaFromLists(few, Int32Array.from([0, 1, 1]), 5, 2))).toEqual([1 / 3, 2 / 3]);
  });
});
