/* Pure line-path building (no DOM). Non-finite points break the line rather than being joined
   across or turned into "NaN" in the path, which browsers reject wholesale. */
import {
  curveBasis,
  curveCatmullRom,
  curveLinear,
  curveMonotoneX,
  curveNatural,
  curveStep,
  curveStepAfter,
  curveStepBefore,
  line as d3line,
  type CurveFactory,
} from 'd3';

export type CurveName =
  | 'linear'
  | 'monotoneX'
  | 'natural'
  | 'basis'
  | 'catmullRom'
  | 'step'
  | 'stepAfter'
  | 'stepBefore';

export const CURVES: Readonly<Record<CurveName, CurveFactory>> = {
  linear: curveLinear,
  monotoneX: curveMonotoneX,
  natural: curveNatural,
  basis: curveBasis,
  catmullRom: curveCatmullRom,
  step: curveStep,
  stepAfter: curveStepAfter,
  stepBefore: curveStepBefore,
};

/**
 * Pixel coordinates far outside the plot are clamped to this: a diverging optimiser can send
 * values to 1e300, and SVG renderers mis-draw (or drop) paths with such coordinates. The plot
 * is clipped, so the clamp only slightly bends segments that are off-screen anyway.
 */
export const PX_LIMIT = 1e5;

const clampPx = (v: number) => (v > PX_LIMIT ? PX_LIMIT : v < -PX_LIMIT ? -PX_LIMIT : v);

export type XY = readonly [number, number];

/** Zip x and y arrays into points (the shorter length wins). */
export function zipPoints(xs: ArrayLike<number>, ys: ArrayLike<number>): XY[] {
  const n = Math.min(xs.length, ys.length);
  const out: XY[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = [xs[i], ys[i]];
  return out;
}

/**
 * SVG path data for points in data coordinates. A point whose scaled position is not finite
 * (NaN / ±Infinity data, or ≤ 0 on a log scale) is skipped and starts a new sub-path.
 * Returns '' when nothing is drawable.
 */
export function linePath(
  points: readonly XY[],
  sx: (v: number) => number,
  sy: (v: number) => number,
  opts: { curve?: CurveName | CurveFactory; closed?: boolean } = {},
): string {
  const px = points.map(([x, y]) => [sx(x), sy(y)] as const);
  const curve = typeof opts.curve === 'string' ? CURVES[opts.curve] : opts.curve ?? curveLinear;
  const gen = d3line<readonly [number, number]>()
    .defined((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))
    .x((p) => clampPx(p[0]))
    .y((p) => clampPx(p[1]))
    .curve(curve);
  const d = gen(px) ?? '';
  return d && opts.closed ? `${d}Z` : d;
}

/** The runs of consecutive finite points, as index ranges [start, end): what linePath draws. */
export function finiteRuns(points: readonly XY[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  points.forEach(([x, y], i) => {
    const ok = Number.isFinite(x) && Number.isFinite(y);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, points.length]);
  return runs;
}
