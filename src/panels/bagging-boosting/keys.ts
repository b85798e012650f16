/**
 * What the page needs of a setting without the models: the grid and curve sizes, the regression
 * target, the cache keys and the frame's input. The view imports these from here, not from
 * setting.ts or compute.ts, so the page's chunk does not pull in the learners (tree, forest,
 * boosting) that only the worker runs; setting.ts and compute.ts re-export them for the rest.
 * Pure: no React, no DOM.
 */
import type { BBParams } from './params';

/** Boundary grids are GRID_N × GRID_N samples; the 1-D curves CURVE_N samples. */
export const GRID_N = 64;
export const CURVE_N = 161;
/** The 1-D regression target and the plotted x range. */
export const REG_FUNCTION = 'sine' as const;
export const REG_X: readonly [number, number] = [-1, 1];

export type ClassSetting = Pick<BBParams, 'dataset' | 'noise' | 'n' | 'depth' | 'bootstrap' | 'seed'>;
export type RegSetting = Pick<BBParams, 'noise' | 'n' | 'depth' | 'lr' | 'seed'>;

export const classKey = (s: ClassSetting) => `${s.dataset}|${s.noise}|${s.n}|${s.depth}|${s.bootstrap}|${s.seed}`;
export const regKey = (s: RegSetting) => `${s.noise}|${s.n}|${s.depth}|${s.lr}|${s.seed}`;

export type FrameInput = ClassSetting & RegSetting & Pick<BBParams, 'round'>;

export const frameInput = (p: BBParams): FrameInput => ({
  dataset: p.dataset,
  noise: p.noise,
  n: p.n,
  depth: p.depth,
  lr: p.lr,
  bootstrap: p.bootstrap,
  seed: p.seed,
  round: p.round,
});

/** What the fits depend on: everything but the round. */
export const settingKey = (i: FrameInput) => `${classKey(i)}#${regKey(i)}`;

/** The same setting and round (a frame's input comes back from the worker as a copy). */
export function sameInput(a: FrameInput, b: FrameInput): boolean {
  return (Object.keys(b) as (keyof FrameInput)[]).every((k) => a[k] === b[k]);
}
