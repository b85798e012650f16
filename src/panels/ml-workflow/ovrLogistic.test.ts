/* The lockstep one-vs-rest fits equal the kit's fitLogistic class by class, to the bit (every
   coefficient's and intercept's IEEE bits, the iteration count, the convergence flag): on random
   designs with one-hot, constant, all-zero, duplicated, tied (integer grid) and huge columns, a
   class absent from the rows or on every row, 1 to 5 classes, every C of the grid and no penalty,
   capped iterations, non-finite entries; and on the penguins folds' real design matrices. The
   buffers are kept between calls, so the sizes go up and down from one call to the next. */
import { describe, expect, it } from 'vitest';
import type { LogisticModel, Matrix } from '../../lib/learn/api';
import { fitLogistic } from '../../lib/learn/logistic';
import { foldRows } from '../../lib/learn/kfold';
import { stream } from '../../lib/random/rng';
import { defaults } from '../../lib/params/schema';
import { inputOf, type WfInput } from './model';
import { prepOf, setupOf } from './cv';
import { schema } from './params';
import { applyPrep, fitPrep, HYPER } from './pipeline';
import { penguins } from './penguins.testutil';
import { fitLogisticLockstep } from './ovrLogistic';

const bits = (v: number) => {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, v);
  return b.getBigUint64(0).toString(16);
};
const plain = (m: LogisticModel) => ({ coef: Array.from(m.coef, bits), intercept: bits(m.intercept), iterations: m.iterations, converged: m.converged });

/** Each class's lockstep fit against the kit's own fit of that class. */
function expectKit(X: Matrix, ys: Int32Array[], opts: { C: number; maxIter?: number }): void {
  const got = fitLogisticLockstep(X, ys, opts).map(plain);
  expect(got).toEqual(ys.map((y) => plain(fitLogistic(X, y, opts))));
}

const oneVsRest = (labels: Int32Array, K: number) => Array.from({ length: K }, (_, c) => Int32Array.from(labels, (v) => (v === c ? 1 : 0)));

/** A random design: each column one of the edge kinds the workflow's matrices can have, and more. */
function design(rng: ReturnType<typeof stream>, n: number, d: number, finite: boolean): Matrix {
  const data = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const kind = rng.int(7);
    for (let i = 0; i < n; i++) {
      let v = 0;
      if (kind === 0) v = rng.normal();
      else if (kind === 1) v = rng.int(4) === 0 ? 1 : 0; // one-hot-like, mostly zeros
      else if (kind === 2) v = 2.5; // constant
      else if (kind === 3) v = 0; // all zeros
      else if (kind === 4) v = rng.int(3) - 1; // ties everywhere
      else if (kind === 5) v = j > 0 ? data[i * d + j - 1] : 1; // a copy of the previous column
      else v = rng.normal() * 1e6;
      data[i * d + j] = v;
    }
  }
  if (!finite) data[rng.int(n * d)] = [NaN, Infinity, -Infinity][rng.int(3)];
  return { data, n, d };
}

describe('fitLogisticLockstep', () => {
  it('equals fitLogistic per class on random edge designs, sizes up and down between calls', () => {
    const rng = stream(29, 'ovr-lockstep');
    for (let t = 0; t < 120; t++) {
      const n = 1 + rng.int(t % 5 === 0 ? 8 : 90), d = 1 + rng.int(7), K = 1 + rng.int(5);
      const X = design(rng, n, d, t % 17 !== 3);
      const labels = Int32Array.from({ length: n }, () => rng.int(K));
      // Class K − 1 absent from these rows (all zeros) now and then; class 0 on every row now and then.
      if (t % 4 === 1) labels.forEach((v, i) => (labels[i] = v === K - 1 ? 0 : v));
      const ys = oneVsRest(labels, K);
      if (t % 6 === 2) ys[0].fill(1);
      const C = [0.001, 0.01, 0.1, 1, 10, 100, Infinity][t % 7];
      expectKit(X, ys, { C, maxIter: t % 9 === 4 ? 1 + rng.int(3) : 50 });
    }
  });

  it('equals fitLogistic on a hand-made separable design without a penalty (not converged) and on a single row', () => {
    const X: Matrix = { data: Float64Array.from([0, 1, 1, 1, 2, 0, 3, 0]), n: 4, d: 2 };
    expectKit(X, oneVsRest(Int32Array.from([0, 0, 1, 1]), 2), { C: Infinity, maxIter: 50 });
    expectKit(X, oneVsRest(Int32Array.from([0, 1, 2, 2]), 3), { C: 1 });
    expectKit({ data: Float64Array.from([1.5]), n: 1, d: 1 }, oneVsRest(Int32Array.from([0]), 3), { C: 0.1, maxIter: 50 });
  });

  it('equals fitLogistic on the penguins folds for every C of the grid', () => {
    const t = penguins(), d = inputOf(defaults(schema));
    const inputs: WfInput[] = [d, { ...d, folds: 10, leak: true, scale: 'none' }, { ...d, target: 'sex', encode: 'ordinal', impute: 'mean' }, { ...d, test: 0.4, seed: 5, folds: 3 }];
    for (const input of inputs) {
      const S = setupOf(input, t);
      for (const f of [0, S.k - 1]) {
        const { train } = foldRows(S.train, S.fold, f);
        const X = applyPrep(fitPrep(S.F, train, prepOf(input)), S.F, train);
        const ys = oneVsRest(Int32Array.from(train, (r) => S.y[r]), S.K);
        for (const C of HYPER.logistic.grid) expectKit(X, ys, { C, maxIter: 50 });
      }
    }
  });
});
