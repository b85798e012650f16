/**
 * Timing of the deployment worker's jobs per setting (prints figures; asserts nothing, so it
 * cannot flake): `npx tsx src/panels/deployment/worker.timing.ts` (RUNS=15 by default). Prints the
 * median and p95 of this process's CPU time (steadier than wall time on a shared machine) for the
 * serving simulation at the settings the bench's sliders reach, and for the batching sweep, whole
 * and per half (the page runs its two halves in two workers at once: a setting waits for the slower).
 */
import { cpuMs, quantile } from '../../lib/bench/cpuTime';
import { defaults } from '../../lib/params/schema';
import { abFor, driftFor, serveFor, sweep, sweepInput } from './model';
import { schema, type DeployParams } from './params';
import { sweepPartJob } from './sweepHalves';

const RUNS = Number(process.env.RUNS ?? 15);
const cpu = cpuMs;
const q = quantile;
const D: DeployParams = defaults(schema);

function report(label: string, job: () => void) {
  for (let r = 0; r < 2; r++) job(); // warm-up (JIT)
  const a = Array.from({ length: RUNS }, () => {
    const t0 = cpu();
    job();
    return cpu() - t0;
  });
  console.log(`${label.padEnd(40)} median ${q(a, 0.5).toFixed(1).padStart(7)} ms   p95 ${q(a, 0.95).toFixed(1).padStart(7)} ms`);
}

const serveSettings: [string, Partial<DeployParams>][] = [
  ['defaults', {}], ['rate 400 (past capacity)', { rate: 400 }], ['rate 40000', { rate: 40000 }], ['maxBatch 64', { maxBatch: 64 }],
  ['maxWait 100', { maxWait: 100 }], ['replicas 16', { replicas: 16 }], ['perItem 100', { perItem: 100 }],
  ['requests 200000', { requests: 2e5 }], ['requests 1e6', { requests: 1e6 }],
];
for (const [label, over] of serveSettings) report(`serve: ${label}`, () => serveFor({ ...D, ...over }));
const sweepSettings: [string, Partial<DeployParams>][] = [['defaults', {}], ['replicas 16', { replicas: 16 }], ['maxWait 100', { maxWait: 100 }], ['perItem 100', { perItem: 100 }]];
for (const [label, over] of sweepSettings) {
  report(`sweep: ${label}`, () => sweep(sweepInput({ ...D, ...over })));
  // The page runs the two halves at once in two workers (sweepHalves.ts): a new setting waits for the slower.
  for (const shard of [0, 1])
    report(`sweep half ${shard}: ${label}`, () => {
      const job = sweepPartJob({ ...sweepInput({ ...D, ...over }), shard, shards: 2 });
      while (!job.step());
    });
}
report('drift: defaults', () => driftFor(D));
report('ab: defaults', () => abFor(D));
