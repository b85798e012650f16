/**
 * knnProbaSweep against the brute-force knnProba (every row measured for every query), to the
 * bit: random data in 1 to 3 features, coarse grids where equal distances and equal first
 * coordinates are everywhere (ties → the lower row index), duplicated rows, dense data (every
 * distance below 1), queries outside the data, k from 0 to past n.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import { knnProba } from './knn';
import { knnProbaSweep } from './knnSweep';
import { matrix } from './reference.testutil';

describe('knnProbaSweep', () => {
  it('equals knnProba to the bit on random and on tied data', () => {
    const rng = stream(3, 'sweep');
    let off = 0;
    for (let t = 0; t < 80; t++) {
      const n = 1 + rng.int(60), d = 1 + rng.int(3), K = 2 + rng.int(2), grid = t % 2 === 0;
      const coord = () => (grid ? rng.int(4) - 1 : 2 * rng.normal());
      const rows = Array.from({ length: n }, () => Array.from({ length: d }, coord));
      if (t % 5 === 0) rows.push(...rows.slice(0, 3).map((r) => r.slice())); // duplicates
      const X = matrix(rows), y = Int32Array.from(rows, () => rng.int(K));
      const Q = matrix(Array.from({ length: 40 }, () => Array.from({ length: d }, () => (grid ? rng.int(6) - 2 : 3 * rng.normal()))));
      const k = t % 7 === 0 ? X.n + 2 : rng.int(Math.min(X.n, 12) + 1);
      const a = knnProba(X, y, Q, Math.min(k, X.n), K), b = knnProbaSweep(X, y, Q, k, K);
      if (Array.from(a).join() !== Array.from(b).join()) off++;
    }
    expect(off).toBe(0);
  });

  it('equals knnProba on dense data (neighbours much nearer than 1), as a decision map has', () => {
    const rng = stream(4, 'dense');
    let off = 0;
    for (let t = 0; t < 20; t++) {
      const n = 20 + rng.int(80), K = 2 + rng.int(2);
      const X = matrix(Array.from({ length: n }, () => [0.05 * rng.normal(), 0.05 * rng.normal()]));
      const y = Int32Array.from({ length: n }, () => rng.int(K));
      const Q = matrix(Array.from({ length: 40 }, () => [0.08 * rng.normal(), 0.08 * rng.normal()]));
      const k = 1 + rng.int(10);
      if (Array.from(knnProba(X, y, Q, k, K)).join() !== Array.from(knnProbaSweep(X, y, Q, k, K)).join()) off++;
    }
    expect(off).toBe(0);
  });

  it('k 0 gives rows of zeros; k past n takes every row', () => {
    const X = matrix([[0, 0], [1, 0], [3, 1]]), y = Int32Array.from([0, 1, 1]), Q = matrix([[0.2, 0], [5, 5]]);
    expect(Array.from(knnProbaSweep(X, y, Q, 0))).toEqual([0, 0, 0, 0]);
    expect(Array.from(knnProbaSweep(X, y, Q, 9))).toEqual([1 / 3, 1 / 3 + 1 / 3, 1 / 3, 1 / 3 + 1 / 3]);
    // k = 1: the nearest row's class; a tie in distance (x = 0.5 between rows 0 and 1) goes to row 0.
    expect(Array.from(knnProbaSweep(X, y, matrix([[0.5, 0], [0.9, 0]]), 1))).toEqual([1, 0, 0, 1]);
  });
});
