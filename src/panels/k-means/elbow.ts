/**
 * The elbow and silhouette-against-K curves: a full Lloyd run for every K = 1 … 10 on the
 * current data (a seeded subsample of at most ELBOW_SAMPLE points when larger), the best of
 * ELBOW_STARTS k-means++ starts. Independent of the panel's K, start and step, so it is cached on
 * the data params alone. Pauses between runs (for the browser, or for a worker's cancel).
 */
import { yieldToBrowser } from '../../lib/panel/schedule';
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

/** Which of two workers computes K: odd and even K share the silhouettes (the larger cost) about
 *  evenly. Every K has its own random stream, so a half gives the same numbers as the whole. */
export const shardOfK = (k: number): 0 | 1 => (k % 2 === 0 ? 0 : 1);

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

export async function elbowCurve(points: Points, engine: Engine, o: ElbowOptions): Promise<ElbowResult> {
  const maxK = o.maxK ?? MAX_K;
  const p = subsample(points, sampleIndices(points.n, o.sample ?? ELBOW_SAMPLE, stream(o.seed, 'elbow-sample')));
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
      // Float64: the fast Lloyd (the same end as runLloyd's, to the bit, without the recording).
      const f = engine === 'js' ? lloydJs(p, init, k) : await runLloyd(p, init, k, engine);
      if (!fin || f.inertia < fin.inertia) fin = f;
      if (k === 1) break; // one cluster: every start ends at the mean
    }
    const best = fin!;
    res.inertia.push(best.inertia);
    res.converged.push(best.converged);
    res.silhouette.push(k >= 2 ? (silhouetteSamples(p.x, silIdx, best.labels, k)?.mean ?? null) : null);
    // One K per slice: input and paint (on the main thread) or a cancel (in a worker) get a turn.
    await (o.pause ?? yieldToBrowser)();
    if (o.cancelled?.()) throw new ElbowCancelled('the elbow curve was superseded');
  }
  return res;
}
