/**
 * k-means figures for `npm run bench`: one Lloyd iteration (assignment + update, i.e. two
 * half-moves) at 1k, 10k and 100k points with the distances and assignment in tfjs and in plain
 * typed arrays; the same step with everything the panel does per step (silhouettes of the
 * 1,500-point sample, the canvas draw of every point); and the once-per-data work (data, seeding,
 * elbow). Target: a full step at 100k points within 50 ms p95.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { stream } from '../../lib/random/rng';
import { makeData, type KMData } from './data';
import { drawPoints, radiusFor } from './draw';
import { ELBOW_SAMPLE, elbowCurve } from './elbow';
import { assignJs, KMeansRun, type Engine, type Points } from './model';
import { assignTf } from './assign.tf';
import { MAX_STEP } from './params';
import { SILHOUETTE_SAMPLE } from './compute';
import { centresOf, seedPlusPlus } from './seeding';
import { sampleIndices, silhouetteSamples } from './silhouette';

const SIZES = [1000, 10_000, 100_000];
const pointsOfData = (d: KMData): Points => d;
const PALETTE = Array.from({ length: 10 }, (_, j) => [40 + 20 * j, 120, 200 - 15 * j] as const);

/** Times one iteration at a time of a run that is restarted whenever it ends. */
function stepper(d: KMData, k: number, engine: Engine, seed: number) {
  const init = centresOf(d.x, seedPlusPlus(d.x, d.n, k, stream(seed, 'init')).picks);
  let run = new KMeansRun(d, init, { k, engine, variant: 'lloyd', batch: d.n, seed });
  let step = 0;
  return async () => {
    if (run.lastStep !== null || step + 2 > MAX_STEP) {
      run = new KMeansRun(d, init, { k, engine, variant: 'lloyd', batch: d.n, seed });
      step = 0;
    }
    step += 2;
    await run.ensure(step);
    return run.at(step);
  };
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const canvas = document.createElement('canvas');
  canvas.width = 760;
  canvas.height = 560;
  const ctx = canvas.getContext('2d')!;
  for (const n of SIZES) {
    const d = makeData({ dataset: 'blobs', groups: 4, spread: 0.6, n, seed: 4 });
    const silIdx = sampleIndices(n, SILHOUETTE_SAMPLE, stream(4, 'silhouette'));
    const init10 = centresOf(d.x, seedPlusPlus(d.x, d.n, 10, stream(4, 'init')).picks);
    for (const k of [4, 10])
      for (const engine of ['tf', 'js'] as const) {
        const name = `${engine === 'tf' ? 'tfjs' : 'plain JS'}, ${n.toLocaleString('en-US')} points, K = ${k}`;
        const it = stepper(d, k, engine, 4);
        rows.push(...timingRows(`assign + update (one iteration), ${name}`, await timeIt(it, 20, 3)));
        if (engine === 'tf') {
          const dd = pointsOfData(d);
          const c = init10.subarray(0, 2 * k);
          rows.push(...timingRows(`tfjs assignment only, broadcast (x − c)², ${name}`, await timeIt(() => assignTf(dd, c, k, 'direct'), 20, 3)));
          rows.push(...timingRows(`tfjs assignment only, ‖c‖² − 2x·c matMul, ${name}`, await timeIt(() => assignTf(dd, c, k, 'matmul'), 20, 3)));
        } else rows.push(...timingRows(`plain JS assignment only, ${name}`, await timeIt(() => assignJs(d, init10.subarray(0, 2 * k), k), 20, 3)));
        if (k !== 4) continue;
        const full = stepper(d, k, engine, 5);
        const t = await timeIt(async () => {
          const s = await full();
          silhouetteSamples(d.x, silIdx, s.labels!, k);
          drawPoints(ctx, {
            x: d.x, n, idx: s.labels, palette: PALETTE, ax: 60, bx: 380, ay: -60, by: 280,
            width: 760, height: 560, dpr: 1, r: radiusFor(n), alpha: 0.8,
          });
          ctx.getImageData(0, 0, 1, 1); // wait for the raster work
        }, 20, 3);
        rows.push(...timingRows(`full step (iteration + silhouettes + canvas draw), ${name}`, t, n === 100_000 ? 'target: p95 ≤ 50 ms' : undefined));
      }
  }
  {
    const d = makeData({ dataset: 'blobs', groups: 4, spread: 0.6, n: 100_000, seed: 4 });
    const labels = Uint8Array.from({ length: d.n }, (_, i) => d.truth[i]);
    const silIdx = sampleIndices(d.n, SILHOUETTE_SAMPLE, stream(4, 'silhouette'));
    rows.push(...timingRows(`silhouettes of the ${SILHOUETTE_SAMPLE.toLocaleString('en-US')}-point sample, K = 4`, await timeIt(() => silhouetteSamples(d.x, silIdx, labels, 4), 10, 2)));
    const draw = () => {
      drawPoints(ctx, { x: d.x, n: d.n, idx: labels, palette: PALETTE, ax: 60, bx: 380, ay: -60, by: 280, width: 760, height: 560, dpr: 1, r: radiusFor(d.n), alpha: 0.8 });
      ctx.getImageData(0, 0, 1, 1);
    };
    rows.push(...timingRows('canvas draw of 100,000 points (760 × 560 px)', await timeIt(draw, 10, 2)));
  }
  const t100 = await timeIt(() => makeData({ dataset: 'blobs', groups: 4, spread: 0.6, n: 100_000, seed: 4 }), 5, 1);
  rows.push(...timingRows('data set, 100,000 points', t100));
  const d = makeData({ dataset: 'blobs', groups: 4, spread: 0.6, n: 100_000, seed: 4 });
  rows.push(...timingRows('k-means++ seeding, 100,000 points, K = 10', await timeIt(() => seedPlusPlus(d.x, d.n, 10, stream(1, 'init')), 5, 1)));
  for (const engine of ['tf', 'js'] as const)
    rows.push(
      ...timingRows(
        `elbow + silhouette for K = 1…10 (3 starts each, ${ELBOW_SAMPLE.toLocaleString('en')}-point sample), ${engine === 'tf' ? 'tfjs' : 'plain JS'}`,
        await timeIt(() => elbowCurve(d, engine, { seed: 4 }), 3, 1),
      ),
    );
  return rows;
}
