/**
 * The overfitting panel's data: noisy 2-D classification sets from lib/random/datasets, a training
 * set and a validation set drawn from the same distribution through separate streams, and the
 * input features the network sees. Pure: no React, no DOM, no tfjs.
 *
 * Nesting: the training points are the first n of a fixed pool of MAX_POOL points in a random
 * order ('order' stream), so a larger training set contains every point of a smaller one. That
 * keeps the learning curve and the "4× the data" comparison about data size, not about which
 * points happened to be drawn.
 */
import { circles, moons, spiral, xor, type Dataset2D } from '../../lib/random/datasets';
import { stream } from '../../lib/random/rng';

export type DatasetName = 'moons' | 'circles' | 'spiral' | 'xor';
export type FeatureSet = 'xy' | 'poly';

/** Training points are a prefix of a pool this large (the "4× data" variant may reach it). */
export const MAX_POOL = 1000;
/** Validation points: same distribution, own stream, fixed size so curves are comparable. */
export const VAL_N = 300;

/** The square every dataset is drawn in (after centring the moons), and the boundary plot's view. */
export const VIEW: readonly [number, number, number, number] = [-1.8, 1.8, -1.8, 1.8];

/** Number of input features per feature set. */
export const FEATURE_COUNT: Record<FeatureSet, number> = { xy: 2, poly: 7 };

/** Names of the inputs, for labels (TensorFlow Playground's seven for 'poly'). */
export const FEATURE_NAMES: Record<FeatureSet, readonly string[]> = {
  xy: ['x₁', 'x₂'],
  poly: ['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂'],
};

export interface Split {
  /** Raw 2-D points, row-major [n, 2]. */
  x: Float64Array;
  /** Labels 0/1 as numbers (the loss wants floats). */
  y: Float64Array;
  n: number;
}

function draw(name: DatasetName, seed: number, streamName: string, n: number, noise: number): Dataset2D {
  const rng = stream(seed, streamName);
  switch (name) {
    case 'moons': {
      const d = moons(rng, n, noise);
      // Centre the two half-moons on the origin (they span x ∈ [−1, 2], y ∈ [−0.5, 1]).
      for (let i = 0; i < n; i++) {
        d.x[2 * i] -= 0.5;
        d.x[2 * i + 1] -= 0.25;
      }
      return d;
    }
    case 'circles':
      return circles(rng, n, noise);
    case 'spiral':
      return spiral(rng, n, noise);
    case 'xor':
      return xor(rng, n, noise);
  }
}

function take(d: Dataset2D, order: ArrayLike<number>, n: number): Split {
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    x[2 * k] = d.x[2 * i];
    x[2 * k + 1] = d.x[2 * i + 1];
    y[k] = d.y[i];
  }
  return { x, y, n };
}

/** The first n points of the seed's training pool (nested in n). */
export function trainingSet(name: DatasetName, noise: number, n: number, seed: number): Split {
  const m = Math.max(0, Math.min(MAX_POOL, Math.floor(n)));
  const pool = draw(name, seed, 'data', MAX_POOL, noise);
  return take(pool, stream(seed, 'order').permutation(MAX_POOL), m);
}

/** The validation set: VAL_N fresh points from the same distribution (own stream). */
export function validationSet(name: DatasetName, noise: number, seed: number): Split {
  const d = draw(name, seed, 'validation', VAL_N, noise);
  return take(d, stream(seed, 'validation-order').permutation(VAL_N), VAL_N);
}

/** Writes the features of point (a, b) into out[at..]. */
export function featuresInto(kind: FeatureSet, a: number, b: number, out: Float64Array | Float32Array, at: number): void {
  out[at] = a;
  out[at + 1] = b;
  if (kind === 'poly') {
    out[at + 2] = a * a;
    out[at + 3] = b * b;
    out[at + 4] = a * b;
    out[at + 5] = Math.sin(a);
    out[at + 6] = Math.sin(b);
  }
}

/** Row-major [n, F] features of raw points [n, 2]. */
export function features(kind: FeatureSet, x: ArrayLike<number>, n: number): Float64Array {
  const F = FEATURE_COUNT[kind];
  const out = new Float64Array(n * F);
  for (let i = 0; i < n; i++) featuresInto(kind, x[2 * i], x[2 * i + 1], out, i * F);
  return out;
}

/** Centres of an nx × ny grid over VIEW (row 0 = lowest y), as features [nx·ny, F] in float32. */
export function gridFeatures(kind: FeatureSet, nx: number, ny: number): Float32Array {
  const F = FEATURE_COUNT[kind];
  const out = new Float32Array(nx * ny * F);
  const [x0, x1, y0, y1] = VIEW;
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const a = x0 + ((i + 0.5) * (x1 - x0)) / nx;
      const b = y0 + ((j + 0.5) * (y1 - y0)) / ny;
      featuresInto(kind, a, b, out, (i + j * nx) * F);
    }
  return out;
}

/** The sample extent of gridFeatures (cell centres), in the plot kit's Grid convention. */
export function gridExtent(nx: number, ny: number): [number, number, number, number] {
  const [x0, x1, y0, y1] = VIEW;
  const dx = (x1 - x0) / nx, dy = (y1 - y0) / ny;
  return [x0 + dx / 2, x1 - dx / 2, y0 + dy / 2, y1 - dy / 2];
}
