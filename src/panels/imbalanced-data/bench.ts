/** Imbalanced-data figures for `npm run bench`: the worker's work (six resamplings and fits,
 *  scores, PR curves) at the defaults and at the largest training sets the controls allow, and
 *  the cheap re-read a threshold drag costs once the fits are cached. */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { fitAll, type ImbalanceInput } from './model';
import { present } from './present';
import { schema } from './params';

export async function bench(): Promise<BenchRow[]> {
  const d: ImbalanceInput = { ...defaults(schema), sensors: null };
  const fitted = fitAll(d);
  const cases: [string, () => unknown][] = [
    ['fit all six methods, defaults (1000 : 50 train, 4000 : 200 test)', () => fitAll(d)],
    ['fit all six methods, 1 : 1 (1000 : 1000 train, SMOTE adds none, Tomek on 2000 points)', () => fitAll({ ...d, ratio: 1 })],
    ['fit all six methods, 1 : 2 (SMOTE and oversampling add 500 points)', () => fitAll({ ...d, ratio: 2, k: 15 })],
    ['threshold move: table and view from cached fits', () => present(fitted, 'smote', 0.3)],
  ];
  const rows: BenchRow[] = [];
  for (const [label, fn] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(fn, 10, 2), 'float64 JS, worker'));
  return rows;
}
