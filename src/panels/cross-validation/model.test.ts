/**
 * The cross-validation model against truths that do not come from its own code: k-NN worked by
 * hand and by a brute-force full sort, the sample standard deviation by hand, the one-standard-
 * error rule on a made-up table, Pearson correlation by its textbook formula, the data
 * generator's expected class share (a closed form), and two statistical facts the panel is
 * built on: on pure noise an honest procedure scores about 50 % while selecting features before
 * the split scores far above it; one split scatters more than a k-fold mean.
 */
import { describe, expect, it } from 'vitest';
import { createRng, stream } from '../../lib/random/rng';
import { defaults } from '../../lib/params/schema';
import { classRate, makeData, makeNoise } from './data';
import { knnPredictMany, type Points } from './knn';
import { computeCv, computeLeak, computeSpread, LEAK_SETS, leakRun, neighbourGrid, selectFeatures, selectionScores, spreadRun, stats, tune } from './model';
import { schema, SCHEMES, type CvParams } from './params';

const base = (over: Partial<CvParams> = {}): CvParams => ({ ...defaults(schema), ...over });

/** Every number anywhere in a result, for the "never NaN" checks. */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (ArrayBuffer.isView(v)) out.push(...Array.from(v as unknown as ArrayLike<number>));
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => numbers(x, out));
  return out;
}

/** Reference k-NN: sort every training point by (distance, index), majority of the first k, ties to the nearest. */
function bruteKnn(train: Points, y: ArrayLike<number>, trainIdx: number[], q: number[], k: number): number {
  const dist = trainIdx.map((i) => {
    let s = 0;
    for (let j = 0; j < train.d; j++) s += (train.x[i * train.d + j] - q[j]) ** 2;
    return { i, s };
  });
  dist.sort((a, b) => a.s - b.s || a.i - b.i);
  const top = dist.slice(0, Math.min(k, dist.length));
  const votes = new Map<number, number>();
  for (const t of top) votes.set(y[t.i], (votes.get(y[t.i]) ?? 0) + 1);
  const nearest = y[top[0].i];
  let best = nearest;
  for (const [c, v] of [...votes].sort((a, b) => a[0] - b[0])) if (v > (votes.get(best) ?? 0)) best = c;
  return best;
}

describe('k-nearest neighbours', () => {
  // 1-D points 0, 1, 2, 10 with labels 0, 0, 1, 1.
  const train: Points = { x: Float64Array.from([0, 1, 2, 10]), d: 1 };
  const y = [0, 0, 1, 1];
  const all = [0, 1, 2, 3];
  const at = (v: number, ks: number[]) => knnPredictMany(train, y, all, { x: Float64Array.from([v]), d: 1 }, [0], ks).map((p) => p[0]);

  it('hand-worked votes', () => {
    // From 1.8: nearest 2 (1), then 1 (0), 0 (0), 10 (1). k = 3 votes 2–1 for class 0;
    // k = 4 ties 2–2 and goes to the nearest, class 1.
    expect(at(1.8, [1, 3, 4])).toEqual([1, 0, 1]);
    // From 7: nearest 10 (1), then 2 (1), 1 (0).
    expect(at(7, [1, 3])).toEqual([1, 1]);
  });
  it('a tied vote goes to the nearest neighbour; equal distances to the lower index', () => {
    // From 1.5: 1 and 2 are both 0.5 away; index 1 (class 0) counts as nearer.
    expect(at(1.5, [1, 2])).toEqual([0, 0]);
    // From 1.9: nearest 2 (1), then 1 (0): a 1–1 vote goes to class 1.
    expect(at(1.9, [2])).toEqual([1]);
  });
  it('k above the training size votes over all of it', () => {
    // From 100 all four vote, 2 against 2: the tie goes to the nearest, 10 (class 1).
    expect(at(100, [25])).toEqual([1]);
    // From −100 the nearest is 0 (class 0).
    expect(at(-100, [25])).toEqual([0]);
  });
  it('agrees with a brute-force full sort on random data, for every k', () => {
    const r = createRng(11);
    for (let t = 0; t < 20; t++) {
      const n = 5 + r.int(40), d = 1 + r.int(4);
      const pts: Points = { x: Float64Array.from({ length: n * d }, () => Math.round(r.normal() * 2) / 2), d };
      const labels = Array.from({ length: n }, () => r.int(3));
      const trainIdx = Array.from({ length: n }, (_, i) => i).filter(() => r.next() < 0.7);
      if (trainIdx.length === 0) continue;
      const queries = Array.from({ length: n }, (_, i) => i);
      const ks = [1, 2, 3, 4, 7, 25];
      const fast = knnPredictMany(pts, labels, trainIdx, pts, queries, ks);
      ks.forEach((k, j) =>
        queries.forEach((q) => expect(fast[j][q]).toBe(bruteKnn(pts, labels, trainIdx, Array.from(pts.x.subarray(q * d, q * d + d)), k))),
      );
    }
  });
});

describe('summaries and tuning', () => {
  it('mean, sample standard deviation and standard error by hand', () => {
    const s = stats([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.se).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(stats([0.7]).std).toBe(0);
  });
  it('best k and the one-standard-error rule on a made-up table', () => {
    // Columns k = 1, 3, 5, 7; rows are 4 folds.
    const acc = [
      [0.6, 0.8, 0.75, 0.7],
      [0.6, 0.9, 0.85, 0.7],
      [0.6, 0.8, 0.85, 0.7],
      [0.6, 0.9, 0.75, 0.7],
    ];
    const t = tune([1, 3, 5, 7], acc);
    // Means 0.6, 0.85, 0.8, 0.7; best k = 3 with sd = sqrt(1/300), se = sd/2 ≈ 0.0289.
    expect(t.mean.map((m) => +m.toFixed(10))).toEqual([0.6, 0.85, 0.8, 0.7]);
    expect(t.best).toBe(3);
    expect(t.se[1]).toBeCloseTo(Math.sqrt(0.01 / 3) / 2, 12);
    // 0.8 is below 0.85 − 0.0289 ≈ 0.821, so the rule keeps k = 3.
    expect(t.oneSE).toBe(3);
    // Lift k = 5 to 0.83 (above 0.821): now the simpler k = 5 is within one standard error.
    const wider = tune([1, 3, 5, 7], acc.map((r) => [r[0], r[1], r[2] + 0.03, r[3]]));
    expect(wider.best).toBe(3);
    expect(wider.oneSE).toBe(5);
  });
  it('the neighbour grid is the odd numbers up to 25, plus an even k asked for', () => {
    expect(neighbourGrid(5)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25]);
    expect(neighbourGrid(4)).toContain(4);
  });
});

describe('feature selection', () => {
  it('ranks columns by |Pearson correlation| with the label (textbook formula)', () => {
    const n = 40, p = 30;
    const noise = makeNoise(stream(5, 'noise'), n, p);
    const rows = Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0);
    const pearson = (j: number) => {
      const z = rows.map((i) => noise.x[j * n + i]), y = rows.map((i) => noise.y[i]);
      const mz = z.reduce((a, b) => a + b) / z.length, my = y.reduce((a, b) => a + b) / y.length;
      const c = z.reduce((a, v, i) => a + (v - mz) * (y[i] - my), 0);
      const vz = z.reduce((a, v) => a + (v - mz) ** 2, 0), vy = y.reduce((a, v) => a + (v - my) ** 2, 0);
      return Math.abs(c / Math.sqrt(vz * vy));
    };
    const expected = Array.from({ length: p }, (_, j) => j).sort((a, b) => pearson(b) - pearson(a)).slice(0, 5);
    expect(selectFeatures(noise.x, n, p, noise.y, rows, 5)).toEqual(expected);
  });
  it('a column equal to the label (or its negative) comes first; equal scores keep the lower column first', () => {
    const n = 8, p = 4;
    const y = [0, 1, 0, 1, 1, 0, 0, 1];
    const x = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      x[0 * n + i] = Math.sin(i);
      x[1 * n + i] = -y[i];
      x[2 * n + i] = Math.cos(3 * i);
      x[3 * n + i] = 2 * y[i] + 1;
    }
    expect(selectFeatures(x, n, p, y, Array.from({ length: n }, (_, i) => i), 2)).toEqual([1, 3]);
  });
});

describe('data', () => {
  it('with no group effect the share of class 1 matches its closed form, and rises over time', () => {
    // E[share] = mean over t of balance·(0.4 + 1.2 t) = balance (no clamping at 0.3).
    const d = makeData(stream(1, 'data'), { n: 20000, balance: 0.3, groups: 5, groupEffect: 0 });
    const half = d.n / 2;
    let early = 0, late = 0;
    for (let i = 0; i < d.n; i++) {
      if (i < half) early += d.y[i];
      else late += d.y[i];
    }
    expect((early + late) / d.n).toBeCloseTo(0.3, 1);
    expect(Math.abs((early + late) / d.n - 0.3)).toBeLessThan(0.012);
    // First half: mean of 0.3·(0.4 + 1.2t) over t in [0, ½] = 0.21; second half 0.39.
    expect(early / half).toBeCloseTo(0.21, 1);
    expect(late / half).toBeCloseTo(0.39, 1);
    expect(classRate(0.3, 0.5)).toBeCloseTo(0.3, 12);
  });
  it('every group has at least one sample; samples are in time order', () => {
    for (let s = 0; s < 20; s++) {
      const d = makeData(stream(s, 'data'), { n: 12, balance: 0.3, groups: 12, groupEffect: 0.5 });
      expect(new Set(d.group).size).toBe(12);
      for (let i = 1; i < d.n; i++) expect(d.time[i]).toBeGreaterThan(d.time[i - 1]);
    }
  });
  it('noise labels are balanced', () => {
    const d = makeNoise(stream(2, 'noise'), 30, 10);
    expect(d.y.reduce((a, b) => a + b, 0)).toBe(15);
  });
});

describe('the panel computations', () => {
  it('every scheme scores a fold per split, with no NaN, for the default link', () => {
    for (const scheme of SCHEMES) {
      const r = computeCv(base({ scheme }));
      expect(r.score).not.toBeNull();
      expect(r.folds.length).toBe(scheme === 'loo' ? 30 : 5);
      expect(numbers(r).every(Number.isFinite)).toBe(true);
      // The readout's mean is the mean of the fold scores.
      expect(r.score!.mean).toBeCloseTo(r.folds.reduce((a, f) => a + f.accuracy, 0) / r.folds.length, 12);
    }
  });
  it('LOO accuracy of 1-NN equals a brute-force count', () => {
    const r = computeCv(base({ scheme: 'loo', k: 1, n: 20 }));
    const { x, y, n } = r.data;
    let ok = 0;
    for (let i = 0; i < n; i++) {
      let best = -1, bd = Infinity;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const dd = (x[2 * i] - x[2 * j]) ** 2 + (x[2 * i + 1] - x[2 * j + 1]) ** 2;
        if (dd < bd) [bd, best] = [dd, j];
      }
      if (y[best] === y[i]) ok++;
    }
    expect(r.score!.mean).toBeCloseTo(ok / n, 12);
  });
  it('degenerate settings give a message and no scores, never NaN', () => {
    const g = computeCv(base({ scheme: 'group', groups: 3, folds: 5 }));
    expect(g.score).toBeNull();
    expect(g.messages.join(' ')).toMatch(/at least 5 groups/);
    const t = computeCv(base({ scheme: 'timeseries', n: 12, folds: 10, gap: 5 }));
    expect(t.score).toBeNull();
    expect(t.messages.join(' ')).toMatch(/leave no sample/);
    for (const r of [g, t]) expect(numbers({ ...r, score: 0 }).every(Number.isFinite)).toBe(true);
    // Too few samples per class to stratify the noise: it falls back to shuffled k-fold.
    const tiny = computeLeak(base({ leak: 'selection', n: 12, folds: 10 }));
    expect(numbers(tiny).every(Number.isFinite)).toBe(true);
    const lk = computeLeak(base({ leak: 'groups', groups: 3, folds: 5 }));
    expect(lk.honestStats).toBeNull();
    expect(lk.error).toMatch(/at least 5 groups/);
  });
  it('the spread and the leak advance one shuffle or one data set per step, in the one-shot order', () => {
    const count = <R,>(run: { step(): boolean; result(): R }) => {
      let k = 1;
      while (!run.step()) k++;
      return k;
    };
    const sp = base({ repeats: 30 });
    const spread = spreadRun(sp);
    expect(count(spread)).toBe(30);
    expect(spread.result().single).toHaveLength(30);
    const p = base({ leak: 'selection', features: 50 });
    const leak = leakRun(p);
    leak.step();
    leak.step();
    // Half-way there is no result: a mean over some of the sets is not the demo's number.
    expect(() => leak.result()).toThrow(`data sets 0 to ${LEAK_SETS - 1} once each`);
    expect(count(leak)).toBe(LEAK_SETS - 2);
    // Set by set, the scores a direct call gives, in set order.
    const direct = Array.from({ length: LEAK_SETS }, (_, s) => selectionScores(p, s));
    expect(leak.result().leaky).toEqual(direct.map((d) => d.leaky));
    expect(leak.result().honest).toEqual(direct.map((d) => d.honest));
    expect(leak.result().leakyStats.mean).toBeCloseTo(computeLeak(p).leakyStats.mean, 12);
    expect(count(leakRun(base({ leak: 'groups' })))).toBe(LEAK_SETS);
  });
  it('random settings across every range never throw and never give NaN', () => {
    const r = createRng(77);
    const pick = <T,>(xs: readonly T[]) => xs[r.int(xs.length)];
    for (let t = 0; t < 12; t++) {
      const p = base({
        scheme: pick(SCHEMES), folds: 2 + r.int(9), n: 12 + r.int(49), balance: pick([0.1, 0.3, 0.5]), groups: 2 + r.int(11),
        groupEffect: r.next(), gap: r.int(6), window: r.int(41), k: 1 + 2 * r.int(13), repeats: 20,
        leak: pick(['selection', 'groups'] as const), features: pick([10, 200]), keep: 1 + r.int(50), seed: r.int(100000),
      });
      const cv = computeCv(p);
      expect(numbers({ ...cv, score: cv.score ?? 0 }).every(Number.isFinite)).toBe(true);
      expect(cv.score === null).toBe(cv.messages.length > 0 && cv.folds.length === 0);
      expect(numbers(computeSpread(p)).every(Number.isFinite)).toBe(true);
      const lk = computeLeak(p);
      expect(numbers({ ...lk, honestStats: lk.honestStats ?? 0 }).every(Number.isFinite)).toBe(true);
    }
  });
  it('the same link gives the same numbers', () => {
    const p = base({ scheme: 'stratified', seed: 123 });
    expect(computeCv(p)).toEqual(computeCv(p));
    expect(computeSpread(p)).toEqual(computeSpread(p));
  });
  it('one split scatters far more than the k-fold mean over the same shuffles', () => {
    const r = computeSpread(base());
    expect(r.single).toHaveLength(100);
    expect(r.kfoldStats.std).toBeLessThan(r.singleStats.std / 2);
    // Both average the same fold scores, so their means agree closely.
    expect(Math.abs(r.kfoldStats.mean - r.singleStats.mean)).toBeLessThan(0.05);
  });
  it('on pure noise, selecting features before the split scores far above chance; inside each fold it does not', () => {
    const r = computeLeak(base({ leak: 'selection' }));
    expect(r.reference).toBe(0.5);
    expect(r.leakyStats.mean).toBeGreaterThan(0.75);
    expect(Math.abs(r.honestStats!.mean - 0.5)).toBeLessThan(0.08);
  });
  it('with a strong group effect, shuffled k-fold overstates the score on new groups; group k-fold does not', () => {
    const r = computeLeak(base({ leak: 'groups', groupEffect: 1 }));
    const honestGap = Math.abs(r.honestStats!.mean - r.reference);
    const leakyGap = r.leakyStats.mean - r.reference;
    expect(leakyGap).toBeGreaterThan(0.05);
    expect(honestGap).toBeLessThan(leakyGap / 2);
  });
});
