/**
 * The one labelled data set every mode sees, plus fresh test points for the supervised score and
 * the few points whose labels the semi-supervised learner keeps. Pure; each part draws from its
 * own named stream, so changing how many points are labelled never moves the points.
 */
import type { Matrix } from '../../lib/learn/api';
import { blobs, circles, moons, type Dataset2D } from '../../lib/random/datasets';
import { stream, type Rng } from '../../lib/random/rng';
import type { DatasetName } from './params';

export const N_TEST = 500;

export interface DataParams {
  dataset: DatasetName;
  n: number;
  noise: number;
  seed: number;
}

export interface LpData {
  X: Matrix;
  y: Int32Array;
  /** Number of classes (3 for blobs). */
  K: number;
  Xtest: Matrix;
  ytest: Int32Array;
  /** [x0, x1, y0, y1]: what the plots show. */
  extent: [number, number, number, number];
}

const BLOB_CENTRES: [number, number][] = [
  [-1, -0.6],
  [1, -0.6],
  [0, 1],
];

export const classCount = (name: DatasetName) => (name === 'blobs' ? 3 : 2);

function points(name: DatasetName, rng: Rng, n: number, noise: number): Dataset2D {
  if (name === 'moons') return moons(rng, n, noise);
  if (name === 'circles') return circles(rng, n, noise);
  return blobs(rng, n, BLOB_CENTRES, 0.25 + noise);
}

function extentOf(name: DatasetName, noise: number): [number, number, number, number] {
  const box: [number, number, number, number] = name === 'moons' ? [-1, 2, -0.5, 1] : name === 'blobs' ? [-1, 1, -0.6, 1] : [-1, 1, -1, 1];
  const m = (name === 'blobs' ? 0.7 : 0.3) + 2 * noise;
  return [box[0] - m, box[1] + m, box[2] - m, box[3] + m];
}

const asMatrix = (d: Dataset2D): Matrix => ({ data: d.x, n: d.n, d: 2 });

export function makeData(p: DataParams): LpData {
  const train = points(p.dataset, stream(p.seed, 'data'), p.n, p.noise);
  const test = points(p.dataset, stream(p.seed, 'test'), N_TEST, p.noise);
  return { X: asMatrix(train), y: train.y, K: classCount(p.dataset), Xtest: asMatrix(test), ytest: test.y, extent: extentOf(p.dataset, p.noise) };
}

/**
 * Which points keep their label: one drawn from each class first (so every class is known), then
 * the rest drawn uniformly from the remaining points; `count` is clamped to [K, n]. Sorted indices.
 */
export function pickLabelled(y: Int32Array, K: number, count: number, seed: number): Int32Array {
  const rng = stream(seed, 'labelled');
  const n = y.length;
  const m = Math.max(Math.min(K, n), Math.min(count, n));
  const order = rng.permutation(n);
  const chosen = new Set<number>();
  for (let c = 0; c < K; c++) {
    const first = order.find((i) => y[i] === c);
    if (first !== undefined) chosen.add(first);
  }
  for (const i of order) {
    if (chosen.size >= m) break;
    chosen.add(i);
  }
  return Int32Array.from([...chosen].sort((a, b) => a - b));
}
