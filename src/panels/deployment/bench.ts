/**
 * Deployment figures for `npm run bench`: the serving simulation at a million requests (the
 * issue's target: ≤ 1 s in the worker; timed in the panel's worker, round trip included, and on
 * the page, the same function),
 * at the default 20,000, the batching sweep (70 runs of 4,000), the drift monitor and the A/B
 * rollout at their defaults, and the example model's latency measurement.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { abFor, driftFor, simInput, simulate, sweep, sweepInput } from './model';
import { measureLatency } from './latency';
import { exampleModel } from './embedded';
import { schema } from './params';
import { acquire, release } from '../../lib/worker/client';
import { createComputeChannel, type ComputeChannel } from '../../lib/worker/channel';
import { computeWorker } from './worker';

/** One call of a worker model, timed from the page: sending, computing and receiving the result (ms). */
async function inWorker<I>(name: string, input: I): Promise<number> {
  const conn = acquire(computeWorker);
  let ch: ComputeChannel<I> | null = null;
  try {
    return await new Promise<number>((resolve, reject) => {
      ch = createComputeChannel<I, unknown>(conn, name, (st) => {
        if (st.error) reject(new Error(st.error));
        else if (!st.pending && st.result !== null) resolve(st.ms);
      });
      ch.submit(input);
    });
  } finally {
    (ch as ComputeChannel<I> | null)?.close();
    release(computeWorker);
  }
}

export async function bench(): Promise<BenchRow[]> {
  const p = defaults(schema);
  const million = { ...simInput(p), requests: 1_000_000 };
  const cases: [string, () => unknown, number, number][] = [
    ['serving simulation, 1,000,000 requests, defaults (target ≤ 1000 ms)', () => simulate(million), 5, 1],
    ['serving simulation, 20,000 requests (default)', () => simulate(simInput(p)), 20, 3],
    ['batching sweep, 7 batch sizes × 10 loads × 4,000 requests', () => sweep(sweepInput(p)), 3, 1],
    ['drift monitor, 40 windows of 500 rows + logistic fit on 5,000', () => driftFor(p), 5, 1],
    ['A/B rollout, 10,000 visitors, 50 looks', () => abFor(p), 20, 3],
    ['latency measurement of the example 7-16-16-1 network', () => measureLatency(exampleModel(p.seed)), 3, 1],
  ];
  const rows: BenchRow[] = [];
  // The target, where it is asked: a million requests in the panel's worker, round trip included.
  const runs: number[] = [];
  await inWorker('serve', million); // warm-up: the worker starts and compiles
  for (let k = 0; k < 5; k++) runs.push(await inWorker('serve', million));
  runs.sort((a, b) => a - b);
  rows.push({ name: 'compute, serving simulation, 1,000,000 requests, in the worker, round trip (median of 5; target ≤ 1000)', value: runs[2], unit: 'ms', note: 'float64 JS, worker' });
  for (const [label, fn, reps, warm] of cases) rows.push(...timingRows(`compute, ${label}`, await timeIt(fn, reps, warm), 'float64 JS'));
  return rows;
}
