/**
 * DBSCAN against scikit-learn (the `dbscan` reference case: labels and core points for every run
 * it holds) and against a brute-force definition on random small inputs: core points by count,
 * clusters = connected components of core points under "within eps", numbered by their lowest
 * core point, each border point in the lowest-numbered cluster with a core point within eps.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import type { Matrix } from './api';
import { dbscan } from './dbscan';
import { matrix, referenceCases } from './reference.testutil';

interface DbscanCase {
  X: number[][];
  runs: Record<string, { labels: number[]; core_sample_indices: number[] }>;
}

function bruteForce(X: Matrix, eps: number, minPts: number): number[] {
  const n = X.n;
  const near = (i: number, j: number) => Math.hypot(...Array.from({ length: X.d }, (_, k) => X.data[i * X.d + k] - X.data[j * X.d + k])) <= eps;
  const core = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => near(i, j)).filter(Boolean).length >= minPts);
  // Reachability among core points by repeated relaxation (transitive closure).
  const comp = Array.from({ length: n }, (_, i) => (core[i] ? i : -1));
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        if (core[i] && core[j] && near(i, j) && comp[j] < comp[i]) {
          comp[i] = comp[j];
          changed = true;
        }
  }
  const roots = [...new Set(comp.filter((c) => c >= 0))].sort((a, b) => a - b);
  const label = comp.map((c) => (c >= 0 ? roots.indexOf(c) : -1));
  return label.map((l, i) => {
    if (core[i]) return l;
    let best = -1;
    for (let j = 0; j < n; j++) if (core[j] && near(i, j) && (best < 0 || label[j] < best)) best = label[j];
    return best;
  });
}

describe('dbscan', () => {
  it('reproduces scikit-learn on the reference case (labels and core points of every run)', () => {
    const c = referenceCases<{ dbscan: DbscanCase }>().dbscan;
    const X = matrix(c.X);
    const runs = Object.entries(c.runs);
    expect(runs.length).toBeGreaterThan(0);
    for (const [name, want] of runs) {
      const m = /eps=([\d.]+) min_samples=(\d+)/.exec(name)!;
      const r = dbscan(X, Number(m[1]), Number(m[2]));
      expect(Array.from(r.labels), name).toEqual(want.labels);
      expect(Array.from(r.core).flatMap((v, i) => (v ? [i] : [])), name).toEqual(want.core_sample_indices);
      expect(r.nClusters).toBe(Math.max(-1, ...want.labels) + 1);
    }
  });

  it('equals the brute-force definition on random small inputs', () => {
    const rng = stream(3, 'dbscan');
    for (let t = 0; t < 80; t++) {
      const n = 1 + rng.int(40);
      const grid = t % 3 === 0; // coarse grid: distances exactly eps are common
      const X = matrix(Array.from({ length: n }, () => [grid ? rng.int(5) * 0.5 : rng.normal(), grid ? rng.int(5) * 0.5 : rng.normal()]));
      const eps = grid ? 0.5 * (1 + rng.int(2)) : 0.1 + rng.next();
      const minPts = 1 + rng.int(6);
      expect(Array.from(dbscan(X, eps, minPts).labels), `case ${t}`).toEqual(bruteForce(X, eps, minPts));
    }
  });

  it('minSamples 1 makes every point core; eps 0 leaves only duplicates together', () => {
    const X = matrix([[0, 0], [0, 0], [3, 0]]);
    expect(Array.from(dbscan(X, 0, 1).labels)).toEqual([0, 0, 1]);
    expect(Array.from(dbscan(X, 0, 2).labels)).toEqual([0, 0, -1]);
    expect(Array.from(dbscan(X, 0, 3).labels)).toEqual([-1, -1, -1]);
  });
});
