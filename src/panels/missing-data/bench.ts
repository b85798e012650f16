/**
 * Missing-data figures for `npm run bench`: the resampled-draw study the worker runs (every
 * data set × seven methods, each imputer fitted three times: on all rows for the estimates, on
 * the training rows, and on the whole table for the leak), at the defaults and at the largest
 * setting the controls allow; and one data set alone, the work between two cancel checks.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { drawSample } from './data';
import { analyseDraw, runStudy, type StudyInput } from './model';
import { schema } from './params';

export async function bench(): Promise<BenchRow[]> {
  const p = defaults(schema);
  const d: StudyInput = { mechanism: p.mechanism, rate: p.rate, rho: p.rho, n: p.n, draws: p.draws, k: p.k, indicator: p.indicator, seed: p.seed };
  const big: StudyInput = { ...d, mechanism: 'mnar', rate: 0.6, n: 400, draws: 200, k: 15, indicator: true };
  const one = drawSample(d.seed, 0, big.n, big.rho, big.mechanism, big.rate);
  const cases: [string, () => unknown, number, number][] = [
    ['study, defaults (100 data sets of 200 rows, MAR 30 %)', () => runStudy(d), 5, 1],
    ['study, largest (200 data sets of 400 rows, 60 % missing, k = 15)', () => runStudy(big), 1, 0],
    ['one data set of 400 rows, 60 % missing (one worker slice)', () => analyseDraw(one, big.k, true), 20, 2],
  ];
  const rows: BenchRow[] = [];
  for (const [label, fn, reps, warm] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(fn, reps, warm), 'float64 JS, worker'));
  return rows;
}
