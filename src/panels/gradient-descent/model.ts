/**
 * Gradient-descent panel: the computation. Pure function of the params: no React, no DOM.
 *
 * The optimizers race from one start. Their update rules (optimizers.ts) are plain float64 JS;
 * the gradients they are fed come from tfjs automatic differentiation, float32: at every step the
 * current points of all still-running optimizers are stacked into one [k, 2] tensor and a single
 * tf.grad of Σ_rows loss(row) returns all k gradients at once. Measured in Node on the CPU
 * backend, 500 steps × 6 optimizers: 30–100 ms batched, 130–470 ms with one call per optimizer
 * (the cost is tfjs's per-op overhead, not arithmetic). The points go to tfjs rounded to float32
 * but are kept in float64 here. The float64 analytic gradients are for the tests only:
 * `runPaths(..., { gradients: 'analytic' })` replays PyTorch's float64 oracle to ~1e-12; the
 * tfjs path stays within 5e-4 of it over the oracle's 12 steps.
 */
import * as tf from '../../lib/tf/tf';
import { stream } from '../../lib/random/rng';
import { clamp } from '../../lib/params/schema';
import { fmt } from '../../lib/format/format';
import { initState, isAdaptive, step, type Hyper, type OptimizerName, type OptState, type Vec2 } from './optimizers';
import { MAX_STEPS, N_POINTS, type GDParams } from './params';
import { makeSurface, type Minimum, type Surface } from './surfaces.tf';

export { makeSurface, PRESETS, type Surface } from './surfaces.tf';

export type Status = 'ok' | 'diverged' | 'converged';

export interface OptimizerRun {
  name: OptimizerName;
  /** Points visited, path[0] = start; shorter than steps + 1 when the run stopped early. */
  path: Vec2[];
  /** Full-data loss at each point of the path (losses[t] is the loss before step t + 1). */
  losses: number[];
  status: Status;
  /** Iteration at which it was found diverged or converged (the path's last index); else null. */
  stoppedAt: number | null;
}

export interface Racer {
  name: OptimizerName;
  hyper: Hyper;
}

/** Divergence: loss non-finite, or 1e6 × further above the lowest value than at the start, or |θ| > 1e6. */
const BLOWUP = 1e6;
/** Convergence, relative to the window size: a step shorter than 1e-6 within 1e-3 of a minimum. */
const TINY_STEP = 1e-6, NEAR_MIN = 1e-3, CALM_STEPS = 5;

/**
 * Mini-batches for the logistic surface: a fresh seeded permutation each epoch (stream
 * 'batches'), cut into consecutive batches, the last one shorter (as a DataLoader without
 * drop_last). null means the full data set. The same batches go to every optimizer, so their
 * paths differ only by their rules.
 */
export function batchSchedule(seed: number, n: number, batch: number): () => Int32Array | null {
  if (batch >= n) return () => null;
  const rng = stream(seed, 'batches');
  let perm = rng.permutation(n), at = 0;
  return () => {
    if (at >= n) {
      perm = rng.permutation(n);
      at = 0;
    }
    const rows = perm.slice(at, Math.min(at + batch, n));
    at += batch;
    return rows;
  };
}

/** The per-row loss's gradient function, fed dy = ones by tfGradients (see rowGradients). */
type RowGradFn = (p: tf.Tensor2D, dy: tf.Tensor1D) => tf.Tensor;

/**
 * tf.grad of the per-row loss itself, seeded with dy = 1 for every row, rather than of its sum
 * (as before stop 33): the sum's backward pass only made that same tensor of ones (reshape(1) ×
 * ones, exactly 1.0 per row), so every gradient is the same float32 number, bit for bit
 * (raceBits.test.ts pins every frame to the old code's digests on CPU and WASM), with three
 * fewer kernels per step (the sum, and its backward reshape and multiply) out of 14–57.
 * tfjs's per-kernel overhead, not arithmetic, is what a race costs.
 */
function rowGradients(loss: (p: tf.Tensor2D) => tf.Tensor1D): RowGradFn {
  return tf.grad((p: tf.Tensor) => loss(p as tf.Tensor2D)) as RowGradFn;
}

/** One tf call: the gradients of the surface at k points (float32 autodiff). */
function tfGradients(gradFn: RowGradFn, pts: Vec2[]): Vec2[] {
  const flat = new Float32Array(pts.length * 2);
  pts.forEach((p, i) => flat.set(p, 2 * i));
  const g = tf.tidy(() => gradFn(tf.tensor2d(flat, [pts.length, 2]), tf.ones([pts.length]) as tf.Tensor1D));
  const d = g.dataSync();
  g.dispose();
  return pts.map((_, i) => [d[2 * i], d[2 * i + 1]] as const);
}

function nearestMinimum(minima: Minimum[], p: Vec2): number {
  return minima.reduce((best, m) => Math.min(best, Math.hypot(p[0] - m.at[0], p[1] - m.at[1])), Infinity);
}

export interface RaceOptions {
  /** 'tfjs' (the view: float32 autodiff) or 'analytic' (tests and oracle: float64). */
  gradients?: 'tfjs' | 'analytic';
  /** Logistic surface only: rows per step (default: all) and the seed of their shuffle. */
  batch?: number;
  seed?: number;
}

/**
 * A race that can be advanced and read at any step. Playing the animation or stepping forward
 * only computes the new steps (one tf call each); stepping back is a slice. `runPaths` and
 * `runOptimizers` are the one-shot forms.
 */
export interface Race {
  /** Steps computed so far. */
  readonly computed: number;
  /** Computes up to `upTo` (capped at MAX_STEPS) if needed; returns fresh copies cut at `upTo`. */
  at(upTo: number): OptimizerRun[];
}

export function createRace(surface: Surface, racers: Racer[], start: Vec2, opts: RaceOptions = {}): Race {
  const useTf = (opts.gradients ?? 'tfjs') === 'tfjs';
  const n = surface.data?.n ?? 0;
  const nextRows = batchSchedule(opts.seed ?? 0, n, Math.max(1, Math.round(opts.batch ?? n)));
  let rows: Int32Array | null = null; // read by the closure below, set before each call
  // tf.grad keeps no tensors: it traces the function afresh on every call.
  const gradFn = useTf ? rowGradients((p) => surface.tfLoss(p, rows)) : null;
  const [x0, x1, y0, y1] = surface.view;
  const scale = Math.max(x1 - x0, y1 - y0);
  const f0 = surface.f(start[0], start[1]);
  const lossCap = BLOWUP * Math.max(1, Math.abs(f0 - surface.fStar));
  const runs: OptimizerRun[] = racers.map((r) => ({ name: r.name, path: [start], losses: [f0], status: 'ok', stoppedAt: null }));
  const states: OptState[] = racers.map(() => initState());
  // Consecutive tiny steps near a minimum. One tiny step is not enough: momentum methods slow to
  // almost zero for a single step when they turn around, long before they settle.
  const calm: number[] = racers.map(() => 0);
  if (!Number.isFinite(f0)) for (const r of runs) Object.assign(r, { status: 'diverged', stoppedAt: 0 });
  let t = 0;

  const advance = () => {
    const active = runs.flatMap((r, i) => (r.status === 'ok' ? [i] : []));
    if (active.length === 0) return;
    rows = n > 0 ? nextRows() : null;
    const here = active.map((i) => runs[i].path[t]);
    const grads = gradFn ? tfGradients(gradFn, here) : here.map((p) => surface.grad(p[0], p[1], rows));
    active.forEach((i, j) => {
      const run = runs[i], g = grads[j];
      const next = step(racers[i].name, racers[i].hyper, here[j], g, states[i]);
      states[i] = next.s;
      const p = next.p;
      const loss = surface.f(p[0], p[1]);
      run.path.push(p);
      run.losses.push(loss);
      const blown =
        !Number.isFinite(g[0] + g[1] + loss + p[0] + p[1]) ||
        Math.abs(loss - surface.fStar) > lossCap ||
        Math.hypot(p[0], p[1]) > BLOWUP;
      const moved = Math.hypot(p[0] - here[j][0], p[1] - here[j][1]);
      calm[i] = moved < TINY_STEP * scale && nearestMinimum(surface.minima, p) < NEAR_MIN * scale ? calm[i] + 1 : 0;
      if (blown) run.status = 'diverged';
      else if (calm[i] >= CALM_STEPS) run.status = 'converged';
      if (run.status !== 'ok') run.stoppedAt = t + 1;
    });
  };

  return {
    get computed() {
      return t;
    },
    at(upTo) {
      const target = Math.max(0, Math.min(Math.round(upTo), MAX_STEPS));
      for (; t < target; t++) advance();
      return runs.map((r) => {
        const stopped = r.stoppedAt !== null && r.stoppedAt <= target;
        return {
          name: r.name,
          path: r.path.slice(0, target + 1),
          losses: r.losses.slice(0, target + 1),
          status: stopped ? r.status : 'ok',
          stoppedAt: stopped ? r.stoppedAt : null,
        };
      });
    },
  };
}

/** Every racer `steps` iterations from `start` (one-shot). */
export function runPaths(surface: Surface, racers: Racer[], start: Vec2, steps: number, opts: RaceOptions = {}): OptimizerRun[] {
  return createRace(surface, racers, start, opts).at(steps);
}

/** The hyper-parameters each selected optimizer gets from the panel's controls. */
export function racersFrom(params: GDParams): Racer[] {
  return params.optimizers.map((name) => ({
    name,
    hyper: {
      lr: isAdaptive(name) ? params.lrAdaptive : params.lr,
      momentum: params.momentum,
      beta1: params.beta1,
      beta2: params.beta2,
      alpha: params.alpha,
    },
  }));
}

export function surfaceOf(params: GDParams): Surface {
  return makeSurface(params.surface, { kappa: params.kappa, seed: params.seed });
}

/** The start point, kept inside the surface's window. */
export function startOf(params: GDParams, surface = surfaceOf(params)): Vec2 {
  const [x0, x1, y0, y1] = surface.view;
  return [clamp(params.start[0], x0, x1), clamp(params.start[1], y0, y1)];
}

export interface RunResult {
  runs: OptimizerRun[];
  start: Vec2;
  /** The plain-data part of the surface, for the view. */
  surface: Pick<Surface, 'name' | 'view' | 'minima' | 'fStar' | 'L' | 'curvatureAtMin' | 'data'>;
}

/**
 * The panel's race for these params (tfjs gradients), ignoring `params.step`: the view may keep
 * one per setting of the other params and call `.at(step)` as the animation plays.
 */
export function raceFor(params: GDParams): Race {
  const s = surfaceOf(params);
  return createRace(s, racersFrom(params), startOf(params, s), { gradients: 'tfjs', batch: params.batch, seed: params.seed });
}

/** Every selected optimizer from the start for `params.step` iterations, with tfjs gradients. */
export function runOptimizers(params: GDParams): RunResult {
  const s = surfaceOf(params);
  const { name, view, minima, fStar, L, curvatureAtMin, data } = s;
  return { runs: raceFor(params).at(params.step), start: startOf(params, s), surface: { name, view, minima, fStar, L, curvatureAtMin, data } };
}

export interface Grid {
  /** Row-major [ny, nx]: values[j * nx + i] = f(xs[i], ys[j]); j = 0 is the bottom row (ymin). */
  values: Float32Array;
  nx: number;
  ny: number;
  xs: Float64Array;
  ys: Float64Array;
  view: readonly [number, number, number, number];
  min: number;
  max: number;
}

/** The surface on an nx × ny grid over its window, computed in one batched tfjs call. */
export function gridValues(params: GDParams, nx: number, ny: number): Grid {
  const s = surfaceOf(params);
  const [x0, x1, y0, y1] = s.view;
  const xs = Float64Array.from({ length: nx }, (_, i) => x0 + ((x1 - x0) * i) / (nx - 1));
  const ys = Float64Array.from({ length: ny }, (_, j) => y0 + ((y1 - y0) * j) / (ny - 1));
  const pts = new Float32Array(nx * ny * 2);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      pts[2 * (j * nx + i)] = xs[i];
      pts[2 * (j * nx + i) + 1] = ys[j];
    }
  const t = tf.tidy(() => s.tfLoss(tf.tensor2d(pts, [nx * ny, 2])));
  const values = new Float32Array(t.dataSync()); // a copy: the tensor's buffer goes with it
  t.dispose();
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { values, nx, ny, xs, ys, view: s.view, min, max };
}

/** Plain-words warnings for the settings: instabilities the theory predicts, and no-op controls. */
export function warnings(params: GDParams): string[] {
  const s = surfaceOf(params);
  const out: string[] = [];
  const has = (o: OptimizerName) => params.optimizers.includes(o);
  const { lr, momentum: mu } = params;
  // The step-size warnings concern `lr`, which only the gradient-descent family uses.
  const gdFamily = has('sgd') || has('momentum') || has('nesterov');
  if (gdFamily && s.L !== null) {
    const lim = 2 / s.L;
    if (lr > lim)
      out.push(
        s.name === 'bowl'
          ? `Step ${fmt(lr)} is above 2/L = ${fmt(lim)}: plain gradient descent diverges.`
          : `Step ${fmt(lr)} is above 2/L = ${fmt(lim)}: plain gradient descent is no longer guaranteed to converge.`,
      );
  } else if (gdFamily && s.curvatureAtMin !== null && lr > 2 / s.curvatureAtMin) {
    out.push(
      `Near the lowest point the steepest curvature is about ${fmt(s.curvatureAtMin)}: with a step above ` +
        `2/${fmt(s.curvatureAtMin)} = ${fmt(2 / s.curvatureAtMin)} plain gradient descent cannot settle there.`,
    );
  }
  // On the bowl the heavy-ball and Nesterov iterations are linear, and their stability limits
  // follow from the 2×2 iteration matrix per axis: lr·L < 2(1+μ) and lr·L < 2(1+μ)/(1+2μ).
  if (s.name === 'bowl' && s.L !== null) {
    if (has('momentum') && lr * s.L > 2 * (1 + mu))
      out.push(`Momentum diverges: its limit is 2(1+μ)/L = ${fmt((2 * (1 + mu)) / s.L)}.`);
    if (has('nesterov') && lr * s.L > (2 * (1 + mu)) / (1 + 2 * mu))
      out.push(`Nesterov diverges: its limit is 2(1+μ)/((1+2μ)L) = ${fmt((2 * (1 + mu)) / ((1 + 2 * mu) * s.L))}.`);
  }
  if (mu === 0 && (has('momentum') || has('nesterov')))
    out.push('With momentum 0, momentum and Nesterov are plain gradient descent.');
  if (params.beta1 === 0 && has('adam')) out.push('With β1 = 0, Adam keeps no memory of the gradient: it is RMSprop with bias correction.');
  if (s.name !== 'logistic' && params.batch < N_POINTS)
    out.push('Batch size only matters on the logistic-regression surface.');
  const start = startOf(params, s);
  if (start[0] !== params.start[0] || start[1] !== params.start[1])
    out.push(`The start lies outside this surface's window; it was moved to (${fmt(start[0])}, ${fmt(start[1])}).`);
  if (s.name === 'saddle' && start[1] === 0)
    out.push('The start is exactly on the ridge y = 0: the gradient never points off it, so every optimizer slides toward the saddle point and never leaves the ridge.');
  if (s.name === 'logistic' && s.minima.length === 0)
    out.push('These two classes happen to be separable: the loss has no minimum, and the weights grow for ever.');
  if (s.name === 'logistic' && params.batch < (s.data?.n ?? 0))
    out.push(`Each step sees ${params.batch} of ${s.data?.n} points: the path is noisy, and the loss drawn is on all of them.`);
  if (nearestMinimum(s.minima, start) < 1e-9) out.push('The start is already a minimum: the gradient is zero, nothing moves.');
  return out;
}
