/**
 * fitTree, adaBoost and gradientBoost pinned to the bit. The digests below were taken from the
 * code before fitTree was cut into small functions (stop 33: the small functions reach optimised
 * code sooner in a fresh worker, so a link's first ensemble is fitted faster). Every output array
 * of every fit is hashed bit for bit, over fits that take every path of fitTree: both class
 * criteria and squared error, weights, bootstrap rows with repeats, drawn features, the min-samples
 * rules, constant and tied columns, three classes, depths 1 to unlimited. Any change to a float's
 * bits, a node's order or a split's tie-break changes a digest.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { adaBoost, gradientBoost } from './boost';
import { growMember } from './forest';
import { fitTree } from './tree';
import type { Matrix, Tree, TreeOptions } from './api';

/** FNV-1a over the bytes of every array, in order. */
function digest(arrays: ArrayLike<number>[]): string {
  let h = 0x811c9dc5;
  const f = new Float64Array(1), b = new Uint8Array(f.buffer);
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      f[0] = a[i];
      for (let k = 0; k < 8; k++) h = Math.imul(h ^ b[k], 16777619) >>> 0;
    }
    h = Math.imul(h ^ 0xff, 16777619) >>> 0; // array boundary
  }
  return h.toString(16).padStart(8, '0');
}

const treeArrays = (t: Tree): ArrayLike<number>[] => [
  [t.nodeCount, t.nClasses, t.nFeatures], t.feature, t.threshold, t.left, t.right, t.depth, t.impurity, t.nSamples, t.weightedN, t.value,
];

/** n rows, d columns: two informative, one constant, one with heavy ties, the rest noise; K classes. */
function data(n: number, d: number, K: number, seed: number): { X: Matrix; y: Int32Array; t: Float64Array } {
  const rng = createRng(seed);
  const X = new Float64Array(n * d), y = new Int32Array(n), t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.next() * 2 - 1, b = rng.next() * 2 - 1;
    for (let f = 0; f < d; f++) X[i * d + f] = f === 0 ? a : f === 1 ? b : f === 2 ? 0.5 : f === 3 ? Math.round(rng.next() * 4) : rng.next();
    const r = a * a + b * b;
    y[i] = (Math.min(K - 1, Math.floor(r * K)) + (rng.next() < 0.15 ? 1 : 0)) % K;
    t[i] = Math.sin(3 * a) + b + 0.3 * (rng.next() - 0.5);
  }
  return { X: { data: X, n, d }, y, t };
}

function fits(): Record<string, string> {
  const out: Record<string, string> = {};
  const { X, y, t } = data(120, 6, 2, 3);
  const three = data(90, 5, 3, 4);
  const wts = new Float64Array(X.n);
  const rng = createRng(11);
  for (let i = 0; i < X.n; i++) wts[i] = 0.25 + rng.next();
  const cases: [string, Matrix, Int32Array | Float64Array, TreeOptions, Parameters<typeof fitTree>[3]][] = [
    ['gini deep', X, y, { criterion: 'gini', maxDepth: Infinity }, {}],
    ['gini depth 3 weighted', X, y, { criterion: 'gini', maxDepth: 3, nClasses: 2 }, { weights: wts }],
    ['entropy min leaf 4', X, y, { criterion: 'entropy', maxDepth: 8, minSamplesLeaf: 4 }, {}],
    ['entropy 3 classes', three.X, three.y, { criterion: 'entropy', maxDepth: Infinity }, {}],
    ['gini 3 classes min split 10', three.X, three.y, { criterion: 'gini', maxDepth: 6, minSamplesSplit: 10 }, {}],
    ['squared error deep', X, t, { criterion: 'squared_error', maxDepth: Infinity }, {}],
    ['squared error depth 3 weighted', X, t, { criterion: 'squared_error', maxDepth: 3 }, { weights: wts }],
    ['squared error min leaf 5', three.X, three.t, { criterion: 'squared_error', maxDepth: 10, minSamplesLeaf: 5 }, {}],
  ];
  for (const [name, M, yy, opts, o] of cases) out[name] = digest(treeArrays(fitTree(M, yy, opts, o)));
  // Bootstrap rows (repeats) and drawn features, through the forest's own member.
  for (const [name, tree, M, yy] of [
    ['forest gini sqrt', { criterion: 'gini', maxDepth: Infinity, maxFeatures: 2, nClasses: 2 }, X, y],
    ['forest entropy 1 feature', { criterion: 'entropy', maxDepth: 5, maxFeatures: 1, nClasses: 3 }, three.X, three.y],
    ['forest regression', { criterion: 'squared_error', maxDepth: 6, maxFeatures: 3 }, X, t],
  ] as const) {
    const arrays: ArrayLike<number>[] = [];
    for (let m = 0; m < 12; m++) {
      const member = growMember(M, yy, { tree: tree as TreeOptions, bootstrap: m % 4 !== 3, seed: 5 }, m);
      arrays.push(...treeArrays(member.tree), member.inBag);
    }
    out[name] = digest(arrays);
  }
  for (const depth of [1, 3]) {
    const rounds = adaBoost(X, y, 40, { criterion: 'gini', maxDepth: depth, nClasses: 2 });
    out[`adaBoost depth ${depth}`] = digest(rounds.flatMap((r) => [...treeArrays(r.tree), r.weights, [r.error, r.alpha, r.perfect ? 1 : 0]]));
    const gb = gradientBoost(X, t, 40, 0.3, { criterion: 'squared_error', maxDepth: depth });
    out[`gradientBoost depth ${depth}`] = digest([[gb.init], ...gb.rounds.flatMap((r) => [...treeArrays(r.tree), r.residuals, [r.trainMse]])]);
  }
  return out;
}

describe('fitTree, adaBoost and gradientBoost give the pinned bits', () => {
  it('every fit hashes to the digest taken before fitTree was restructured', () => {
    expect(fits()).toEqual(PINNED);
  });
});

const PINNED: Record<string, string> = {
  'gini deep': '5f8f1a92',
  'gini depth 3 weighted': '33e00957',
  'entropy min leaf 4': 'ea6a9ff8',
  'entropy 3 classes': '80eba964',
  'gini 3 classes min split 10': 'bc1f0b9b',
  'squared error deep': '4ccaa5f2',
  'squared error depth 3 weighted': 'd3ab0c06',
  'squared error min leaf 5': '94898678',
  'forest gini sqrt': 'bfd5073b',
  'forest entropy 1 feature': '2845db26',
  'forest regression': 'fa540e33',
  'adaBoost depth 1': 'ffec9c54',
  'gradientBoost depth 1': '792047f6',
  'adaBoost depth 3': '3cb43046',
  'gradientBoost depth 3': '4ccb8884',
};
