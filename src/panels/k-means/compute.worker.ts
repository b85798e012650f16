/**
 * The k-means panel's worker: the elbow and silhouette-against-K curves (a full Lloyd run for
 * every K = 1 … 10, three starts each, on up to 2,000 points (elbow.ts ELBOW_SAMPLE): ~15–20 ms
 * of CPU per worker with the fast Lloyd of modelLloyd.ts, more on a busy machine) off the main thread, in two
 * workers at once, each computing its share of the K's (elbow.ts shardOfK: half the work each),
 * so dragging the data sliders never freezes the page. The half-move frames stay on the page
 * (each takes a few milliseconds at the default and the "Try this" settings). Plain JS: the elbow
 * never loads tfjs (model.ts reaches assign.tf.ts only for the tfjs engine).
 */
import { createCache } from '../../lib/panel/cache';
import { exposeModels, type ModelContext } from '../../lib/worker/expose';
import { dataKey } from './data';
import { pointsOf } from './model';
import { elbowCurve, type ElbowResult } from './elbow';
import type { ElbowInput } from './compute';
import type { Half } from '../../lib/worker/useHalvesComputed';

/** Small results (about 40 numbers each), the slowest to remake: switching data sets back, or
 *  dragging the points slider back over values just seen, is free. Results hold no typed arrays,
 *  so sending one (which moves typed arrays) leaves the cached copy intact. */
const elbows = createCache<ElbowResult>(48);

exposeModels({
  elbow: async (p: Half<ElbowInput>, ctx: ModelContext): Promise<ElbowResult> => {
    const key = `${dataKey(p)} ${p.shard}`;
    const hit = elbows.peek(key);
    if (hit) return hit;
    // A newer data set cancels this one between two K's (elbowCurve then throws; the kit drops it).
    const e = await elbowCurve(pointsOf(p.sample), 'js', { seed: p.seed, shard: p.shard, pause: () => ctx.yield(), cancelled: () => ctx.cancelled() });
    elbows.set(key, e);
    return e;
  },
});
