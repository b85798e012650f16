/**
 * Backpropagation figures for `npm run bench`: the hand forward + backward pass (float64, per
 * call, timed over batches because one call takes microseconds), central finite differences
 * (26 forward passes), what the page computes per input (computeLesson, at update 0 and when a
 * link replays 100 updates), and tfjs autodiff: in the panel's worker, round trip included (what
 * the page waits for), and the same function on the page's backend.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { acquire, release } from '../../lib/worker/client';
import { createComputeChannel, type ComputeChannel } from '../../lib/worker/channel';
import { computeLesson, netOf, setupOf } from './lesson';
import { backward, finiteDifferences, flatten, forward } from './model';
import { MAX_STEP, schema } from './params';
import { computeWorker } from './worker';
import type { AutodiffInput } from './grads.tf';

/** One worker call, timed from the page: send, compute, receive (ms). */
async function roundTrip(input: AutodiffInput): Promise<number> {
  const conn = acquire(computeWorker);
  let ch: ComputeChannel<AutodiffInput> | null = null;
  const t0 = performance.now();
  try {
    return await new Promise<number>((resolve, reject) => {
      ch = createComputeChannel<AutodiffInput, unknown>(conn, 'autodiff', (st) => {
        if (st.error) reject(new Error(st.error));
        else if (!st.pending && st.result !== null) resolve(performance.now() - t0);
      });
      ch.submit(input);
    });
  } finally {
    (ch as ComputeChannel<AutodiffInput> | null)?.close();
    release(computeWorker);
  }
}

/** Per-call time in µs of a function too fast to time alone: batches of `n` calls. */
async function perCall(fn: () => unknown, n: number) {
  const t = await timeIt(() => {
    for (let i = 0; i < n; i++) fn();
  }, 20, 3);
  return { median: (t.median * 1000) / n, p95: (t.p95 * 1000) / n, runs: t.runs };
}

export async function bench(): Promise<BenchRow[]> {
  const p = defaults(schema);
  const net = netOf(p), s = setupOf(p);
  const rows: BenchRow[] = [];
  const us = (name: string, t: { median: number; p95: number }) => [
    { name: `${name} (median)`, value: t.median, unit: 'µs', note: 'float64 JS' },
    { name: `${name} (p95)`, value: t.p95, unit: 'µs', note: 'float64 JS' },
  ];
  rows.push(...us('hand pass, forward + backward, all 13 gradients, per call', await perCall(() => backward(net, s, forward(net, s)), 2000)));
  rows.push(...us('finite differences, central, 13 parameters (26 forward passes), per call', await perCall(() => finiteDifferences(net, s), 500)));
  rows.push(...us('page compute per input (computeLesson), default link', await perCall(() => computeLesson(p), 200)));
  const last = { ...p, step: MAX_STEP };
  rows.push(...us('page compute per input (computeLesson), link at step 1009 (replays 100 updates)', await perCall(() => computeLesson(last), 20)));

  const input: AutodiffInput = { theta: flatten(net), x: [s.x[0], s.x[1]], t: s.t, act: s.act, head: s.head };
  await roundTrip(input); // warm-up: the worker starts, tfjs picks its backend, kernels compile
  const trips: number[] = [];
  for (let k = 0; k < 20; k++) trips.push(await roundTrip({ ...input, theta: input.theta.map((w) => w + k * 1e-3) }));
  trips.sort((a, b) => a - b);
  rows.push({ name: 'tfjs autodiff in the worker, round trip (median of 20)', value: trips[10], unit: 'ms', note: 'worker backend' });
  rows.push({ name: 'tfjs autodiff in the worker, round trip (p95 of 20)', value: trips[18], unit: 'ms', note: 'worker backend' });

  const { autodiff } = await import('./grads.tf');
  rows.push(...timingRows('tfjs autodiff on the page backend (same function, no worker)', await timeIt(() => autodiff(input), 30, 5), 'page backend, float32'));
  return rows;
}
