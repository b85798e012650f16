/**
 * Timing of the cross-validation worker's jobs per setting (prints figures; asserts nothing, so it
 * cannot flake): `npx tsx src/panels/cross-validation/worker.timing.ts` (RUNS=15 by default).
 * A slider's new setting reruns the jobs whose params it moves: the main job (splits, fold
 * scores, tuning), the spread over many shuffles, and the leak demo's two halves (leakParts.ts).
 * Prints the median and p95 of this process's CPU time (steadier than wall time on a shared
 * machine) for each job alone, and for each worker's share of a setting that moves all three
 * (worker 0: the main job and half of the spread and of the leak; worker 1: the other halves);
 * the page waits for the busier of its two workers.
 */
import { cpuMs, quantile } from '../../lib/bench/cpuTime';
import { defaults } from '../../lib/params/schema';
import { computeCv, computeSpread, type LeakParams } from './model';
import { leakPartRun } from './leakParts';
import { spreadPartRun } from './spreadParts';
import { drain } from '../../lib/panel/schedule';
import { NoiseSets } from './noiseSets';
import { schema, type CvParams } from './params';

const RUNS = Number(process.env.RUNS ?? 15);
const cpu = cpuMs;
const q = quantile;
const D: CvParams = defaults(schema);

// The view's leak input (CrossValidationView.tsx): the noise demo ignores the grouped data's settings.
const leakIn = (p: CvParams): LeakParams =>
  p.leak === 'selection'
    ? { leak: p.leak, n: p.n, folds: p.folds, k: p.k, features: p.features, keep: p.keep, seed: p.seed, balance: 0.3, groups: 2, groupEffect: 0 }
    : { leak: p.leak, n: p.n, folds: p.folds, k: p.k, features: 10, keep: 1, seed: p.seed, balance: p.balance, groups: p.groups, groupEffect: p.groupEffect };

const settings: [string, Partial<CvParams>][] = [
  ['defaults', {}], ['folds 10', { folds: 10 }], ['n 60', { n: 60 }], ['k 25', { k: 25 }], ['repeats 200', { repeats: 200 }],
  ['features 2000', { features: 2000 }], ['keep 50', { keep: 50 }], ['n 60, folds 10', { n: 60, folds: 10 }],
  ['groups leak', { leak: 'groups' }], ['loo, n 60', { scheme: 'loo', n: 60 }],
];
/** Times pushed by a job that times only its own part (`inner`); else the whole job is timed. */
const extra: number[] = [];
function report(label: string, job: () => void, inner = false) {
  const time = () => {
    extra.length = 0;
    const t0 = cpu();
    job();
    return inner ? extra[0] : cpu() - t0;
  };
  for (let r = 0; r < 2; r++) time(); // warm-up (JIT)
  const a = Array.from({ length: RUNS }, time);
  console.log(`${label.padEnd(34)} median ${q(a, 0.5).toFixed(1).padStart(6)} ms   p95 ${q(a, 0.95).toFixed(1).padStart(6)} ms`);
}
const only = process.env.ONLY;
for (const [label, over] of settings) {
  if (only && !label.startsWith(only)) continue;
  const p = { ...D, ...over };
  report(`${label}: main`, () => computeCv(p));
  report(`${label}: spread, one run`, () => computeSpread(p));
  for (const shard of [0, 1] as const) report(`${label}: spread half ${shard}`, () => drain(spreadPartRun({ ...p, shard, shards: 2 })));
  for (const shard of [0, 1] as const) report(`${label}: leak half ${shard}`, () => drain(leakPartRun({ ...leakIn(p), shard, shards: 2 })));
  // What each worker does for a setting that moves all three (the main job runs in worker 0).
  for (const shard of [0, 1] as const)
    report(`${label}: worker ${shard} in all`, () => {
      if (shard === 0) computeCv(p);
      drain(spreadPartRun({ ...p, shard, shards: 2 }));
      drain(leakPartRun({ ...leakIn(p), shard, shards: 2 }));
    });
}

// A slider press after another setting: the leak half with this worker's kept noise sets
// (noiseSets.ts: only new columns drawn and summed) against fresh sets, for the press from → to.
const presses: [string, Partial<CvParams>, Partial<CvParams>][] = [
  ['features 500 → 631', {}, { features: 631 }],
  ['features 631 → 500', { features: 631 }, {}],
  ['features 1585 → 2000', { features: 1585 }, { features: 2000 }],
  ['folds 5 → 6', {}, { folds: 6 }],
  ['n 30 → 31', {}, { n: 31 }],
  ['keep 10 → 11', {}, { keep: 11 }],
];
for (const [label, from, to] of presses) {
  if (only && !`press ${label}`.startsWith(only)) continue;
  const a = leakIn({ ...D, ...from }), b = leakIn({ ...D, ...to });
  report(`press ${label}: leak half 0, fresh sets`, () => drain(leakPartRun({ ...b, shard: 0, shards: 2 }, new NoiseSets())));
  report(`press ${label}: leak half 0, kept sets`, () => {
    const kept = new NoiseSets();
    drain(leakPartRun({ ...a, shard: 0, shards: 2 }, kept)); // the setting before the press (not timed below)
    const t0 = cpu();
    drain(leakPartRun({ ...b, shard: 0, shards: 2 }, kept));
    extra.push(cpu() - t0);
  }, true);
}
