/**
 * The elbow's fast float64 Lloyd (modelLloyd.ts) against scikit-learn (../shared/oracles,
 * key `kmeans`: Lloyd from given centres) and against the recorded run (KMeansRun) to the bit,
 * on data where its bounds skip most points and on tied grids where they must not.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { stream } from '../../lib/random/rng';
import { KMeansRun, pointsOf } from './model';
import { lloydJs } from './modelLloyd';
import { extendPlusPlus } from './seeding';
import { makeData } from './data';
import { MAX_STEP } from './params';

interface KCase {
  name: string;
  input: { k: number; init: number[][]; max_iter: number };
  expected: { labels: number[]; centers: number[][]; inertia: number; n_iter: number };
}

function loadOracle(): { X: number[][]; cases: KCase[] } {
  let text: string;
  try {
    text = readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8');
  } catch {
    text = readFileSync(`${process.cwd()}/../shared/oracles/reference-cases.json`, 'utf8');
  }
  return JSON.parse(text).kmeans;
}

const O = loadOracle();
const P = pointsOf(O.X.flat());
const firstRows = (k: number) => Float64Array.from(O.X.slice(0, k).flat());

describe('scikit-learn Lloyd from given centres', () => {
  it('every case: labels, centres, inertia and iterations', () => {
    expect(O.cases.length).toBeGreaterThan(0);
    for (const c of O.cases) {
      const fin = lloydJs(P, Float64Array.from(c.input.init.flat()), c.input.k, c.input.max_iter);
      expect(Array.from(fin.labels), c.name).toEqual(c.expected.labels);
      expect(fin.centres.length).toBe(2 * c.input.k);
      c.expected.centers.flat().forEach((v, i) => expect(Math.abs(fin.centres[i] - v)).toBeLessThan(1e-11));
      expect(Math.abs(fin.inertia - c.expected.inertia) / c.expected.inertia).toBeLessThan(1e-12);
      expect(fin.nIter, c.name).toBe(c.expected.n_iter);
    }
  });
});

describe('the same end as a recorded run', () => {
  // The recorded run (KMeansRun, held to scikit-learn above) converges at assignment T: stopping
  // after T, T − 1 or T − 2 iterations must give its states there to the bit, and say converged
  // only when the last assignment changed nothing. (lloydJs skips points its bounds prove have
  // kept their centre; a skip that is wrong changes a label or a centre here.)
  it('from the first K rows, k-means++ starts and tied grids, below and at the convergence', async () => {
    const data = (dataset: 'blobs' | 'moons' | 'outliers', spread: number) => pointsOf(makeData({ dataset, groups: 5, spread, n: 400, seed: 3 }).x);
    const plusPlus = (Q: typeof P, k: number) => extendPlusPlus(Q.x, Q.n, new Float64Array(0), k, stream(4, 'init'));
    // Points on a 8 × 8 grid with centres between them: many exact ties (the lower index wins).
    const grid = pointsOf(Array.from({ length: 128 }, (_, i) => (i % 2 ? Math.floor(i / 16) : (i / 2) % 8)));
    const starts: [typeof P, number, Float64Array][] = [
      [P, 1, firstRows(1)],
      [P, 3, firstRows(3)],
      [P, 5, firstRows(5)],
      ...([['blobs', 0.9, 6], ['blobs', 0.2, 9], ['moons', 0.1, 4], ['outliers', 0.6, 10]] as const).map(([name, spread, k]): [typeof P, number, Float64Array] => {
        const Q = data(name, spread);
        return [Q, k, plusPlus(Q, k)];
      }),
      [grid, 2, Float64Array.from([3.5, 0, 3.5, 7])],
      [grid, 3, Float64Array.from([1, 1, 1, 1, 5.5, 5.5])],
    ];
    let slow = 0;
    for (const [pts, k, init] of starts) {
      const run = new KMeansRun(pts, init, { k, engine: 'js', variant: 'lloyd', batch: pts.n, seed: 0 });
      await run.ensure(MAX_STEP);
      expect(run.converged).toBe(true);
      const T = (run.lastStep! + 1) / 2;
      if (T >= 4) slow++;
      for (const maxIter of [T + 5, T, T - 1, T - 2, 1, 0].filter((m) => m >= 0)) {
        const fin = lloydJs(pts, init, k, maxIter);
        const at = run.at(Math.min(2 * maxIter + 1, run.lastStep!));
        expect(fin.nIter, `k ${k}, max_iter ${maxIter}`).toBe(Math.min(maxIter, T));
        expect(fin.converged, `k ${k}, max_iter ${maxIter}`).toBe(maxIter >= T - 1);
        expect(fin.labels).toEqual(at.labels);
        expect(fin.centres).toEqual(at.centres);
        expect(fin.inertia).toBe(at.inertia);
      }
    }
    expect(slow, 'some start takes several iterations').toBeGreaterThan(0);
    expect(() => lloydJs(P, firstRows(3), P.n + 1)).toThrow(/more than the/);
  });
});

describe('skipping points never changes a label', () => {
  it('40 random starts on stretched, moon and blob data: the recorded run\'s end, to the bit', async () => {
    // Stretched blobs and moons make centres move far in one direction: a bound that lags a
    // centre's move, in x or in y, lets a point keep a centre that is no longer its nearest.
    const rng = stream(7, 'starts');
    let runs = 0;
    for (const dataset of ['aniso', 'moons', 'blobs', 'uneven'] as const)
      for (let r = 0; r < 10; r++) {
        const Q = pointsOf(makeData({ dataset, groups: 2 + (r % 6), spread: 0.3 + 0.15 * r, n: 150, seed: 20 + r }).x);
        const k = 2 + ((r * 3) % 9);
        const picks = rng.permutation(Q.n).slice(0, k);
        const init = Float64Array.from(Array.from(picks).flatMap((i) => [Q.x[2 * i], Q.x[2 * i + 1]]));
        const run = new KMeansRun(Q, init, { k, engine: 'js', variant: 'lloyd', batch: Q.n, seed: 0 });
        await run.ensure(MAX_STEP);
        const fin = lloydJs(Q, init, k);
        const end = run.at(run.lastStep!);
        expect(fin.labels, `${dataset} ${r}`).toEqual(end.labels);
        expect(fin.centres, `${dataset} ${r}`).toEqual(end.centres);
        expect(fin.nIter).toBe(run.converged ? (run.lastStep! + 1) / 2 : MAX_STEP / 2);
        runs++;
      }
    expect(runs).toBe(40);
  });
});

describe('the skipping pays', () => {
  it('on separated blobs, after the first assignment most points are not rescanned', () => {
    const Q = pointsOf(makeData({ dataset: 'blobs', groups: 4, spread: 0.4, n: 2000, seed: 5 }).x);
    let later = 0, without = 0;
    for (const k of [3, 4, 6]) {
      const fin = lloydJs(Q, extendPlusPlus(Q.x, Q.n, new Float64Array(0), k, stream(5, `k${k}`)), k);
      expect(fin.converged).toBe(true);
      // Without skipping every assignment scans all n points (the first one always does).
      expect(fin.scans, `k ${k}`).toBeGreaterThanOrEqual(Q.n);
      later += fin.scans - Q.n;
      without += Q.n * (fin.nIter - 1);
    }
    expect(without).toBeGreaterThan(20 * Q.n);
    expect(later / without).toBeLessThan(0.3);
  });
});
