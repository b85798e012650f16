/**
 * The faster run (scores kept tree by tree in tally.ts, each test row's leaf found once per tree)
 * shows what the plain one showed, to the bit: a frozen copy of the stop-23 scoring, kept here
 * only, built from the learners kit's own functions (oobErrorCurve, errorCurve, treePredict,
 * forestImportance, forestPermutation), against the panel's run on settings that cover every
 * control, and on a run the trees slider moves up and down.
 */
import { describe, expect, it } from 'vitest';
import type { ForestMember } from '../../lib/learn/api';
import { errorCurve, forestImportance, forestPermutation, growMember, oobErrorCurve } from '../../lib/learn/forest';
import { treePredict } from '../../lib/learn/tree';
import { defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { GRID_N, makeData } from './data';
import { addTreeGrid, gridAxes } from './grid';
import { configOf, createForestRun, forestOptions, PERM_REPEATS, type Scores } from './model';
import { schema, type ForestParams } from './params';

/** The stop-23 panel's numbers for the forest of the first T trees, computed from scratch. */
function frozen(p: ForestParams) {
  const data = makeData(configOf(p).data);
  const opts = forestOptions(configOf(p), data.d);
  const members: ForestMember[] = Array.from({ length: p.trees }, (_, k) => growMember(data.X, data.y, opts, k));
  const g = gridAxes(data.extent, GRID_N);
  return (T: number) => {
    const ms = members.slice(0, T), trees = ms.map((m) => m.tree);
    const acc = new Float64Array(GRID_N * GRID_N);
    for (const t of trees) addTreeGrid(t, g, acc);
    const map = new Float32Array(acc.length);
    for (let i = 0; i < acc.length; i++) map[i] = acc[i] / T;
    const oob = oobErrorCurve(ms, data.X, data.y);
    const treeErrors = new Float64Array(T);
    trees.forEach((t, k) => {
      const pred = treePredict(t, data.Xtest);
      let wrong = 0;
      for (let i = 0; i < data.ytest.length; i++) if (pred[i] !== data.ytest[i]) wrong++;
      treeErrors[k] = wrong / data.ytest.length;
    });
    const perm = forestPermutation(data.Xtest, data.ytest, stream(p.seed, 'permutation'), PERM_REPEATS);
    for (const t of trees) perm.add(t);
    const imp = perm.importance(T);
    const s: Scores = {
      testError: errorCurve(trees, data.Xtest, data.ytest), oobError: oob.error, oobCoverage: oob.coverage, treeErrors,
      impurity: forestImportance(trees), permMean: imp.mean, permSd: imp.sd,
    };
    return { map, s };
  };
}

const bits = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : x));

function expectSame(got: { map: Float32Array; scores: Scores | null }, want: { map: Float32Array; s: Scores }) {
  expect(bits(got.map)).toEqual(bits(want.map));
  const s = got.scores!;
  for (const k of ['testError', 'oobError', 'oobCoverage', 'treeErrors', 'impurity', 'permMean', 'permSd'] as const) expect(bits(s[k]), k).toEqual(bits(want.s[k]));
}

const base: ForestParams = { ...defaults(schema), trees: 14, n: 120 };

describe('the run shows, to the bit, what the plain scoring shows', () => {
  const cases: Partial<ForestParams>[] = [
    {},
    { dataset: 'xor', jitter: 0.6, noise: 3, depth: 4 },
    { dataset: 'circles', criterion: 'entropy', minSplit: 9, features: 'all' },
    { dataset: 'blobs', bootstrap: false, features: '2', noise: 1, seed: 4 },
    { depth: 1, trees: 3 },
  ];
  for (const c of cases)
    it(`a fresh forest: ${JSON.stringify(c)}`, () => {
      const p = { ...base, ...c };
      const v = createForestRun(configOf(p));
      const t = { trees: p.trees, pick: 1 };
      while (!v.advance(t, Infinity));
      expectSame(v.view(t), frozen(p)(p.trees));
    });

  it('a run the trees slider moves up and down, in slices, equals each fresh forest', () => {
    const p = { ...base, trees: 16, noise: 2 };
    const want = frozen(p);
    const run = createForestRun(configOf(p));
    for (const T of [5, 9, 16, 2, 11]) {
      const t = { trees: T, pick: 1 };
      while (!run.advance(t, 0));
      expectSame(run.view(t), want(T));
    }
  });
});
