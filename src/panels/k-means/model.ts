/**
 * k-means: the computation. No React, no DOM.
 *
 * A run is recorded half-move by half-move (snapshot s = the state after step s): step 0 is the
 * start, step 2t − 1 assigns every point to its nearest centre (iteration t), step 2t moves
 * each centre to its points' mean (Lloyd) or nudges it towards a mini-batch's points. Runs are
 * extended lazily (`ensure`) and never recomputed, so scrubbing back only indexes the record.
 *
 * The point-to-centre distances and the assignment run in tfjs (float32) or, for comparison,
 * in plain typed arrays (float64); the update, inertia and sizes are float64 JS loops over the
 * labels (O(n), no distances). The benchmark (bench.ts) times both engines. The tfjs assignment
 * lives in assign.tf.ts, loaded on first use.
 */
import { yieldToBrowser } from '../../lib/panel/schedule';
import { stream, type Rng } from '../../lib/random/rng';
import { MAX_ITER, MAX_STEP } from './params';
import type { TfAssigner } from './assign.tf';

export type Engine = 'tf' | 'js';
export type Variant = 'lloyd' | 'minibatch';

export interface Points {
  /** Row-major [n, 2]. */
  x: Float64Array;
  /** The same in float32 (the tfjs engine uploads this). */
  xf32: Float32Array;
  n: number;
}

export function pointsOf(x: ArrayLike<number>): Points {
  const f64 = Float64Array.from(x);
  return { x: f64, xf32: Float32Array.from(f64), n: f64.length / 2 };
}

/** Message for K above the number of points (null when K is fine). */
export function checkK(k: number, n: number): string | null {
  if (k > n)
    return `K = ${k} is more than the ${n} point${n === 1 ? '' : 's'}: every cluster needs at least one point, so k-means cannot start. Lower K or add points.`;
  return null;
}

// --- the assignment: nearest centre for every point ------------------------------------------

/** Nearest centre by float64 loops (ties go to the lower index). */
export function assignJs(p: Points, centres: Float64Array, k: number): Int32Array {
  const { x, n } = p;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = x[2 * i], b = x[2 * i + 1];
    let best = Infinity, arg = 0;
    for (let j = 0; j < k; j++) {
      const dx = a - centres[2 * j], dy = b - centres[2 * j + 1];
      const d = dx * dx + dy * dy;
      if (d < best) {
        best = d;
        arg = j;
      }
    }
    out[i] = arg;
  }
  return out;
}

/** assign.tf.ts, loaded once: tfjs only once this engine is chosen, so code that runs plain JS
 *  alone (the elbow, in the panel's worker) never loads tfjs. Kept as one promise because each
 *  `import()` of the production build goes through the bundler's preload helper, which queries
 *  the document for every dependency: once per assignment, that was a visible share of a run. */
let tfModule: Promise<typeof import('./assign.tf')> | null = null;
function loadTf(): Promise<typeof import('./assign.tf')> {
  // A failed load (a chunk that did not arrive) is not kept: the next assignment tries again.
  tfModule ??= import('./assign.tf').catch((e: unknown) => {
    tfModule = null;
    throw e;
  });
  return tfModule;
}

/** Starts loading assign.tf.ts now (a failed load is retried by the first assignment). */
export function preloadTf(): void {
  loadTf().catch(() => undefined);
}

export async function assign(engine: Engine, p: Points, centres: Float64Array, k: number): Promise<Int32Array> {
  if (engine === 'js') return assignJs(p, centres, k);
  return (await loadTf()).assignTf(p, centres, k);
}

// --- float64 pieces over the labels ----------------------------------------------------------

/** Σ ‖x_i − c_label(i)‖². */
export function inertiaOf(x: Float64Array, n: number, labels: ArrayLike<number>, centres: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const j = labels[i];
    const dx = x[2 * i] - centres[2 * j], dy = x[2 * i + 1] - centres[2 * j + 1];
    s += dx * dx + dy * dy;
  }
  return s;
}

export function clusterSizes(labels: ArrayLike<number>, k: number): Int32Array {
  const s = new Int32Array(k);
  for (let i = 0; i < labels.length; i++) s[labels[i]]++;
  return s;
}

/** Lloyd's update: each centre moves to the mean of its points; an empty cluster's centre stays. */
export function meansOf(x: Float64Array, n: number, labels: ArrayLike<number>, prev: Float64Array, k: number): Float64Array {
  const sum = new Float64Array(2 * k);
  const cnt = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const j = labels[i];
    sum[2 * j] += x[2 * i];
    sum[2 * j + 1] += x[2 * i + 1];
    cnt[j]++;
  }
  const out = new Float64Array(2 * k);
  for (let j = 0; j < k; j++) {
    out[2 * j] = cnt[j] > 0 ? sum[2 * j] / cnt[j] : prev[2 * j];
    out[2 * j + 1] = cnt[j] > 0 ? sum[2 * j + 1] / cnt[j] : prev[2 * j + 1];
  }
  return out;
}

/** Largest distance any centre moved. */
function largestShift(a: Float64Array, b: Float64Array, k: number): number {
  let m = 0;
  for (let j = 0; j < k; j++) m = Math.max(m, Math.hypot(a[2 * j] - b[2 * j], a[2 * j + 1] - b[2 * j + 1]));
  return m;
}

// --- the recorded run ------------------------------------------------------------------------

export interface RunConfig {
  k: number;
  engine: Engine;
  variant: Variant;
  /** Mini-batch size (ignored by Lloyd). */
  batch: number;
  /** Seeds the mini-batch draws (stream 'batches'). */
  seed: number;
}

export interface Snapshot {
  /** Centres after this half-move, flat [K, 2]. */
  centres: Float64Array;
  /** Cluster of every point (null at step 0, before any assignment). Shared by an iteration's
   *  assignment and update. */
  labels: Uint8Array | null;
  /** Σ distance² to the assigned centre, with these labels and centres (null at step 0). */
  inertia: number | null;
  sizes: Int32Array | null;
  /** Assignment: points whose cluster changed (all of them at iteration 1). */
  moved: number;
  /** Update: the largest distance a centre moved. */
  shift: number;
  /** Mini-batch: the points this iteration drew. */
  batch: Int32Array | null;
}

/** Longest stretch of recording between turns for the browser. */
const SLICE_MS = 30;

/**
 * One k-means run, recorded as it goes. Lloyd stops when an assignment changes no point (the
 * update after it would return the same centres): `lastStep` is then that assignment's step.
 * Otherwise, and always for mini-batch, it stops after MAX_ITER iterations.
 */
export class KMeansRun {
  readonly snapshots: Snapshot[] = [];
  /** Step of the final state once the run has ended (converged or at MAX_ITER), else null. */
  lastStep: number | null = null;
  converged = false;
  private readonly counts: Float64Array;
  private readonly rng: Rng;
  private perm: Int32Array | null = null;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    readonly points: Points,
    init: Float64Array,
    readonly cfg: RunConfig,
  ) {
    const msg = checkK(cfg.k, points.n);
    if (msg) throw new Error(msg);
    this.counts = new Float64Array(cfg.k);
    this.rng = stream(cfg.seed, 'batches');
    this.snapshots.push({ centres: Float64Array.from(init.subarray(0, 2 * cfg.k)), labels: null, inertia: null, sizes: null, moved: 0, shift: 0, batch: null });
  }

  /** Records half-moves until `step` exists or the run has ended. Serialised: one at a time.
   *  `sliceMs`: recording between turns for the browser; `stop`: read at each turn, true ends
   *  this call early (the page's step ahead, compute.ts `prepare`). The record is the same
   *  however it was sliced or stopped: a later call goes on from where this one ended. */
  ensure(step: number, o: { sliceMs?: number; stop?: () => boolean } = {}): Promise<void> {
    const job = this.busy.then(() => this.extend(Math.min(step, MAX_STEP), o.sliceMs ?? SLICE_MS, o.stop));
    this.busy = job.catch(() => undefined);
    return job;
  }

  /** The state after `step` (clamped to what the run reached). Call ensure(step) first. */
  at(step: number): Snapshot {
    return this.snapshots[Math.max(0, Math.min(step, this.snapshots.length - 1))];
  }

  private async extend(step: number, sliceMs: number, stop?: () => boolean): Promise<void> {
    const more = () => this.snapshots.length <= step && this.lastStep === null;
    if (!more() || stop?.()) return;
    // tfjs: the points are uploaded once for this stretch of iterations and freed at its end, so
    // the live tensors after an interaction are those before it.
    const tfa = this.cfg.engine === 'tf' ? (await loadTf()).tfAssigner(this.points) : null;
    try {
      let t0 = performance.now();
      while (more()) {
        await this.iterate(tfa);
        // A long recording (100,000 points) lets input and paint in every SLICE_MS.
        if (performance.now() - t0 > sliceMs) {
          await yieldToBrowser();
          if (stop?.()) break;
          t0 = performance.now();
        }
      }
    } finally {
      tfa?.dispose();
    }
  }

  private drawBatch(): Int32Array {
    const n = this.points.n;
    const b = Math.min(n, Math.max(1, Math.round(this.cfg.batch)));
    if (!this.perm) this.perm = Int32Array.from({ length: n }, (_, i) => i);
    const p = this.perm;
    for (let i = 0; i < b; i++) {
      const j = i + this.rng.int(n - i);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p.slice(0, b);
  }

  /** One iteration: an assignment snapshot and, unless that converged, an update snapshot. */
  private async iterate(tfa: TfAssigner | null): Promise<void> {
    const { points: P, cfg } = this;
    const { x, n } = P;
    const k = cfg.k;
    const s = this.snapshots.length; // the assignment's step (odd)
    const prev = this.snapshots[s - 1];
    const c = prev.centres;
    const labels = Uint8Array.from(tfa ? await tfa.assign(c, k) : assignJs(P, c, k));
    const before = s >= 3 ? this.snapshots[s - 2].labels : null;
    let moved = 0;
    if (before) {
      for (let i = 0; i < n; i++) if (before[i] !== labels[i]) moved++;
    } else moved = n;
    const sizes = clusterSizes(labels, k);
    const batch = cfg.variant === 'minibatch' ? this.drawBatch() : null;
    this.snapshots.push({ centres: c, labels, inertia: inertiaOf(x, n, labels, c), sizes, moved, shift: 0, batch });

    if (cfg.variant === 'lloyd' && before && moved === 0) {
      this.converged = true;
      this.lastStep = s;
      return;
    }
    let next: Float64Array;
    if (batch) {
      // Mini-batch update (Sculley 2010): centre j moves to the running mean of every point it
      // has been given so far, c ← (c·v + Σ batch points) / (v + m), v its count so far.
      const sum = new Float64Array(2 * k);
      const m = new Float64Array(k);
      for (const i of batch) {
        const j = labels[i];
        sum[2 * j] += x[2 * i];
        sum[2 * j + 1] += x[2 * i + 1];
        m[j]++;
      }
      next = Float64Array.from(c);
      for (let j = 0; j < k; j++) {
        if (m[j] === 0) continue;
        const v = this.counts[j];
        next[2 * j] = (c[2 * j] * v + sum[2 * j]) / (v + m[j]);
        next[2 * j + 1] = (c[2 * j + 1] * v + sum[2 * j + 1]) / (v + m[j]);
        this.counts[j] = v + m[j];
      }
    } else next = meansOf(x, n, labels, c, k);
    this.snapshots.push({ centres: next, labels, inertia: inertiaOf(x, n, labels, next), sizes, moved: 0, shift: largestShift(c, next, k), batch });
    if (s + 1 >= MAX_STEP) this.lastStep = MAX_STEP;
  }
}

export interface FinalClustering {
  centres: Float64Array;
  labels: Uint8Array;
  inertia: number;
  /** Iterations run (scikit-learn's n_iter_: the one whose assignment changed nothing counts). */
  nIter: number;
  converged: boolean;
}

/** Lloyd from the given centres to convergence (or maxIter iterations), as scikit-learn reports
 *  it: the last centres, labels recomputed against them, and the inertia of those labels. */
export async function runLloyd(p: Points, init: Float64Array, k: number, engine: Engine, maxIter = MAX_ITER): Promise<FinalClustering> {
  const iters = Math.min(maxIter, MAX_ITER);
  const run = new KMeansRun(p, init, { k, engine, variant: 'lloyd', batch: p.n, seed: 0 });
  await run.ensure(2 * iters + 1);
  const last = Math.min(run.lastStep ?? Infinity, 2 * iters + 1, run.snapshots.length - 1);
  // The assignment after the last update: labels against the final centres.
  const fin = last % 2 === 1 ? run.at(last) : null;
  if (fin) return { centres: fin.centres, labels: fin.labels!, inertia: fin.inertia!, nIter: Math.min(iters, (last + 1) / 2), converged: run.converged };
  const c = run.at(last).centres;
  const labels = Uint8Array.from(await assign(engine, p, c, k));
  return { centres: c, labels, inertia: inertiaOf(p.x, p.n, labels, c), nIter: last / 2, converged: false };
}
