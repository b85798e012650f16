/**
 * Timing of the ml-workflow workers' jobs per setting (prints figures; asserts nothing, so it
 * cannot flake): `npx tsx src/panels/ml-workflow/worker.timing.ts` (RUNS=9 by default). For each
 * setting: the whole project in one call, each worker's half of the folds (useWorkflow.ts runs
 * the two at once), and the finish from the joined scores. Median and p95 of this process's CPU
 * time (steadier than wall time on a shared machine).
 */
import { cpuMs, quantile } from '../../lib/bench/cpuTime';
import { defaults } from '../../lib/params/schema';
import { computeWorkflow, foldPart, inputOf, mergeFoldParts, type WfInput } from './model';
import { schema } from './params';
import { penguins } from './penguins.testutil';

const RUNS = Number(process.env.RUNS ?? 9);
const t = penguins();
const d = inputOf(defaults(schema));
const cpu = cpuMs;
const q = quantile;
const time = (job: () => void) => {
  for (let r = 0; r < 2; r++) job(); // warm-up (JIT)
  return Array.from({ length: RUNS }, () => {
    const t0 = cpu();
    job();
    return cpu() - t0;
  });
};
const fmt = (a: number[]) => `${q(a, 0.5).toFixed(1).padStart(6)} / ${q(a, 0.95).toFixed(1).padStart(6)}`;

const cases: [string, WfInput][] = [
  ['defaults', d], ['folds 3', { ...d, folds: 3 }], ['folds 10', { ...d, folds: 10 }], ['test 0.4', { ...d, test: 0.4 }],
  ['k-NN', { ...d, model: 'knn' }], ['tree', { ...d, model: 'tree' }], ['wrong moves', { ...d, tuning: 'test', leak: true, prepFit: 'all' }],
];
console.log('setting        whole (median / p95 ms)   half 0            half 1            finish');
for (const [label, input] of cases) {
  const parts = [foldPart(input, t, 0, 2), foldPart(input, t, 1, 2)];
  const table = mergeFoldParts(input, parts);
  const cols = [
    time(() => computeWorkflow(input, t)),
    time(() => foldPart(input, t, 0, 2)),
    time(() => foldPart(input, t, 1, 2)),
    time(() => computeWorkflow(input, t, table)),
  ];
  console.log(`${label.padEnd(14)} ${cols.map(fmt).join('   ')}`);
}
