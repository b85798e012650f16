/**
 * Random-forest figures for `npm run bench` (the target: a 200-tree forest of depth ≤ 12
 * on 500 points visible, i.e. its 100 × 100 map drawn, within 300 ms p95). Each case times what
 * the worker does for a fresh forest: growing the trees and summing their grids (the map), then
 * the curves and importances that follow it; and one tree's grid by rectangles against the
 * point-by-point evaluation it replaces.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { treeProba } from '../../lib/learn/tree';
import { growMember } from '../../lib/learn/forest';
import type { Matrix } from '../../lib/learn/api';
import { GRID_N, makeData } from './data';
import { gridAxes, treeGrid } from './grid';
import { configOf, createForestRun, forestOptions } from './model';
import { schema, type ForestParams } from './params';

/** Advances a fresh run until the map of all trees is ready (what "visible" means), or to the end. */
function untilMap(p: ForestParams, toEnd: boolean) {
  return () => {
    const run = createForestRun(configOf(p));
    const t = { trees: p.trees, pick: 1 };
    for (;;) {
      const done = run.advance(t, performance.now() + 16);
      if (done || (!toEnd && run.progress() >= p.trees)) return run.view(t);
    }
  };
}

export async function bench(): Promise<BenchRow[]> {
  const d = defaults(schema);
  const big: ForestParams = { ...d, trees: 200, n: 500, depth: 12 };
  const noisy: ForestParams = { ...big, noise: 10 };
  const rows: BenchRow[] = [];
  const cases: [string, () => unknown, number][] = [
    ['200 trees, depth ≤ 12, 500 points: map visible', untilMap(big, false), 10],
    ['200 trees, depth ≤ 12, 500 points, 10 noise features: map visible', untilMap(noisy, false), 10],
    ['defaults (100 trees, 300 points): map visible', untilMap(d, false), 10],
    ['200 trees, 500 points: map, curves and permutation importances', untilMap(big, true), 5],
    ['200 trees, 500 points, 10 noise features: everything', untilMap(noisy, true), 3],
  ];
  for (const [label, fn, runs] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(fn, runs, 1), 'float64 JS (in the worker on the page)'));

  // One tree on the 100 × 100 grid: rectangles against 10,000 points down the tree.
  const data = makeData(configOf(big).data);
  const tree = growMember(data.X, data.y, forestOptions(configOf(big), data.d), 0).tree;
  const g = gridAxes(data.extent, GRID_N);
  const G: Matrix = { data: new Float64Array(GRID_N * GRID_N * 2), n: GRID_N * GRID_N, d: 2 };
  for (let j = 0; j < GRID_N; j++) for (let i = 0; i < GRID_N; i++) G.data.set([g.gx[i], g.gy[j]], 2 * (i + j * GRID_N));
  rows.push(...timingRows('one tree on the 100 × 100 grid, by rectangles', await timeIt(() => treeGrid(tree, g), 50, 5)));
  rows.push(...timingRows('one tree on the 100 × 100 grid, point by point (treeProba)', await timeIt(() => treeProba(tree, G), 50, 5)));
  return rows;
}
