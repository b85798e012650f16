/**
 * What the view computes for a set of params, with two caches so that playing is cheap:
 * - the race is kept per setting of every param except `step`, and only advanced (or sliced)
 *   as the step moves;
 * - the contour grid depends only on the surface (and κ for the bowl, the seed for the
 *   logistic data), so it is recomputed only when those change.
 * Pure TypeScript over the model: no React, no DOM.
 */
import { gridValues, raceFor, startOf, surfaceOf, warnings, type OptimizerRun, type Race, type RunResult } from './model';
import type { Vec2 } from './optimizers';
import { MAX_STEPS, type GDParams, type SurfaceName } from './params';

/** Grid resolution of the contour map (odd, so the bowl's centre is a sample). */
export const GRID_N = 101;

/** Surfaces whose values span orders of magnitude: contour levels spaced in log. */
const LOG_LEVELS: Record<SurfaceName, boolean> = { bowl: true, rosenbrock: true, logistic: true, multimodal: false, saddle: false };

export interface ContourGrid {
  /** For log surfaces: f − min(f) on the grid (so all values are ≥ 0); else f itself. */
  values: Float32Array;
  nx: number;
  ny: number;
  extent: readonly [number, number, number, number];
  log: boolean;
}

export interface GDResult {
  step: number;
  /** Iterations computed ahead, for the loss plot's x range (a round number above `step`). */
  horizon: number;
  /** Every selected optimizer up to `step` (what the map, readout and messages show). */
  runs: OptimizerRun[];
  /** The same runs up to `horizon` (the loss plot draws the part after `step` faintly). */
  ahead: OptimizerRun[];
  start: Vec2;
  surface: RunResult['surface'];
  grid: ContourGrid;
  warnings: string[];
}

/** The loss plot's x range: the next multiple of 100 above the step (at most MAX_STEPS). */
export function horizonFor(step: number): number {
  return Math.min(MAX_STEPS, Math.max(100, Math.ceil((step + 1) / 100) * 100));
}

function gridKey(p: GDParams): string {
  return `${p.surface}|${p.surface === 'bowl' ? p.kappa : ''}|${p.surface === 'logistic' ? p.seed : ''}`;
}

function contourGrid(p: GDParams): ContourGrid {
  const g = gridValues(p, GRID_N, GRID_N);
  const log = LOG_LEVELS[p.surface];
  const values = log ? g.values.map((v) => v - g.min) : g.values;
  return { values, nx: g.nx, ny: g.ny, extent: g.view, log };
}

/** A stateful computer (one per mounted view): call it with the params, get the frame. */
export function createComputer(): (p: GDParams) => GDResult {
  let raceKey = '', race: Race | null = null;
  let gKey = '', grid: ContourGrid | null = null;
  return (p) => {
    const rk = JSON.stringify({ ...p, step: 0 });
    if (!race || rk !== raceKey) {
      race = raceFor(p);
      raceKey = rk;
    }
    const gk = gridKey(p);
    if (!grid || gk !== gKey) {
      grid = contourGrid(p);
      gKey = gk;
    }
    const s = surfaceOf(p);
    const horizon = horizonFor(p.step);
    const ahead = race.at(horizon);
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
}
