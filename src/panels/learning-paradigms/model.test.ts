/**
 * The four modes' models on the panel's own data: the supervised scores, the clusterings and
 * their adjusted Rand index, the semi-supervised run (given labels kept at every iteration, the
 * end equal to the kit's run to convergence, iteration 0 = only the given labels), the labelled
 * points' choice, and determinism (the same params give the same numbers).
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { labelSpreading } from '../../lib/learn/labelSpreading';
import { adjustedRandIndex } from '../../lib/learn/clusterScore';
import { makeData, pickLabelled } from './data';
import { edgeQuery, fuzzRng, hostileQuery } from '../../lib/params/hostile';
import { parseQuery } from '../../lib/params/url';
import { dataOf, RlRun, rlConfigOf, semiRun, semiView, supervised, unsupervised } from './model';
import { rlRows, semiRows, supervisedRows, unsupervisedRows } from './readout';
import { schema, type LpParams } from './params';

const P = (over: Partial<LpParams> = {}): LpParams => ({ ...defaults(schema), ...over });

describe('data', () => {
  it('labelled points: one per class at least, the count asked for, and the points never move', () => {
    const d = makeData(dataOf(P({ dataset: 'blobs' })));
    for (const m of [1, 3, 10, 60]) {
      const L = pickLabelled(d.y, 3, m, 1);
      expect(L.length).toBe(Math.max(3, m));
      expect(new Set(Array.from(L, (i) => d.y[i])).size).toBe(3);
    }
    expect(Array.from(pickLabelled(d.y, 3, 10, 1).slice(0, 3))).toEqual(Array.from(pickLabelled(d.y, 3, 10, 1).slice(0, 3)));
    expect(makeData(dataOf(P({ labelled: 40 }))).X.data).toEqual(makeData(dataOf(P())).X.data);
  });
});

describe('supervised', () => {
  it('1-NN fits its training set exactly; logistic cannot draw the moons’ curved boundary as well as k-NN', () => {
    const nn = supervised({ ...dataOf(P()), clf: 'knn', k: 1 });
    expect(nn.trainAcc).toBe(1);
    const knn = supervised({ ...dataOf(P()), clf: 'knn', k: 5 });
    const lr = supervised({ ...dataOf(P()), clf: 'logistic', k: 5 });
    expect(knn.testAcc).toBeGreaterThan(lr.testAcc);
    expect(lr.testAcc).toBeGreaterThan(0.75);
    // Three blobs: one-vs-rest logistic separates them well; the grid encodes class + strength.
    const b = supervised({ ...dataOf(P({ dataset: 'blobs' })), clf: 'logistic', k: 5 });
    expect(b.testAcc).toBeGreaterThan(0.9);
    for (const v of b.grid) expect(v >= 0 && v < 3).toBe(true);
  });
});

describe('unsupervised', () => {
  it('k-means finds the three blobs; DBSCAN follows the moons where k-means cuts them straight', () => {
    const blobs = unsupervised({ ...dataOf(P({ dataset: 'blobs' })), clusters: 3, eps: 0.2, minPts: 5 });
    expect(blobs.km.ari).toBeGreaterThan(0.8);
    const moons = unsupervised({ ...dataOf(P()), clusters: 2, eps: 0.2, minPts: 5 });
    expect(moons.db.ari).toBeGreaterThan(0.95);
    expect(moons.km.ari).toBeLessThan(0.5);
    expect(moons.db.ari).toBeCloseTo(adjustedRandIndex(makeData(dataOf(P())).y, moons.db.labels), 12);
    // k larger than n is clamped, not an error.
    expect(unsupervised({ ...dataOf(P({ n: 30 })), clusters: 8, eps: 0.02, minPts: 30 }).db.noise).toBe(30);
  });
});

describe('semi-supervised', () => {
  for (const method of ['propagation', 'spreading'] as const) {
    it(`${method}: iteration 0 shows only the given labels; they are kept; the end is the kit’s transduction`, () => {
      const p = P({ method });
      const r = semiRun({ ...dataOf(p), labelled: p.labelled, method, gamma: p.gamma, alpha: p.alpha });
      const d = makeData(dataOf(p));
      const first = semiView(r, 0);
      for (let i = 0; i < d.X.n; i++) expect(first.pred[i]).toBe(r.labelled.includes(i) ? d.y[i] : -1);
      expect(r.acc[0]).toBe(0);
      if (method === 'propagation') for (let t = 0; t <= r.nIter; t++) for (const i of r.labelled) expect(r.preds[t][i]).toBe(d.y[i]);
      const given = new Int32Array(d.X.n).fill(-1);
      for (const i of r.labelled) given[i] = d.y[i];
      const kit = labelSpreading(d.X, given, d.K, { kind: method, gamma: p.gamma, alpha: p.alpha });
      const end = semiView(r, 1e9);
      expect(end.iter).toBe(r.nIter);
      expect(Array.from(end.pred)).toEqual(Array.from(kit.transduction));
    });
  }

  it('on the moons a few labels spread along the shape beat the nearest labelled point', () => {
    const p = P();
    const r = semiRun({ ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha });
    expect(r.acc[r.nIter]).toBeGreaterThan(r.baseline);
    expect(semiRun({ ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha }).acc).toEqual(r.acc);
  });
});

describe('hostile links', () => {
  it('every mode runs on 40 repaired links (small n) with no throw and no NaN in its readout', () => {
    const rng = fuzzRng(11, 'learning-paradigms');
    const text = (rows: { value: unknown }[]) => rows.map((r) => String(r.value)).join(' | ');
    for (let i = 0; i < 40; i++) {
      const q = i % 2 === 0 ? hostileQuery(rng, Object.keys(schema)) : edgeQuery(rng, schema);
      const { params } = parseQuery(schema, `?${q}`);
      const p = { ...params, n: Math.min(params.n, 80), episode: Math.min(params.episode, 200) } as LpParams;
      const shown = [
        text(supervisedRows(p, supervised({ ...dataOf(p), clf: p.clf, k: p.k }), 'm')),
        text(unsupervisedRows(p, unsupervised({ ...dataOf(p), clusters: p.clusters, eps: p.eps, minPts: p.minPts }))),
        text(semiRows(p, semiView(semiRun({ ...dataOf(p), labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha }), p.iter))),
        text(rlRows(p, new RlRun(rlConfigOf(p)).view({ episode: p.episode, move: p.move }))),
      ];
      for (const t of shown) expect(t, q).not.toMatch(/NaN|Infinity|undefined/);
    }
  }, 120_000);
});
