/**
 * Label propagation and spreading: scikit-learn's transduction on the `semi_supervised` reference
 * case; the labels given are kept (propagation clamps them, spreading keeps them on that case);
 * spreading's fixed point equals the closed form (1 − α)(I − αS)⁻¹Y; a row of the propagation
 * matrix sums to 1; the iteration (which skips the far pairs where that provably changes nothing)
 * follows a plain dense iteration written here from the formulas, iteration by iteration.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import type { Matrix } from './api';
import { buildLabelGraph, createLabelSpreading, labelGraph, labelSpreading, labelsOf, type LabelSpreadKind } from './labelSpreading';
import { matrix, referenceCases } from './reference.testutil';

interface SemiCase {
  X: number[][];
  y: number[];
  transduction: number[];
  notes: string;
}

const gammaOf = (notes: string) => Number(/gamma=(\d+(?:\.\d+)?)/.exec(notes)![1]);

describe('label propagation / spreading', () => {
  const c = referenceCases<{ semi_supervised: SemiCase }>().semi_supervised;
  const X = matrix(c.X);
  const y = Int32Array.from(c.y);
  const K = Math.max(...c.y) + 1;

  it('propagation reproduces scikit-learn’s transduction and keeps the given labels', () => {
    const r = labelSpreading(X, y, K, { kind: 'propagation', gamma: gammaOf(c.notes), maxIter: 10000, tol: 1e-9 });
    expect(Array.from(r.transduction)).toEqual(c.transduction);
    c.y.forEach((l, i) => l >= 0 && expect(r.transduction[i]).toBe(l));
  });

  it('propagation keeps every given label at every iteration, on random data', () => {
    const rng = stream(5, 'lp');
    for (let t = 0; t < 10; t++) {
      const n = 10 + rng.int(30);
      const Xr = matrix(Array.from({ length: n }, () => [rng.normal(), rng.normal()]));
      const yr = Int32Array.from({ length: n }, () => (rng.next() < 0.3 ? rng.int(3) : -1));
      yr[0] = 0;
      const run = createLabelSpreading(Xr, yr, 3, { kind: 'propagation', gamma: 0.5 + 5 * rng.next() });
      for (let it = 0; it < 30 && run.step(); it++) {
        const { labels, confidence } = labelsOf(run.F, 3);
        yr.forEach((l, i) => {
          if (l < 0) return;
          expect(labels[i]).toBe(l);
          expect(confidence[i]).toBe(1);
        });
      }
    }
  });

  it('spreading converges to (1 − α)(I − αS)⁻¹Y', () => {
    const alpha = 0.3, gamma = gammaOf(c.notes);
    const run = createLabelSpreading(X, y, K, { kind: 'spreading', gamma, alpha, tol: 1e-13, maxIter: 5000 });
    while (run.step());
    const S = labelGraph(X, 'spreading', gamma);
    const n = X.n;
    // Solve (I − αS) F = (1 − α) Y by Gauss-Jordan, one column per class.
    for (let cl = 0; cl < K; cl++) {
      const A = Array.from({ length: n }, (_, i) => [...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - alpha * S[i * n + j]), c.y[i] === cl ? 1 - alpha : 0]);
      for (let p = 0; p < n; p++) {
        for (let r = 0; r < n; r++) {
          if (r === p) continue;
          const f = A[r][p] / A[p][p];
          for (let q = p; q <= n; q++) A[r][q] -= f * A[p][q];
        }
      }
      for (let i = 0; i < n; i++) expect(run.F[i * K + cl]).toBeCloseTo(A[i][n] / A[i][i], 9);
    }
    expect(Array.from(labelSpreading(X, y, K, { kind: 'spreading', gamma, alpha }).transduction)).toEqual(c.transduction);
  });

  it('the propagation matrix is row-stochastic; spreading’s is symmetric with a zero diagonal', () => {
    const P = labelGraph(X, 'propagation', 2), S = labelGraph(X, 'spreading', 2), n = X.n;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += P[i * n + j];
      expect(s).toBeCloseTo(1, 12);
      expect(S[i * n + i]).toBe(0);
      for (let j = 0; j < n; j++) expect(S[i * n + j]).toBeCloseTo(S[j * n + i], 14);
    }
  });

  /** The iteration as the file comment writes it, every pair included (kernel built here). */
  function denseRun(X: Matrix, yv: Int32Array, K2: number, kind: LabelSpreadKind, gamma: number, alpha: number, maxIter: number) {
    const n = X.n, d = X.d;
    const W = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => Math.exp(-gamma * Array.from({ length: d }, (_, k) => (X.data[i * d + k] - X.data[j * d + k]) ** 2).reduce((a, b) => a + b, 0))),
    );
    const deg = W.map((r, i) => r.reduce((a, b, j) => a + (j === i ? 0 : b), 0));
    const G = W.map((r, i) => r.map((w, j) => (kind === 'propagation' ? w / r.reduce((a, b) => a + b, 0) : i === j || !deg[i] || !deg[j] ? 0 : w / Math.sqrt(deg[i] * deg[j]))));
    const Y: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: K2 }, (_, c) => (yv[i] === c ? 1 : 0)));
    const Fs = [Y];
    let F = Y, prev = Y.map((r) => r.map(() => 0));
    while (Fs.length <= maxIter) {
      let diff = 0;
      F.forEach((r, i) => r.forEach((v, c) => (diff += Math.abs(v - prev[i][c]))));
      if (diff < 1e-3) break;
      const GF = G.map((g) => Array.from({ length: K2 }, (_, c) => g.reduce((a, gij, j) => a + gij * F[j][c], 0)));
      const next = GF.map((r, i) => {
        if (kind === 'spreading') return r.map((v, c) => alpha * v + (1 - alpha) * Y[i][c]);
        if (yv[i] >= 0) return Y[i];
        const s = r.reduce((a, b) => a + b, 0);
        return s ? r.map((v) => v / s) : r;
      });
      prev = F;
      F = next;
      Fs.push(F);
    }
    return Fs;
  }

  // Two groups of 40 points, 2 apart, and 6 points a further 3 away with no label among them: at
  // γ = 20 most pairs are below the skipped share, and the far group's labels come only from
  // weights near e^−180, which the iteration must still add (dense rows) to match.
  const grouped = (seed: number) => {
    const rng = stream(seed, 'groups');
    const pts: number[][] = [];
    for (let i = 0; i < 86; i++) {
      const cx = i < 40 ? 0 : i < 80 ? 2 : 5;
      pts.push([cx + 0.3 * rng.normal(), 0.3 * rng.normal()]);
    }
    const yv = Int32Array.from(pts, (_, i) => (i === 0 || i === 7 ? 0 : i === 40 || i === 45 ? 1 : -1));
    return { X: matrix(pts), y: yv };
  };

  it.each([
    ['propagation', 20, 0.2, 1, 2],
    ['propagation', 20, 0.2, 2, 3],
    ['spreading', 20, 0.99, 3, 2],
    ['spreading', 5, 0.9, 4, 3],
    // γ = 0.05: no entry is small enough to skip, so every row takes the sparse path whole.
    ['propagation', 0.05, 0.2, 5, 3],
  ] as const)('%s, γ %s, α %s (seed %s, %s classes): every iteration equals the dense one (labels, points reached, stopping point)', (kind, gamma, alpha, seed, K2) => {
    const { X: Xg, y: y2 } = grouped(seed);
    // Three classes: the second group's second label is class 2.
    const yg = Int32Array.from(y2, (v, i) => (K2 === 3 && i === 45 ? 2 : v));
    const ref = denseRun(Xg, yg, K2, kind, gamma, alpha, 120);
    const run = createLabelSpreading(Xg, yg, K2, { kind, gamma, alpha, maxIter: 120 });
    // The far group is reached (confidence > 0) within a few iterations, through the tiny weights alone.
    let far = false;
    for (let t = 0; t < ref.length; t++) {
      if (t > 0) expect(run.step()).toBe(true);
      expect(run.iter).toBe(t);
      const { labels, confidence } = labelsOf(run.F, K2);
      let off = 0;
      for (let i = 0; i < Xg.n; i++) {
        const r = ref[t][i], s = r.reduce((a, b) => a + b, 0);
        for (let c = 0; c < K2; c++) if (Math.abs(run.F[K2 * i + c] - r[c]) > 1e-12 * s) off++;
        if (confidence[i] > 0 !== s > 0) off++;
        const top = Math.max(...r);
        // A clear winner (not a tie to 1e-9) must be the label.
        if (s > 0 && r.filter((v) => v > top - 1e-9 * s).length === 1 && r[labels[i]] !== top) off++;
      }
      expect([t, off]).toEqual([t, 0]);
      if (ref[t][85].some((v) => v > 0)) far = true;
    }
    expect(far).toBe(true);
    expect(run.step()).toBe(false);
    expect(run.iter).toBe(ref.length - 1);
  });

  /**
   * The iteration exactly as the DROP comment states its rule, one row at a time in column order:
   * keep a row's entries ≥ 2⁻⁶⁰ of its largest; sum the row densely instead where its skipped sum
   * times the largest row sum of F is above 2⁻⁵⁰ of the kept sum. Kernel and normalisation as the
   * file comment writes them. Returns F after each iteration.
   */
  function ruleRun(X: Matrix, yv: Int32Array, K2: number, kind: LabelSpreadKind, gamma: number, alpha: number, maxIter: number) {
    const n = X.n, d = X.d;
    const W = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 1 : Math.exp(-gamma * Array.from({ length: d }, (_, k) => (X.data[i * d + k] - X.data[j * d + k]) ** 2).reduce((a, b) => a + b, 0)))),
    );
    const deg = W.map((r, i) => r.reduce((a, b, j) => a + (j === i ? 0 : b), 0));
    const G = W.map((r, i) => r.map((w, j) => (kind === 'propagation' ? w / r.reduce((a, b) => a + b, 0) : i === j || !deg[i] || !deg[j] ? 0 : w / Math.sqrt(deg[i] * deg[j]))));
    const Y: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: K2 }, (_, c) => (yv[i] === c ? 1 : 0)));
    const Fs = [Y];
    let F = Y, prev = Y.map((r) => r.map(() => 0));
    while (Fs.length <= maxIter) {
      let diff = 0;
      F.forEach((r, i) => r.forEach((v, c) => (diff += Math.abs(v - prev[i][c]))));
      if (diff < 1e-3) break;
      const M = Math.max(...F.map((r) => r.reduce((a, b) => a + b, 0)));
      const GF = G.map((g) => {
        const cut = Math.max(...g) * 2 ** -60;
        const keep = (v: number) => v > 0 && v >= cut;
        const tail = g.reduce((a, v) => a + (keep(v) ? 0 : v), 0);
        const sparse = Array.from({ length: K2 }, (_, c) => g.reduce((a, v, j) => (keep(v) ? a + v * F[j][c] : a), 0));
        if (tail * (M / 2 ** -50) <= sparse.reduce((a, b) => a + b, 0)) return sparse;
        return Array.from({ length: K2 }, (_, c) => g.reduce((a, v, j) => a + v * F[j][c], 0));
      });
      const next = GF.map((r, i) => {
        if (kind === 'spreading') return r.map((v, c) => alpha * v + (1 - alpha) * Y[i][c]);
        if (yv[i] >= 0) return Y[i];
        const s = r.reduce((a, b) => a + b, 0);
        return s ? r.map((v) => v / s) : r;
      });
      prev = F;
      F = next;
      Fs.push(F);
    }
    return Fs;
  }

  it.each([
    // 4 labels: 82 rows to sum (pairs); 3 labels: 83 (one row left over); spreading sums all 86;
    // 2, 3 and 4 classes (each has its own loop).
    ['propagation', 20, 0.2, 1, 2, [0, 40, 7, 45]],
    ['propagation', 20, 0.2, 2, 2, [0, 40, 85]],
    ['propagation', 5, 0.2, 3, 3, [0, 40, 45]],
    ['spreading', 20, 0.99, 4, 2, [0, 40]],
    ['spreading', 5, 0.9, 5, 3, [0, 40, 45]],
    ['propagation', 5, 0.2, 6, 4, [0, 40, 45, 85]],
    // 79 rows: the one left over (83, far group) has both classes from its own neighbours (82, 84,
    // 85 of class 0, 81 of class 1), so its sparse sum is kept.
    ['propagation', 20, 0.2, 7, 2, [0, 40, 85, 81, 84, 7, 82]],
    // Four classes and no label in the far group: it is reached only through the dense sums.
    ['propagation', 5, 0.2, 8, 4, [0, 40, 45, 7]],
  ] as const)('%s, γ %s, α %s (seed %s, %s classes): every iteration is the stated rule’s to the bit', (kind, gamma, alpha, seed, K2, given) => {
    const { X: Xg } = grouped(seed);
    const yg = new Int32Array(Xg.n).fill(-1);
    given.forEach((i, c) => (yg[i] = c % K2));
    const ref = ruleRun(Xg, yg, K2, kind, gamma, alpha, 150);
    // Both ways of summing (WebAssembly SIMD for two and three classes, the JavaScript loops).
    for (const wasm of [true, false]) {
      const run = createLabelSpreading(Xg, yg, K2, { kind, gamma, alpha, maxIter: 150, wasm });
      let off = 0;
      for (let t = 0; t < ref.length; t++) {
        if (t > 0) run.step();
        if (run.iter !== t || Array.from(run.F).join() !== ref[t].flat().join()) off++;
      }
      expect([wasm, off]).toEqual([wasm, 0]);
      expect([run.step(), run.iter]).toEqual([false, ref.length - 1]);
    }
  });

  it('a graph built once serves runs with other labels and α, to the bit; a graph of other points or kind is refused', () => {
    const { X: Xg, y: yg } = grouped(3);
    const other = yg.map((v, i) => (i === 20 ? 1 : v));
    for (const kind of ['propagation', 'spreading'] as const) {
      const graph = buildLabelGraph(Xg, kind, 8);
      for (const [labels, alpha] of [[yg, 0.5], [other, 0.8]] as const) {
        const opts = { kind, gamma: 8, alpha };
        const a = createLabelSpreading(Xg, labels, 2, opts), b = createLabelSpreading(Xg, labels, 2, opts, graph);
        for (;;) {
          expect(Array.from(b.F)).toEqual(Array.from(a.F));
          const more = a.step();
          expect(b.step()).toBe(more);
          if (!more) break;
        }
        expect([b.done, b.iter]).toEqual([true, a.iter]);
      }
    }
    const small = matrix([[0, 0], [1, 0]]);
    expect(() => createLabelSpreading(small, Int32Array.from([0, -1]), 2, { kind: 'propagation', gamma: 1 }, buildLabelGraph(Xg, 'propagation', 1))).toThrow(/graph/);
    expect(() => createLabelSpreading(Xg, yg, 2, { kind: 'spreading', gamma: 8 }, buildLabelGraph(Xg, 'propagation', 8))).toThrow(/graph/);
  });

  it('labelsOf: argmax with ties to the lower class, confidence = share of the row (0 for a zero row)', () => {
    const r = labelsOf(Float64Array.from([0.5, 0.5, 0, 0, 1, 3, 2, 0]), 2);
    expect(Array.from(r.labels)).toEqual([0, 0, 1, 0]);
    expect(Array.from(r.confidence)).toEqual([0.5, 0, 0.75, 1]);
  });

  it('the run to the end hands out F with each row scaled to sum 1 (sklearn’s label_distributions_)', () => {
    const { X: Xg, y: yg } = grouped(1);
    // Spreading: its rows do not already sum to 1 (propagation's do), so the scaling shows.
    const ref = denseRun(Xg, yg, 2, 'spreading', 5, 0.9, 60);
    const r = labelSpreading(Xg, yg, 2, { kind: 'spreading', gamma: 5, alpha: 0.9, maxIter: 60 });
    expect(r.nIter).toBe(ref.length - 1);
    const last = ref[ref.length - 1];
    let off = 0;
    for (let i = 0; i < Xg.n; i++) {
      const s = last[i][0] + last[i][1];
      for (let c = 0; c < 2; c++) if (!(Math.abs(r.distributions[2 * i + c] - last[i][c] / s) <= 1e-12)) off++; // NaN counts as off
      if (r.transduction[i] !== (last[i][1] > last[i][0] ? 1 : 0)) off++;
    }
    expect(off).toBe(0);
  });

  it('maxIter 0 runs no iteration; a finished run says it is done and does nothing more', () => {
    const { X: Xg, y: yg } = grouped(2);
    const none = createLabelSpreading(Xg, yg, 2, { kind: 'propagation', gamma: 20, maxIter: 0 });
    expect([none.done, none.step(), none.iter]).toEqual([true, false, 0]);
    const run = createLabelSpreading(Xg, yg, 2, { kind: 'propagation', gamma: 20 });
    expect(run.done).toBe(false);
    while (run.step());
    const it = run.iter, F = run.F.slice();
    expect(run.done).toBe(true);
    expect(it).toBeLessThan(1000);
    expect(run.step()).toBe(false);
    expect([run.iter, Array.from(run.F)]).toEqual([it, Array.from(F)]);
  });

  it('a point no kernel value reaches (all underflow to 0) keeps a zero row, not NaN, and changes nothing else', () => {
    const { X: Xg, y: yg } = grouped(1);
    const far = matrix([...Array.from({ length: Xg.n }, (_, i) => [Xg.data[2 * i], Xg.data[2 * i + 1]]), [100, 100]]);
    const yf = Int32Array.from([...yg, -1]);
    for (const kind of ['propagation', 'spreading'] as const) {
      const opts = { kind, gamma: 5, alpha: 0.9 };
      const a = labelSpreading(Xg, yg, 2, opts), b = labelSpreading(far, yf, 2, opts);
      expect(Array.from(b.distributions.subarray(2 * Xg.n))).toEqual([0, 0]); // nothing reaches it: no 0/0
      expect(b.transduction[Xg.n]).toBe(0); // numpy's argmax of a zero row
      expect(b.nIter).toBe(a.nIter);
      expect(Array.from(b.distributions.subarray(0, 2 * Xg.n))).toEqual(Array.from(a.distributions));
    }
  });

  it('no labelled point: nothing to spread, the run stops before its first iteration', () => {
    const { X: Xg } = grouped(2);
    for (const kind of ['propagation', 'spreading'] as const) {
      const r = labelSpreading(Xg, new Int32Array(Xg.n).fill(-1), 2, { kind, gamma: 5 });
      expect(r.nIter).toBe(0);
      expect(r.distributions.every((v) => v === 0)).toBe(true);
    }
  });

  it('spreading: a label outside 0..K-1 is no label (it must not mark the next row)', () => {
    const { X: Xg, y: yg } = grouped(1);
    const bad = yg.slice(), none = yg.slice();
    bad[3] = 2; // K = 2
    none[3] = -1;
    const opts = { kind: 'spreading' as const, gamma: 5, alpha: 0.9 };
    expect(labelSpreading(Xg, bad, 2, opts)).toEqual(labelSpreading(Xg, none, 2, opts));
  });
});
