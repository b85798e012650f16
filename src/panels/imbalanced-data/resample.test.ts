/**
 * The resampling methods against truths outside their own code: neighbours by a brute-force full
 * sort, segments by the cross product, mutual nearest neighbours by checking every pair, and a
 * hand-built Tomek case. Each check runs over many seeds, ratios and k.
 */
import { describe, expect, it } from 'vitest';
import { createRng, stream } from '../../lib/random/rng';
import type { Matrix } from '../../lib/learn/api';
import { classCounts, minorityClass, randomOversample, randomUndersample, smote, tomekLinks, type Resampled } from './resample';
import { gaussianClasses } from './data';

const at = (X: Matrix, i: number): number[] => Array.from(X.data.subarray(i * X.d, i * X.d + X.d));
const d2 = (a: number[], b: number[]) => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);

/** Rows of `rows` by (distance to row i, index), i itself left out. */
function bruteOrder(X: Matrix, i: number, rows: number[]): { j: number; s: number }[] {
  return rows
    .filter((j) => j !== i)
    .map((j) => ({ j, s: d2(at(X, i), at(X, j)) }))
    .sort((a, b) => a.s - b.s || a.j - b.j);
}

const sets = (() => {
  const out: { name: string; X: Matrix; y: Int32Array }[] = [];
  for (const seed of [1, 7, 42]) for (const [n0, n1] of [[60, 12], [40, 3], [30, 2], [25, 25], [50, 9]] as const)
    out.push({ name: `seed ${seed}, ${n0}:${n1}`, ...gaussianClasses(seed, 'train', n0, n1, 0.4) });
  return out;
})();

/** The originals come first and unchanged in every oversampled set. */
function expectOriginalsFirst(r: Resampled, X: Matrix, y: Int32Array) {
  expect(Array.from(r.X.data.subarray(0, X.data.length))).toEqual(Array.from(X.data));
  expect(Array.from(r.y.subarray(0, y.length))).toEqual(Array.from(y));
  for (let i = 0; i < X.n; i++) expect(r.source[i]).toBe(i);
}

describe('SMOTE', () => {
  for (const { name, X, y } of sets)
    for (const k of [1, 3, 5, 15])
      it(`every synthetic point lies on a segment from a minority point to one of its k nearest minority neighbours (${name}, k = ${k})`, () => {
        const r = smote(X, y, k, stream(9, 'smote'));
        const [n0, n1] = classCounts(y);
        const minority = Array.from({ length: X.n }, (_, i) => i).filter((i) => y[i] === minorityClass(y));
        const kk = Math.min(k, n1 - 1);
        expect(r.smote!.k).toBe(kk);
        expectOriginalsFirst(r, X, y);
        expect(classCounts(r.y)).toEqual([Math.max(n0, n1), Math.max(n0, n1)]);
        const nNew = r.X.n - X.n;
        expect(nNew).toBe(Math.abs(n0 - n1));
        for (let s = 0; s < nNew; s++) {
          const p = at(r.X, X.n + s), i = r.smote!.base[s], j = r.smote!.neighbour[s], u = r.smote!.gap[s];
          expect(r.y[X.n + s]).toBe(minorityClass(y));
          expect(r.source[X.n + s]).toBe(-1);
          expect(y[i]).toBe(minorityClass(y));
          // j is one of i's kk nearest minority neighbours (by a full sort; ties at the k-th distance allowed).
          const order = bruteOrder(X, i, minority);
          expect(d2(at(X, i), at(X, j))).toBeLessThanOrEqual(order[kk - 1].s);
          expect(j).not.toBe(i);
          // p is on the segment [x_i, x_j]: collinear (zero cross product) and between the ends.
          const a = at(X, i), b = at(X, j);
          const ab = [b[0] - a[0], b[1] - a[1]], ap = [p[0] - a[0], p[1] - a[1]];
          expect(Math.abs(ab[0] * ap[1] - ab[1] * ap[0])).toBeLessThan(1e-9);
          const proj = (ab[0] * ap[0] + ab[1] * ap[1]) / (ab[0] ** 2 + ab[1] ** 2);
          expect(proj).toBeGreaterThanOrEqual(-1e-12);
          expect(proj).toBeLessThan(1 + 1e-12);
          expect(Math.abs(proj - u)).toBeLessThan(1e-9);
        }
      });

  it('uses every neighbour and many bases: the pair is drawn uniformly', () => {
    const { X, y } = gaussianClasses(3, 'train', 2000, 10, 0.5);
    const r = smote(X, y, 3, stream(3, 'smote'));
    const pairs = new Set<string>();
    for (let s = 0; s < r.smote!.base.length; s++) pairs.add(`${r.smote!.base[s]}-${r.smote!.neighbour[s]}`);
    expect(pairs.size).toBe(10 * 3); // 1990 draws over 30 pairs: all of them appear
  });

  it('adds nothing with fewer than two minority points, and says k = 0', () => {
    const X: Matrix = { data: Float64Array.from([0, 0, 1, 0, 0, 1, 5, 5]), n: 4, d: 2 };
    const y = Int32Array.from([0, 0, 0, 1]);
    const r = smote(X, y, 5, createRng(1));
    expect(r.X.n).toBe(4);
    expect(r.smote!.k).toBe(0);
  });

  it('is reproducible from its random stream', () => {
    const { X, y } = sets[0];
    expect(Array.from(smote(X, y, 5, stream(4, 's')).X.data)).toEqual(Array.from(smote(X, y, 5, stream(4, 's')).X.data));
    expect(Array.from(smote(X, y, 5, stream(5, 's')).X.data)).not.toEqual(Array.from(smote(X, y, 5, stream(4, 's')).X.data));
  });
});

describe('random oversampling and undersampling', () => {
  for (const { name, X, y } of sets) {
    it(`oversampling appends exact copies of minority rows until the classes are equal (${name})`, () => {
      const r = randomOversample(X, y, stream(2, 'over'));
      const [n0, n1] = classCounts(y);
      expectOriginalsFirst(r, X, y);
      expect(classCounts(r.y)).toEqual([Math.max(n0, n1), Math.max(n0, n1)]);
      for (let s = X.n; s < r.X.n; s++) {
        const src = r.source[s];
        expect(y[src]).toBe(minorityClass(y));
        expect(at(r.X, s)).toEqual(at(X, src));
      }
    });
    it(`undersampling keeps every minority row and as many distinct majority rows (${name})`, () => {
      const r = randomUndersample(X, y, stream(2, 'under'));
      const [n0, n1] = classCounts(y);
      const m = Math.min(n0, n1);
      expect(classCounts(r.y)).toEqual([m, m]);
      expect(new Set(r.source).size).toBe(r.X.n);
      for (let s = 0; s < r.X.n; s++) expect(at(r.X, s)).toEqual(at(X, r.source[s]));
      expect(r.removed.length).toBe(X.n - r.X.n);
      for (const i of r.removed) expect(y[i]).toBe(1 - minorityClass(y));
      const all = new Set([...r.source, ...r.removed]);
      expect(all.size).toBe(X.n);
    });
  }
});

describe('Tomek links', () => {
  it('finds the hand-built links and removes only their majority member', () => {
    // Majority at 0, 1, 10; minority at 1.2 and 20. 1 ↔ 1.2 are mutual nearest neighbours of
    // opposite classes (a link); 10's nearest is 1.2 but 1.2's is 1, so no link; 20 ↔ 10 is not
    // mutual (10's nearest is 1.2).
    const xs = [0, 1, 10, 1.2, 20];
    const X: Matrix = { data: Float64Array.from(xs.flatMap((v) => [v, 0])), n: 5, d: 2 };
    const y = Int32Array.from([0, 0, 0, 1, 1]);
    const r = tomekLinks(X, y);
    expect(Array.from(r.links!)).toEqual([1, 3]);
    expect(Array.from(r.removed)).toEqual([1]);
    expect(Array.from(r.source)).toEqual([0, 2, 3, 4]);
  });

  for (const { name, X, y } of sets)
    it(`links are exactly the mutual nearest neighbours of opposite classes (${name})`, () => {
      const all = Array.from({ length: X.n }, (_, i) => i);
      const nn = all.map((i) => bruteOrder(X, i, all)[0].j);
      const want: number[] = [];
      for (let i = 0; i < X.n; i++) if (nn[i] > i && nn[nn[i]] === i && y[i] !== y[nn[i]]) want.push(i, nn[i]);
      const r = tomekLinks(X, y);
      expect(Array.from(r.links!)).toEqual(want);
      const c = minorityClass(y);
      const drop = [];
      for (let l = 0; l < want.length; l += 2) drop.push(y[want[l]] === c ? want[l + 1] : want[l]);
      expect(Array.from(r.removed)).toEqual(drop.sort((a, b) => a - b));
      expect(r.X.n).toBe(X.n - drop.length);
    });
});
