/**
 * The pipeline the project builds, as plain data: preprocessing fitted on some rows (imputation,
 * scaling, category encoding, sklearn's conventions from src/lib/learn) and one of three models
 * from the learners kit. A fitted pipeline is what the hand-off exports, so everything in it is
 * numbers, strings and arrays. Pure: no DOM.
 */
import type { Matrix, Tree } from '../../lib/learn/api';
import { fitLogistic, logisticProba } from '../../lib/learn/logistic';
import { fitTree, treeProba } from '../../lib/learn/tree';
import { knnProba } from '../../lib/learn/knn';
import { simpleStatistics } from '../../lib/learn/impute';
import { categoriesOf, fitStandard, type Affine } from '../../lib/learn/preprocessing';
import { HYPER, type ModelKind } from './params';
import { fitLogisticLockstep } from './ovrLogistic';

/** The feature columns over all rows of the table (row i of the table is entry i). */
export interface Features {
  numNames: string[];
  num: Float64Array[];
  catNames: string[];
  cat: (string | null)[][];
}

export interface PrepOptions {
  impute: 'mean' | 'median';
  scale: 'standard' | 'none';
  encode: 'onehot' | 'ordinal';
}

export interface Prep {
  options: PrepOptions;
  /** Per numeric column: the value a missing entry gets, and the scaler (null: not scaled). */
  fill: number[];
  affine: (Affine | null)[];
  /** Per categorical column: the categories seen (sorted) and the most frequent one (fills a gap). */
  cats: { categories: string[]; mode: string }[];
  /** The output columns' names, in order. */
  names: string[];
}

export type FittedModel =
  | { kind: 'logistic'; hyper: number; K: number; coef: Float64Array[]; intercept: number[] }
  | { kind: 'tree'; hyper: number; K: number; tree: Tree }
  | { kind: 'knn'; hyper: number; K: number; X: Matrix; y: Int32Array };

export interface Pipeline {
  prep: Prep;
  model: FittedModel;
}

// The hyperparameters' grids live with the schema (params.ts: the page reads them too, without this module).
export { HYPER };

function mostFrequent(values: readonly (string | null)[], rows: ArrayLike<number>): { categories: string[]; mode: string } {
  const seen: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== null) seen.push(v);
  }
  const categories = categoriesOf(seen);
  const count = new Map<string, number>();
  for (const v of seen) count.set(v, (count.get(v) ?? 0) + 1);
  // sklearn's most_frequent: the smallest of the tied categories (they are sorted).
  let mode = categories[0] ?? '';
  for (const c of categories) if ((count.get(c) ?? 0) > (count.get(mode) ?? 0)) mode = c;
  return { categories, mode };
}

/** The numeric columns' part of a preprocessing fitted on `rows`: each column's fill value and,
 *  when scaled, its scaler (fitted on the filled column). */
export function fitNumeric(F: Features, rows: ArrayLike<number>, impute: PrepOptions['impute'], scale: PrepOptions['scale']): { fill: number[]; affine: (Affine | null)[] } {
  const fill: number[] = [], affine: (Affine | null)[] = [];
  const n = rows.length;
  for (const col of F.num) {
    // Plain loops: typed-array from/map with a callback were most of this (the same numbers).
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = col[rows[i]];
    const f = simpleStatistics({ data, n, d: 1 }, impute)[0];
    fill.push(f);
    if (scale !== 'standard') {
      affine.push(null);
      continue;
    }
    for (let i = 0; i < n; i++) if (Number.isNaN(data[i])) data[i] = f;
    affine.push(fitStandard(data));
  }
  return { fill, affine };
}

/** The categorical columns' part: each column's categories seen on `rows` and its most frequent one. */
export const fitCategories = (F: Features, rows: ArrayLike<number>) => F.cat.map((col) => mostFrequent(col, rows));

/** A preprocessing from its fitted parts (fitNumeric's and fitCategories', on the same rows). */
export function prepOfParts(F: Features, options: PrepOptions, num: { fill: number[]; affine: (Affine | null)[] }, cats: Prep['cats']): Prep {
  const names = [...F.numNames];
  cats.forEach((c, j) => {
    if (options.encode === 'onehot') names.push(...c.categories.map((v) => `${F.catNames[j]}=${v}`));
    else names.push(`${F.catNames[j]} code`);
  });
  return { options, fill: num.fill, affine: num.affine, cats, names };
}

/** Fits the preprocessing on `rows` only. */
export function fitPrep(F: Features, rows: ArrayLike<number>, options: PrepOptions): Prep {
  return prepOfParts(F, options, fitNumeric(F, rows, options.impute, options.scale), fitCategories(F, rows));
}

/** The design matrix of `rows` under a fitted preprocessing. */
export function applyPrep(p: Prep, F: Features, rows: ArrayLike<number>): Matrix {
  const n = rows.length, d = p.names.length;
  const data = new Float64Array(n * d);
  // Column by column (each column's fill, scaler and category codes looked up once; the same numbers).
  let j = 0;
  F.num.forEach((col, c) => {
    const fill = p.fill[c], a = p.affine[c];
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      const v = Number.isNaN(col[r]) ? fill : col[r];
      data[i * d + j] = a ? (v - a.shift) / a.scale : v;
    }
    j++;
  });
  F.cat.forEach((col, c) => {
    const { categories, mode } = p.cats[c];
    const code = new Map(categories.map((v, k) => [v, k]));
    const onehot = p.options.encode === 'onehot';
    for (let i = 0; i < n; i++) {
      const k = code.get(col[rows[i]] ?? mode) ?? -1;
      if (!onehot) data[i * d + j] = k;
      else if (k >= 0) data[i * d + j + k] = 1;
    }
    j += onehot ? categories.length : 1;
  });
  return { data, n, d };
}

/** One-vs-rest for K > 2 (scikit-learn's OneVsRestClassifier: each class against the rest, the
 *  K probabilities normalised to sum 1); for K = 2 the one binary model. The K class fits run in
 *  lockstep (ovrLogistic.ts: fitLogistic's models to the bit, about half its time for 3 classes);
 *  a single fit is the kit's own. */
function fitLogisticOvr(X: Matrix, y: Int32Array, K: number, C: number): FittedModel {
  const labels = (c: number) => {
    const yc = new Int32Array(y.length);
    for (let i = 0; i < y.length; i++) yc[i] = y[i] === c ? 1 : 0; // a plain loop: from() with a callback was 4 % of a half
    return yc;
  };
  if (K === 2) {
    const m = fitLogistic(X, labels(1), { C, maxIter: 50 });
    return { kind: 'logistic', hyper: C, K, coef: [m.coef], intercept: [m.intercept] };
  }
  const ms = fitLogisticLockstep(X, Array.from({ length: K }, (_, c) => labels(c)), { C, maxIter: 50 });
  return { kind: 'logistic', hyper: C, K, coef: ms.map((m) => m.coef), intercept: ms.map((m) => m.intercept) };
}

export function fitModel(kind: ModelKind, hyper: number, X: Matrix, y: Int32Array, K: number): FittedModel {
  if (kind === 'logistic') return fitLogisticOvr(X, y, K, hyper);
  if (kind === 'tree') return { kind, hyper, K, tree: fitTree(X, y, { criterion: 'gini', nClasses: K, maxDepth: hyper }) };
  return { kind, hyper, K, X, y };
}

/** n × K class probabilities. */
export function predictProba(m: FittedModel, X: Matrix): Float64Array {
  if (m.kind === 'tree') return treeProba(m.tree, X);
  if (m.kind === 'knn') return knnProba(m.X, m.y, X, m.hyper, m.K);
  const out = new Float64Array(X.n * m.K);
  const ps = m.coef.map((coef, c) => logisticProba({ coef, intercept: m.intercept[c], iterations: 0, converged: true }, X));
  for (let i = 0; i < X.n; i++) {
    if (m.K === 2) {
      out[i * 2 + 1] = ps[0][i];
      out[i * 2] = 1 - ps[0][i];
      continue;
    }
    let s = 0;
    for (let c = 0; c < m.K; c++) s += ps[c][i];
    for (let c = 0; c < m.K; c++) out[i * m.K + c] = s > 0 ? ps[c][i] / s : 1 / m.K;
  }
  return out;
}

/** The predicted class of each row: the most probable, ties to the lower class (numpy's argmax). */
export function argmaxRows(p: Float64Array, K: number): Int32Array {
  const n = p.length / K;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < K; c++) if (p[i * K + c] > p[i * K + best]) best = c;
    out[i] = best;
  }
  return out;
}

export function fitPipeline(F: Features, y: Int32Array, K: number, prepRows: ArrayLike<number>, fitRows: ArrayLike<number>, options: PrepOptions, kind: ModelKind, hyper: number): Pipeline {
  const prep = fitPrep(F, prepRows, options);
  const X = applyPrep(prep, F, fitRows);
  return { prep, model: fitModel(kind, hyper, X, Int32Array.from(fitRows, (r) => y[r]), K) };
}

export function pipelineProba(p: Pipeline, F: Features, rows: ArrayLike<number>): Float64Array {
  return predictProba(p.model, applyPrep(p.prep, F, rows));
}

/** Share of `rows` whose label `y[row]` equals the prediction. */
export function accuracyOf(pred: Int32Array, y: Int32Array, rows: ArrayLike<number>): number {
  let hit = 0;
  for (let i = 0; i < rows.length; i++) if (pred[i] === y[rows[i]]) hit++;
  return rows.length ? hit / rows.length : 0;
}
