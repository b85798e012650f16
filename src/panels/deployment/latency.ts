/**
 * A loaded model's latency, measured for real: forward passes of batches of 1, 4, 16 and 64 rows
 * on the panel's worker, each sample timing enough passes to last a millisecond (the browser's
 * clock is coarse), the median of many samples per batch size. A straight line through the
 * medians gives the simulator's "fixed part" and "per request"; the spread of the one-row samples
 * gives its σ. Pure apart from the clock (performance.now, in workers and Node alike).
 */
import { stream } from '../../lib/random/rng';
import { compile, featurize, predictInto } from '../../lib/models/mlp';
import type { SavedModel } from '../../lib/models/format';
import { quantileSorted } from './stats';

export const BATCHES = [1, 4, 16, 64] as const;

export interface LatencyResult {
  batches: number[];
  /** Median and 90th percentile of one forward pass per batch size, ms. */
  median: number[];
  p90: number[];
  /** Samples per batch size, and passes timed together in each sample. */
  samples: number;
  passes: number[];
  /** Least-squares line through the medians: ms = fixed + perItem · batch. */
  fixed: number;
  perItem: number;
  /** ln(p90 / median) / 1.2816 of the one-row samples: a log-normal's σ with that spread. */
  sigma: number;
}

/** Least squares of y on x: intercept and slope. */
export function fitLine(x: readonly number[], y: readonly number[]): { intercept: number; slope: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n, my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: my - slope * mx, slope };
}

/** The 90th percentile of a standard normal: ln(p90/p50) of a log-normal is 1.2816 σ. */
const Z90 = 1.2815515655446004;

export function measureLatency(m: SavedModel, samples = 25, sampleMs = 1, now: () => number = () => performance.now()): LatencyResult {
  const maxRows = BATCHES[BATCHES.length - 1];
  const c = compile(m, maxRows);
  const rng = stream(1, 'latency-inputs');
  const pts = new Float64Array(2 * maxRows);
  for (let i = 0; i < pts.length; i++) pts[i] = rng.uniform(-3, 3);
  const X = featurize(m.features, pts, maxRows);
  const out = new Float64Array(maxRows);
  let sink = 0;
  const median: number[] = [], p90: number[] = [], passes: number[] = [];
  // Warm-up: the first passes run unoptimised until the engine has compiled the loop.
  const w0 = now();
  while (now() - w0 < 10 * sampleMs) for (const b of BATCHES) sink += predictInto(c, X, b, out)[0];
  let sigma = 0;
  for (const b of BATCHES) {
    // Calibrate: how many passes fill one sample, from ten samples' worth of passes (one short
    // stall of the machine then cannot make a too-small count look long enough).
    let done = 0, elapsed = 0;
    const c0 = now();
    while ((elapsed = now() - c0) < 10 * sampleMs && done < 1 << 24) {
      for (let r = 0; r < 16; r++) sink += predictInto(c, X, b, out)[0];
      done += 16;
    }
    const k = Math.max(1, Math.ceil((done * sampleMs) / Math.max(elapsed, 1e-9)));
    const per: number[] = [];
    for (let s = 0; s < samples; s++) {
      const t0 = now();
      for (let r = 0; r < k; r++) sink += predictInto(c, X, b, out)[0];
      per.push((now() - t0) / k);
    }
    per.sort((x, y) => x - y);
    median.push(quantileSorted(per, 0.5));
    p90.push(quantileSorted(per, 0.9));
    passes.push(k);
    if (b === 1 && per[Math.floor(per.length / 2)] > 0) sigma = Math.log(p90[0] / median[0]) / Z90;
  }
  // Keeps the passes from being optimised away.
  if (sink === Infinity) median[0] += 0;
  const line = fitLine([...BATCHES], median);
  return { batches: [...BATCHES], median, p90, samples, passes, fixed: line.intercept, perItem: line.slope, sigma: Number.isFinite(sigma) ? sigma : 0 };
}
