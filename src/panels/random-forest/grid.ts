/**
 * A tree's P(class 1) over the GRID_N × GRID_N plane, fast: the tree cuts the plane (with every
 * noise column at 0, its mean) into axis-aligned rectangles, so instead of sending 10,000
 * points down the tree one by one, we send index ranges: a split on x₁ at t cuts the column
 * range where the grid's x passes t. Cost: nodes + cells, about a tenth of point-by-point
 * (model.test.ts checks it equals treeProba on the grid points). Pure.
 */
import type { Tree } from '../../lib/learn/api';

export interface GridAxes {
  nx: number;
  ny: number;
  /** Sample coordinates, increasing. */
  gx: Float64Array;
  gy: Float64Array;
}

export function gridAxes(extent: readonly [number, number, number, number], nx: number, ny = nx): GridAxes {
  const [x0, x1, y0, y1] = extent;
  const gx = new Float64Array(nx);
  const gy = new Float64Array(ny);
  for (let i = 0; i < nx; i++) gx[i] = nx > 1 ? x0 + ((x1 - x0) * i) / (nx - 1) : x0;
  for (let j = 0; j < ny; j++) gy[j] = ny > 1 ? y0 + ((y1 - y0) * j) / (ny - 1) : y0;
  return { nx, ny, gx, gy };
}

/** First index k in [lo, hi) with g[k] > t (points at k and after go right), or hi. */
function cut(g: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (g[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Share of class `cls` among the node's (weighted) class counts; uniform for an empty node,
 *  as the kit's leafShares. */
export function nodeShare(tree: Tree, node: number, cls = 1): number {
  const K = Math.max(1, tree.nClasses);
  let total = 0;
  for (let k = 0; k < K; k++) total += tree.value[node * K + k];
  return total > 0 ? tree.value[node * K + cls] / total : 1 / K;
}

/**
 * Adds the tree's P(class `cls`) at every grid sample into `out` (values[i + j·nx], row 0 =
 * lowest y). Noise columns (feature ≥ 2) are read as 0. Float64 only: called with one array type,
 * the fill loop (about a tenth of a fresh forest's work in the worker) stays monomorphic; fed
 * both float types (treeGrid filled a Float32Array), a 100-tree map cost 20–30 % more.
 */
export function addTreeGrid(tree: Tree, g: GridAxes, out: Float64Array, cls = 1): void {
  const { nx, gx, gy } = g;
  const visit = (node: number, i0: number, i1: number, j0: number, j1: number): void => {
    if (i0 >= i1 || j0 >= j1) return;
    const f = tree.feature[node];
    if (f < 0) {
      const p = nodeShare(tree, node, cls);
      for (let j = j0; j < j1; j++) for (let i = i0, o = j * nx + i0; i < i1; i++, o++) out[o] += p;
      return;
    }
    const t = tree.threshold[node];
    if (f === 0) {
      const s = cut(gx, i0, i1, t);
      visit(tree.left[node], i0, s, j0, j1);
      visit(tree.right[node], s, i1, j0, j1);
    } else if (f === 1) {
      const s = cut(gy, j0, j1, t);
      visit(tree.left[node], i0, i1, j0, s);
      visit(tree.right[node], i0, i1, s, j1);
    } else visit(0 <= t ? tree.left[node] : tree.right[node], i0, i1, j0, j1);
  };
  visit(0, 0, nx, 0, g.ny);
}

/**
 * One tree's grid on its own, as float32 for the canvas: each cell is 0 + p, exact in float64, so
 * rounding it to float32 afterwards gives what adding p into float32 zeros gave.
 */
export function treeGrid(tree: Tree, g: GridAxes): Float32Array {
  const acc = new Float64Array(g.nx * g.ny);
  addTreeGrid(tree, g, acc);
  return Float32Array.from(acc);
}
