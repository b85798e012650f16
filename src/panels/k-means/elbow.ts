/**
 * The elbow and silhouette-against-K curves: a full Lloyd run for every K = 1 … 10 on the
 * current data (a seeded subsample of at most ELBOW_SAMPLE points when larger), the best of
 * ELBOW_STARTS k-means++ starts. Independent of the panel's K, start and step, so it is cached on
 * the data params alone. Pauses between runs (for the browser, or for a worker's cancel).
 */
import { yieldToBrowser, type Stepwise } from '../../lib/panel/schedule';
import { stream } from '../../lib/random/rng';
import { MAX_K } from './params';
import { pointsOf, runLloyd, type Engine, type FinalClustering, type Points } from './model';
import { lloydJs } from './modelLloyd';
import { extendPlusPlus } from './seeding';
import { sampleIndices, silhouetteSamples } from './silhouette';

/** Points the curves use at most: the bend of the curves shows as clearly on 2,000 points as on
 *  100,000, and 30 Lloyd runs on 2,000 points keep a new data set's curves within the issue-8
 *  budget on two cores (at 5,000 they alone took ~45 ms of each worker). */
export const ELBOW_SAMPLE = 2000;
export const ELBOW_SILHOUETTE_SAMPLE = 1000;

export interface ElbowResult {
  ks: number[];
  /** Final inertia for each K (null where K exceeds the points). */
  inertia: (number | null)[];
  /** Mean silhouette for each K (null for K = 1 or where undefined). */
  silhouette: (number | null)[];
  /** Whether each run converged within MAX_ITER iterations. */
  converged: boolean[];
  /** Points the runs used, and points the silhouettes scored. */
  sampleN: number;
  silhouetteN: number;
}

export interface ElbowOptions {
  seed: number;
  maxK?: number;
  sample?: number;
  silhouetteSample?: number;
  /** Starting centres for K (default: k-means++ with stream `elbow-init-K`). */
  init?: (k: number, p: Points) => Float64Array;
  /** k-means++ starts per K, the lowest final inertia kept (default ELBOW_STARTS; 1 with `init`). */
  starts?: number;
  /** Awaited after each K (default yieldToBrowser; the worker passes its ctx.yield). */
  pause?: () => Promise<void>;
  /** Checked after each pause: true stops the curve (it throws ElbowCancelled). */
  cancelled?: () => boolean;
  /** Compute only the K's of this half (shardOfK); mergeElbow joins two halves. */
  shard?: 0 | 1;
}

/** The K's worker 1 computes; worker 0 takes the rest. A K costs more the larger it is (more Lloyd
 *  work per start; K = 1 needs one start and no silhouette), so the halves are split by measured
 *  cost, not by count: over 144 settings (n 1,000 … 20,000, every data shape, spreads 0.3 … 1.3)
 *  K = 1 … 10 cost about 1 : 10 : 12 : 13 : 14 : 16 : 17 : 19 : 19 : 21, and {5, 7, 9, 10} is
 *  half of the total to within 0.1 % (odd against even K, the split before, left one worker 10 %
 *  over half, and the page waits for the slower one). */
const SHARD_ONE: ReadonlySet<number> = new Set([5, 7, 9, 10]);
/** Which of two workers computes K. Every K has its own random stream, so a half gives the same
 *  numbers as the whole. */
export const shardOfK = (k: number): 0 | 1 => (SHARD_ONE.has(k) ? 1 : 0);

/** The two halves' curves as one, in K order (the result elbowCurve gives without a shard). */
export function mergeElbow(parts: readonly [ElbowResult, ElbowResult]): ElbowResult {
  const rows = parts.flatMap((r) => r.ks.map((k, i) => ({ k, inertia: r.inertia[i], silhouette: r.silhouette[i], converged: r.converged[i] })));
  rows.sort((a, b) => a.k - b.k);
  if (rows.some((r, i) => r.k !== i + 1)) throw new Error('elbow halves must cover K = 1 … max once each');
  return {
    ks: rows.map((r) => r.k),
    inertia: rows.map((r) => r.inertia),
    silhouette: rows.map((r) => r.silhouette),
    converged: rows.map((r) => r.converged),
    sampleN: parts[0].sampleN,
    silhouetteN: parts[0].silhouetteN,
  };
}

/** The curve was given up for a newer one (ElbowOptions.cancelled). */
export class ElbowCancelled extends Error {}

/** Runs per K: one start can land in a poor local minimum and put a false kink in the curve. */
export const ELBOW_STARTS = 3;

function subsample(p: Points, idx: Int32Array | null): Points {
  if (!idx) return p;
  const x = new Float64Array(2 * idx.length);
  for (let i = 0; i < idx.length; i++) {
    x[2 * i] = p.x[2 * idx[i]];
    x[2 * i + 1] = p.x[2 * idx[i] + 1];
  }
  return pointsOf(x);
}

/** The points the curves use: a seeded subsample of `sample` points, or all of them when there
 *  are no more. The page makes it and sends only these to the workers (at most ELBOW_SAMPLE rows,
 *  where remaking the whole data set in each worker cost milliseconds at 100,000 points); the
 *  curves of the sample are those of the data, as it is a sample of a sample of itself. */
export function elbowSample(points: Points, seed: number, sample = ELBOW_SAMPLE): Points {
  return subsample(points, sampleIndices(points.n, sample, stream(seed, 'elbow-sample')));
}

/**
 * The curve with the plain float64 engine, one K per step (a Stepwise, schedule.ts): what a worker
 * runs between its looks at the messages, and what its step ahead grows (compute.worker.ts). A
 * step computes the next K of the shard and records any K's after it that need no run (K above
 * the points), so the job is done as soon as its last run is. elbowCurve's 'js' engine is this job.
 */
export function elbowJob(points: Points, o: ElbowOptions): Stepwise<ElbowResult> {
  const maxK = o.maxK ?? MAX_K;
  const p = elbowSample(points, o.seed, o.sample);
  const silIdx = sampleIndices(p.n, o.silhouetteSample ?? ELBOW_SILHOUETTE_SAMPLE, stream(o.seed, 'elbow-silhouette'));
  const res: ElbowResult = { ks: [], inertia: [], silhouette: [], converged: [], sampleN: p.n, silhouetteN: silIdx ? silIdx.length : p.n };
  let k = 1;
  /** Records the K's from `k` on that need no run; true when one needing a run is next. */
  const skip = () => {
    for (; k <= maxK; k++) {
      if (o.shard !== undefined && shardOfK(k) !== o.shard) continue;
      if (k <= p.n) return true;
      res.ks.push(k);
      res.inertia.push(null);
      res.silhouette.push(null);
      res.converged.push(false);
    }
    return false;
  };
  return {
    step() {
      if (!skip()) return true;
      res.ks.push(k);
      const best = bestOfStarts(p, k, o);
      res.inertia.push(best.inertia);
      res.converged.push(best.converged);
      res.silhouette.push(k >= 2 ? (silhouetteSamples(p.x, silIdx, best.labels, k)?.mean ?? null) : null);
      k++;
      return !skip();
    },
    result: () => res,
  };
}

/** K's starts, drawn in order as they are run: stream `elbow-init-K` k-means++ (or `o.init`).
 *  One cluster needs one start: every start ends at the mean. */
function startsFor(p: Points, k: number, o: ElbowOptions): { runs: number; init: () => Float64Array } {
  const rng = stream(o.seed, `elbow-init-${k}`);
  const runs = o.init || k === 1 ? 1 : (o.starts ?? ELBOW_STARTS);
  return { runs, init: () => (o.init ? o.init(k, p) : extendPlusPlus(p.x, p.n, new Float64Array(0), k, rng)) };
}

/** The run kept of K's starts: the lowest final inertia, the first on a tie. */
const better = (a: FinalClustering | null, f: FinalClustering): FinalClustering => (!a || f.inertia < a.inertia ? f : a);

function bestOfStarts(p: Points, k: number, o: ElbowOptions): FinalClustering {
  const { runs, init } = startsFor(p, k, o);
  let fin: FinalClustering | null = null;
  // Float64: the fast Lloyd (the same end as runLloyd's, to the bit, without the recording).
  for (let t = 0; t < runs; t++) fin = better(fin, lloydJs(p, init(), k));
  return fin!;
}

export async function elbowCurve(points: Points, engine: Engine, o: ElbowOptions): Promise<ElbowResult> {
  const pause = o.pause ?? yieldToBrowser;
  if (engine === 'js') {
    // One K per slice: input and paint (on the main thread) or a cancel (in a worker) get a turn.
    const job = elbowJob(points, o);
    for (;;) {
      const done = job.step();
      await pause();
      if (o.cancelled?.()) throw new ElbowCancelled('the elbow curve was superseded');
      if (done) return job.result();
    }
  }
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
    const { runs, init } = startsFor(p, k, o);
    let best: FinalClustering | null = null;
    for (let t = 0; t < runs; t++) best = better(best, await runLloyd(p, init(), k, engine));
    best = best!;
    res.inertia.push(best.inertia);
    res.converged.push(best.converged);
    res.silhouette.push(k >= 2 ? (silhouetteSamples(p.x, silIdx, best.labels, k)?.mean ?? null) : null);
    await pause();
    if (o.cancelled?.()) throw new ElbowCancelled('the elbow curve was superseded');
  }
  return res;
}
