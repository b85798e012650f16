/** Feature-engineering figures for `npm run bench`: the worker's work for each case study at the
 *  defaults (both fits, their scores and plot data), and at the heaviest settings the controls
 *  allow (1000 points; degree 6; gradient descent stopping at its 100,000-step cap). */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { computeCase, type FeInput } from './model';
import { CASES, schema } from './params';
import { loadWages } from './wages';

export async function bench(): Promise<BenchRow[]> {
  const d: FeInput = { ...defaults(schema), wages: await loadWages() };
  const cases: [string, FeInput][] = [
    ...CASES.map((c): [string, FeInput] => [`${c}, defaults`, { ...d, case: c }]),
    ['poly, degree 6, 1000 points (27 columns)', { ...d, case: 'poly', degree: 6, n: 1000 }],
    ['circles, 1000 points', { ...d, case: 'circles', n: 1000 }],
    ['scaling, ×1000 (descent hits the 100,000-step cap), 1000 points', { ...d, case: 'scaling', spread: 1000, n: 1000 }],
  ];
  const rows: BenchRow[] = [];
  for (const [label, input] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(() => computeCase(input), 10, 2), 'float64 JS, worker'));
  return rows;
}
