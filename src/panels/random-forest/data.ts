/**
 * The panel's data: n training points and N_TEST fresh test points of one 2-D data set, plus
 * `noise` columns of pure N(0, 1) noise. Pure (no DOM). Each part draws from its own named
 * stream, so adding a noise column leaves the two real columns and the other noise columns
 * as they were, and the test set does not move when n changes.
 */
import type { Matrix } from '../../lib/learn/api';
import { blobs, circles, moons, xor, type Dataset2D } from '../../lib/random/datasets';
import { stream, type Rng } from '../../lib/random/rng';
import type { DatasetName } from './params';

/** Fresh points the test error and the permutation importances are measured on. */
export const N_TEST = 500;
/** The probability maps are GRID_N × GRID_N samples of the plane. */
export const GRID_N = 100;

export interface DataParams {
  dataset: DatasetName;
  jitter: number;
  n: number;
  noise: number;
  seed: number;
}

export interface ForestData {
  X: Matrix;
  y: Int32Array;
  Xtest: Matrix;
  ytest: Int32Array;
  /** Columns: 2 real + `noise`. */
  d: number;
  /** [x0, x1, y0, y1]: the first and last grid samples (the map's extent). */
  extent: readonly [number, number, number, number];
}

/** Blob centres: two classes whose overlap grows with the noise level. */
const BLOB_CENTRES: [number, number][] = [
  [-0.7, -0.4],
  [0.7, 0.4],
];

function points(name: DatasetName, rng: Rng, n: number, jitter: number): Dataset2D {
  switch (name) {
    case 'moons':
      return moons(rng, n, jitter);
    case 'circles':
      return circles(rng, n, jitter);
    case 'xor':
      return xor(rng, n, jitter);
    case 'blobs':
      return blobs(rng, n, BLOB_CENTRES, 0.3 + jitter);
  }
}

/** The rectangle shown: the noise-free shape plus a margin that grows with the jitter. */
export function extentOf(name: DatasetName, jitter: number): [number, number, number, number] {
  const box: [number, number, number, number] =
    name === 'moons' ? [-1, 2, -0.5, 1] : name === 'blobs' ? [-0.7, 0.7, -0.4, 0.4] : [-1, 1, -1, 1];
  const m = (name === 'blobs' ? 0.9 : 0.3) + 2 * jitter;
  return [box[0] - m, box[1] + m, box[2] - m, box[3] + m];
}

/** Row-major n × (2 + noise) matrix: the 2-D points, then noise column j from its own stream. */
function withNoise(ds: Dataset2D, noise: number, seed: number, tag: string): Matrix {
  const d = 2 + noise;
  const data = new Float64Array(ds.n * d);
  for (let i = 0; i < ds.n; i++) {
    data[i * d] = ds.x[2 * i];
    data[i * d + 1] = ds.x[2 * i + 1];
  }
  for (let j = 0; j < noise; j++) {
    const rng = stream(seed, `${tag}-noise-${j}`);
    for (let i = 0; i < ds.n; i++) data[i * d + 2 + j] = rng.normal();
  }
  return { data, n: ds.n, d };
}

export function makeData(p: DataParams): ForestData {
  const train = points(p.dataset, stream(p.seed, 'data'), p.n, p.jitter);
  const test = points(p.dataset, stream(p.seed, 'test'), N_TEST, p.jitter);
  return {
    X: withNoise(train, p.noise, p.seed, 'train'),
    y: train.y,
    Xtest: withNoise(test, p.noise, p.seed, 'test'),
    ytest: test.y,
    d: 2 + p.noise,
    extent: extentOf(p.dataset, p.jitter),
  };
}

/** Column j of a matrix, as a plain array for plotting. */
export function column(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) out[i] = m.data[i * m.d + j];
  return out;
}

const SUB = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
const sub = (k: number) => String(k).split('').map((c) => SUB[Number(c)]).join('');

/** x₁, x₂ for the real columns, then z₁ … z₁₀ for the noise columns. */
export function featureName(j: number): string {
  return j < 2 ? `x${sub(j + 1)}` : `z${sub(j - 1)}`;
}
