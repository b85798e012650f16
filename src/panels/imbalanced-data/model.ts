/**
 * The imbalanced-data model: one training set, six ways to train on it (resample.ts, or class
 * weights), the same logistic regression each time (lib/learn: scikit-learn's C = 1, features
 * standardised on the training set), every model scored on an untouched test set with the same
 * imbalance, plus the classifier that always says "majority". Pure: no React, no DOM.
 *
 * fitAll does the work that does not depend on the threshold or on the method shown; present
 * reads a fitted state at a threshold (cheap), so the worker can cache fits across threshold
 * drags (compute.worker.ts).
 */
import type { LogisticModel, Matrix } from '../../lib/learn/api';
import { balancedWeights, fitLogistic, logisticProba } from '../../lib/learn/logistic';
import { apFromPr, confusion, metricsFromCounts, type Counts, type Metrics, type PrCurve } from '../../lib/learn/metrics';
import { stream } from '../../lib/random/rng';
import { generatedSplit, sensorSplit, type Split } from './data';
import { prCurveSorted } from './curve';
import { METHOD_LABELS, METHODS, type Method } from './params';
import { classCounts, randomOversample, randomUndersample, smote, tomekLinks, unchanged, type Resampled } from './resample';
import type { SensorTable } from './sensorCodec';

/** scikit-learn's default inverse regularisation strength for LogisticRegression. */
export const C = 1;
/**
 * The kit's Newton solver stops when its step is below tol·(1 + |β|) and then takes that last
 * step, so the fit is accurate to about tol²: 1e-6 leaves ~1e-12, far below what the table shows,
 * and saves the last iteration or two of each of the six fits.
 */
export const LOGISTIC = { C, tol: 1e-6 } as const;

export interface FitInput {
  data: 'generated' | 'sensors';
  ratio: number;
  overlap: number;
  k: number;
  seed: number;
  /** The decoded real data when data is 'sensors' (loaded by the page only when chosen). */
  sensors: SensorTable | null;
}

export interface ImbalanceInput extends FitInput {
  method: Method;
  threshold: number;
}

export interface MethodFit {
  method: Method;
  resampled: Resampled;
  /** Per-row weights in the loss (class weights only). */
  weights: Float64Array | null;
  model: LogisticModel;
  /** The fitted log-odds in the data's own units: logit P(minority) = coef · x + intercept. */
  coef: [number, number];
  intercept: number;
  /** P(minority) for every test row. */
  scores: Float64Array;
  pr: PrCurve | null;
  ap: number | null;
}

export interface Fitted {
  split: Split;
  fits: Record<Method, MethodFit>;
  /** Average precision of a constant score (the always-majority rule): the test prevalence. */
  majorityAp: number | null;
  messages: string[];
}

/** Standardisation of the training set: z = (x − mean) / sd (population sd; 1 when constant). */
export function scaler(X: Matrix): { mean: Float64Array; sd: Float64Array } {
  const { n, d, data } = X;
  const mean = new Float64Array(d), sd = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i * d + j];
    mean[j] = n > 0 ? s / n : 0;
    let v = 0;
    for (let i = 0; i < n; i++) v += (data[i * d + j] - mean[j]) ** 2;
    sd[j] = n > 0 && v > 0 ? Math.sqrt(v / n) : 1;
  }
  return { mean, sd };
}

export function standardise(X: Matrix, s: { mean: Float64Array; sd: Float64Array }): Matrix {
  const out = new Float64Array(X.data.length);
  for (let i = 0; i < X.n; i++) for (let j = 0; j < X.d; j++) out[i * X.d + j] = (X.data[i * X.d + j] - s.mean[j]) / s.sd[j];
  return { data: out, n: X.n, d: X.d };
}

/**
 * The objective the kit's logistic regression minimises: ½‖w‖² + C Σ sᵢ·logloss ᵢ (intercept
 * unpenalised). Class weights and duplicated rows enter it the same way: a row of weight 2
 * adds exactly what the row twice adds.
 */
export function logisticObjective(coef: ArrayLike<number>, intercept: number, X: Matrix, y: ArrayLike<number>, c: number, weights?: ArrayLike<number>): number {
  let pen = 0;
  for (let j = 0; j < X.d; j++) pen += coef[j] * coef[j];
  let loss = 0;
  for (let i = 0; i < X.n; i++) {
    let z = intercept;
    for (let j = 0; j < X.d; j++) z += coef[j] * X.data[i * X.d + j];
    // −log σ(z) for y = 1, −log(1 − σ(z)) = −log σ(−z) for y = 0, without overflow.
    const m = y[i] === 1 ? -z : z;
    const l = m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
    loss += (weights ? weights[i] : 1) * l;
  }
  return 0.5 * pen + c * loss;
}

function resample(method: Method, X: Matrix, y: Int32Array, k: number, seed: number): Resampled {
  switch (method) {
    case 'oversample':
      return randomOversample(X, y, stream(seed, 'oversample'));
    case 'smote':
      return smote(X, y, k, stream(seed, 'smote'));
    case 'undersample':
      return randomUndersample(X, y, stream(seed, 'undersample'));
    case 'tomek':
      return tomekLinks(X, y);
    default:
      return unchanged(X, y);
  }
}

export function splitFor(input: FitInput): Split {
  if (input.data === 'sensors') {
    if (!input.sensors) throw new Error('the sensor data is not loaded');
    return sensorSplit(input.sensors, input.seed, input.ratio);
  }
  return generatedSplit(input.seed, input.ratio, input.overlap);
}

export function fitMethod(method: Method, split: Split, k: number, seed: number): MethodFit {
  const { train, test } = split;
  const s = scaler(train.X);
  const r = resample(method, train.X, train.y, k, seed);
  const weights = method === 'weights' ? balancedWeights(r.y, 2) : null;
  const model = fitLogistic(standardise(r.X, s), r.y, weights ? { ...LOGISTIC, sampleWeight: weights } : LOGISTIC);
  // Back to the data's units: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ w μ/σ).
  const coef: [number, number] = [model.coef[0] / s.sd[0], model.coef[1] / s.sd[1]];
  const intercept = model.intercept - (model.coef[0] * s.mean[0]) / s.sd[0] - (model.coef[1] * s.mean[1]) / s.sd[1];
  const scores = logisticProba(model, standardise(test.X, s));
  const pr = prCurveSorted(test.y, scores);
  return { method, resampled: r, weights, model, coef, intercept, scores, pr, ap: apFromPr(pr) };
}

export function fitAll(input: FitInput): Fitted {
  const split = splitFor(input);
  const fits = {} as Record<Method, MethodFit>;
  for (const m of METHODS) fits[m] = fitMethod(m, split, input.k, input.seed);
  const messages = [...split.messages];
  const n1 = classCounts(split.train.y)[1];
  const kUsed = fits.smote.resampled.smote?.k ?? 0;
  if (kUsed < input.k) {
    messages.push(
      kUsed < 1
        ? `SMOTE needs two minority points to draw between; with ${n1} it adds nothing.`
        : `SMOTE uses k = ${kUsed}: the training set has only ${n1} minority points.`,
    );
  }
  const stuck = METHODS.filter((m) => !fits[m].model.converged);
  if (stuck.length) messages.push(`Logistic regression stopped before converging for: ${stuck.map((m) => METHOD_LABELS[m]).join(', ')}.`);
  const majorityAp = apFromPr(prCurveSorted(split.test.y, new Float64Array(split.test.y.length)));
  return { split, fits, majorityAp, messages };
}

export type RowKey = Method | 'majority';
export const COLUMNS = ['accuracy', 'precision', 'recall', 'f1', 'mcc', 'ap'] as const;
export type Column = (typeof COLUMNS)[number];

export interface TableRow {
  key: RowKey;
  /** Training rows per class after resampling [majority, minority]. */
  train: [number, number];
  counts: Counts;
  metrics: Metrics;
  ap: number | null;
}

/** A row's value in a column; null when undefined (0/0). */
export const cell = (r: TableRow, c: Column): number | null => (c === 'ap' ? r.ap : r.metrics[c]);

/** Per column, the rows with the highest defined value (ties all marked). */
export function bestPerColumn(rows: readonly TableRow[]): Record<Column, RowKey[]> {
  const out = {} as Record<Column, RowKey[]>;
  for (const c of COLUMNS) {
    const vals = rows.map((r) => cell(r, c));
    const defined = vals.filter((v): v is number => v !== null);
    const top = defined.length ? Math.max(...defined) : null;
    out[c] = top === null ? [] : rows.filter((_, i) => vals[i] !== null && Math.abs((vals[i] as number) - top) <= 1e-12).map((r) => r.key);
  }
  return out;
}

/** The table at a threshold: the six methods, then the always-majority rule. */
export function tableAt(f: Fitted, threshold: number): TableRow[] {
  const y = f.split.test.y;
  const rows: TableRow[] = METHODS.map((m) => {
    const fit = f.fits[m];
    const counts = confusion(y, fit.scores, threshold);
    return { key: m, train: classCounts(fit.resampled.y), counts, metrics: metricsFromCounts(counts), ap: fit.ap };
  });
  // Always "majority": P(minority) = 0 for every row, so no threshold in (0, 1) predicts it.
  const counts = confusion(y, new Float64Array(y.length), threshold);
  rows.push({ key: 'majority', train: classCounts(f.split.train.y), counts, metrics: metricsFromCounts(counts), ap: f.majorityAp });
  return rows;
}
