/**
 * The data of each case study, drawn from named seeded streams: the training points from
 * stream(seed, '<case>') and the 1000 scoring points from stream(seed, '<case>-test'), so changing
 * the training size never redraws the test set, and the first n training points stay the same.
 * Pure: no DOM.
 */
import { stream, type Rng } from '../../lib/random/rng';
import { circles, xor } from '../../lib/random/datasets';
import type { CaseName } from './params';

export const N_TEST = 1000;

/** How each case turns the noise control into its own noise level (readout says the result). */
export const NOISE_SCALE: Record<CaseName, number> = { log: 2, circles: 0.4, hour: 1, category: 0, binning: 1, scaling: 1, poly: 0.4 };

export interface Points1D {
  x: Float64Array;
  y: Float64Array;
}

export interface Points2D {
  /** Row-major n × 2. */
  x: Float64Array;
  y: Int32Array;
}

/** Log-normal x (median 1, σ of ln x = skew), target linear in ln x: y = 2 ln x + noise·ε. */
export function logData(rng: Rng, n: number, skew: number, noise: number): Points1D {
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.exp(skew * rng.normal());
    y[i] = 2 * Math.log(x[i]) + noise * rng.normal();
  }
  return { x, y };
}

/** Hours uniform on [0, 24); the target peaks at 02:00 and bottoms out at 14:00: y = 2 cos(2π(h − 2)/24) + noise·ε. */
export function hourData(rng: Rng, n: number, noise: number): Points1D {
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 24 * rng.next();
    y[i] = hourTruth(x[i]) + noise * rng.normal();
  }
  return { x, y };
}
export const hourTruth = (h: number) => 2 * Math.cos((2 * Math.PI * (h - 2)) / 24);

/** x = 10u² (crowded near 0, sparse near 10), y = 1.5 sin x + noise·ε. */
export function binData(rng: Rng, n: number, noise: number): Points1D {
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    x[i] = 10 * u * u;
    y[i] = binTruth(x[i]) + noise * rng.normal();
  }
  return { x, y };
}
export const binTruth = (x: number) => 1.5 * Math.sin(x);

export interface ScalingData {
  /** Row-major n × 2 in the raw units: x0 = z0, x1 = spread · z1 + 5 · spread. */
  x: Float64Array;
  /** Continuous target t = z0 + z1 + noise·ε (gradient descent fits it). */
  t: Float64Array;
  /** Class = t > 0 (k-NN predicts it). */
  y: Int32Array;
}

/** Two equally informative features measured on scales `spread` apart (feature 2 also offset). */
export function scalingData(rng: Rng, n: number, spread: number, noise: number): ScalingData {
  const x = new Float64Array(2 * n), t = new Float64Array(n), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const z0 = rng.normal(), z1 = rng.normal();
    x[2 * i] = z0;
    x[2 * i + 1] = spread * (z1 + 5);
    t[i] = z0 + z1 + noise * rng.normal();
    y[i] = t[i] > 0 ? 1 : 0;
  }
  return { x, t, y };
}

export const circlesData = (rng: Rng, n: number, noise: number): Points2D => circles(rng, n, noise, 0.5);
export const xorData = (rng: Rng, n: number, noise: number): Points2D => xor(rng, n, noise);

/** The two streams of a case. */
export const streams = (seed: number, name: CaseName): [Rng, Rng] => [stream(seed, name), stream(seed, `${name}-test`)];
