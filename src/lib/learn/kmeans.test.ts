/**
 * Lloyd's k-means against scikit-learn (the `kmeans` reference case: labels, centres and inertia
 * after 1, 2, 3 and 100 iterations from given centroids, and the elbow inertias), and k-means++
 * seeding: it picks data points, distinct ones while there are distinct points to pick.
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
});
