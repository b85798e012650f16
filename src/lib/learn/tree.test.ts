/**
 * CART against scikit-learn (reference-cases.json: the best stump, depth-3 predictions, every node
 * of two depth-2 trees) and against brute force on random data: a depth-1 tree is the best single
 * split over every feature and every midpoint, by Gini, entropy and squared error, with weights.
 */
import { describe, expect, it } from 'vitest';
import { stream, type Rng } from '../random/rng';
import type { Criterion, Matrix, Tree } from './api';
import { fitTree, impurityImportance, leafOf, leafShares, treePredict, treeProba } from './tree';
import { matrix, referenceCases } from './reference.testutil';

interface RefNode {
  node: number; feature: number; threshold: number; left: number; right: number; impurity: number; samples: number; class_counts: number[];
}
const REF = referenceCases<{
  trees_and_boosting: {
    classification: { X: number[][]; y: number[]; X_test: number[][] };
    stump: { feature: number; threshold: number; root_gini: number; left_gini: number; right_gini: number };
    depth3_tree_predict_test: number[];
  };
  tree_structure: { X: number[][]; y: number[]; trees: { gini: RefNode[]; entropy: RefNode[] } };
}>();

/** sklearn casts X to float32, so its thresholds are midpoints of float32 values. */
const THR_TOL = 1e-6;

/** Impurity of weighted class counts, or of weighted targets, from the definitions. */
function impurityOf(crit: Criterion, idx: number[], y: ArrayLike<number>, w: ArrayLike<number>, K: number): number {
  let W = 0;
  for (const i of idx) W += w[i];
  if (crit === 'squared_error') {
    let m = 0;
    for (const i of idx) m += (w[i] * y[i]) / W;
    let v = 0;
    for (const i of idx) v += (w[i] * (y[i] - m) ** 2) / W;
    return v;
  }
  const c = new Array(K).fill(0);
  for (const i of idx) c[y[i]] += w[i];
  return crit === 'gini' ? 1 - c.reduce((s, v) => s + (v / W) ** 2, 0) : -c.reduce((s, v) => s + (v > 0 ? (v / W) * Math.log2(v / W) : 0), 0);
}

/** Every (feature, midpoint) split, scored by its weighted impurity decrease; the best ones first. */
function bruteForceSplits(X: Matrix, y: ArrayLike<number>, w: ArrayLike<number>, crit: Criterion, K: number, minLeaf = 1) {
  const all = Array.from({ length: X.n }, (_, i) => i);
  let W = 0;
  for (const i of all) W += w[i];
  const parent = W * impurityOf(crit, all, y, w, K);
  const out: { f: number; t: number; gain: number }[] = [];
  for (let f = 0; f < X.d; f++) {
    const vals = [...new Set(all.map((i) => X.data[i * X.d + f]))].sort((a, b) => a - b);
    for (let k = 0; k + 1 < vals.length; k++) {
      const t = (vals[k] + vals[k + 1]) / 2;
      const L = all.filter((i) => X.data[i * X.d + f] <= t), R = all.filter((i) => X.data[i * X.d + f] > t);
      if (L.length < minLeaf || R.length < minLeaf) continue;
      const wl = L.reduce((s, i) => s + w[i], 0), wr = R.reduce((s, i) => s + w[i], 0);
      out.push({ f, t, gain: parent - wl * impurityOf(crit, L, y, w, K) - wr * impurityOf(crit, R, y, w, K) });
    }
  }
  return out.sort((a, b) => b.gain - a.gain);
}

function randomSet(rng: Rng, n: number, d: number, K: number, grid: number) {
  const X = matrix(Array.from({ length: n }, () => Array.from({ length: d }, () => Math.round(rng.normal() * grid) / grid)));
  // Labels depend on the first feature (plus noise), so there is usually one clearly best split.
  const y = Int32Array.from({ length: n }, (_, i) => (rng.next() < 0.25 ? rng.int(K) : Math.min(K - 1, Math.max(0, Math.floor(X.data[i * d] + K / 2)))));
  return { X, y };
}

/** Structural invariants every fitted tree must satisfy. */
function checkInvariants(t: Tree, X: Matrix) {
  const K = Math.max(1, t.nClasses);
  for (let i = 0; i < t.nodeCount; i++) {
    if (t.feature[i] < 0) {
      expect(t.left[i]).toBe(-1);
      expect(Number.isNaN(t.threshold[i])).toBe(true);
      continue;
    }
    const [l, r] = [t.left[i], t.right[i]];
    expect(l).toBeGreaterThan(i);
    expect(r).toBeGreaterThan(l);
    expect(t.nSamples[l] + t.nSamples[r]).toBe(t.nSamples[i]);
    expect(t.weightedN[l] + t.weightedN[r]).toBeCloseTo(t.weightedN[i], 9);
    expect(t.depth[l]).toBe(t.depth[i] + 1);
    if (t.nClasses > 0) for (let k = 0; k < K; k++) expect(t.value[l * K + k] + t.value[r * K + k]).toBeCloseTo(t.value[i * K + k], 9);
  }
  // Every training point's leaf is reached by the routing rule.
  for (let i = 0; i < X.n; i++) expect(t.feature[leafOf(t, X.data, i * X.d)]).toBe(-1);
}

describe('scikit-learn reference trees', () => {
  const c = REF.trees_and_boosting;
  const X = matrix(c.classification.X), y = Int32Array.from(c.classification.y);

  it('the best stump: feature, threshold and the Gini of root and children', () => {
    const t = fitTree(X, y, { criterion: 'gini', maxDepth: 1 });
    expect(t.nodeCount).toBe(3);
    expect(t.feature[0]).toBe(c.stump.feature);
    expect(Math.abs(t.threshold[0] - c.stump.threshold)).toBeLessThan(THR_TOL);
    expect(t.impurity[0]).toBeCloseTo(c.stump.root_gini, 12);
    expect(t.impurity[1]).toBeCloseTo(c.stump.left_gini, 12);
    expect(t.impurity[2]).toBeCloseTo(c.stump.right_gini, 12);
  });

  it('a depth-3 tree predicts the test points as sklearn does', () => {
    const t = fitTree(X, y, { criterion: 'gini', maxDepth: 3 });
    expect(Array.from(treePredict(t, matrix(c.classification.X_test)))).toEqual(c.depth3_tree_predict_test);
    expect(Math.max(...t.depth)).toBeLessThanOrEqual(3);
    checkInvariants(t, X);
  });

  for (const crit of ['gini', 'entropy'] as const) {
    it(`every node of the depth-2 ${crit} tree (numbering, split, impurity, samples, class counts)`, () => {
      const s = REF.tree_structure;
      const Xs = matrix(s.X);
      const t = fitTree(Xs, Int32Array.from(s.y), { criterion: crit, maxDepth: 2 });
      const ref = s.trees[crit];
      expect(t.nodeCount).toBe(ref.length);
      for (const r of ref) {
        const i = r.node;
        expect(t.feature[i]).toBe(r.feature === -2 ? -1 : r.feature); // sklearn marks leaves -2
        if (r.feature >= 0) expect(Math.abs(t.threshold[i] - r.threshold)).toBeLessThan(THR_TOL);
        else expect(Number.isNaN(t.threshold[i])).toBe(true);
        expect([t.left[i], t.right[i]]).toEqual([r.left, r.right]);
        expect(t.impurity[i]).toBeCloseTo(r.impurity, 12);
        expect(t.nSamples[i]).toBe(r.samples);
        expect(Array.from(t.value.subarray(2 * i, 2 * i + 2))).toEqual(r.class_counts);
      }
      checkInvariants(t, Xs);
      // Importances from the reference nodes: each split's wN·iN − wL·iL − wR·iR, normalised.
      const imp = [0, 0];
      for (const r of ref) if (r.feature >= 0) {
        const [L, R] = [ref[r.left], ref[r.right]];
        imp[r.feature] += r.samples * r.impurity - L.samples * L.impurity - R.samples * R.impurity;
      }
      const got = impurityImportance(t);
      for (let j = 0; j < 2; j++) expect(got[j]).toBeCloseTo(imp[j] / (imp[0] + imp[1]), 12);
    });
  }
});

describe('a depth-1 tree is the brute-force best single split', () => {
  for (const crit of ['gini', 'entropy', 'squared_error'] as const) {
    it(`${crit}: 60 random sets, with and without sample weights and min-samples-leaf`, () => {
      const rng = stream(1, 'stump-' + crit);
      for (let k = 0; k < 60; k++) {
        const K = 2 + rng.int(2), n = 5 + rng.int(40), d = 1 + rng.int(4);
        const { X, y: labels } = randomSet(rng, n, d, K, 1 + rng.int(8));
        const y = crit === 'squared_error' ? Float64Array.from(labels, (v, i) => v + X.data[i * d] + rng.normal() * 0.3) : labels;
        const weighted = k % 2 === 1;
        const w = weighted ? Float64Array.from({ length: n }, () => 0.1 + rng.next()) : new Float64Array(n).fill(1);
        const minLeaf = k % 3 === 2 ? 1 + rng.int(4) : 1;
        const t = fitTree(X, y, { criterion: crit, nClasses: K, maxDepth: 1, minSamplesLeaf: minLeaf }, weighted ? { weights: w } : {});
        const splits = bruteForceSplits(X, y, w, crit, K, minLeaf);
        const parentImp = impurityOf(crit, Array.from({ length: n }, (_, i) => i), y, w, K);
        if (splits.length === 0 || parentImp <= 1e-15) {
          expect(t.nodeCount).toBe(1);
          continue;
        }
        expect(t.nodeCount).toBe(3);
        const f = t.feature[0], thr = t.threshold[0];
        const mine = splits.find((s) => s.f === f && Math.abs(s.t - thr) < 1e-12);
        expect(mine, `split ${f} ${thr} is a candidate`).toBeDefined();
        expect(mine!.gain).toBeCloseTo(splits[0].gain, 9);
        if (splits.length === 1 || splits[0].gain - splits[1].gain > 1e-9) {
          expect(f).toBe(splits[0].f);
          expect(Math.abs(thr - splits[0].t)).toBeLessThan(1e-12);
        }
        // The children's statistics are those of the two sides.
        const W = w.reduce((s, v) => s + v, 0);
        expect(t.weightedN[0]).toBeCloseTo(W, 9);
        expect(t.impurity[0]).toBeCloseTo(parentImp, 9);
      }
    });
  }

  it('maxFeatures = 1: the root split is the best split on whichever feature was drawn, reproducibly', () => {
    const rng = stream(2, 'maxf');
    const seen = new Set<number>();
    for (let k = 0; k < 30; k++) {
      const { X, y } = randomSet(rng, 40, 3, 2, 4);
      const t = fitTree(X, y, { criterion: 'gini', maxDepth: 1, maxFeatures: 1 }, { rng: stream(k, 'draw') });
      const again = fitTree(X, y, { criterion: 'gini', maxDepth: 1, maxFeatures: 1 }, { rng: stream(k, 'draw') });
      expect(again).toEqual(t);
      const f = t.feature[0];
      seen.add(f);
      const onF = bruteForceSplits(X, y, new Float64Array(40).fill(1), 'gini', 2).filter((s) => s.f === f);
      expect(Math.abs(onF[0].t - t.threshold[0]) < 1e-12 || (onF.length > 1 && Math.abs(onF[0].gain - onF[1].gain) < 1e-9)).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(1); // the draw really varies
  });
});

describe('growing whole trees', () => {
  it('max depth, min samples split and min samples leaf hold; leaves are pure unless a rule stopped them', () => {
    const rng = stream(3, 'grow');
    for (let k = 0; k < 20; k++) {
      const { X, y } = randomSet(rng, 30 + rng.int(200), 1 + rng.int(5), 2 + rng.int(3), 3 + rng.int(20));
      const maxDepth = k % 4 === 0 ? Infinity : 1 + rng.int(8), minSplit = 2 + rng.int(6), minLeaf = 1 + rng.int(4);
      const t = fitTree(X, y, { criterion: k % 2 ? 'entropy' : 'gini', maxDepth, minSamplesSplit: minSplit, minSamplesLeaf: minLeaf });
      checkInvariants(t, X);
      for (let i = 0; i < t.nodeCount; i++) {
        expect(t.depth[i]).toBeLessThanOrEqual(maxDepth);
        expect(t.nSamples[i]).toBeGreaterThanOrEqual(minLeaf);
        if (t.feature[i] >= 0) expect(t.nSamples[i]).toBeGreaterThanOrEqual(Math.max(minSplit, 2 * minLeaf));
      }
      if (maxDepth === Infinity && minLeaf === 1) {
        // Unlimited and unconstrained (beyond min-samples-split): a leaf is pure, too small, or its
        // points are identical.
        for (let i = 0; i < X.n; i++) {
          const leaf = leafOf(t, X.data, i * X.d);
          if (t.impurity[leaf] > 0 && t.nSamples[leaf] >= minSplit) {
            const pts = new Set(Array.from({ length: X.n }, (_, j) => j).filter((j) => leafOf(t, X.data, j * X.d) === leaf).map((j) => X.data.slice(j * X.d, j * X.d + X.d).join()));
            expect(pts.size).toBe(1);
          }
        }
      }
    }
  });

  it('a bootstrap row list equals the matrix with those rows copied in; integer weights give the same splits', () => {
    const rng = stream(4, 'rows');
    for (let k = 0; k < 15; k++) {
      const n = 20 + rng.int(60);
      const { X, y } = randomSet(rng, n, 3, 2, 6);
      const rows = Int32Array.from({ length: n }, () => rng.int(n));
      const opts = { criterion: 'gini' as const, maxDepth: 6 };
      const viaRows = fitTree(X, y, opts, { rows });
      const copied = matrix(Array.from(rows, (r) => Array.from(X.data.subarray(r * 3, r * 3 + 3))));
      const viaCopy = fitTree(copied, Int32Array.from(rows, (r) => y[r]), opts);
      expect(viaRows).toEqual(viaCopy);
      const counts = new Float64Array(n);
      for (const r of rows) counts[r]++;
      const viaWeights = fitTree(X, y, opts, { weights: counts });
      // Rows of weight 0 still count as samples and offer thresholds of their own, so the trees can
      // differ below; the root sees the same weighted counts and finds a split that gains as much.
      expect(Array.from(viaWeights.value.subarray(0, 2))).toEqual(Array.from(viaRows.value.subarray(0, 2)));
      const gain = (t: Tree) => t.weightedN[0] * t.impurity[0] - t.weightedN[t.left[0]] * t.impurity[t.left[0]] - t.weightedN[t.right[0]] * t.impurity[t.right[0]];
      expect(gain(viaWeights)).toBeCloseTo(gain(viaRows), 9);
    }
  });

  it('a row drawn k times counts as k samples for min-samples rules, weights and drawn features', () => {
    // fitTree keeps a repeated row once with its count; the copied matrix has k real rows instead.
    // Dyadic weights keep every sum exact, so the two trees must agree node for node.
    const rng = stream(5, 'repeats');
    for (let k = 0; k < 20; k++) {
      const n = 10 + rng.int(50), d = 2 + rng.int(4);
      const { X, y } = randomSet(rng, n, d, 3, 4);
      const rows = Int32Array.from({ length: n + rng.int(n) }, () => rng.int(n));
      const weights = Float64Array.from({ length: n }, () => (1 + rng.int(8)) / 4);
      const opts = {
        criterion: k % 2 ? ('entropy' as const) : ('gini' as const), nClasses: 3, maxDepth: 8,
        minSamplesLeaf: 1 + (k % 3), minSamplesSplit: 2 + (k % 4), maxFeatures: k % 5 === 0 ? undefined : 1 + rng.int(d),
      };
      const viaRows = fitTree(X, y, opts, { rows, weights, rng: stream(k, 'feats') });
      const copied = matrix(Array.from(rows, (r) => Array.from(X.data.subarray(r * d, r * d + d))));
      const viaCopy = fitTree(copied, Int32Array.from(rows, (r) => y[r]), opts, { weights: Float64Array.from(rows, (r) => weights[r]), rng: stream(k, 'feats') });
      expect(viaRows).toEqual(viaCopy);
    }
  });

  it('probabilities are the leaf class shares and the prediction their argmax (ties → lower class)', () => {
    const rng = stream(5, 'proba');
    const { X, y } = randomSet(rng, 120, 2, 3, 3);
    const t = fitTree(X, y, { criterion: 'gini', maxDepth: 2 });
    const P = treeProba(t, X), pred = treePredict(t, X);
    for (let i = 0; i < X.n; i++) {
      const row = Array.from(P.subarray(3 * i, 3 * i + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(pred[i]).toBe(row.indexOf(Math.max(...row)));
    }
    // A tie in a leaf goes to the lower class: two points, one of each class, identical features.
    const tie = fitTree(matrix([[0], [0]]), Int32Array.from([1, 0]), { criterion: 'gini', maxDepth: 3 });
    expect(tie.nodeCount).toBe(1);
    expect(treePredict(tie, matrix([[5]]))[0]).toBe(0);
  });

  it('regression leaves hold the mean target; importance is all 0 for a tree with no split', () => {
    const X = matrix([[1], [2], [3], [10], [11]]), y = Float64Array.from([1, 2, 3, 10, 14]);
    const t = fitTree(X, y, { criterion: 'squared_error', maxDepth: 1 });
    expect(t.nClasses).toBe(0);
    expect(t.threshold[0]).toBe(6.5);
    expect(Array.from(treePredict(t, matrix([[0], [7]])))).toEqual([2, 12]); // (1+2+3)/3 and (10+14)/2
    const stump = fitTree(X, Float64Array.from([4, 4, 4, 4, 4]), { criterion: 'squared_error', maxDepth: 3 });
    expect(stump.nodeCount).toBe(1);
    expect(Array.from(impurityImportance(stump))).toEqual([0]);
  });

  it('a label outside 0..K-1 is an error, not a silent miscount', () => {
    expect(() => fitTree(matrix([[0], [1]]), Int32Array.from([0, 2]), { criterion: 'gini', nClasses: 2, maxDepth: 1 })).toThrow(RangeError);
  });
});

describe('edge cases and contracts', () => {
  const gini = { criterion: 'gini' as const, maxDepth: Infinity };

  it('a fitted tree owns its arrays (exactly nodeCount long): the next fit does not overwrite it', () => {
    const rng = stream(6, 'own');
    const a = randomSet(rng, 30, 2, 2, 4), b = randomSet(rng, 200, 3, 3, 8);
    const t = fitTree(a.X, a.y, gini);
    const snapshot = structuredClone(t);
    fitTree(b.X, b.y, gini); // more nodes, so it reuses and overwrites every scratch buffer
    expect(t).toEqual(snapshot);
    for (const arr of [t.feature, t.threshold, t.left, t.right, t.depth, t.impurity, t.nSamples, t.weightedN]) expect(arr.length).toBe(t.nodeCount);
    expect(t.value.length).toBe(t.nodeCount * 2);
  });

  it('a data buffer refilled or reshaped in place is sorted again, not served from the cache', () => {
    const data = Float64Array.of(3, 1, 2, 6, 5, 4), y = Int32Array.from([0, 1, 0]);
    const fresh = (X: { data: Float64Array; n: number; d: number }, yy: Int32Array) => fitTree({ ...X, data: X.data.slice() }, yy, gini);
    fitTree({ data, n: 3, d: 2 }, y, gini);
    data.set([1, 3, 2, 4, 6, 5]); // every value changes
    expect(fitTree({ data, n: 3, d: 2 }, y, gini)).toEqual(fresh({ data, n: 3, d: 2 }, y));
    data.set([5, 0, 1, 9, 2, 3]);
    expect(fitTree({ data, n: 3, d: 2 }, y, gini)).toEqual(fresh({ data, n: 3, d: 2 }, y));
    const y2 = Int32Array.from([0, 1]); // the same six numbers as two rows of three: split 5 | 9
    const t = fitTree({ data, n: 2, d: 3 }, y2, gini);
    expect([t.feature[0], t.threshold[0]]).toEqual([0, 7]);
    expect(t).toEqual(fresh({ data, n: 2, d: 3 }, y2));
  });

  it('rows and labels out of range are errors that name the culprit', () => {
    const X = matrix([[0], [1], [2]]);
    expect(() => fitTree(X, Int32Array.from([0, 1, 0]), gini, { rows: Int32Array.from([0, 3]) })).toThrow('row 3 is not in 0..2');
    expect(() => fitTree(X, Int32Array.from([0, 1, 0]), gini, { rows: Int32Array.from([-1, 0]) })).toThrow('row -1 is not in 0..2');
    expect(() => fitTree(X, Int32Array.from([0, -1, 0]), { ...gini, nClasses: 2 })).toThrow('label -1 is not in 0..1');
    expect(() => fitTree(X, Float64Array.from([0, 0.5, 1]), { ...gini, nClasses: 2 })).toThrow('label 0.5 is not in 0..1');
  });

  it('K defaults to the largest label + 1 (one class when every label is 0)', () => {
    expect(fitTree(matrix([[0], [1]]), Int32Array.from([0, 0]), gini).nClasses).toBe(1);
    expect(fitTree(matrix([[0], [1]]), Int32Array.from([0, 2]), gini).nClasses).toBe(3);
  });

  it('zero total weight: a leaf of impurity 0 (no 0/0), value 0 for regression', () => {
    const X = matrix([[0], [1], [2]]), w = new Float64Array(3);
    const c = fitTree(X, Int32Array.from([0, 1, 0]), gini, { weights: w });
    expect([c.nodeCount, c.impurity[0], c.weightedN[0], c.nSamples[0]]).toEqual([1, 0, 0, 3]);
    const r = fitTree(X, Float64Array.from([1, 5, 9]), { criterion: 'squared_error', maxDepth: 3 }, { weights: w });
    expect([r.nodeCount, r.impurity[0], r.value[0]]).toEqual([1, 0, 0]);
  });

  it('no features at all: one leaf holding the class counts', () => {
    const t = fitTree({ data: new Float64Array(0), n: 3, d: 0 }, Int32Array.from([0, 1, 1]), gini);
    expect([t.nodeCount, t.feature[0], ...t.value]).toEqual([1, -1, 1, 2]);
  });

  it('min samples split: 4 alternating rows split with minSamplesSplit 4, not with 5', () => {
    const X = matrix([[0], [1], [2], [3]]), y = Int32Array.from([0, 1, 0, 1]);
    expect(fitTree(X, y, { ...gini, minSamplesSplit: 4, maxDepth: 1 }).nodeCount).toBe(3);
    expect(fitTree(X, y, { ...gini, minSamplesSplit: 5, maxDepth: 1 }).nodeCount).toBe(1);
  });

  it('the best split on the third feature is found (every feature is scanned)', () => {
    const X = matrix([[0, 5, 1], [1, 4, 2], [0, 3, 3], [1, 2, 4]]), y = Int32Array.from([0, 0, 1, 1]);
    const t = fitTree(X, y, { ...gini, maxDepth: 1 });
    expect([t.feature[0], t.threshold[0]]).toEqual([1, 3.5]); // lower feature wins the tie with feature 2
    const X2 = matrix([[0, 5, 1], [1, 5, 2], [0, 5, 3], [1, 5, 4]]);
    expect(fitTree(X2, y, { ...gini, maxDepth: 1 }).feature[0]).toBe(2);
  });

  describe('drawn features (maxFeatures < d)', () => {
    const seeds = Array.from({ length: 12 }, (_, k) => k);
    it('constant features do not count: the one informative feature is always seen', () => {
      const X = matrix([[7, 0], [7, 1], [7, 2], [7, 3]]), y = Int32Array.from([0, 0, 1, 1]);
      for (const k of seeds) expect(fitTree(X, y, { ...gini, maxFeatures: 1 }, { rng: stream(k, 'c') }).feature[0]).toBe(1);
    });
    it('exactly maxFeatures are tried: a weaker feature wins when it is the one drawn', () => {
      // Feature 1 separates the classes; feature 0 only nearly.
      const X = matrix([[0, 0], [1, 1], [2, 2], [3, 3], [0.5, 4], [5, 5], [6, 6], [7, 7]]), y = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
      const roots = seeds.map((k) => fitTree(X, y, { ...gini, maxDepth: 1, maxFeatures: 1 }, { rng: stream(k, 'w') }).feature[0]);
      expect(new Set(roots)).toEqual(new Set([0, 1]));
    });
    it('a lower feature drawn second replaces the best split only if it is as good', () => {
      // Feature 1 separates the classes, feature 0 does not; feature 2 is constant, so 0 and 1 are
      // always both drawn, in either order depending on the seed.
      const X = matrix([[0, 0, 9], [2, 1, 9], [1, 2, 9], [3, 3, 9]]), y = Int32Array.from([0, 0, 1, 1]);
      for (const k of seeds) {
        const t = fitTree(X, y, { ...gini, maxDepth: 1, maxFeatures: 2 }, { rng: stream(k, 't') });
        expect([t.feature[0], t.threshold[0]]).toEqual([1, 1.5]);
      }
    });
    it('an exact tie between drawn features goes to the lower feature whatever the draw order', () => {
      // Features 0 and 1 are equal, feature 2 constant: both 0 and 1 are always drawn.
      const X = matrix([[0, 0, 9], [1, 1, 9], [2, 2, 9], [3, 3, 9]]), y = Int32Array.from([0, 1, 1, 1]);
      for (const k of seeds) {
        const t = fitTree(X, y, { ...gini, maxDepth: 1, maxFeatures: 2 }, { rng: stream(k, 't') });
        expect([t.feature[0], t.threshold[0]]).toEqual([0, 0.5]); // and a worse split never replaces it
      }
    });
  });

  it('an exact tie within a feature goes to the lower threshold', () => {
    // 0 | 1 1 0 and 0 1 1 | 0 are mirror images: the same weighted Gini to the last bit.
    const t = fitTree(matrix([[0], [1], [2], [3]]), Int32Array.from([0, 1, 1, 0]), { ...gini, maxDepth: 1 });
    expect(t.threshold[0]).toBe(0.5);
  });

  it('adjacent doubles: the midpoint rounds up to the upper value, so the lower value is the threshold', () => {
    const lo = 1 + 2 ** -52, hi = 1 + 2 ** -51; // (lo + hi) / 2 rounds (to even) to hi
    const t = fitTree(matrix([[lo], [hi]]), Int32Array.from([0, 1]), gini);
    expect(t.threshold[0]).toBe(lo);
    expect(Array.from(treePredict(t, matrix([[lo], [hi]])))).toEqual([0, 1]);
  });

  it('routing: x <= threshold goes left, on the split feature of each row', () => {
    const t = fitTree(matrix([[9, 0], [9, 1], [8, 2], [8, 3]]), Int32Array.from([0, 0, 1, 1]), { ...gini, maxDepth: 1 });
    expect([t.feature[0], t.threshold[0]]).toEqual([0, 8.5]);
    const t1 = fitTree(matrix([[0, 9], [1, 9], [0, 8], [1, 8]]), Int32Array.from([0, 0, 1, 1]), { ...gini, maxDepth: 1 });
    expect([t1.feature[0], t1.threshold[0]]).toEqual([1, 8.5]);
    // Exactly at the threshold → left (class 1); each row read at its own offset.
    expect(Array.from(treePredict(t1, matrix([[5, 8.5], [5, 8.6], [0, 0], [0, 100]])))).toEqual([1, 0, 1, 0]);
  });

  it('hand-built tree: argmax within the leaf only, uniform shares for an empty leaf, no proba for regression', () => {
    const I = (...v: number[]) => Int32Array.from(v), D = (...v: number[]) => Float64Array.from(v);
    const t: Tree = {
      nodeCount: 3, nClasses: 2, nFeatures: 1, feature: I(0, -1, -1), threshold: D(0.5, NaN, NaN), left: I(1, -1, -1), right: I(2, -1, -1),
      depth: I(0, 1, 1), impurity: D(0.5, 0.4, 0), nSamples: I(3, 1, 2), weightedN: D(6, 3, 5), value: D(6, 2, 1, 2, 5, 0),
    };
    expect(Array.from(treePredict(t, matrix([[0], [1]])))).toEqual([1, 0]); // node 2's class-0 count (5) must not leak in
    const out = new Float64Array(2);
    leafShares(t, 1, out, 0);
    expect(Array.from(out)).toEqual([1 / 3, 2 / 3]);
    const empty = { ...t, value: D(6, 2, 0, 0, 5, 0) };
    expect(Array.from(treeProba(empty, matrix([[0]])))).toEqual([0.5, 0.5]);
    const reg = fitTree(matrix([[0], [1]]), Float64Array.from([1, 2]), { criterion: 'squared_error', maxDepth: 1 });
    expect(() => treeProba(reg, matrix([[0]]))).toThrow('regression');
  });
});
