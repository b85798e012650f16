/**
 * The elbow as a Stepwise job (elbow.ts elbowJob, what the workers and their step ahead run) is
 * the curve the code before it computed, to the bit: that code (stop 31's elbowCurve with the
 * float64 engine, without its pauses) is kept here as the reference.
 */
import { describe, expect, it } from 'vitest';
import { drain } from '../../lib/panel/schedule';
import { stream } from '../../lib/random/rng';
import { makeData } from './data';
import { ELBOW_SILHOUETTE_SAMPLE, ELBOW_STARTS, elbowCurve, elbowJob, elbowSample, shardOfK, type ElbowOptions, type ElbowResult } from './elbow';
import type { FinalClustering, Points } from './model';
import { lloydJs } from './modelLloyd';
import { MAX_K } from './params';
import { extendPlusPlus } from './seeding';
import { sampleIndices, silhouetteSamples } from './silhouette';

/** Stop 31's elbowCurve, engine 'js', verbatim but for the pauses. */
function reference(points: Points, o: ElbowOptions): ElbowResult {
  const maxK = o.maxK ?? MAX_K;
  const p = elbowSample(points, o.seed, o.sample);
  const silIdx = sampleIndices(p.n, o.silhouetteSample ?? ELBOW_SILHOUETTE_SAMPLE, stream(o.seed, 'elbow-silhouette'));
  const res: ElbowResult = { ks: [], inertia: [], silhouette: [], converged: [], sampleN: p.n, silhouetteN: silIdx ? silIdx.length : p.n };
  for (let k = 1; k <= maxK; k++) {
    if (o.shard !== undefined && shardOfK(k) !== o.shard) continue;
    res.ks.push(k);
    if (k > p.n) {
      res.inertia.push(null);
      res.silhouette.push(null);
      res.converged.push(false);
      continue;
    }
    const rng = stream(o.seed, `elbow-init-${k}`);
    let fin: FinalClustering | null = null;
    const starts = o.init ? 1 : (o.starts ?? ELBOW_STARTS);
    for (let t = 0; t < starts; t++) {
      const init = o.init ? o.init(k, p) : extendPlusPlus(p.x, p.n, new Float64Array(0), k, rng);
      const f = lloydJs(p, init, k);
      if (!fin || f.inertia < fin.inertia) fin = f;
      if (k === 1) break;
    }
    const best = fin!;
    res.inertia.push(best.inertia);
    res.converged.push(best.converged);
    res.silhouette.push(k >= 2 ? (silhouetteSamples(p.x, silIdx, best.labels, k)?.mean ?? null) : null);
  }
  return res;
}

describe('the elbow job', () => {
  const sets = [
    makeData({ dataset: 'blobs', groups: 4, spread: 0.6, n: 1000, seed: 4 }),
    makeData({ dataset: 'blobs', groups: 4, spread: 1.9, n: 1262, seed: 4 }),
    makeData({ dataset: 'uneven', groups: 6, spread: 1.2, n: 3170, seed: 7 }),
    makeData({ dataset: 'moons', groups: 2, spread: 0.8, n: 500, seed: 2 }),
    makeData({ dataset: 'outliers', groups: 3, spread: 0.5, n: 6, seed: 1 }),
  ];
  it('is the curve of the code before it, to the bit, whole and in halves, with every option', async () => {
    for (const d of sets)
      for (const shard of [undefined, 0, 1] as const) {
        const o: ElbowOptions = { seed: 4, shard, pause: () => Promise.resolve() };
        expect(drain(elbowJob(d, o))).toEqual(reference(d, o));
        expect(await elbowCurve(d, 'js', o)).toEqual(reference(d, o));
      }
    const d = sets[1];
    for (const o of [{ seed: 9, starts: 1 }, { seed: 9, maxK: 6, sample: 700, silhouetteSample: 300 }, { seed: 9, init: (k: number, p: Points) => p.x.slice(0, 2 * k) }] as ElbowOptions[])
      expect(drain(elbowJob(d, o))).toEqual(reference(d, o));
  });
});
