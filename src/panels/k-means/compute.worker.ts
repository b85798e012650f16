/**
 * The k-means panel's worker: the elbow and silhouette-against-K curves (a full Lloyd run for
 * every K = 1 … 10, three starts each, on up to 2,000 points (elbow.ts ELBOW_SAMPLE): ~15–20 ms
 * of CPU per worker with the fast Lloyd of modelLloyd.ts, more on a busy machine) off the main thread, in two
 * workers at once, each computing its share of the K's (elbow.ts shardOfK: half the work each),
 * so dragging the data sliders never freezes the page. Once idle, each computes its half for the
 * data one slider step ahead (elbowAhead.ts, on the kit's step ahead). The half-move frames stay
 * on the page (each takes a few milliseconds at the default and the "Try this" settings). Plain
 * JS: the elbow never loads tfjs (model.ts reaches assign.tf.ts only for the tfjs engine).
 */
import { exposeModels, type ModelContext } from '../../lib/worker/expose';
import { createElbowAhead, type ElbowAsk } from './elbowAhead';

const elbow = createElbowAhead();

exposeModels({ elbow: (p: ElbowAsk, ctx: ModelContext) => elbow.elbow(p, ctx) });
