/**
 * What the view runs for each state: the path, cached by everything except λ (so dragging the λ
 * slider only re-solves one λ and redraws the marker and the geometry), then the solution at λ.
 * Pure: no React, no DOM.
 */
import { createCache } from '../../lib/panel/cache';
import { atLambda, computePath, type AtLambda, type PathParams, type PathResult } from './model';
import type { RegParams } from './params';

export interface RegResult {
  path: PathResult;
  at: AtLambda;
}

/** A few recent paths: switching the penalty back and forth, or a seed and back, is instant. */
const paths = createCache<PathResult>(6);

function pathKey(pp: PathParams): string {
  // The mixing share only matters for the elastic net.
  const mix = pp.penalty === 'elasticnet' ? pp.mix : 0;
  return [pp.penalty, mix, pp.p, pp.rho, pp.k, pp.n, pp.noise, pp.seed].join('|');
}

/** The path for these params, from the cache when it holds them. */
export function cachedPath(params: RegParams): PathResult {
  const { lambda: _lambda, ...pp } = params;
  void _lambda;
  return paths.get(pathKey(pp), () => computePath(pp));
}

export function runRegularization(params: RegParams): RegResult {
  const path = cachedPath(params);
  return { path, at: atLambda(path, params.lambda) };
}
