/**
 * CNN figures for `npm run bench` (on the backend the bench page picked, as the worker would:
 * WASM on a machine without a GPU): the kernel view's convolution and pooling per slider press
 * (float64 JS), training steps per second, and the issue's target: wall time from pressing Train
 * (a fresh model: weights, held-out set, calibration as the worker does) to 90 % held-out accuracy,
 * and the accuracy at the default 400 steps.
 */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import * as tf from '../../lib/tf/tf';
import { computeKernelView, grid, PRESETS } from './model';
import { exampleDigit, SIZE } from './modelDigits';
import { schema } from './params';
import { TrainingRun } from './run';
import { EVAL_EVERY, netConfig, TARGET_ACC } from './arch';

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const p = defaults(schema);
  const backend = tf.getBackend();
  const image = grid(SIZE, SIZE, exampleDigit(3, 0, 1));
  let s = 0;
  rows.push(...timingRows('kernel view: conv 3×3 + pooling + window, 16×16 input, per slider press', await timeIt(() => {
    s = (s + 1) % 3;
    return computeKernelView({ image, kernel: [...PRESETS.sobelX], stride: s + 1, pad: s, dil: 1, pos: 47, poolKind: 'max', poolSize: 2, poolStride: 2 });
  }, 200, 20)));

  // From pressing Train: a fresh run (as workerRun makes it, calibration included), evaluated
  // every EVAL_EVERY steps as the panel does, until 90 % held-out accuracy.
  const t0 = performance.now();
  const run = new TrainingRun(netConfig(p));
  run.calibrate();
  let reached: number | null = null;
  for (let step = EVAL_EVERY; step <= p.steps && reached === null; step += EVAL_EVERY) {
    run.advance(step);
    const h = run.view(image.data).history;
    if (h[h.length - 1].acc >= TARGET_ACC) reached = step;
  }
  const toTarget = performance.now() - t0;
  rows.push({ name: `time from Train to ${TARGET_ACC * 100} % held-out accuracy (default 8→16 filters, batch 32, Adam 0.01)`, value: toTarget, unit: 'ms', note: `${backend}; ${reached === null ? `not reached in ${p.steps} steps` : `reached at step ${reached}`}` });

  const t1 = performance.now();
  const from = run.step;
  run.advance(p.steps);
  const ms = performance.now() - t1;
  const v = run.view(image.data);
  run.dispose();
  if (p.steps > from) rows.push({ name: 'training steps per second (held-out evaluations every 25 steps included)', value: ((p.steps - from) / ms) * 1000, unit: 'steps/s', note: backend });
  rows.push({ name: `held-out accuracy after the default ${p.steps} steps`, value: 100 * v.eval.acc, unit: '%', note: `${backend}; 500 held-out digits` });
  return rows;
}
