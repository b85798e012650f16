/**
 * The two classification cases drawn as decision boundaries: circles (x0, x1 against x0, x1 and
 * the squared radius) and XOR (x0, x1 against every PolynomialFeatures column up to the degree).
 * The model is the same on both sides: logistic regression with scikit-learn's C = 100 (a light
 * L2 penalty, so separable data still give finite weights). Pure: no DOM.
 */
import type { Matrix } from '../../lib/learn/api';
import { fitLogistic, logisticProba } from '../../lib/learn/logistic';
import { accuracy } from '../../lib/learn/metrics';
import { polynomialExpand, polynomialNames, polynomialTerms } from '../../lib/learn/preprocessing';
import { circlesData, N_TEST, NOISE_SCALE, streams, xorData } from './data';
import type { FeParams } from './params';
import type { CommonResult } from './model';

export const LOGISTIC_C = 100;
export const GRID_N = 48;

export interface BoundaryResult {
  kind: 'boundary';
  /** [x0 min, x0 max, x1 min, x1 max] of the probability grids. */
  extent: [number, number, number, number];
  /** P(class 1) on GRID_N × GRID_N points (row 0 at the bottom), before and after. */
  gridBefore: Float32Array;
  gridAfter: Float32Array;
  /** Training points (row-major n × 2) and labels. */
  x: Float64Array;
  y: Int32Array;
  /** PolynomialFeatures names including the bias "1" (poly case; the model's intercept plays it). */
  polyNames?: string[];
}

type Expand = (X: Matrix) => Matrix;

function fitAndScore(expand: Expand, Xtr: Matrix, ytr: Int32Array, Xte: Matrix, yte: Int32Array, grid: Matrix) {
  const m = fitLogistic(expand(Xtr), ytr, { C: LOGISTIC_C, maxIter: 100 });
  const pTest = logisticProba(m, expand(Xte));
  return { score: accuracy(yte, Int32Array.from(pTest, (q) => (q >= 0.5 ? 1 : 0))), grid: Float32Array.from(logisticProba(m, expand(grid))) };
}

function gridPoints(ext: [number, number, number, number]): Matrix {
  const data = new Float64Array(GRID_N * GRID_N * 2);
  for (let r = 0; r < GRID_N; r++) {
    for (let c = 0; c < GRID_N; c++) {
      const k = r * GRID_N + c;
      data[2 * k] = ext[0] + ((ext[1] - ext[0]) * c) / (GRID_N - 1); // lib/plot's grid: samples at linspace
      data[2 * k + 1] = ext[2] + ((ext[3] - ext[2]) * r) / (GRID_N - 1);
    }
  }
  return { data, n: GRID_N * GRID_N, d: 2 };
}

/** x0, x1 → x0, x1, x0² + x1². */
export function withRadius(X: Matrix): Matrix {
  const data = new Float64Array(X.n * 3);
  for (let i = 0; i < X.n; i++) {
    const a = X.data[2 * i], b = X.data[2 * i + 1];
    data.set([a, b, a * a + b * b], 3 * i);
  }
  return { data, n: X.n, d: 3 };
}

export function boundaryCase(p: FeParams): CommonResult & BoundaryResult {
  const circles = p.case === 'circles';
  const [r, rt] = streams(p.seed, circles ? 'circles' : 'poly');
  const noise = p.noise * NOISE_SCALE[circles ? 'circles' : 'poly'];
  const gen = circles ? circlesData : xorData;
  const tr = gen(r, p.n, noise), te = gen(rt, N_TEST, noise);
  const Xtr: Matrix = { data: tr.x, n: p.n, d: 2 }, Xte: Matrix = { data: te.x, n: N_TEST, d: 2 };
  const ext: [number, number, number, number] = circles ? [-1.55, 1.55, -1.55, 1.55] : [-1.35, 1.35, -1.35, 1.35];
  const G = gridPoints(ext);
  const id: Expand = (X) => X;
  const terms = polynomialTerms(2, p.degree, false); // the intercept is the bias column
  const expand: Expand = circles ? withRadius : (X) => polynomialExpand(X, terms);
  const b = fitAndScore(id, Xtr, tr.y, Xte, te.y, G);
  const a = fitAndScore(expand, Xtr, tr.y, Xte, te.y, G);
  return {
    case: p.case, kind: 'boundary', scoreName: 'test accuracy', nTrain: p.n, nTest: N_TEST,
    before: { features: ['x0', 'x1'], score: b.score },
    after: { features: circles ? ['x0', 'x1', 'x0^2 + x1^2'] : polynomialNames(terms), score: a.score },
    extent: ext, gridBefore: b.grid, gridAfter: a.grid, x: tr.x, y: tr.y,
    polyNames: circles ? undefined : polynomialNames(polynomialTerms(2, p.degree, true)),
    facts: { noise, columns: circles ? 3 : terms.length },
  };
}
