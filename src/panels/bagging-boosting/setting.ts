/**
 * The bagging-boosting panel's data and settings, shared by its three ensembles (bagging.ts,
 * adaboost.ts, regression.ts): the 2-D classification data and its boundary grid, the tree
 * learners, and the cache keys of a setting. Pure: no React, no DOM.
 */
import type { Matrix, TreeOptions } from '../../lib/learn/api';
import { circles, moons, xor, type Dataset2D } from '../../lib/random/datasets';
import { stream } from '../../lib/random/rng';
import { contourLevels, type ContourLevel } from '../../lib/contour/levels';
import type { DatasetName } from './params';
import { gridMatrix } from './grids';
import { GRID_N, type ClassSetting } from './keys';

/** Test points: enough that the test error moves smoothly (it is an estimate of the true error). */
export const N_TEST_CLS = 1000;
export const N_TEST_REG = 400;
// The sizes, the regression target and the keys live in keys.ts (the page imports them there).
export { GRID_N, CURVE_N, REG_FUNCTION, REG_X, classKey, regKey, type ClassSetting, type RegSetting } from './keys';

export interface ClassData {
  train: Matrix;
  yTrain: Int32Array;
  test: Matrix;
  yTest: Int32Array;
  /** [x0, x1, y0, y1]: the plotted rectangle, and the first and last grid samples. */
  extent: [number, number, number, number];
}

const GENERATORS: Record<DatasetName, (rng: ReturnType<typeof stream>, n: number, noise: number) => Dataset2D> = {
  moons: (rng, n, noise) => moons(rng, n, noise),
  circles: (rng, n, noise) => circles(rng, n, noise),
  xor: (rng, n, noise) => xor(rng, n, noise),
};
/** The noise-free data's bounding box per data set, padded below by the noise. */
const BOX: Record<DatasetName, [number, number, number, number]> = {
  moons: [-1, 2, -0.5, 1],
  circles: [-1, 1, -1, 1],
  xor: [-1, 1, -1, 1],
};

const asMatrix = (d: Dataset2D): Matrix => ({ data: d.x, n: d.n, d: 2 });

export function classData(s: Pick<ClassSetting, 'dataset' | 'noise' | 'n' | 'seed'>): ClassData {
  const gen = GENERATORS[s.dataset];
  const train = gen(stream(s.seed, 'class-train'), s.n, s.noise);
  const test = gen(stream(s.seed, 'class-test'), N_TEST_CLS, s.noise);
  // Two standard deviations of noise around the clean shapes hold nearly every point.
  const pad = 0.25 + 2 * s.noise;
  const b = BOX[s.dataset];
  return { train: asMatrix(train), yTrain: train.y, test: asMatrix(test), yTest: test.y, extent: [b[0] - pad, b[1] + pad, b[2] - pad, b[3] + pad] };
}

export const classLearner = (depth: number): TreeOptions => ({ criterion: 'gini', nClasses: 2, maxDepth: depth });
export const regLearner = (depth: number): TreeOptions => ({ criterion: 'squared_error', maxDepth: depth });

/** A boundary (share 0.5) traced on a grid in the worker, so the page only draws it. */
export const boundaryLine = (grid: Float32Array): ContourLevel[] => contourLevels({ values: grid, nx: GRID_N, ny: GRID_N }, [0.5]);

/** The boundary grid's sample points (GRID_N × GRID_N over the extent). */
export const boundaryGrid = (extent: ClassData['extent']): Matrix => gridMatrix(extent, GRID_N, GRID_N);

/** Column 1 of an n × 2 probability matrix, as float32 for the heat map. */
export function classOneShare(p: Float64Array, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = p[2 * i + 1];
  return out;
}
