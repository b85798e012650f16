/**
 * computeCv and its helpers recomputed from the pieces the panel documents: the data and splits
 * from their named streams (dataFor, the splitters), the fold rows, baseline, fresh-data accuracy,
 * the messages word for word, the split captions, and the tuning rules (best mean, first on ties;
 * one-SE rule) on hand-made scores.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { makeData, makeFresh } from './data';
import { knnAccuracies } from './knn';
import { computeCv, computeSpread, dataFor, describeSplits, FRESH_POINTS, neighbourGrid, splitsFor, stats, tune, type MainParams, type SpreadParams } from './model';
import { schema, SCHEMES } from './params';
import { groupKFold, kFold, leaveOneOut, stratifiedKFold, timeSeriesSplit } from './splitters';

const P = (over: Partial<MainParams> = {}): MainParams => ({ ...defaults(schema), ...over });

describe('data and splits from their named streams', () => {
  it('dataFor draws from stream(seed, name)', () => {
    const p = P({ seed: 4, n: 40 });
    const o = { n: 40, balance: p.balance, groups: p.groups, groupEffect: p.groupEffect };
    expect(dataFor(p)).toEqual(makeData(stream(4, 'data'), o));
    expect(dataFor(p, 'data-2')).toEqual(makeData(stream(4, 'data-2'), o));
  });

  it('each scheme is its splitter (shuffled ones on stream "split")', () => {
    const p = P({ seed: 3, n: 30, folds: 5, gap: 1, window: 0 });
    const d = dataFor(p);
    const want = {
      kfold: kFold(30, 5),
      shuffle: kFold(30, 5, true, stream(3, 'split')),
      stratified: stratifiedKFold(d.y, 5, true, stream(3, 'split')),
      loo: leaveOneOut(30),
      timeseries: timeSeriesSplit(30, 5, 1, 0),
      group: groupKFold(d.group, 5),
    };
    for (const s of SCHEMES) expect(splitsFor(s, d, p).splits, s).toEqual(want[s]);
    expect(splitsFor('shuffle', d, p).splits).not.toEqual(kFold(30, 5));
  });

  it('a class rarer than the folds is a warning; an impossible split an error, not a throw', () => {
    const d = dataFor(P({ n: 30, balance: 0.1, seed: 2 }));
    const ones = Array.from(d.y).reduce((a, b) => a + b, 0);
    const rare = Math.min(ones, 30 - ones);
    expect(rare).toBeLessThan(10);
    const s = splitsFor('stratified', d, { folds: 10, gap: 0, window: 0, seed: 2 });
    expect(s.warning).toBe(`The rarer class has only ${rare} sample${rare === 1 ? '' : 's'}, fewer than the 10 folds: some test folds hold none of it.`);
    expect(splitsFor('stratified', d, { folds: rare, gap: 0, window: 0, seed: 2 }).warning).toBeUndefined();
    const bad = splitsFor('timeseries', d, { folds: 10, gap: 10, window: 0, seed: 2 });
    expect(bad.splits).toBeNull();
    expect(bad.error).toMatch(/\w/);
    expect(describeSplits(bad)).toBe(bad.error);
    expect(describeSplits({ scheme: 'kfold', splits: null })).toBe('no splits');
  });

  it('captions: splits, then train and test sizes (a range where they differ)', () => {
    expect(describeSplits({ scheme: 'kfold', splits: kFold(30, 5) })).toBe('5 splits · train 24 · test 6');
    expect(describeSplits({ scheme: 'kfold', splits: kFold(32, 5) })).toBe('5 splits · train 25–26 · test 6–7');
  });
});

describe('computeCv, recomputed', () => {
  for (const over of [{}, { scheme: 'stratified' as const, balance: 0.2, k: 4, seed: 7 }, { scheme: 'group' as const, n: 24, folds: 3, k: 9 }])
    it(`folds, baseline, fresh accuracy and messages: ${JSON.stringify(over)}`, () => {
      const p = P(over);
      const r = computeCv(p);
      const d = dataFor(p);
      const splits = splitsFor(p.scheme, d, p).splits!;
      const ones = Array.from(d.y).reduce((a, b) => a + b, 0);
      expect(r.ones).toBe(ones);
      expect(r.baseline).toBe(Math.max(ones, d.n - ones) / d.n);
      expect(r.gallery.map((g) => g.scheme)).toEqual([...SCHEMES]);
      const pts = { x: d.x, d: d.d };
      expect(r.folds).toEqual(
        splits.map((s) => ({
          trainSize: s.train.length,
          testSize: s.test.length,
          testOnes: s.test.reduce((a, i) => a + d.y[i], 0),
          accuracy: knnAccuracies(pts, d.y, s.train, pts, d.y, s.test, [p.k])[0],
        })),
      );
      expect(r.score).toEqual(stats(r.folds.map((f) => f.accuracy)));
      const minTrain = Math.min(...splits.map((s) => s.train.length));
      expect(r.minTrain).toBe(minTrain);
      // Fresh data: k-NN on all n samples, scored on FRESH_POINTS new ones from stream "fresh".
      const f = makeFresh(stream(p.seed, 'fresh'), FRESH_POINTS, p.balance, p.groupEffect);
      const all = Array.from({ length: d.n }, (_, i) => i);
      expect(r.fresh).toBe(knnAccuracies(pts, d.y, all, { x: f.x, d: 2 }, f.y, Array.from({ length: FRESH_POINTS }, (_, i) => i), [p.k])[0]);
      const msgs = [splitsFor(p.scheme, d, p).warning].filter(Boolean);
      if (p.k > minTrain) msgs.push(`k = ${p.k} neighbours is more than the smallest training set (${minTrain} samples): there k-NN votes over all of it.`);
      expect(r.messages).toEqual(msgs);
    });

  it('k above the smallest training set, and a single-class draw, are said', () => {
    const r = computeCv(P({ n: 10, folds: 5, k: 9, scheme: 'kfold' }));
    expect(r.minTrain).toBe(8);
    expect(r.messages).toContain('k = 9 neighbours is more than the smallest training set (8 samples): there k-NN votes over all of it.');
    expect(computeCv(P({ n: 10, folds: 5, k: 8, scheme: 'kfold' })).messages).toEqual([]);
    const one = computeCv(P({ balance: 0, n: 20 }));
    if (one.ones === 0) expect(one.messages).toContain('This draw has only one class: every model scores 100 %. Raise the share of class 1 or draw new data.');
    else expect(one.messages.join(' ')).not.toMatch(/only one class/);
  });

  it('an impossible scheme has no folds, no score, and says why', () => {
    const r = computeCv(P({ scheme: 'timeseries', n: 10, folds: 10, gap: 10 }));
    expect({ folds: r.folds, score: r.score, tuning: r.tuning, minTrain: r.minTrain }).toEqual({ folds: [], score: null, tuning: null, minTrain: 10 });
    expect(r.messages).toEqual([r.gallery.find((g) => g.scheme === 'timeseries')!.error]);
  });
});

describe('tuning and statistics on hand-made scores', () => {
  it('stats of nothing is NaN; the neighbour grid is sorted with an even k in place', () => {
    expect(stats([])).toEqual({ mean: NaN, std: NaN, se: NaN });
    const g = neighbourGrid(4);
    expect(g.slice(0, 4)).toEqual([1, 3, 4, 5]);
    expect([...g].sort((a, b) => a - b)).toEqual(g);
  });

  it('best: the highest mean, the smallest k on a tie; one-SE: the largest k within one SE of it', () => {
    // Two folds; means 0.5, 0.8, 0.8, 0.75, 0.6; the best's SE = √0.02 / √2 = 0.1.
    const acc = [
      [0.5, 0.7, 0.8, 0.7, 0.6],
      [0.5, 0.9, 0.8, 0.8, 0.6],
    ];
    const t = tune([1, 3, 5, 7, 9], acc);
    expect(t.mean).toEqual([0.5, 0.8, 0.8, 0.75, 0.6]);
    expect(t.best).toBe(3); // 3 and 5 tie: the smaller
    expect(t.se[1]).toBeCloseTo(0.1, 12); // std √0.02 over √2
    expect(t.oneSE).toBe(7); // 0.75 ≥ 0.8 − 0.1; 0.6 is not
    expect(t.ks).toEqual([1, 3, 5, 7, 9]);
    expect(t.std.map((v) => +v.toFixed(12))).toEqual([0, +Math.sqrt(0.02).toFixed(12), 0, +Math.sqrt(0.005).toFixed(12), 0]);
    // Exactly at the edge counts (≥): best k = 1 (0.8, SE 0.1), and k = 5's 0.7 is on the edge.
    const edge = tune([1, 3, 5], [[0.9, 0.8, 0.7], [0.7, 0.8, 0.7]]);
    expect({ best: edge.best, oneSE: edge.oneSE }).toEqual({ best: 1, oneSE: 5 });
  });

  it('spread: the test size is n / folds rounded up', () => {
    const spread = (over: Partial<SpreadParams>): SpreadParams => ({ ...defaults(schema), ...over });
    expect(computeSpread(spread({ n: 32, folds: 5, repeats: 3 })).testSize).toBe(7);
    const r = computeSpread(spread({ n: 30, folds: 5, repeats: 4 }));
    expect(r.single).toHaveLength(4);
    expect(r.kfold).toHaveLength(4);
  });
});
