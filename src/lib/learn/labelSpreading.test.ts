/**
 * Label propagation and spreading: scikit-learn's transduction on the `semi_supervised` reference
 * case; the labels given are kept (propagation clamps them, spreading keeps them on that case);
 * spreading's fixed point equals the closed form (1 − α)(I − αS)⁻¹Y; a row of the propagation
 * matrix sums to 1.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import { createLabelSpreading, labelGraph, labelSpreading, labelsOf } from './labelSpreading';
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
});
