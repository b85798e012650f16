/**
 * The forest split over two workers (permPart.ts) shows, to the bit, what one run shows: part 0's
 * view joined with part 1's columns against computeForest, on settings that cover the plane
 * look-up (no noise columns) and the general path, and on runs the trees slider moves.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { computeForest, configOf, createForestRun, permColumns, type ForestView } from './model';
import { createPermRun, joinParts, type PermView } from './permPart';
import { schema, type ForestParams } from './params';

const base: ForestParams = { ...defaults(schema), trees: 12, n: 120 };
const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : x));

/** Both parts' runs for a setting, moved to a tree count as the page's two workers would be. */
function parts(p: ForestParams) {
  const a = createForestRun({ ...configOf(p), part: 0 });
  const b = createPermRun({ ...configOf(p), part: 1 });
  return (trees: number): [ForestView, PermView] => {
    const t = { trees, pick: p.tree };
    while (!a.advance(t, Infinity));
    while (!b.advance(t, Infinity));
    return [a.view(t), b.view(t)];
  };
}

function expectSameView(got: ForestView | null, want: ForestView) {
  expect(got).not.toBeNull();
  const g = got!;
  expect([g.key, g.trees, g.grown]).toEqual([want.key, want.trees, want.grown]);
  expect(bits(g.map)).toEqual(bits(want.map));
  expect(g.picked?.index).toBe(want.picked?.index);
  for (const k of ['testError', 'oobError', 'oobCoverage', 'treeErrors', 'impurity', 'permMean', 'permSd'] as const) expect(bits(g.scores![k]), k).toEqual(bits(want.scores![k]));
}

describe('a forest in two parts (two workers)', () => {
  it('permColumns: no noise columns → part 0 takes both; with noise, every other column each', () => {
    expect(permColumns(2)).toEqual([0, 1]);
    expect(permColumns(2, 0)).toEqual([0, 1]);
    expect(permColumns(2, 1)).toEqual([]);
    expect(permColumns(5, 0)).toEqual([0, 2, 4]);
    expect(permColumns(5, 1)).toEqual([1, 3]);
    expect(permColumns(3)).toEqual([0, 1, 2]);
  });

  const settings: [string, Partial<ForestParams>][] = [
    ['defaults (plane look-up)', {}],
    ['one noise column', { noise: 1 }],
    ['four noise columns, entropy, depth 4', { noise: 4, criterion: 'entropy', depth: 4 }],
    ['three noise columns, no bootstrap, 2 features per split', { noise: 3, bootstrap: false, features: '2' }],
  ];
  for (const [label, over] of settings)
    it(`joined, the parts give the single run's view to the bit: ${label}`, () => {
      const p = { ...base, ...over };
      const [v0, v1] = parts(p)(p.trees);
      const d = 2 + p.noise;
      // Part 0 alone leaves part 1's columns unscored (the join has work to do) …
      for (const j of permColumns(d, 1)) expect(Number.isNaN(v0.scores!.permMean[j])).toBe(true);
      expect(v1.columns).toEqual(permColumns(d, 1));
      // … and the join is the whole run's view.
      expectSameView(joinParts(v0, v1), computeForest(p));
    });

  it('the trees slider moves both parts: the same at every count, up and down', () => {
    const p = { ...base, noise: 2 };
    const at = parts(p);
    for (const trees of [12, 5, 17, 9]) {
      const [v0, v1] = at(trees);
      expectSameView(joinParts(v0, v1), computeForest({ ...p, trees }));
    }
  });

  it('scores wait for part 1: none until it has the same forest at the same tree count', () => {
    const p = { ...base, noise: 2 };
    const [v0, v1] = parts(p)(p.trees);
    expect(joinParts(v0, null)!.scores).toBeNull();
    expect(joinParts(v0, { ...v1, key: 'another forest' })!.scores).toBeNull();
    expect(joinParts(v0, { ...v1, trees: v1.trees + 1 })!.scores).toBeNull();
    // Part 1 done for another tree count (the trees slider moved on) is not this forest's either.
    expect(joinParts(v0, { ...v1, trees: v1.trees + 1, grown: v1.trees + 1 })!.scores).toBeNull();
    expect(joinParts(v0, { ...v1, grown: v1.trees - 1 })!.scores).toBeNull();
    // The map is not held back meanwhile, and a view without scores passes as it is.
    expect(joinParts(v0, null)!.map).toBe(v0.map);
    const growing = { ...v0, scores: null };
    expect(joinParts(growing, v1)).toBe(growing);
    expect(joinParts(null, v1)).toBeNull();
  });

  it('without noise columns part 1 grows nothing and has nothing to add', () => {
    const b = createPermRun({ ...configOf(base), part: 1 });
    expect(b.advance({ trees: 12 }, -Infinity)).toBe(true);
    const v = b.view({ trees: 12 });
    expect([v.grown, v.columns.length]).toEqual([12, 0]);
  });

  it('part 1 sends no importances before its trees are all grown', () => {
    const b = createPermRun({ ...configOf({ ...base, noise: 2 }), part: 1 });
    b.advance({ trees: 12 }, -Infinity); // one tree, then the deadline has passed
    const v = b.view({ trees: 12 });
    expect(v.grown).toBe(1);
    expect(b.progress()).toBe(1);
    expect(v.mean).toHaveLength(0);
  });
});
