/**
 * Timing of the missing-data workers' job per setting (prints figures; asserts nothing, so it
 * cannot flake): `npx tsx src/panels/missing-data/worker.timing.ts` (RUNS=9 by default). For each
 * setting the slider bench moves to: one worker's half of the study (useStudy.ts runs two at
 * once, each on every other data set), from a cold cache as a data-changing control leaves it.
 * Median and p95 of this process's CPU time (steadier than wall time on a shared machine).
 */
import { cpuMs, quantile } from '../../lib/bench/cpuTime';
import { drain } from '../../lib/panel/schedule';
import { defaults } from '../../lib/params/schema';
import { StudyCache, studyPartJob, type StudyInput } from './model';
import { schema } from './params';

const RUNS = Number(process.env.RUNS ?? 9);
const p = defaults(schema);
const d: StudyInput = { mechanism: p.mechanism, rate: p.rate, rho: p.rho, n: p.n, draws: p.draws, k: p.k, indicator: p.indicator, seed: p.seed };
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

const cases: [string, StudyInput][] = [
  ['defaults', d], ['rate 0.6', { ...d, rate: 0.6 }], ['rho -0.9', { ...d, rho: -0.9 }], ['mnar', { ...d, mechanism: 'mnar' }],
  ['n 300', { ...d, n: 300 }], ['n 400', { ...d, n: 400 }], ['n 400, k 15, ind', { ...d, n: 400, k: 15, indicator: true }],
];
console.log('setting            half 0 (median / p95 ms)   half 1');
for (const [label, input] of cases) {
  // A fresh cache each time: rate, rho and n change the data, so the worker recomputes every data set.
  const cols = [0, 1].map((shard) => time(() => drain(studyPartJob(input, new StudyCache(), shard, 2))));
  console.log(`${label.padEnd(18)} ${cols.map(fmt).join('   ')}`);
}
