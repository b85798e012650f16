/**
 * Lloyd's k-means against scikit-learn (the `kmeans` reference case: labels, centres and inertia
 * after 1, 2, 3 and 100 iterations from given centroids, and the elbow inertias), and k-means++
 * seeding: it picks data points, distinct ones while there are distinct points to pick, each with
 * probability proportional to its squared distance to the nearest seed so far (counted over many
 * draws), and a uniform point once every point sits on a seed.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import { nearestCentroids, kmeans, kmeansPlusPlus, lloyd } from './kmeans';
import { matrix, referenceCases } from './reference.testutil';

interface KCase {
  X: number[][];
  cases: { name: string; input: { k: number; init: number[][]; max_iter: number }; expected: { labels: number[]; centers: number[][]; inertia: number } }[];
  elbow_inertia_k1_to_6_init_first_k_rows: number[];
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('k-means', () => {
  const c = referenceCases<{ kmeans: KCase }>().kmeans;
  const X = matrix(c.X);

  it('Lloyd reproduces scikit-learn iteration by iteration', () => {
    for (const k of c.cases) {
      const r = lloyd(X, k.input.init.flat(), k.input.k, k.input.max_iter);
      expect(Array.from(r.labels), k.name).toEqual(k.expected.labels);
      k.expected.centers.flat().forEach((v, i) => expect(rel(r.centroids[i], v), k.name).toBeLessThan(1e-9));
      expect(rel(r.inertia, k.expected.inertia)).toBeLessThan(1e-9);
    }
  });

  it('reproduces the elbow inertias from the first k rows', () => {
    c.elbow_inertia_k1_to_6_init_first_k_rows.forEach((want, i) => {
      const k = i + 1;
      expect(rel(lloyd(X, c.X.slice(0, k).flat(), k, 300).inertia, want), `k=${k}`).toBeLessThan(1e-9);
    });
  });

  it('k-means++ seeds on distinct data points, and k-means never ends above its seeding', () => {
    const rng = stream(4, 'kpp');
    for (let t = 0; t < 20; t++) {
      const k = 1 + rng.int(6);
      const C = kmeansPlusPlus(X, k, rng);
      const rows = Array.from({ length: k }, (_, c2) => c.X.findIndex((r) => r[0] === C[2 * c2] && r[1] === C[2 * c2 + 1]));
      expect(rows.every((r) => r >= 0)).toBe(true);
      expect(new Set(rows).size).toBe(k);
      const seeded = nearestCentroids(X, C, k).inertia;
      expect(kmeans(X, k, stream(t, 'km')).inertia).toBeGreaterThan(0);
      expect(lloyd(X, C, k).inertia).toBeLessThanOrEqual(seeded + 1e-9);
    }
  });

  it('Lloyd by hand: an empty cluster keeps its centroid, ties go to the lower centroid, maxIter caps', () => {
    const X1 = matrix([[0], [1], [10]]);
    // From 0, 100, 10: points 0 and 1 → centroid 0 (moves to 0.5), 10 → centroid 2, none → 100.
    const r = lloyd(X1, [0, 100, 10], 3);
    expect(Array.from(r.centroids)).toEqual([0.5, 100, 10]);
    expect(Array.from(r.labels)).toEqual([0, 0, 2]);
    expect(r.inertia).toBeCloseTo(0.5, 14);
    expect(r.iterations).toBe(1);
    // 5 is as far from 0 as from 10: the lower centroid wins.
    expect(Array.from(nearestCentroids(matrix([[5], [6], [4]]), Float64Array.from([0, 10]), 2).labels)).toEqual([0, 1, 0]);
    // Two moves are needed from (0, 1) on [0, 1, 9, 10]: 0 | 1, 9, 10 → 0, 1 | 9, 10 → stable.
    const X2 = matrix([[0], [1], [9], [10]]);
    expect(lloyd(X2, [0, 1], 2).iterations).toBe(2);
    const one = lloyd(X2, [0, 1], 2, 1);
    expect(one.iterations).toBe(1);
    expect(Array.from(one.centroids)).toEqual([0, 20 / 3]);
    const none = lloyd(X2, [0, 1], 2, 0);
    expect([none.iterations, ...none.centroids]).toEqual([0, 0, 1]);
    // The labels and inertia are those of the final centroids (1 is now nearer 0 than 20/3).
    expect(Array.from(one.labels)).toEqual([0, 0, 1, 1]);
    expect(one.inertia).toBeCloseTo(0 + 1 + (9 - 20 / 3) ** 2 + (10 - 20 / 3) ** 2, 12);
  });

  it('k-means++ draws each next seed with probability proportional to its squared distance (D²), by counting', () => {
    // Points 0, 1, 3 on a line, k = 2. The first seed is uniform (1/3 each); from 0 the others are
    // 1 and 9 away squared (so 1/10 and 9/10), from 1: 1 and 4 (1/5, 4/5), from 3: 9 and 4 (9/13, 4/13).
    const X3 = matrix([[0], [1], [3]]);
    const want: Record<string, number> = { '0,1': 1 / 30, '0,3': 9 / 30, '1,0': 1 / 15, '1,3': 4 / 15, '3,0': 9 / 39, '3,1': 4 / 39 };
    const N = 3000, rng = stream(6, 'kpp-d2'), seen: Record<string, number> = {};
    for (let t = 0; t < N; t++) {
      const C = kmeansPlusPlus(X3, 2, rng);
      const key = `${C[0]},${C[1]}`;
      seen[key] = (seen[key] ?? 0) + 1;
    }
    // Only these six ordered pairs (never a point twice), each within 4.5 standard errors of N·p.
    expect(Object.keys(seen).sort()).toEqual(Object.keys(want).sort());
    for (const [key, p] of Object.entries(want)) expect(Math.abs(seen[key] - N * p), key).toBeLessThan(4.5 * Math.sqrt(N * p * (1 - p)));
  });

  it('k-means++ picks any point, uniformly, once every point sits on a seed', () => {
    // 0, 0, 5 with k = 3: the first two seeds are 0 and 5 (in some order), after which every
    // squared distance is 0; the third seed is then a uniform point, 0 with probability 2/3.
    const X3 = matrix([[0], [0], [5]]);
    const N = 600, rng = stream(7, 'kpp-tie');
    let zeros = 0;
    for (let t = 0; t < N; t++) {
      const C = kmeansPlusPlus(X3, 3, rng);
      expect([C[0], C[1]].sort((a, b) => a - b)).toEqual([0, 5]);
      if (C[2] === 0) zeros++;
    }
    const p = 2 / 3;
    expect(Math.abs(zeros - N * p)).toBeLessThan(4.5 * Math.sqrt(N * p * (1 - p)));
  });

  it('k-means++ on no points, on one repeated point, and with k = 1', () => {
    expect(Array.from(kmeansPlusPlus({ data: new Float64Array(0), n: 0, d: 2 }, 2, stream(1, 'x')))).toEqual([0, 0, 0, 0]);
    const same = matrix([[3, 4], [3, 4], [3, 4]]);
    expect(Array.from(kmeansPlusPlus(same, 3, stream(2, 'x')))).toEqual([3, 4, 3, 4, 3, 4]);
    const r = kmeans(same, 2, stream(2, 'x'));
    expect(r.inertia).toBe(0);
    // Two far points: the second seed is the other point (all the probability is there).
    for (let s = 0; s < 10; s++) {
      const C = kmeansPlusPlus(matrix([[0, 0], [0, 0], [5, 0]]), 2, stream(s, 'two'));
      expect([C[0] + C[2], C[1] + C[3]]).toEqual([5, 0]);
    }
  });
});
