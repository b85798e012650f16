/* The training rows' own neighbour lists from one symmetric distance table equal lib/learn's
   neighbourLists(X, X, k) (kNearest per row), on random rows, on a coarse grid where equal
   distances are everywhere (ties go to the lower row), for k from 0 to past n, and on a fold's
   real design matrix. */
import { describe, expect, it } from 'vitest';
import { neighbourLists } from '../../lib/learn/knn';
import { stream } from '../../lib/random/rng';
import type { Matrix } from '../../lib/learn/api';
import { defaults } from '../../lib/params/schema';
import { foldRows } from '../../lib/learn/kfold';
import { inputOf } from './model';
import { setupOf } from './cv';
import { schema } from './params';
import { applyPrep, fitPrep } from './pipeline';
import { penguins } from './penguins.testutil';
import { selfNeighbourLists } from './neighbours';

const lists = (l: Int32Array[]) => l.map((a) => Array.from(a));

describe('selfNeighbourLists', () => {
  it('equals neighbourLists(X, X, k) on random and on tied (grid) rows, k from 0 to past n', () => {
    const rng = stream(3, 'self-knn');
    for (let t = 0; t < 40; t++) {
      const n = 1 + rng.int(60), d = 1 + rng.int(4), grid = t % 2 === 0;
      const X: Matrix = { data: Float64Array.from({ length: n * d }, () => (grid ? rng.int(3) : rng.normal())), n, d };
      for (const k of [0, 1, 1 + rng.int(8), n, n + 3]) expect(lists(selfNeighbourLists(X, k))).toEqual(lists(neighbourLists(X, X, k)));
    }
  });

  it('finds each row itself first on distinct rows, and the lower row of a duplicate pair', () => {
    const X: Matrix = { data: Float64Array.from([0, 0, 3, 4, 0, 0, 1, 0]), n: 4, d: 2 };
    expect(lists(selfNeighbourLists(X, 2))).toEqual([[0, 2], [1, 3], [0, 2], [3, 0]]);
  });

  it('equals neighbourLists on the penguins folds, standardised and unscaled with the leaked tag', () => {
    const t = penguins();
    for (const input of [inputOf(defaults(schema)), { ...inputOf(defaults(schema)), leak: true, scale: 'none' as const, folds: 10 }]) {
      const S = setupOf(input, t);
      for (const f of [0, S.k - 1]) {
        const { train } = foldRows(S.train, S.fold, f);
        const X = applyPrep(fitPrep(S.F, train, { impute: input.impute, scale: input.scale, encode: input.encode }), S.F, train);
        expect(lists(selfNeighbourLists(X, 31))).toEqual(lists(neighbourLists(X, X, 31)));
      }
    }
  });
});
