/**
 * k-means against scikit-learn (../shared/oracles/reference-cases.json, key `kmeans`: Lloyd from
 * given centres, inertia, elbow, silhouettes), hand-worked silhouettes and D² probabilities, and
 * the invariants: inertia never rises under Lloyd, K > N is refused, both engines agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useCpuBackend } from '../../lib/tf/testing';
import * as tf from '../../lib/tf/tf';
import { createRng, stream } from '../../lib/random/rng';
import { assign, assignJs, checkK, inertiaOf, KMeansRun, meansOf, pointsOf, runLloyd, type Engine } from './model';
import { assignTf } from './assign.tf';
import { drawWeighted, extendPlusPlus, formatCentres, parseCentres, seedPlusPlus, seedRandom } from './seeding';
import { sampleIndices, silhouetteSamples } from './silhouette';
import { elbowCurve } from './elbow';
import { makeData } from './data';
import { MAX_STEP } from './params';

interface KCase {
  name: string;
  input: { k: number; init: number[][]; max_iter: number };
  expected: { labels: number[]; centers: number[][]; inertia: number; n_iter: number };
}
interface KOracle {
  X: number[][];
  cases: KCase[];
  elbow_inertia_k1_to_6_init_first_k_rows: number[];
  silhouette_score_by_k_init_first_k_rows: Record<string, number>;
  silhouette_samples_k3: number[];
}

function loadOracle(): KOracle {
  let text: string;
  try {
    text = readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8');
  } catch {
    text = readFileSync(`${process.cwd()}/../shared/oracles/reference-cases.json`, 'utf8');
  }
  return JSON.parse(text).kmeans as KOracle;
}

const O = loadOracle();
const P = pointsOf(O.X.flat());
const firstRows = (k: number) => Float64Array.from(O.X.slice(0, k).flat());
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));
const ENGINES: Engine[] = ['js', 'tf'];

beforeAll(async () => {
  await useCpuBackend();
});

describe('scikit-learn Lloyd from given centres', () => {
  for (const engine of ENGINES)
    for (const c of O.cases) {
      it(`${c.name} (${engine})`, async () => {
        const init = Float64Array.from(c.input.init.flat());
        const fin = await runLloyd(P, init, c.input.k, engine, c.input.max_iter);
        expect(Array.from(fin.labels)).toEqual(c.expected.labels);
        const tol = engine === 'js' ? 1e-12 : 1e-6;
        expect(fin.centres.length).toBe(2 * c.input.k);
        c.expected.centers.flat().forEach((v, i) => expect(Math.abs(fin.centres[i] - v)).toBeLessThan(tol * 10));
        expect(rel(fin.inertia, c.expected.inertia)).toBeLessThan(tol);
        expect(fin.nIter).toBe(c.expected.n_iter);
      });
    }

  it('the recorded half-moves hold the same states: assignment 2t + 1 is scikit-learn at max_iter = t', async () => {
    // Every case that starts like the first one is a point on the same recorded run: scikit-learn
    // stopped after n_iter iterations and relabelled against the last centres (assignment
    // 2·n_iter + 1), or its n_iter-th assignment changed nothing (2·n_iter − 1, where the run
    // ends; at() clamps to it, and the labels and inertia there are the same).
    const c0 = O.cases[0];
    const same = O.cases.filter((c) => c.input.k === c0.input.k && JSON.stringify(c.input.init) === JSON.stringify(c0.input.init));
    expect(same.length, 'the oracle has several max_iter cases from one start').toBeGreaterThanOrEqual(2);
    const run = new KMeansRun(P, Float64Array.from(c0.input.init.flat()), { k: c0.input.k, engine: 'tf', variant: 'lloyd', batch: P.n, seed: 1 });
    await run.ensure(MAX_STEP);
    expect(run.lastStep).not.toBeNull();
    for (const c of same) {
      const s = run.at(2 * c.expected.n_iter + 1);
      expect(Array.from(s.labels!)).toEqual(c.expected.labels);
      expect(rel(s.inertia!, c.expected.inertia)).toBeLessThan(1e-6);
    }
    // Where scikit-learn stopped before max_iter, its last assignment changed nothing: the run
    // ends at that assignment, 2·n_iter − 1. Where it used every iteration, ours goes at least as far.
    for (const c of same) {
      const t = c.expected.n_iter;
      if (t < c.input.max_iter) {
        expect(run.converged).toBe(true);
        expect(run.lastStep).toBe(2 * t - 1);
      } else expect(run.converged && run.lastStep! < 2 * t - 1).toBe(false);
    }
  });
});

describe('elbow and silhouettes (scikit-learn)', () => {
  // The oracle's K range is read from the oracle (its key names the range it was made with).
  const elbowK = O.elbow_inertia_k1_to_6_init_first_k_rows.length;
  const silK = Math.max(...Object.keys(O.silhouette_score_by_k_init_first_k_rows).map(Number));

  it('final inertia for K = 1 … max from the first K rows', async () => {
    const r = await elbowCurve(P, 'js', { seed: 0, maxK: elbowK, init: (k) => firstRows(k) });
    // One entry per K = 1 … max, in order: a curve that skips or repeats a K fails here.
    expect(elbowK).toBe(6);
    expect(r.ks).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.inertia.length).toBe(elbowK);
    expect(r.silhouette.length).toBe(elbowK);
    expect(r.converged.length).toBe(elbowK);
    r.inertia.forEach((v, i) => expect(rel(v!, O.elbow_inertia_k1_to_6_init_first_k_rows[i])).toBeLessThan(1e-10));
  });

  it('silhouette score against K from the first K rows', async () => {
    const r = await elbowCurve(P, 'tf', { seed: 0, maxK: silK, init: (k) => firstRows(k) });
    expect(Object.keys(O.silhouette_score_by_k_init_first_k_rows).length).toBe(silK - 1); // K = 2 … max
    expect(r.ks).toEqual(Array.from({ length: silK }, (_, i) => i + 1));
    expect(r.silhouette.length).toBe(silK);
    for (const [k, v] of Object.entries(O.silhouette_score_by_k_init_first_k_rows)) expect(rel(r.silhouette[Number(k) - 1]!, v)).toBeLessThan(1e-9);
    expect(r.silhouette[0]).toBeNull();
  });

  it('per-point silhouettes for K = 3', async () => {
    const fin = await runLloyd(P, firstRows(3), 3, 'js');
    const s = silhouetteSamples(P.x, null, fin.labels, 3)!;
    expect(s.values.length).toBe(O.silhouette_samples_k3.length);
    O.silhouette_samples_k3.forEach((v, i) => expect(Math.abs(s.values[i] - v)).toBeLessThan(1e-12));
  });

  it('a hand-worked case: 0 and 1 together, 4 alone', () => {
    const s = silhouetteSamples(Float64Array.from([0, 0, 1, 0, 4, 0]), null, [0, 0, 1], 2)!;
    // s(0): a = 1, b = 4 → 3/4. s(1): a = 1, b = 3 → 2/3. A point alone in its cluster scores 0.
    expect(s.values[0]).toBeCloseTo(0.75, 12);
    expect(s.values[1]).toBeCloseTo(2 / 3, 12);
    expect(s.values[2]).toBe(0);
    expect(s.mean).toBeCloseTo((0.75 + 2 / 3) / 3, 12);
    expect(silhouetteSamples(Float64Array.from([0, 0, 1, 0]), null, [0, 0], 2)).toBeNull();
  });

  it('a subsample is m distinct sorted indices, the same for the same seed', () => {
    const a = sampleIndices(1000, 50, stream(3, 's'))!;
    expect(new Set(a).size).toBe(50);
    expect(Array.from(a)).toEqual([...a].sort((p, q) => p - q));
    expect(Array.from(sampleIndices(1000, 50, stream(3, 's'))!)).toEqual(Array.from(a));
    expect(sampleIndices(40, 50, stream(3, 's'))).toBeNull();
  });
});

describe('Lloyd invariants', () => {
  const cases = [
    { dataset: 'blobs', groups: 4, spread: 0.8, n: 800, k: 4 },
    { dataset: 'uneven', groups: 5, spread: 0.6, n: 600, k: 7 },
    { dataset: 'moons', groups: 2, spread: 0.6, n: 500, k: 5 },
    { dataset: 'outliers', groups: 3, spread: 1.2, n: 700, k: 3 },
    { dataset: 'aniso', groups: 3, spread: 0.8, n: 400, k: 10 },
  ] as const;
  for (const c of cases)
    for (const engine of ENGINES)
      it(`inertia never rises between half-moves: ${c.dataset}, K = ${c.k} (${engine})`, async () => {
        for (const seed of [1, 2, 3]) {
          const d = makeData({ ...c, seed });
          const init = extendPlusPlus(d.x, d.n, new Float64Array(0), c.k, stream(seed, 'init'));
          const run = new KMeansRun(d, init, { k: c.k, engine, variant: 'lloyd', batch: d.n, seed });
          await run.ensure(200);
          const seq = run.snapshots.slice(1).map((s) => s.inertia!);
          expect(seq.length).toBeGreaterThan(2);
          for (let i = 1; i < seq.length; i++) expect(seq[i]).toBeLessThanOrEqual(seq[i - 1] * (1 + 1e-12));
          // ... and each assignment is a true nearest-centre assignment, each update the exact means.
          const s = run.snapshots;
          for (let t = 1; t + 1 < s.length; t += 2) {
            expect(Array.from(s[t].labels!)).toEqual(Array.from(assignJs(d, s[t - 1].centres, c.k)));
            expect(Array.from(s[t + 1].centres)).toEqual(Array.from(meansOf(d.x, d.n, s[t].labels!, s[t].centres, c.k)));
          }
        }
      });

  it('an empty cluster keeps its centre and inertia still does not rise', async () => {
    const p = pointsOf([0, 0, 1, 0, 0, 1, 1, 1]);
    const run = new KMeansRun(p, Float64Array.from([0.5, 0.5, 50, 50]), { k: 2, engine: 'tf', variant: 'lloyd', batch: 4, seed: 0 });
    await run.ensure(10);
    expect(Array.from(run.at(2).centres)).toEqual([0.5, 0.5, 50, 50]);
    expect(Array.from(run.at(1).sizes!)).toEqual([4, 0]);
    expect(run.at(1).inertia).toBeCloseTo(2, 12); // four corners at distance² 0.5 from the middle
    expect(run.lastStep).toBe(3);
    // The same with the empty cluster third (its centre is read at 2j, 2j + 1 for j = 2).
    const three = new KMeansRun(p, Float64Array.from([0.4, 0.4, 0.6, 0.6, 50, 51]), { k: 3, engine: 'js', variant: 'lloyd', batch: 4, seed: 0 });
    await three.ensure(10);
    expect(Array.from(three.at(1).sizes!)).toEqual([3, 1, 0]);
    expect(Array.from(three.at(2).centres.subarray(4))).toEqual([50, 51]);
  });

  it('each snapshot reports the points that changed cluster and the farthest a centre moved', async () => {
    const d = makeData({ dataset: 'blobs', groups: 4, spread: 0.9, n: 600, seed: 6 });
    const run = new KMeansRun(d, extendPlusPlus(d.x, d.n, new Float64Array(0), 5, stream(6, 'init')), { k: 5, engine: 'js', variant: 'lloyd', batch: d.n, seed: 6 });
    await run.ensure(200);
    const s = run.snapshots;
    expect(s.length).toBeGreaterThan(6);
    expect(s[1].moved).toBe(d.n);
    for (let t = 3; t < s.length; t += 2) expect(s[t].moved, `step ${t}`).toBe(s[t].labels!.filter((l, i) => l !== s[t - 2].labels![i]).length);
    for (let t = 2; t < s.length; t += 2) {
      let far = 0;
      for (let j = 0; j < 5; j++) far = Math.max(far, Math.hypot(s[t].centres[2 * j] - s[t - 1].centres[2 * j], s[t].centres[2 * j + 1] - s[t - 1].centres[2 * j + 1]));
      expect(s[t].shift, `step ${t}`).toBe(far);
    }
    expect(s[2].shift).toBeGreaterThan(0);
  });

  it('mini-batch: each centre is the running mean of every batch point it has been given (Sculley)', async () => {
    const d = makeData({ dataset: 'blobs', groups: 3, spread: 0.7, n: 500, seed: 8 });
    const init = extendPlusPlus(d.x, d.n, new Float64Array(0), 3, stream(8, 'init'));
    const run = new KMeansRun(d, init, { k: 3, engine: 'js', variant: 'minibatch', batch: 40, seed: 8 });
    await run.ensure(8);
    // The start counts as nothing: the first batch points given to a centre replace it.
    const sum = new Float64Array(6), count = new Float64Array(3);
    for (let t = 1; t < 8; t += 2) {
      const a = run.at(t);
      expect(new Set(a.batch!).size).toBe(40);
      for (const i of a.batch!) {
        const j = a.labels![i];
        sum[2 * j] += d.x[2 * i];
        sum[2 * j + 1] += d.x[2 * i + 1];
        count[j]++;
      }
      const c = run.at(t + 1).centres;
      for (let j = 0; j < 3; j++) {
        const want = count[j] ? [sum[2 * j] / count[j], sum[2 * j + 1] / count[j]] : [init[2 * j], init[2 * j + 1]];
        expect(Math.abs(c[2 * j] - want[0]) + Math.abs(c[2 * j + 1] - want[1]), `step ${t + 1}, centre ${j}`).toBeLessThan(1e-9);
      }
    }
    expect(Math.min(...count)).toBeGreaterThan(0);
  });

  it('K above the number of points is refused with a message', () => {
    expect(checkK(2, 1)).toMatch(/K = 2 is more than the 1 point: /);
    expect(checkK(5, 3)).toMatch(/K = 5 is more than the 3 points/);
    expect(checkK(3, 3)).toBeNull();
    expect(() => new KMeansRun(pointsOf([0, 0, 1, 1, 2, 2]), new Float64Array(10), { k: 5, engine: 'js', variant: 'lloyd', batch: 3, seed: 0 })).toThrow(
      /K = 5 is more than the 3 points/,
    );
  });

  it('the tfjs and float64 assignments agree on 5,000 points', async () => {
    const d = makeData({ dataset: 'blobs', groups: 6, spread: 1.5, n: 5000, seed: 9 });
    const c = extendPlusPlus(d.x, d.n, new Float64Array(0), 10, stream(9, 'init'));
    expect(Array.from(await assignTf(d, c, 10))).toEqual(Array.from(assignJs(d, c, 10)));
  });

  it('a tfjs run assigns as the float64 loops at every iteration and leaves no tensor behind', async () => {
    // The run keeps the points uploaded while it records (assign.tf.ts tfAssigner): each
    // assignment must still be against that iteration's centres, and the upload freed at the end.
    const d = makeData({ dataset: 'blobs', groups: 5, spread: 1.1, n: 3000, seed: 12 });
    const start = extendPlusPlus(d.x, d.n, new Float64Array(0), 6, stream(12, 'init'));
    const before = tf.memory().numTensors;
    const run = new KMeansRun(d, start, { k: 6, engine: 'tf', variant: 'lloyd', batch: d.n, seed: 12 });
    await run.ensure(5);
    expect(tf.memory().numTensors).toBe(before);
    await run.ensure(MAX_STEP); // a second stretch of the same run: a fresh upload, freed again
    expect(tf.memory().numTensors).toBe(before);
    const s = run.snapshots;
    expect(s.length).toBeGreaterThan(8);
    for (let t = 1; t < s.length; t += 2) expect(Array.from(s[t].labels!), `step ${t}`).toEqual(Array.from(assignJs(d, s[t - 1].centres, 6)));
    // A mini-batch run too (the same recording path), and a one-off assignment.
    const mb = new KMeansRun(d, start, { k: 6, engine: 'tf', variant: 'minibatch', batch: 100, seed: 12 });
    await mb.ensure(9);
    for (let t = 1; t < 9; t += 2) expect(Array.from(mb.at(t).labels!), `mini-batch step ${t}`).toEqual(Array.from(assignJs(d, mb.at(t - 1).centres, 6)));
    expect(Array.from(await assign('tf', d, start, 6))).toEqual(Array.from(assignJs(d, start, 6)));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('only the tfjs engine runs tfjs kernels, and a run records only as far as asked', async () => {
    // The plain engine (the elbow's, in the worker) must never touch tfjs; the tfjs engine must
    // really assign in tfjs (both give the same labels, so only the kernels tell them apart).
    const d = makeData({ dataset: 'blobs', groups: 4, spread: 1.4, n: 800, seed: 3 });
    const start = extendPlusPlus(d.x, d.n, new Float64Array(0), 5, stream(3, 'init'));
    const kernels = async (job: () => Promise<unknown>) => (await tf.profile(async () => void (await job()))).kernels.map((kk) => kk.name);
    const js = new KMeansRun(d, start, { k: 5, engine: 'js', variant: 'lloyd', batch: d.n, seed: 3 });
    expect(await kernels(() => js.ensure(MAX_STEP))).toEqual([]);
    expect(await kernels(() => assign('js', d, start, 5))).toEqual([]);
    const run = new KMeansRun(d, start, { k: 5, engine: 'tf', variant: 'lloyd', batch: d.n, seed: 3 });
    // ensure(3): iteration 1 (steps 1, 2) and iteration 2 (steps 3, 4), nothing further.
    const first = await kernels(() => run.ensure(3));
    expect(run.snapshots.length).toBe(5);
    expect(first.filter((kk) => kk === 'ArgMin')).toHaveLength(2);
    expect(await kernels(() => assign('tf', d, start, 5))).toContain('ArgMin');
    await run.ensure(MAX_STEP);
    expect(run.lastStep).toBe(js.lastStep);
    expect(run.lastStep!).toBeGreaterThan(5);
    // Asking again for what is recorded does no tfjs work (not even an upload).
    // (tf.profile nets an upload freed again out of its counts; tensor ids are handed out in
    // order, so two markers one id apart mean no tensor was made between them.)
    const a = tf.scalar(0);
    const again = await tf.profile(() => run.ensure(4));
    const b = tf.scalar(0);
    expect(again.kernels).toEqual([]);
    expect(b.id - a.id).toBe(1);
    tf.dispose([a, b]);
  });

  it('tfjs assignment in both forms agrees with the float64 loops', async () => {
    const d = makeData({ dataset: 'uneven', groups: 5, spread: 0.9, n: 2000, seed: 4 });
    const c = extendPlusPlus(d.x, d.n, new Float64Array(0), 7, stream(4, 'init'));
    const want = Array.from(assignJs(d, c, 7));
    for (const form of ['direct', 'matmul'] as const) expect(Array.from(await assignTf(d, c, 7, form)), form).toEqual(want);
    // Far from the origin the forms part: ‖c‖² ≈ 2·10⁶ leaves float32 a step of 0.125, which
    // swamps the gaps between the expanded distances (about 10⁻⁵ here), while the direct form
    // subtracts first and stays exact. Points along x between centres 0.02 apart, none near the tie.
    const xs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const u = (i + 0.5) / 40;
      if (Math.abs(u - 0.5) > 0.1) xs.push(1000 + 0.02 * u, 1000);
    }
    const far = pointsOf(xs), cf = Float64Array.from([1000, 1000, 1000.02, 1000]);
    const exact = Array.from(assignJs(far, cf, 2));
    expect(new Set(exact).size).toBe(2);
    expect(Array.from(await assignTf(far, cf, 2, 'direct'))).toEqual(exact);
    expect(Array.from(await assignTf(far, cf, 2, 'matmul'))).not.toEqual(exact);
  });

  it('inertia of a hand-worked assignment', () => {
    // Points (0,0), (2,0) to centre (1,0); (5,5) to centre (5,4): 1 + 1 + 1.
    expect(inertiaOf(Float64Array.from([0, 0, 2, 0, 5, 5]), 3, [0, 0, 1], Float64Array.from([1, 0, 5, 4]))).toBe(3);
  });
});

describe('mini-batch', () => {
  it('with the whole data as the batch, its first update is Lloyd’s (scikit-learn, max_iter = 1)', async () => {
    const c = O.cases.find((q) => q.input.max_iter === 1);
    expect(c, 'the oracle has a max_iter = 1 case').toBeDefined();
    const run = new KMeansRun(P, Float64Array.from(c!.input.init.flat()), { k: c!.input.k, engine: 'js', variant: 'minibatch', batch: P.n, seed: 4 });
    await run.ensure(3);
    expect(run.at(2).centres.length).toBe(2 * c!.input.k);
    c!.expected.centers.flat().forEach((v, i) => expect(Math.abs(run.at(2).centres[i] - v)).toBeLessThan(1e-12));
    expect(Array.from(run.at(3).labels!)).toEqual(c!.expected.labels);
  });

  it('draws distinct batch points, reproducibly, and runs the full MAX_ITER iterations', async () => {
    const d = makeData({ dataset: 'blobs', groups: 3, spread: 0.7, n: 2000, seed: 2 });
    const init = extendPlusPlus(d.x, d.n, new Float64Array(0), 3, stream(2, 'init'));
    const mk = () => new KMeansRun(d, init, { k: 3, engine: 'js', variant: 'minibatch', batch: 64, seed: 2 });
    const a = mk(), b = mk();
    await a.ensure(200);
    await b.ensure(20);
    expect(a.lastStep).toBe(MAX_STEP);
    expect(a.converged).toBe(false); // mini-batch never declares convergence
    expect(new Set(a.at(1).batch!).size).toBe(64);
    // Random draws: not the first 64 points, and a new batch every iteration.
    expect(Math.max(...a.at(1).batch!)).toBeGreaterThan(200);
    expect(Array.from(a.at(3).batch!)).not.toEqual(Array.from(a.at(1).batch!));
    expect(Array.from(b.at(19).batch!)).toEqual(Array.from(a.at(19).batch!));
    expect(Array.from(b.at(20).centres)).toEqual(Array.from(a.at(20).centres));
  });
});

describe('initialisation', () => {
  it('k-means++ picks the second centre with probability D² / ΣD² (points 0, 1, 3 on a line)', () => {
    // First centre uniform over {0, 1, 3}. Given it, D² and the second pick's probabilities:
    // from 0: (0, 1, 9)/10; from 1: (1, 0, 4)/5; from 3: (9, 4, 0)/13. Joint = 1/3 × these.
    const x = Float64Array.from([0, 0, 1, 0, 3, 0]);
    const expected = [
      [0, 1 / 10, 9 / 10],
      [1 / 5, 0, 4 / 5],
      [9 / 13, 4 / 13, 0],
    ].map((r) => r.map((v) => v / 3));
    const N = 30000;
    const count = [0, 0, 0].map(() => [0, 0, 0]);
    const rng = createRng(12345);
    for (let t = 0; t < N; t++) {
      const s = seedPlusPlus(x, 3, 2, rng);
      count[s.picks[0]][s.picks[1]]++;
    }
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) {
        const p = expected[a][b];
        const se = Math.sqrt((p * (1 - p)) / N);
        expect(Math.abs(count[a][b] / N - p)).toBeLessThanOrEqual(4 * se + 1e-12);
      }
    // And the weights it exposes for display are the hand-computed D².
    const s = seedPlusPlus(x, 3, 3, createRng(1));
    const first = s.picks[0];
    expect(Array.from(s.d2[0])).toEqual([[0, 1, 9], [1, 0, 4], [9, 4, 0]][first]);
    expect(s.total[0]).toBe([10, 5, 13][first]);
  });

  it('k-means++ never picks a point already chosen, and D² only shrinks', () => {
    const d = makeData({ dataset: 'blobs', groups: 5, spread: 0.5, n: 3000, seed: 5 });
    const s = seedPlusPlus(d.x, d.n, 10, stream(5, 'init'));
    expect(new Set(s.picks).size).toBe(10);
    for (let m = 1; m < s.d2.length; m++) for (let i = 0; i < d.n; i += 37) expect(s.d2[m][i]).toBeLessThanOrEqual(s.d2[m - 1][i]);
  });

  it('drawWeighted follows the cumulative weights', () => {
    expect(drawWeighted([0, 1, 9], 10, 0)).toBe(1);
    expect(drawWeighted([0, 1, 9], 10, 0.0999)).toBe(1);
    expect(drawWeighted([0, 1, 9], 10, 0.1)).toBe(2);
    expect(drawWeighted([0, 1, 9], 10, 0.999999)).toBe(2);
  });

  it('random start: K distinct points', () => {
    const p = seedRandom(50, 10, createRng(3));
    expect(new Set(p).size).toBe(10);
    expect(Math.max(...p)).toBeLessThan(50);
  });

  it('centres given by hand round-trip through the link text and are topped up to K', () => {
    const given = parseCentres(formatCentres([1.23456, -2, 3, 4.5]))!;
    expect(Array.from(given)).toEqual([1.235, -2, 3, 4.5]);
    expect(parseCentres('1,2,3')).toBeNull();
    expect(parseCentres('1,x')).toBeNull();
    expect(parseCentres('')).toBeNull();
    const d = makeData({ dataset: 'blobs', groups: 3, spread: 0.5, n: 300, seed: 1 });
    const c = extendPlusPlus(d.x, d.n, given, 4, createRng(2));
    expect(Array.from(c.subarray(0, 4))).toEqual([1.235, -2, 3, 4.5]);
    expect(c.length).toBe(8);
    expect(Array.from(extendPlusPlus(d.x, d.n, given, 1, createRng(2)))).toEqual([1.235, -2]);
  });
});

describe('data', () => {
  it('is reproducible, keeps its first points as n grows, and has the right outlier share', () => {
    const a = makeData({ dataset: 'outliers', groups: 3, spread: 0.5, n: 20000, seed: 7 });
    const b = makeData({ dataset: 'outliers', groups: 3, spread: 0.5, n: 500, seed: 7 });
    expect(Array.from(b.x)).toEqual(Array.from(a.x.subarray(0, 1000)));
    const out = a.truth.filter((t) => t === -1).length / a.n;
    expect(Math.abs(out - 0.04)).toBeLessThan(0.006);
  });

  it('uneven sizes: each group about a third of the one before', () => {
    const d = makeData({ dataset: 'uneven', groups: 3, spread: 0.5, n: 26000, seed: 3 });
    const c = [0, 1, 2].map((g) => d.truth.filter((t) => t === g).length / d.n);
    [9 / 13, 3 / 13, 1 / 13].forEach((p, g) => expect(Math.abs(c[g] - p)).toBeLessThan(0.01));
  });
});
