/* Logistic regression on group indicators (one-hot columns, mostly zeros, whose zero rows the fit
   skips), their complements (mostly ones) and both mixed, eight columns so that the Hessian's sums
   run in blocks of four, whole and partial. Truths: a saturated model fits each group's observed rate
   exactly (the score equations say Σ over a group of (pᵢ − yᵢ) = 0, and all rows of a group share
   one p); with a penalty, the objective's gradient vanishes. */
import { describe, expect, it } from 'vitest';
import type { LogisticModel, Matrix } from './api';
import { fitLogistic, logisticProba } from './logistic';

// Nine groups of 9 to 17 rows; group g has g + 2 rows of class 1 (a rate strictly inside (0, 1)).
// The last group's rows come first, so the first row is not all zeros.
const groups = Array.from({ length: 9 }, (_, g) => ({ size: 9 + g, ones: g + 2 }));
const order = groups.map((_, g) => groups.length - 1 - g);
const group = order.flatMap((g) => Array.from({ length: groups[g].size }, () => g));
const y = Int32Array.from(order.flatMap((g) => Array.from({ length: groups[g].size }, (_, i) => (i < groups[g].ones ? 1 : 0))));
const n = group.length;

/** Columns for groups 1..8 (group 0 is the intercept's): the indicator, or 1 − it where `flip`. */
function design(flip: (j: number) => boolean, extra?: (i: number) => number): Matrix {
  const d = 8 + (extra ? 1 : 0);
  const data = new Float64Array(n * d);
  group.forEach((g, i) => {
    for (let j = 0; j < 8; j++) data[i * d + j] = (g === j + 1 ? 1 : 0) ^ (flip(j) ? 1 : 0);
    if (extra) data[i * d + 8] = extra(i);
  });
  return { data, n, d };
}

/** The objective's gradient (½‖w‖²/C + Σ logloss): zero at the optimum. */
function gradient(m: LogisticModel, X: Matrix, C: number): number[] {
  const p = logisticProba(m, X), g = new Array<number>(X.d + 1).fill(0);
  for (let i = 0; i < X.n; i++) {
    for (let j = 0; j < X.d; j++) g[j] += (p[i] - y[i]) * X.data[i * X.d + j];
    g[X.d] += p[i] - y[i];
  }
  return g.map((v, j) => (j < X.d ? v + m.coef[j] / C : v));
}

describe('one-hot columns (mostly zeros) and their complements', () => {
  const codings: [string, (j: number) => boolean][] = [
    ['indicators', () => false],
    ['complements', () => true],
    ['mixed', (j) => j % 2 === 1],
  ];
  for (const [name, flip] of codings)
    it(`${name}: without a penalty each group's probability is its rate`, () => {
      const X = design(flip);
      const m = fitLogistic(X, y, { C: Infinity });
      expect(m.converged).toBe(true);
      const p = logisticProba(m, X);
      group.forEach((g, i) => expect(Math.abs(p[i] - groups[g].ones / groups[g].size)).toBeLessThan(1e-9));
    });

  it('with a penalty and a numeric column beside them, the gradient vanishes', () => {
    const X = design((j) => j >= 4, (i) => Math.sin(i));
    for (const C of [0.1, 1, 10]) {
      const m = fitLogistic(X, y, { C });
      expect(m.converged).toBe(true);
      for (const g of gradient(m, X, C)) expect(Math.abs(g)).toBeLessThan(1e-9);
    }
  });
});
