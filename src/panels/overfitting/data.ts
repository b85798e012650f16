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
import { createCache } from '../../lib/panel/cache';
import { resolveOwnData } from '../../lib/data/ownData';
import { LINK_ROWS } from '../../lib/data/linkData';
import type { CsvRequest } from '../../lib/data/csv';

export type DatasetName = 'moons' | 'circles' | 'spiral' | 'xor' | 'csv';
type Generated = Exclude<DatasetName, 'csv'>;
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

function draw(name: Generated, seed: number, streamName: string, n: number, noise: number): Dataset2D {
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

/** The first n points of the seed's training pool (nested in n). dataset=csv: of the training
 *  part of the learner's rows (ownSplit), or the moons when there are none to use. */
export function trainingSet(name: DatasetName, noise: number, n: number, seed: number, csv = ''): Split {
  if (name === 'csv') {
    const o = ownSplit(csv, seed);
    if (typeof o !== 'string') return take({ x: o.pool.x, y: Int32Array.from(o.pool.y), n: o.pool.n }, Array.from({ length: o.pool.n }, (_, i) => i), Math.max(0, Math.min(o.pool.n, Math.floor(n))));
    name = 'moons';
  }
  const m = Math.max(0, Math.min(MAX_POOL, Math.floor(n)));
  const pool = draw(name, seed, 'data', MAX_POOL, noise);
  return take(pool, stream(seed, 'order').permutation(MAX_POOL), m);
}

/** The validation set: VAL_N fresh points from the same distribution (own stream); dataset=csv:
 *  the held-out part of the learner's rows. */
export function validationSet(name: DatasetName, noise: number, seed: number, csv = ''): Split {
  if (name === 'csv') {
    const o = ownSplit(csv, seed);
    if (typeof o !== 'string') return o.val;
    name = 'moons';
  }
  const d = draw(name, seed, 'validation', VAL_N, noise);
  return take(d, stream(seed, 'validation-order').permutation(VAL_N), VAL_N);
}

/** Own data: columns x1, x2 and a binary label; at most LINK_ROWS rows, so they always travel in
 *  the link and the training worker decodes them itself. */
export const OWN_KEY = 'overfitting';
export const OWN_REQUEST: CsvRequest = { columns: [{ name: 'x1' }, { name: 'x2' }, { name: 'label', binary: true }], maxRows: LINK_ROWS };
export const MIN_OWN_ROWS = 10;
/** Share of the rows held out for validation. */
export const OWN_VAL_SHARE = 0.3;
/** Each column is mapped linearly onto ±OWN_SCALE, inside the boundary plot's VIEW. */
export const OWN_SCALE = 1.5;
export const NO_CSV = 'No CSV data loaded yet: choose a file or paste CSV text under “Your own data”. Until then the network trains on the two moons.';

export interface OwnSplit {
  /** Training part, in a seeded order (the first n are the training set: nested in n). */
  pool: Split;
  val: Split;
}

const owns = createCache<OwnSplit | string>(4);

/** The learner's rows, scaled and split (seeded, stream 'own-split'), or why they cannot be used. */
export function ownSplit(csv: string, seed: number): OwnSplit | string {
  return owns.get(`${seed}|${csv}`, () => {
    const r = resolveOwnData(OWN_KEY, csv, 3);
    if (!r.data) return r.message ?? NO_CSV;
    const [a, b, label] = r.data.columns;
    const N = r.data.rows;
    if (N < MIN_OWN_ROWS) return `Your data have ${N} rows; this panel needs at least ${MIN_OWN_ROWS} (${Math.round(OWN_VAL_SHARE * 100)}% are held out for validation). Showing the two moons instead.`;
    const scale = (c: Float64Array) => {
      let lo = Infinity, hi = -Infinity;
      for (const v of c) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      return (v: number) => (hi > lo ? OWN_SCALE * ((2 * (v - lo)) / (hi - lo) - 1) : 0);
    };
    const sa = scale(a), sb = scale(b);
    const order = stream(seed, 'own-split').permutation(N);
    const nVal = Math.max(3, Math.round(OWN_VAL_SHARE * N));
    const part = (idx: ArrayLike<number>): Split => {
      const n = idx.length;
      const x = new Float64Array(2 * n), y = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const i = idx[k];
        [x[2 * k], x[2 * k + 1], y[k]] = [sa(a[i]), sb(b[i]), label[i]];
      }
      return { x, y, n };
    };
    return { val: part(order.subarray(0, nVal)), pool: part(order.subarray(nVal)) };
  });
}

/** Training points available: the own training part's size, or MAX_POOL. */
export function poolSize(name: DatasetName, csv: string, seed: number): number {
  if (name !== 'csv') return MAX_POOL;
  const o = ownSplit(csv, seed);
  return typeof o === 'string' ? MAX_POOL : o.pool.n;
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
