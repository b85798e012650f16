/** Cross-validation figures for `npm run bench`: each of the panel's three computations, at
 *  the defaults and at the largest settings the controls allow. */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { computeCv, computeLeak, computeSpread } from './model';
import { schema, type CvParams } from './params';

export async function bench(): Promise<BenchRow[]> {
  const d = defaults(schema);
  const big: CvParams = { ...d, n: 60, folds: 10, repeats: 200, features: 2000, keep: 50, k: 25 };
  const cases: [string, () => unknown][] = [
    ['splits + fold scores + tuning, defaults (30 samples, 5 folds, 13 k)', () => computeCv(d)],
    ['splits + fold scores + tuning, leave-one-out on 60 samples', () => computeCv({ ...big, scheme: 'loo' })],
    ['spread, defaults (100 shuffles × 5 folds)', () => computeSpread(d)],
    ['spread, 200 shuffles × 10 folds, 60 samples', () => computeSpread(big)],
    ['leak: selection, defaults (25 sets × 500 features)', () => computeLeak(d)],
    ['leak: selection, 25 sets × 2000 features × 10 folds, 60 samples', () => computeLeak(big)],
    ['leak: groups, defaults (25 sets + 1000 new samples each)', () => computeLeak({ ...d, leak: 'groups' })],
  ];
  const rows: BenchRow[] = [];
  for (const [label, fn] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(fn, 10, 2), 'float64 JS, main thread'));
  return rows;
}
