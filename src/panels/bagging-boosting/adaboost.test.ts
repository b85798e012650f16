/**
 * adaErrorCurve's fused pass (a per-tree leaf table, one loop per round) against the plain one it
 * replaced (treePredict per round, then a second loop counting errors): equal bit for bit, on
 * several settings including the edges (fewest points, no noise, deepest learners, an AdaBoost
 * that stopped early, no rounds at all, a curve longer than the rounds).
 */
import { describe, expect, it } from 'vitest';
import type { AdaBoostRound, Matrix } from '../../lib/learn/api';
import { treePredict } from '../../lib/learn/tree';
import { adaErrorCurve, fitAda, leafPredictions } from './adaboost';
import { classData, type ClassSetting } from './setting';
import { MAX_ROUNDS } from './params';

/** The plain version, as it was before the fused pass. */
function plainAdaErrorCurve(rounds: readonly AdaBoostRound[], X: Matrix, y: Int32Array, length = rounds.length): Float64Array {
  const n = X.n;
  const s0 = new Float64Array(n);
  const s1 = new Float64Array(n);
  const out = new Float64Array(length);
  for (let m = 0; m < length; m++) {
    if (m < rounds.length) {
      const r = rounds[m];
      const pred = treePredict(r.tree, X);
      for (let i = 0; i < n; i++) (pred[i] === 1 ? s1 : s0)[i] += r.alpha;
      let wrong = 0;
      for (let i = 0; i < n; i++) wrong += (s1[i] > s0[i] ? 1 : 0) !== y[i] ? 1 : 0;
      out[m] = wrong / n;
    } else out[m] = m > 0 ? out[m - 1] : Number.NaN;
  }
  return out;
}

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

const base: ClassSetting = { dataset: 'moons', noise: 0.3, n: 150, depth: 1, bootstrap: true, seed: 1 };
const settings: ClassSetting[] = [
  base,
  { ...base, n: 20 },
  { ...base, n: 500, depth: 3 },
  { ...base, noise: 0 },
  { ...base, noise: 0.6, seed: 7 },
  { ...base, dataset: 'circles', noise: 0.2, n: 80, depth: 3 },
  { ...base, dataset: 'xor', noise: 0.1, depth: 2 },
  { ...base, dataset: 'xor', noise: 0, n: 20, depth: 3 },
];

describe('adaErrorCurve (fused pass)', () => {
  it.each(settings.map((s) => [JSON.stringify(s), s] as const))('equals the plain pass bit for bit: %s', (_, s) => {
    const f = fitAda(s);
    const { train, yTrain, test, yTest } = f.data;
    for (const [X, y] of [[train, yTrain], [test, yTest]] as const) {
      expect(sameBits(adaErrorCurve(f.ada, X, y, MAX_ROUNDS), plainAdaErrorCurve(f.ada, X, y, MAX_ROUNDS))).toBe(true);
      expect(sameBits(adaErrorCurve(f.ada, X, y), plainAdaErrorCurve(f.ada, X, y))).toBe(true);
    }
    expect(sameBits(f.adaTest, plainAdaErrorCurve(f.ada, test, yTest, MAX_ROUNDS))).toBe(true);
  });

  it('the settings include an AdaBoost that stopped early and one that ran all rounds', () => {
    const lengths = settings.map((s) => fitAda(s).ada.length);
    expect(lengths.some((l) => l < MAX_ROUNDS)).toBe(true);
    expect(lengths.some((l) => l === MAX_ROUNDS)).toBe(true);
  });

  it('no rounds: NaN throughout, as the plain pass', () => {
    const d = classData(base);
    expect(sameBits(adaErrorCurve([], d.test, d.yTest, 4), plainAdaErrorCurve([], d.test, d.yTest, 4))).toBe(true);
  });

  it('a leaf table gives treePredict’s answer at every point', () => {
    const f = fitAda({ ...base, depth: 3 });
    const d = f.data.test;
    for (const r of [f.ada[0], f.ada[5], f.ada[f.ada.length - 1]]) {
      const pred = treePredict(r.tree, d);
      const table = leafPredictions(r.tree);
      const tree = r.tree;
      for (let i = 0; i < d.n; i++) {
        let node = 0;
        while (tree.feature[node] >= 0) node = d.data[i * 2 + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
        expect(table[node]).toBe(pred[i]);
      }
    }
  });
});
