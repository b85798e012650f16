/**
 * Regularization figures for `npm run bench`: the whole 61-λ path (warm-started coordinate descent,
 * or ridge's closed form) at the default size and at the extremes of p and n, and one λ-slider step
 * (the solve at one λ from the cached path, plus the two-weight geometry). Plain float64 typed
 * arrays: the problem is at most 200 × 60 and the solver branches on every coordinate, so tfjs
 * would only add dispatch overhead.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { atLambda, computePath, type PathParams } from './model';
import { schema, type RegParams } from './params';

const base = defaults(schema);
const pp = (over: Partial<RegParams>): PathParams => {
  const { lambda: _l, ...rest } = { ...base, ...over };
  void _l;
  return rest;
};

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cases: [string, Partial<RegParams>][] = [
    ['defaults (n 30, p 20)', {}],
    ['widest (n 10, p 60)', { n: 10, p: 60 }],
    ['largest (n 200, p 60)', { n: 200, p: 60 }],
  ];
  for (const [label, over] of cases)
    for (const penalty of ['l1', 'elasticnet', 'l2'] as const) {
      const t = await timeIt(() => computePath(pp({ ...over, penalty })), 10, 2);
      rows.push(...timingRows(`path of 61 λ, ${label}, ${penalty}`, t));
    }
  // The hardest setting found: near-collinear block, p ≫ n, elastic net with little L1.
  const hard = pp({ n: 10, p: 60, rho: 0.99, penalty: 'elasticnet', mix: 0.05 });
  rows.push(...timingRows('path of 61 λ, n 10, p 60, ρ 0.99, elastic net α 0.05 (worst case)', await timeIt(() => computePath(hard), 5, 1)));
  // One λ-slider step: the path is cached, so only atLambda runs.
  for (const [label, over] of cases) {
    const path = computePath(pp(over));
    let k = 0;
    const t = await timeIt(() => atLambda(path, 10 ** (-4 + 0.05 * (k++ % 121))), 40, 5);
    rows.push(...timingRows(`λ-slider step (solve at λ + geometry), ${label}, lasso`, t));
  }
  return rows;
}
