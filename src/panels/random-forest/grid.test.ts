/**
 * treeGrid fills a float64 grid and rounds it to float32 (so addTreeGrid only ever sees one array
 * type and its fill loop stays fast); it must give, to the bit, what adding each leaf's share into
 * float32 zeros gave (the stop-27 code, kept here as `plain`), on trees from every kind of setting
 * and on edge trees (a single leaf, an empty leaf, a threshold on a sample, noise splits).
 */
import { describe, expect, it } from 'vitest';
import type { Tree } from '../../lib/learn/api';
import { growMember } from '../../lib/learn/forest';
import { defaults } from '../../lib/params/schema';
import { GRID_N, makeData } from './data';
import { gridAxes, nodeShare, treeGrid, type GridAxes } from './grid';
import { configOf, forestOptions } from './model';
import { schema, type ForestParams } from './params';

/** The stop-27 treeGrid: the same walk, adding into a Float32Array. */
function plain(tree: Tree, g: GridAxes): Float32Array {
  const out = new Float32Array(g.nx * g.ny);
  const cut = (a: Float64Array, lo: number, hi: number, t: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const visit = (node: number, i0: number, i1: number, j0: number, j1: number): void => {
    if (i0 >= i1 || j0 >= j1) return;
    const f = tree.feature[node];
    if (f < 0) {
      const p = nodeShare(tree, node, 1);
      for (let j = j0; j < j1; j++) for (let i = i0; i < i1; i++) out[j * g.nx + i] += p;
      return;
    }
    const t = tree.threshold[node];
    if (f === 0) {
      const s = cut(g.gx, i0, i1, t);
      visit(tree.left[node], i0, s, j0, j1);
      visit(tree.right[node], s, i1, j0, j1);
    } else if (f === 1) {
      const s = cut(g.gy, j0, j1, t);
      visit(tree.left[node], i0, i1, j0, s);
      visit(tree.right[node], i0, i1, s, j1);
    } else visit(0 <= t ? tree.left[node] : tree.right[node], i0, i1, j0, j1);
  };
  visit(0, 0, g.nx, 0, g.ny);
  return out;
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
const base: ForestParams = { ...defaults(schema), n: 150 };

function leafTree(value: number[]): Tree {
  return {
    nodeCount: 1, nClasses: 2, nFeatures: 2,
    feature: Int32Array.from([-1]), threshold: Float64Array.from([NaN]), left: Int32Array.from([-1]), right: Int32Array.from([-1]),
    depth: Int32Array.from([0]), impurity: new Float64Array(1), nSamples: Int32Array.from([3]), weightedN: Float64Array.from([3]),
    value: Float64Array.from(value),
  };
}

describe('random-forest treeGrid', () => {
  const cases: Partial<ForestParams>[] = [
    {},
    { dataset: 'xor', jitter: 0.6, noise: 3, depth: 5 },
    { dataset: 'circles', criterion: 'entropy', minSplit: 7, features: 'all', n: 500 },
    { dataset: 'blobs', bootstrap: false, noise: 10, features: '3', seed: 9 },
    { depth: 1 },
  ];
  for (const c of cases)
    it(`equals the float32 sum to the bit: ${JSON.stringify(c)}`, () => {
      const p = { ...base, ...c };
      const data = makeData(configOf(p).data);
      const opts = forestOptions(configOf(p), data.d);
      for (const nx of [GRID_N, 37]) {
        const g = gridAxes(data.extent, nx);
        for (let k = 0; k < 4; k++) {
          const tree = growMember(data.X, data.y, opts, k).tree;
          const got = treeGrid(tree, g);
          expect(got).toBeInstanceOf(Float32Array);
          expect(bits(got)).toEqual(bits(plain(tree, g)));
        }
      }
    });

  it('edge trees: one leaf, an empty leaf (uniform), a share that float32 rounds', () => {
    const g = gridAxes([0, 1, 0, 1], 5);
    for (const value of [[1, 2], [0, 0], [2, 1], [0, 3], [1e-9, 1]]) {
      const tree = leafTree(value);
      expect(bits(treeGrid(tree, g))).toEqual(bits(plain(tree, g)));
    }
    // 1/3 is not a float32: the grid holds its float32 rounding.
    expect(treeGrid(leafTree([2, 1]), g)[0]).toBe(Math.fround(1 / 3));
  });
});
