/**
 * The running vote sums on the boundary grid (fitBag's and fitAda's), read from per-leaf tables,
 * against the plain adds they replaced (treeProba and treePredict over the whole grid for each
 * learner, added in learner order): equal bit for bit for every round asked, on settings that
 * include the edges (fewest points, no noise, deepest learners, an AdaBoost that stopped early).
 */
import { describe, expect, it } from 'vitest';
import { treePredict, treeProba } from '../../lib/learn/tree';
import { fitAda } from './adaboost';
import { fitBag } from './bagging';
import { MAX_ROUNDS } from './params';
import type { ClassSetting } from './setting';

/** Σ over learners 0..m−1 of add(t, ·), added one learner at a time from zero (the old way). */
function plainSum(size: number, m: number, add: (t: number, out: Float64Array) => void): Float64Array {
  const out = new Float64Array(size);
  for (let t = 0; t < m; t++) add(t, out);
  return out;
}

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

const base: ClassSetting = { dataset: 'moons', noise: 0.3, n: 150, depth: 3, bootstrap: true, seed: 1 };
const settings: ClassSetting[] = [
  base,
  { ...base, depth: 1 },
  { ...base, n: 20, bootstrap: false },
  { ...base, dataset: 'circles', noise: 0.2, n: 80 },
  { ...base, dataset: 'xor', noise: 0, n: 20 },
];
const ROUNDS = [1, 8, 9, MAX_ROUNDS];

describe('the grid’s running vote sums', () => {
  it.each(settings.map((s) => [JSON.stringify(s), s] as const))('equal the plain adds bit for bit: %s', (_, s) => {
    const bag = fitBag(s);
    const trees = bag.members.map((b) => b.tree);
    for (const m of ROUNDS) {
      const want = plainSum(bag.G.n, m, (t, out) => {
        const p = treeProba(trees[t], bag.G);
        for (let i = 0; i < bag.G.n; i++) out[i] += p[2 * i + 1];
      });
      expect(sameBits(bag.sum.upTo(m), want)).toBe(true);
    }
    const ada = fitAda(s);
    for (const m of ROUNDS.filter((m) => m <= ada.ada.length)) {
      const want = plainSum(ada.G.n, m, (t, out) => {
        const pred = treePredict(ada.ada[t].tree, ada.G);
        for (let i = 0; i < ada.G.n; i++) if (pred[i] === 1) out[i] += ada.ada[t].alpha;
      });
      expect(sameBits(ada.sum.upTo(m), want)).toBe(true);
    }
  });

  it('the settings include an AdaBoost that stopped early and one that ran all rounds', () => {
    const lengths = settings.map((s) => fitAda(s).ada.length);
    expect(lengths.some((l) => l < MAX_ROUNDS)).toBe(true);
    expect(lengths.some((l) => l === MAX_ROUNDS)).toBe(true);
  });
});
