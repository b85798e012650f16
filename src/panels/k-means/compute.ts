/**
 * What the view computes for a set of params, with caches keyed so that each interaction does
 * only its own work:
 * - the data depend on the dataset params and the seed alone;
 * - the start (seeding) and the recorded run on data + K + start + algorithm + engine;
 * - the step only indexes the recorded run (extending it when it has not got that far yet);
 * - silhouettes are computed once per iteration's labels.
 * The elbow curves (once per data set, up to ~0.4 s) are computed in the worker (compute.worker.ts).
 * Pure TypeScript over the model: no React, no DOM.
 */
import { createCache } from '../../lib/panel/cache';
import { stream } from '../../lib/random/rng';
import { dataKey, type DataParams, type KMData } from './data';
import { createDataGrower } from './growData';
import { checkK, KMeansRun, type Snapshot } from './model';
import { MAX_STEP, type InitName, type KMeansParams } from './params';
import { centresOf, extendPlusPlus, parseCentres, seedPlusPlus, seedRandom, type PlusPlusSeeding } from './seeding';
import { sampleIndices, silhouetteSamples, type Silhouette } from './silhouette';

/** Points scored for the per-point silhouettes (all of them when there are no more). */
export const SILHOUETTE_SAMPLE = 1000;
/** Below this many point-centre pairs the whole run is recorded at once (so the inertia curve
 *  and the end of the run are known ahead); above it the run grows as the step moves. */
const AHEAD_BUDGET = 50_000;
/** Recording between turns for the browser in the page's step ahead: a key pressed meanwhile waits at most about this long. */
const PREPARE_SLICE_MS = 4;

export type Phase = 'seeding' | 'start' | 'assign' | 'update';

export interface SeedingView {
  /** Centres picked so far. */
  picked: number;
  /** Weights (D²) the next centre will be drawn with, and their sum; null once all are picked. */
  weights: Float32Array | null;
  total: number;
  /** The point picked last, and the probability it had (null for the first, uniform pick). */
  lastPick: number;
  lastPickProb: number | null;
}

export interface KMFrame {
  /** The params this frame was computed from (the view compares it with the current ones). */
  input: KMeansParams;
  data: KMData;
  k: number;
  /** Why nothing can run (K > N); the plots then show the data only. */
  error: string | null;
  notes: string[];
  /** The start actually used (a broken hand-placed link falls back to k-means++). */
  init: InitName;
  phase: Phase;
  step: number;
  minStep: number;
  /** Last step of the run once known (converged, or MAX_STEP), else null. */
  lastStep: number | null;
  converged: boolean;
  iteration: number;
  centres: Float64Array;
  /** Centres before this update (to draw how far they moved); null for other moves. */
  prevCentres: Float64Array | null;
  snap: Snapshot | null;
  /** Inertia after the previous half-move (null before the first assignment). */
  prevInertia: number | null;
  /** Inertia after every recorded half-move, index = step (null at 0). */
  history: (number | null)[];
  seeding: SeedingView | null;
  silhouette: Silhouette | null;
  silhouetteSampled: boolean;
}

interface Start {
  init: InitName;
  centres: Float64Array;
  pp: PlusPlusSeeding | null;
  notes: string[];
}

function startFor(d: KMData, p: KMeansParams): Start {
  const rng = stream(p.seed, 'init');
  if (p.init === 'manual') {
    const given = parseCentres(p.centers);
    if (given) {
      const m = given.length / 2;
      const notes = m < p.k ? [`Only ${m} centre${m === 1 ? ' was' : 's were'} placed by hand; the other ${p.k - m} were picked by k-means++.`] : [];
      return { init: 'manual', centres: extendPlusPlus(d.x, d.n, given, p.k, rng), pp: null, notes };
    }
    const why = p.centers.trim() ? 'The centres in the link could not be read' : 'No centres have been placed by hand yet';
    const pp = seedPlusPlus(d.x, d.n, p.k, rng);
    return { init: 'kmeanspp', centres: centresOf(d.x, pp.picks), pp, notes: [`${why}: drag a centre in the plot to place one. Meanwhile the start is k-means++.`] };
  }
  if (p.init === 'random') return { init: 'random', centres: centresOf(d.x, seedRandom(d.n, p.k, rng)), pp: null, notes: [] };
  const pp = seedPlusPlus(d.x, d.n, p.k, rng);
  const notes = pp.degenerate ? ['Some points coincide with centres already picked and no other point is left at any distance: those picks were uniform.'] : [];
  return { init: 'kmeanspp', centres: centresOf(d.x, pp.picks), pp, notes };
}

function seedingView(d: KMData, pp: PlusPlusSeeding, picked: number): SeedingView {
  const last = pp.picks[picked - 1];
  const weights = picked < pp.picks.length ? pp.d2[picked - 1] : null;
  const prevW = picked >= 2 ? pp.d2[picked - 2] : null;
  return {
    picked,
    weights,
    total: weights ? pp.total[picked - 1] : 0,
    lastPick: last,
    lastPickProb: prevW ? prevW[last] / pp.total[picked - 2] : picked === 1 ? 1 / d.n : null,
  };
}

/** Cached values, kept few: a run at 100,000 points records up to 20 MB of labels. */
const DATA_KEEP = 2;
const RUN_KEEP = 1;

interface Recorded {
  start: Start;
  run: KMeansRun;
}

/** The view's computer: `frame` for the params, with its caches. */
export function createComputer() {
  const datas = createCache<KMData>(DATA_KEEP);
  const runs = createCache<Recorded>(RUN_KEEP);
  /** The silhouette sample of a data set (null: score every point). */
  const silSamples = createCache<Int32Array | null>(DATA_KEEP);
  // Silhouettes hang off each iteration's labels array, so they live exactly as long as the
  // recorded run that holds those labels: a WeakMap, not an LRU.
  const silhouettes = new WeakMap<Uint8Array, Silhouette | null>();

  // A new number of points draws only the points it adds to the last set (growData.ts).
  const grow = createDataGrower();
  const dataFor = (p: DataParams) => datas.get(dataKey(p), () => grow(p));
  const runKey = (p: KMeansParams) => [dataKey(p), p.k, p.init, p.init === 'manual' ? p.centers : '', p.variant, p.variant === 'minibatch' ? p.batch : '', p.engine].join('|');
  const record = (d: KMData, p: KMeansParams): Recorded => {
    const start = startFor(d, p);
    return { start, run: new KMeansRun(d, start.centres, { k: p.k, engine: p.engine, variant: p.variant, batch: p.batch, seed: p.seed }) };
  };
  /** The run the step ahead records (one, apart from the cache, so the run on screen stays cached). */
  let ahead: { key: string; rec: Recorded } | null = null;

  const frame = async (p: KMeansParams): Promise<KMFrame> => {
    const d = dataFor(p);
    const dKey = dataKey(p);
    const k = p.k;
    const base = { input: p, data: d, k, notes: (d.message ? [d.message] : []) as string[], init: p.init, prevCentres: null, snap: null, prevInertia: null, history: [], seeding: null, silhouette: null, silhouetteSampled: false, converged: false, iteration: 0 };
    const err = checkK(k, d.n);
    if (err) return { ...base, error: err, phase: 'start', step: 0, minStep: 0, lastStep: 0, centres: new Float64Array(0) };

    const rKey = runKey(p);
    const { start: st, run: r } = runs.get(rKey, () => {
      // The run the step ahead began for these very params (prepare), or a fresh one.
      const ready = ahead?.key === rKey ? ahead.rec : null;
      ahead = null;
      return ready ?? record(d, p);
    });
    const minStep = st.pp ? -(k - 1) : 0;
    let step = Math.max(p.step, minStep);
    const whole = d.n * k <= AHEAD_BUDGET;
    if (whole || step > 0) await r.ensure(whole ? MAX_STEP : step);
    step = Math.min(step, r.snapshots.length - 1);
    // What the frame may say about the run's end and its inertia curve depends only on the params
    // (a run recorded further by earlier steps must not show more than a fresh link would).
    const lastStep = whole || r.lastStep === step ? r.lastStep : null;
    const history = r.snapshots.slice(0, whole ? undefined : Math.max(0, step) + 1).map((s) => s.inertia);
    const notes = [...(d.message ? [d.message] : []), ...st.notes];

    if (step < 0) {
      const picked = k + step;
      return { ...base, notes, init: st.init, error: null, phase: 'seeding', step, minStep, lastStep, centres: st.centres.slice(0, 2 * picked), history, seeding: seedingView(d, st.pp!, picked) };
    }
    const snap = r.at(step);
    const phase: Phase = step === 0 ? 'start' : step % 2 === 1 ? 'assign' : 'update';
    let silhouette: Silhouette | null = null;
    let silIdx: Int32Array | null = null;
    if (snap.labels) {
      silIdx = silSamples.get(dKey, () => sampleIndices(d.n, SILHOUETTE_SAMPLE, stream(p.seed, 'silhouette')));
      if (!silhouettes.has(snap.labels)) silhouettes.set(snap.labels, silhouetteSamples(d.x, silIdx, snap.labels, k));
      silhouette = silhouettes.get(snap.labels) ?? null;
    }
    if (snap.sizes && phase !== 'start') {
      const empty = Array.from(snap.sizes).flatMap((s, j) => (s === 0 ? [j + 1] : []));
      if (empty.length)
        notes.push(`Cluster${empty.length > 1 ? 's' : ''} ${empty.join(', ')} got no points; an empty cluster’s centre stays where it is.`);
    }
    if (step === MAX_STEP && p.variant === 'lloyd' && !r.converged)
      notes.push(`Stopped after ${MAX_STEP / 2} iterations without converging: the assignments are still changing.`);
    return {
      ...base,
      notes,
      init: st.init,
      error: null,
      phase,
      step,
      minStep,
      lastStep,
      converged: r.converged && step === r.lastStep,
      iteration: Math.ceil(step / 2),
      centres: snap.centres,
      prevCentres: phase === 'update' ? r.at(step - 1).centres : null,
      snap,
      prevInertia: step >= 2 ? r.at(step - 1).inertia : null,
      history,
      seeding: step === 0 && st.pp ? seedingView(d, st.pp, k) : null,
      silhouette,
      silhouetteSampled: silIdx !== null,
    };
  };

  /** The data set of these params (the cached one the frame uses). */
  const data = (p: DataParams): KMData => dataFor(p);

  /**
   * The page's step ahead (useStepAhead.ts): the data and the recorded run `frame(p)` would make,
   * made now in short slices, so that frame(p) finds them. `stop` is read between slices (true:
   * a newer setting came; what is recorded so far is kept and a later call goes on from it).
   * What frame(p) then returns is what it returns from cold caches (compute.test.ts).
   */
  const prepare = async (p: KMeansParams, stop: () => boolean): Promise<KMeansRun | null> => {
    const d = dataFor(p);
    if (checkK(p.k, d.n) || stop()) return null;
    const key = runKey(p);
    let rec = runs.has(key) ? runs.peek(key)! : ahead?.key === key ? ahead.rec : null;
    if (!rec) {
      rec = record(d, p);
      ahead = { key, rec };
    }
    const whole = d.n * p.k <= AHEAD_BUDGET;
    const step = Math.max(p.step, rec.start.pp ? -(p.k - 1) : 0);
    if (whole || step > 0) await rec.run.ensure(whole ? MAX_STEP : step, { sliceMs: PREPARE_SLICE_MS, stop });
    return rec.run;
  };

  return { frame, data, prepare };
}

/** The data params (the worker's cache key) and `sample`: the points the curves use (elbow.ts
 *  elbowSample of the page's data, row-major [m, 2], m ≤ ELBOW_SAMPLE), own data included: the
 *  worker cannot see the page's memory, and remaking up to 100,000 points there is wasted work. */
export type ElbowInput = Pick<KMeansParams, 'dataset' | 'groups' | 'spread' | 'n' | 'seed' | 'csv'> & { sample: Float64Array };
