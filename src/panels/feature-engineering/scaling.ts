/**
 * The scaling case: two equally informative features on scales `spread` apart. Before: the raw
 * units; after: StandardScaler or MinMaxScaler fitted on the training rows. The same k-NN (k = 5)
 * predicts the class on both sides, and the same gradient descent fits the least-squares weights
 * on both sides, each with step size 1/λmax (λmax: the largest curvature of its own loss, the
 * largest fixed step that is safe with margin), from w = 0 until the loss gap is a millionth of
 * where it started. Features and target are centred for the descent, which fixes the intercept
 * at its optimum and leaves the two weights. Pure: no DOM.
 */
import type { Matrix } from '../../lib/learn/api';
import { kNearest, knnProba } from '../../lib/learn/knn';
import { accuracy } from '../../lib/learn/metrics';
import { fitMinMax, fitStandard, type Affine } from '../../lib/learn/preprocessing';
import { N_TEST, NOISE_SCALE, scalingData, streams } from './data';
import type { FeParams } from './params';
import type { CommonResult } from './model';

export const K_NN = 5;
/** Descent stops here if not converged (the readout then says "over"). */
export const MAX_STEPS = 100_000;
export const GD_TOL = 1e-6;
/** Most path points kept for drawing (the full count is in `steps`). */
const PATH_POINTS = 400;
export const CONTOUR_N = 60;

export interface Descent {
  steps: number;
  converged: boolean;
  /** Visited weights (w0, w1) interleaved, thinned to at most PATH_POINTS. */
  path: Float64Array;
  optimum: [number, number];
  rate: number;
  /** Condition number λmax / λmin of the loss's curvature. */
  condition: number;
  /** Loss on a CONTOUR_N² grid over `extent` (row 0 at the bottom), and contour levels. */
  grid: Float64Array;
  extent: [number, number, number, number];
  levels: number[];
}

export interface KnnSide {
  /** Training points in this side's units (row-major n × 2). */
  x: Float64Array;
  /** The query (the first scoring point) in these units and its K_NN nearest training rows. */
  query: [number, number];
  neighbours: Int32Array;
}

export interface ScalingResult {
  kind: 'scaling';
  y: Int32Array;
  knnBefore: KnnSide;
  knnAfter: KnnSide;
  gdBefore: Descent;
  gdAfter: Descent;
}

/** Gradient descent on L(w) = (1/2n)‖Xw − t‖² for centred n × 2 X and t, from w = 0. */
export function descend(X: Matrix, t: Float64Array): Descent {
  const n = X.n;
  let h00 = 0, h01 = 0, h11 = 0, g0 = 0, g1 = 0, tt = 0;
  for (let i = 0; i < n; i++) {
    const a = X.data[2 * i], b = X.data[2 * i + 1];
    h00 += (a * a) / n;
    h01 += (a * b) / n;
    h11 += (b * b) / n;
    g0 += (a * t[i]) / n;
    g1 += (b * t[i]) / n;
    tt += (t[i] * t[i]) / n;
  }
  // L(w) = ½ wᵀHw − cᵀw + ½ tᵀt/n with H and c above; optimum w* = H⁻¹c.
  const det = h00 * h11 - h01 * h01;
  const w0s = det > 0 ? (h11 * g0 - h01 * g1) / det : 0, w1s = det > 0 ? (h00 * g1 - h01 * g0) / det : 0;
  const loss = (w0: number, w1: number) => 0.5 * (h00 * w0 * w0 + 2 * h01 * w0 * w1 + h11 * w1 * w1) - g0 * w0 - g1 * w1 + 0.5 * tt;
  const tr = h00 + h11, disc = Math.sqrt(Math.max(0, ((h00 - h11) / 2) ** 2 + h01 * h01));
  const lmax = tr / 2 + disc, lmin = tr / 2 - disc;
  const rate = lmax > 0 ? 1 / lmax : 0;
  const lStar = loss(w0s, w1s), gap0 = loss(0, 0) - lStar;
  const full: number[] = [0, 0];
  let w0 = 0, w1 = 0, steps = 0;
  let converged = !(gap0 > 0);
  while (!converged && steps < MAX_STEPS) {
    const d0 = h00 * w0 + h01 * w1 - g0, d1 = h01 * w0 + h11 * w1 - g1;
    w0 -= rate * d0;
    w1 -= rate * d1;
    steps++;
    if (steps <= 4 * PATH_POINTS || steps % 50 === 0) full.push(w0, w1);
    converged = loss(w0, w1) - lStar <= GD_TOL * gap0;
  }
  if (full[full.length - 2] !== w0 || full[full.length - 1] !== w1) full.push(w0, w1);
  // Thin the path evenly to at most PATH_POINTS points, keeping the first and the last.
  const m = full.length / 2;
  const keep = Math.min(m, PATH_POINTS);
  const path = new Float64Array(2 * keep);
  for (let k = 0; k < keep; k++) {
    const j = keep === 1 ? 0 : Math.round((k * (m - 1)) / (keep - 1));
    path[2 * k] = full[2 * j];
    path[2 * k + 1] = full[2 * j + 1];
  }
  // Plot area: the start, the optimum and the path, padded; the loss on a grid; levels spaced
  // geometrically above the minimum so both the narrow valley and the far walls show.
  let [x0, x1, y0, y1] = [Math.min(0, w0s), Math.max(0, w0s), Math.min(0, w1s), Math.max(0, w1s)];
  for (let k = 0; k < keep; k++) {
    [x0, x1] = [Math.min(x0, path[2 * k]), Math.max(x1, path[2 * k])];
    [y0, y1] = [Math.min(y0, path[2 * k + 1]), Math.max(y1, path[2 * k + 1])];
  }
  const px = Math.max(x1 - x0, 1e-9) * 0.25, py = Math.max(y1 - y0, 1e-9) * 0.25;
  const extent: [number, number, number, number] = [x0 - px, x1 + px, y0 - py, y1 + py];
  const grid = new Float64Array(CONTOUR_N * CONTOUR_N);
  for (let r = 0; r < CONTOUR_N; r++) {
    for (let c = 0; c < CONTOUR_N; c++) {
      const a = extent[0] + ((extent[1] - extent[0]) * c) / (CONTOUR_N - 1), b = extent[2] + ((extent[3] - extent[2]) * r) / (CONTOUR_N - 1);
      grid[r * CONTOUR_N + c] = loss(a, b) - lStar;
    }
  }
  const levels = gap0 > 0 ? Array.from({ length: 8 }, (_, k) => gap0 * 2 ** (k - 6)) : [];
  return { steps, converged, path, optimum: [w0s, w1s], rate, condition: lmin > 0 ? lmax / lmin : Infinity, grid, extent, levels };
}

const transform2 = (x: Float64Array, a: [Affine, Affine]): Float64Array => {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length / 2; i++) {
    out[2 * i] = (x[2 * i] - a[0].shift) / a[0].scale;
    out[2 * i + 1] = (x[2 * i + 1] - a[1].shift) / a[1].scale;
  }
  return out;
};

function centred(x: Float64Array, t: Float64Array): { X: Matrix; t: Float64Array } {
  const n = t.length;
  let m0 = 0, m1 = 0, mt = 0;
  for (let i = 0; i < n; i++) {
    m0 += x[2 * i] / n;
    m1 += x[2 * i + 1] / n;
    mt += t[i] / n;
  }
  const data = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    data[2 * i] = x[2 * i] - m0;
    data[2 * i + 1] = x[2 * i + 1] - m1;
  }
  return { X: { data, n, d: 2 }, t: t.map((v) => v - mt) };
}

function knnSide(xTrain: Float64Array, y: Int32Array, xTest: Float64Array, yTest: Int32Array): { side: KnnSide; score: number | null } {
  const n = y.length;
  const X: Matrix = { data: xTrain, n, d: 2 };
  const Q: Matrix = { data: xTest, n: yTest.length, d: 2 };
  const share = knnProba(X, y, Q, K_NN); // n × 2: class shares among the K_NN (odd) neighbours
  const pred = Int32Array.from({ length: yTest.length }, (_, i) => (share[2 * i + 1] > 0.5 ? 1 : 0));
  const query: [number, number] = [xTest[0], xTest[1]];
  return { side: { x: xTrain, query, neighbours: kNearest(X, query, K_NN) }, score: accuracy(yTest, pred) };
}

export function scalingCase(p: FeParams): CommonResult & ScalingResult {
  const [r, rt] = streams(p.seed, 'scaling');
  const noise = p.noise * NOISE_SCALE.scaling;
  const tr = scalingData(r, p.n, p.spread, noise), te = scalingData(rt, N_TEST, p.spread, noise);
  const col = (x: Float64Array, j: number) => Float64Array.from({ length: x.length / 2 }, (_, i) => x[2 * i + j]);
  const fit = p.scaler === 'minmax' ? fitMinMax : fitStandard;
  const aff: [Affine, Affine] = [fit(col(tr.x, 0)), fit(col(tr.x, 1))];
  const sTrain = transform2(tr.x, aff), sTest = transform2(te.x, aff);
  const kb = knnSide(tr.x, tr.y, te.x, te.y), ka = knnSide(sTrain, tr.y, sTest, te.y);
  const cb = centred(tr.x, tr.t), ca = centred(sTrain, tr.t);
  const gdBefore = descend(cb.X, cb.t), gdAfter = descend(ca.X, ca.t);
  const shared = [...ka.side.neighbours].filter((i) => kb.side.neighbours.includes(i)).length;
  const names = p.scaler === 'minmax' ? ['x0 (min-max)', 'x1 (min-max)'] : ['x0 (standardised)', 'x1 (standardised)'];
  return {
    case: 'scaling', kind: 'scaling', scoreName: 'test accuracy', nTrain: p.n, nTest: N_TEST,
    before: { features: ['x0', 'x1'], score: kb.score },
    after: { features: names, score: ka.score },
    y: tr.y, knnBefore: kb.side, knnAfter: ka.side, gdBefore, gdAfter,
    facts: { shared, noise, stepsBefore: gdBefore.steps, stepsAfter: gdAfter.steps, scale0: aff[0].scale, scale1: aff[1].scale },
  };
}


