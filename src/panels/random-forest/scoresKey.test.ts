/**
 * The curves and importances are redrawn only when their scores' name (forest key and tree count,
 * look.ts scoresKey) changes, not with every fresh copy a worker message brings. That is right only
 * if a name always stands for the same numbers: checked here, to the bit, across the picked tree,
 * a run the trees slider moves, and the two-worker join (permPart.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { computeForest, configOf, createForestRun, type Scores } from './model';
import { createPermRun, joinParts } from './permPart';
import { sameScores, scoresKey } from './look';
import { schema, type ForestParams } from './params';

const base: ForestParams = { ...defaults(schema), trees: 10, n: 90 };
const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : x));
const KEYS = ['testError', 'oobError', 'oobCoverage', 'treeErrors', 'impurity', 'permMean', 'permSd'] as const;

function expectSameScores(a: Scores | null, b: Scores | null) {
  expect(a).not.toBeNull();
  expect(b).not.toBeNull();
  for (const k of KEYS) expect(bits(a![k]), k).toEqual(bits(b![k]));
}

describe('random-forest: a scores name stands for one set of numbers', () => {
  it('names a forest and its tree count, nothing else', () => {
    const v = computeForest(base);
    expect(scoresKey(v)).toBe(scoresKey(computeForest({ ...base, tree: 7 })));
    expect(scoresKey(v)).not.toBe(scoresKey(computeForest({ ...base, trees: 9 })));
    expect(scoresKey(v)).not.toBe(scoresKey(computeForest({ ...base, seed: base.seed + 1 })));
    expect(scoresKey(v)).not.toBe(scoresKey(computeForest({ ...base, criterion: 'entropy' })));
  });

  it('sameScores: the same copy or the same name; another name is another plot', () => {
    const s = computeForest(base).scores!;
    const copy = computeForest({ ...base, tree: 3 }).scores!;
    expect(sameScores({ s, scoresKey: 'a#1' }, { s, scoresKey: 'b#2' })).toBe(true);
    expect(sameScores({ s, scoresKey: 'a#1' }, { s: copy, scoresKey: 'a#1' })).toBe(true);
    expect(sameScores({ s, scoresKey: 'a#1' }, { s: copy, scoresKey: 'a#2' })).toBe(false);
  });

  const cases: Partial<ForestParams>[] = [{}, { noise: 3, dataset: 'xor', depth: 3 }, { bootstrap: false, features: 'all', trees: 1 }];
  for (const c of cases)
    it(`equal names, equal numbers: picked tree, trees slider, two-worker join ${JSON.stringify(c)}`, () => {
      const p = { ...base, ...c };
      const want = computeForest(p);
      // Another picked tree of the same forest.
      const other = computeForest({ ...p, tree: p.trees });
      expect(scoresKey(other)).toBe(scoresKey(want));
      expectSameScores(other.scores, want.scores);
      // A run the trees slider took up and down before coming back to p.trees.
      const run = createForestRun(configOf(p));
      for (const T of [p.trees + 3, 1, p.trees]) {
        const t = { trees: T, pick: 1 };
        while (!run.advance(t, 0));
        run.view(t);
      }
      const moved = run.view({ trees: p.trees, pick: 1 });
      expect(scoresKey(moved)).toBe(scoresKey(want));
      expectSameScores(moved.scores, want.scores);
      // The page's two workers, joined.
      const a = createForestRun({ ...configOf(p), part: 0 });
      const b = createPermRun({ ...configOf(p), part: 1 });
      const t = { trees: p.trees, pick: 2 };
      while (!a.advance(t, Infinity));
      while (!b.advance(t, Infinity));
      const joined = joinParts(a.view(t), b.view(t));
      expect(scoresKey(joined!)).toBe(scoresKey(want));
      expectSameScores(joined!.scores, want.scores);
    });
});
