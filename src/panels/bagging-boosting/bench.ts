/** Bagging-boosting figures for `npm run bench`: the worker's work per setting (all 200 rounds of
 *  the three ensembles) and per round (the shown round's grids), at the defaults and the largest
 *  settings the controls allow. */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { createFrameComputer, frameInput } from './compute';
import { classRound, fitClass, fitReg } from './model';
import { schema, type BBParams } from './params';

export async function bench(): Promise<BenchRow[]> {
  const d: BBParams = defaults(schema);
  const big: BBParams = { ...d, n: 500, depth: 3, round: 200 };
  const c = createFrameComputer();
  c.frame(frameInput(big)); // fits cached: the per-round rows time the round alone
  const fitBig = fitClass(big);
  let k = 0;
  const cases: [string, () => unknown][] = [
    ['fit bagging + AdaBoost, 200 rounds, defaults (150 points, stumps)', () => fitClass(d)],
    ['fit bagging + AdaBoost, 200 rounds, 500 points, depth 3', () => fitClass(big)],
    ['fit gradient boosting, 200 rounds, 500 points, depth 3', () => fitReg(big)],
    // Rounds visited in a scattered order, as scrubbing does (the running sums' checkpoints fill once).
    ['one round’s grids (64×64, both ensembles), scattered rounds, 500 points, depth 3', () => classRound(fitBig, 1 + ((k += 37) % 200))],
    ['one round’s whole frame from cached fits, 500 points, depth 3', () => c.frame(frameInput({ ...big, round: 150 }))],
  ];
  const rows: BenchRow[] = [];
  for (const [label, fn] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(fn, 5, 1), 'float64 JS (runs in the panel’s worker)'));
  return rows;
}
