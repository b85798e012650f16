/** ml-workflow figures for `npm run bench`: the worker's whole project for a setting (every
 *  cross-validation fold of every option, model and grid value, the final fit and its scoring),
 *  at the defaults, with k-NN and 10 folds (the heaviest), and with the wrong moves on. */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { computeWorkflow, inputOf, type WfInput } from './model';
import { schema } from './params';
import { loadPenguins } from './penguins';

export async function bench(): Promise<BenchRow[]> {
  const t = await loadPenguins();
  const d = inputOf(defaults(schema));
  const cases: [string, WfInput][] = [
    ['defaults (species, logistic, 5 folds)', d],
    ['k-NN, 10 folds', { ...d, model: 'knn', folds: 10 }],
    ['tree, sex, every wrong move', { ...d, model: 'tree', target: 'sex', tuning: 'test', leak: true, prepFit: 'all' }],
  ];
  const rows: BenchRow[] = [];
  for (const [label, input] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(() => computeWorkflow(input, t), 5, 1), 'float64 JS, worker'));
  return rows;
}
