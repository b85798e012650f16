/**
 * Attention figures for `npm run bench`: the mechanics computation (float64 JS) per slider
 * input and for a fresh seed, training steps per second of the tfjs model on the active
 * backend, and the wall time for the default run to reach 95 % held-out digit accuracy.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { computeMechanics, type MechanicsInput } from './model';
import { EXAMPLES, schema } from './params';
import { TARGET_ACC, TrainingRun, trainConfig } from './run';

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const p = defaults(schema);
  const mech: MechanicsInput = { text: EXAMPLES.long, dk: 64, heads: 4, head: 1, query: 8, causal: false, scale: true, positions: true, seed: 1 };
  let dk = 1;
  rows.push(...timingRows('mechanics compute, 16 tokens, 4 heads, d_k slider move', await timeIt(() => computeMechanics({ ...mech, dk: (dk = (dk % 128) + 1) }), 40, 5)));
  let seed = 100;
  rows.push(...timingRows('mechanics compute, 16 tokens, 4 heads, new seed (projections drawn)', await timeIt(() => computeMechanics({ ...mech, seed: seed++ }), 10, 2)));

  // Training speed: 200 steps of the default model (reverse 6 digits, d = 16, batch 32).
  const cfg = trainConfig(p);
  const speed = new TrainingRun(cfg);
  speed.advance(10); // warm-up: kernels compiled, first evaluation done
  const t0 = performance.now();
  speed.advance(210);
  const ms = performance.now() - t0;
  speed.dispose();
  rows.push({ name: 'training steps per second (default model, evaluations every 10 steps included)', value: (200 / ms) * 1000, unit: 'steps/s' });

  // Time to 95 %: a fresh default run, checked every 10 steps as the panel records it.
  const t1 = performance.now();
  const run = new TrainingRun(cfg);
  let reached: number | null = null;
  for (let s = 10; s <= 400 && reached === null; s += 10) {
    run.advance(s);
    reached = run.view(0).reachedAt;
  }
  const toTarget = performance.now() - t1;
  run.dispose();
  rows.push({ name: `time to ${TARGET_ACC * 100} % digit accuracy (default run, from a fresh model)`, value: toTarget, unit: 'ms', note: reached === null ? 'not reached in 400 steps' : `reached at step ${reached}` });
  return rows;
}
