/**
 * Timing of the bagging-boosting worker's job per setting (prints figures; asserts nothing, so it
 * cannot flake): `npx tsx src/panels/bagging-boosting/worker.timing.ts` (RUNS=15 by default).
 * A new setting is a fresh frame computer's first frame: the three ensembles fitted for all 200
 * rounds, their curves, and the shown round's grids. Prints the median and p95 of this process's
 * CPU time (steadier than wall time on a shared machine). The page runs the frame as two halves
 * in two workers at once (halves.ts): each half is timed alone too; a new setting waits for the
 * slower of the two.
 */
import { cpuMs, quantile } from '../../lib/bench/cpuTime';
import { defaults } from '../../lib/params/schema';
import { createFrameComputer, frameInput } from './compute';
import { createHalfComputer } from './halves';
import { schema, type BBParams } from './params';

const RUNS = Number(process.env.RUNS ?? 15);
const cpu = cpuMs;
const q = quantile;
const D: BBParams = defaults(schema);

const settings: [string, Partial<BBParams>][] = [
  ['defaults', {}], ['noise 0', { noise: 0 }], ['noise 0.6', { noise: 0.6 }], ['n 20', { n: 20 }], ['n 500', { n: 500 }],
  ['depth 2', { depth: 2 }], ['depth 3', { depth: 3 }], ['lr 1', { lr: 1 }], ['n 500, depth 3', { n: 500, depth: 3 }], ['xor link', { dataset: 'xor', noise: 0.1, n: 150, depth: 1, round: 200 }], ['circles link', { dataset: 'circles', noise: 0.2, n: 80, depth: 3, round: 200 }],
];
function report(label: string, job: () => number) {
  for (let r = 0; r < 2; r++) job(); // warm-up (JIT)
  const a = Array.from({ length: RUNS }, job);
  console.log(`${label.padEnd(34)} median ${q(a, 0.5).toFixed(1).padStart(6)} ms   p95 ${q(a, 0.95).toFixed(1).padStart(6)} ms`);
}
for (const [label, over] of settings) {
  const input = frameInput({ ...D, ...over });
  report(`${label}: whole frame`, () => {
    const t0 = cpu();
    createFrameComputer().frame(input);
    return cpu() - t0;
  });
  for (const shard of [0, 1] as const)
    report(`${label}: half ${shard} (${shard ? 'boosting' : 'bagging'})`, () => {
      const t0 = cpu();
      createHalfComputer()({ ...input, shard, shards: 2 });
      return cpu() - t0;
    });
}
