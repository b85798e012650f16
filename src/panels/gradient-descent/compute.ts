/**
 * What the view computes for a set of params, with two caches so that playing is cheap:
 * - the race is kept per setting of every param except `step`, and only advanced (or sliced)
 *   as the step moves;
 * - the contour grid depends only on the surface (and κ for the bowl, the seed for the
 *   logistic data), so it is recomputed only when those change.
 * Both keep a few recent settings, so toggling a control back and forth reuses them. Neither
 * holds a tensor (a race keeps plain arrays; tf.grad traces afresh on each call).
 * Pure TypeScript over the model: no React, no DOM. The panel's worker (compute.worker.ts) owns
 * one computer, so the caches live there and the page only receives slices of a cached race.
 */
import { createCache } from '../../lib/panel/cache';
import { contourLevels, contourThresholds, type ContourLevel } from '../../lib/contour/levels';
import { gridValues, raceFor, startOf, surfaceOf, warnings, type OptimizerRun, type Race, type RunResult } from './model';
import type { Vec2 } from './optimizers';
import { horizonFor } from './frames';
import type { GDParams, SurfaceName } from './params';

/** Grid resolution of the contour map (odd, so the bowl's centre is a sample). */
export const GRID_N = 101;

/** Races and contour grids kept (a 500-step race of six optimizers is ~100 kB of plain arrays). */
const RACES_KEPT = 4, GRIDS_KEPT = 4;

/** Surfaces whose values span orders of magnitude: contour levels spaced in log. */
const LOG_LEVELS: Record<SurfaceName, boolean> = { bowl: true, rosenbrock: true, logistic: true, multimodal: false, saddle: false };

export interface ContourGrid {
  /** What the grid depends on: equal keys, equal grids (the page keeps one object per key). */
  key: string;
  /** For log surfaces: f − min(f) on the grid (so all values are ≥ 0); else f itself. */
  values: Float32Array;
  nx: number;
  ny: number;
  extent: readonly [number, number, number, number];
  log: boolean;
  /** Its contour lines (14 levels, in log for log surfaces), traced here with the grid: the page only draws them. */
  lines: ContourLevel[];
}

export interface GDResult {
  step: number;
  /** Iterations computed ahead, for the loss plot's x range (a round number above `step`). */
  horizon: number;
  /** Every selected optimizer up to `step` (what the map, readout and messages show). */
  runs: OptimizerRun[];
  /**
   * The same runs up to `horizon` (the loss plot draws the part after `step` faintly); null in a
   * link's first answer (`head`), which races only to `step`: the faint part comes in the next.
   */
  ahead: OptimizerRun[] | null;
  start: Vec2;
  surface: RunResult['surface'];
  grid: ContourGrid;
  warnings: string[];
}

// The step arithmetic the page also needs lives in frames.ts (no tfjs there).
export { cutRuns, frameAt, horizonFor, workerParams } from './frames';

function gridKey(p: GDParams): string {
  return `${p.surface}|${p.surface === 'bowl' ? p.kappa : ''}|${p.surface === 'logistic' ? p.seed : ''}`;
}

function contourGrid(p: GDParams): ContourGrid {
  const g = gridValues(p, GRID_N, GRID_N);
  const log = LOG_LEVELS[p.surface];
  const values = log ? g.values.map((v) => v - g.min) : g.values;
  const levels = contourThresholds(values, log ? { count: 14, log: true, maxDecades: 4 } : { count: 14 });
  return { key: gridKey(p), values, nx: g.nx, ny: g.ny, extent: g.view, log, lines: contourLevels({ values, nx: g.nx, ny: g.ny }, levels) };
}

/** Steps computed between two yields of the worker (a 50-step slice of six logistic runs is ~20 ms). */
export const SLICE = 50;

/** What the worker gives the computer between slices: a chance to hear of a newer request. */
export interface SliceContext {
  cancelled(): boolean;
  yield(): Promise<void>;
}

/**
 * A stateful computer (one per worker, or per test): call it with the params, get the frame.
 * `sliced` gives the same frame but advances a new race in SLICE-step slices with a yield
 * between them; it returns null once a newer request has cancelled this one.
 */
export type Computer = ((p: GDParams) => GDResult) & {
  sliced(p: GDParams, ctx: SliceContext): Promise<GDResult | null>;
  /**
   * The frame at `p.step` with `ahead` null, racing only to the step (the rest of the race, to the
   * horizon, is often a third to a half of it): what a link shows first (issue 8). Its runs are
   * those of the full frame at the same step, and the race it advanced stays cached for it.
   */
  head(p: GDParams, ctx: SliceContext): Promise<GDResult | null>;
};

export function createComputer(): Computer {
  const races = createCache<Race>(RACES_KEPT);
  const grids = createCache<ContourGrid>(GRIDS_KEPT);
  const raceOf = (p: GDParams) => races.get(JSON.stringify({ ...p, step: 0 }), () => raceFor(p));
  const frameOf = (p: GDParams, full: boolean): GDResult => {
    const race = raceOf(p);
    const grid = grids.get(gridKey(p), () => contourGrid(p));
    const s = surfaceOf(p);
    const horizon = horizonFor(p.step);
    const ahead = full ? race.at(horizon) : null;
    const runs = race.at(p.step);
    const { name, view, minima, fStar, L, curvatureAtMin, data } = s;
    return {
      step: p.step,
      horizon,
      runs,
      ahead,
      start: startOf(p, s),
      surface: { name, view, minima, fStar, L, curvatureAtMin, data },
      grid,
      warnings: warnings(p),
    };
  };
  const frame = (p: GDParams): GDResult => frameOf(p, true);
  /** Advances p's race to `upTo` in SLICE-step slices; false once a newer request has cancelled it. */
  const advance = async (p: GDParams, upTo: number, ctx: SliceContext): Promise<boolean> => {
    const race = raceOf(p);
    for (let k = race.computed + SLICE; k < upTo; k += SLICE) {
      race.at(k);
      await ctx.yield();
      if (ctx.cancelled()) return false;
    }
    return true;
  };
  const sliced = async (p: GDParams, ctx: SliceContext): Promise<GDResult | null> =>
    (await advance(p, horizonFor(p.step), ctx)) ? frame(p) : null;
  // At the last step (the horizon itself) there is nothing ahead: the head is the full frame.
  const head = async (p: GDParams, ctx: SliceContext): Promise<GDResult | null> =>
    (await advance(p, p.step, ctx)) ? frameOf(p, p.step >= horizonFor(p.step)) : null;
  return Object.assign(frame, { sliced, head });
}
