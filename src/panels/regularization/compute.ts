/**
 * What the view runs for each state: the path, cached by everything except λ (so dragging the λ
 * slider only re-solves one λ and redraws the marker and the geometry), then the solution at λ.
 * The path (61 solves, at most ~15 ms of CPU in Node at the settings path.timing.ts tries) runs
 * in the panel's worker (compute.worker.ts, which holds the cache); atLambda (~0.6 ms) runs on
 * the page for every position of the λ slider. Pure: no React, no DOM.
 */
import { createCache } from '../../lib/panel/cache';
import { atLambda, computePath, type AtLambda, type PathParams, type PathResult } from './model';
import type { RegParams } from './params';

export interface RegResult {
  path: PathResult;
  at: AtLambda;
}

/**
 * Recent paths: switching the penalty or the seed back, or dragging a slider back over values
 * just seen (the features slider spans 59 of them), is instant. At most ~250 KB each (60
 * features, 200 samples), so a few megabytes in the worker at worst.
 */
const paths = createCache<PathResult>(24);

function pathKey(pp: PathParams): string {
  // The mixing share only matters for the elastic net.
  const mix = pp.penalty === 'elasticnet' ? pp.mix : 0;
  return [pp.penalty, mix, pp.p, pp.rho, pp.k, pp.n, pp.noise, pp.seed].join('|');
}

/** Everything the path depends on: the params without λ. */
export function pathParams(params: RegParams): PathParams {
  const { lambda: _lambda, ...pp } = params;
  void _lambda;
  return pp;
}

/**
 * The path for these params, from the cache when it holds them. The cache keeps the object, so
 * the worker exposes this with transfer off (its arrays are copied to the page, never moved).
 */
export function cachedPath(pp: PathParams): PathResult {
  return paths.get(pathKey(pp), () => computePath(pp));
}

/** Path and solution at λ in one call (the unit and link-fuzz tests; the view splits the two). */
export function runRegularization(params: RegParams): RegResult {
  const path = cachedPath(pathParams(params));
  return { path, at: atLambda(path, params.lambda) };
}
