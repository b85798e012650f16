/* The cross-validation stage shares work between its scores (cv.ts: each fold's rows, the fitted
   preprocessing's parts, the design matrices, one memo for contexts with the same features and
   preprocessing rows, the training rows' neighbour lists from one symmetric table). Each score
   must still be the plain one to the bit: per fold, fitPipeline on the fold's training rows (the
   preprocessing on all rows for the leaky context) and pipelineProba on its validation and
   training rows (k-NN through lib/learn's knnProba), the mean and sd over the folds. Settings
   cover both targets, the three models, 3 and 10 folds, the test share's ends, every wrong move. */
import { describe, expect, it } from 'vitest';
import { foldRows } from '../../lib/learn/kfold';
import { defaults } from '../../lib/params/schema';
import { cvScore, cvStage, mean, setupOf, type CtxName } from './cv';
import { inputOf, type Score, type WfInput } from './model';
import { schema } from './params';
import { accuracyOf, argmaxRows, fitPipeline, pipelineProba, type PrepOptions } from './pipeline';
import { penguins } from './penguins.testutil';
import type { ModelKind } from './params';

const base = inputOf(defaults(schema));

function plainScore(input: WfInput, ctx: CtxName, o: PrepOptions, m: ModelKind, h: number): Score {
  const S = setupOf(input, penguins());
  const F = ctx === 'clean' ? S.Fclean : S.F;
  const prepAll = ctx === 'leaky' ? S.allRows : ctx === 'main' ? S.prepAll : null;
  const val: number[] = [], tr: number[] = [];
  for (let f = 0; f < S.k; f++) {
    const { train, valid } = foldRows(S.train, S.fold, f);
    if (!train.length || !valid.length) continue;
    const pipe = fitPipeline(F, S.y, S.K, prepAll ?? train, train, o, m, h);
    val.push(accuracyOf(argmaxRows(pipelineProba(pipe, F, valid), S.K), S.y, valid));
    tr.push(accuracyOf(argmaxRows(pipelineProba(pipe, F, train), S.K), S.y, train));
  }
  const mv = mean(val);
  return { mean: mv, sd: Math.sqrt(mean(val.map((x) => (x - mv) ** 2))), train: mean(tr) };
}

const cases: [string, WfInput][] = [
  ['defaults', base],
  ['k-NN, 10 folds, test 0.1', { ...base, model: 'knn', folds: 10, test: 0.1 }],
  ['tree, sex, 3 folds, test 0.4, unscaled', { ...base, model: 'tree', target: 'sex', folds: 3, test: 0.4, scale: 'none' }],
  ['k-NN, every wrong move, mean, ordinal', { ...base, model: 'knn', tuning: 'test', leak: true, prepFit: 'all', impute: 'mean', encode: 'ordinal', seed: 5 }],
  ['logistic, sex, leak, prep on all rows, 7 folds', { ...base, target: 'sex', leak: true, prepFit: 'all', folds: 7 }],
];

describe('the shared cross-validation work', () => {
  for (const [label, input] of cases)
    it(`gives every score the plain per-fold pipeline's numbers to the bit: ${label}`, () => {
      const S = setupOf(input, penguins());
      let scores = 0;
      cvStage(input, (ctx, o, m, h) => {
        const shared = cvScore(S.ctxs[ctx], o, m, h);
        const plain = plainScore(input, ctx, o, m, h);
        for (const key of ['mean', 'sd', 'train'] as const) expect(Object.is(shared[key], plain[key]), `${ctx} ${m} ${h} ${key}: ${shared[key]} vs ${plain[key]}`).toBe(true);
        scores++;
        return shared;
      });
      expect(scores).toBeGreaterThan(10);
    });
});
