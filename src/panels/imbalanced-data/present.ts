/**
 * What the page draws and reads for one method at one threshold, from a fitted state
 * (model.ts): the table of all methods, the chosen method's training set with its synthetic,
 * copied and removed points, its decision boundary, and its PR curve. Every typed array here is
 * a fresh copy, because the worker transfers results (and the fitted state stays cached there).
 * Pure: no React, no DOM.
 */
import type { Method } from './params';
import { bestPerColumn, tableAt, type Column, type Fitted, type ImbalanceInput, type RowKey, type TableRow, fitAll } from './model';
import { classCounts } from './resample';

/** Point kinds in the data plot. */
export const KIND = { kept: 0, removed: 1, synthetic: 2 } as const;

/** A linear decision rule in the data's units: predict minority when a·x₁ + b·x₂ + c ≥ 0. */
export interface Boundary {
  a: number;
  b: number;
  c: number;
}

/** scikit-learn's precision_recall_curve: thresholds increasing; precision and recall have one
 *  more entry, the end point (1, 0). Predicting minority when P ≥ thresholds[i] gives point i. */
export interface PrView {
  recall: Float64Array;
  precision: Float64Array;
  thresholds: Float64Array;
}

export interface ImbalanceResult {
  source: 'generated' | 'sensors';
  method: Method;
  threshold: number;
  axes: [string, string];
  extent: [number, number, number, number];
  /** [majority, minority] rows of the original training set and of the test set. */
  train: [number, number];
  test: [number, number];
  rows: TableRow[];
  best: Record<Column, RowKey[]>;
  /** The points drawn: every original training row, then the chosen method's synthetic rows. */
  points: { x: Float64Array; y: Float64Array; label: Int32Array; kind: Uint8Array; copies: Int32Array };
  /** Tomek links as segments [x1, y1, x2, y2, …] (empty for other methods). */
  links: Float64Array;
  boundary: Boundary;
  /** The untreated model's boundary, for comparison. */
  noneBoundary: Boundary;
  pr: PrView | null;
  prNone: PrView | null;
  /** Class weights: the minority rows' weight in the loss (majority rows weigh less than 1). */
  minorityWeight: number | null;
  /** The k SMOTE really used (lowered when there are few minority points). */
  smoteK: number;
  messages: string[];
}

/** logit(t): the log-odds at which a probability threshold t is met. */
export const logit = (t: number): number => Math.log(t / (1 - t));

const prView = (pr: Fitted['fits'][Method]['pr']): PrView | null =>
  pr && { recall: pr.recall.slice(), precision: pr.precision.slice(), thresholds: pr.thresholds.slice() };

export function present(f: Fitted, method: Method, threshold: number): ImbalanceResult {
  const { split } = f;
  const fit = f.fits[method];
  const r = fit.resampled;
  const n = split.train.X.n, d = split.train.X.d;
  const synth = r.source.reduce((s, v) => s + (v < 0 ? 1 : 0), 0);
  const x = new Float64Array(n + synth), y = new Float64Array(n + synth);
  const label = new Int32Array(n + synth), kind = new Uint8Array(n + synth), copies = new Int32Array(n + synth);
  for (let i = 0; i < n; i++) {
    x[i] = split.train.X.data[i * d];
    y[i] = split.train.X.data[i * d + 1];
    label[i] = split.train.y[i];
    kind[i] = KIND.removed; // until the resampled set is found to hold it
  }
  let s = n;
  for (let i = 0; i < r.X.n; i++) {
    const src = r.source[i];
    if (src >= 0) {
      kind[src] = KIND.kept;
      copies[src]++;
    } else {
      x[s] = r.X.data[i * d];
      y[s] = r.X.data[i * d + 1];
      label[s] = r.y[i];
      kind[s] = KIND.synthetic;
      copies[s] = 1;
      s++;
    }
  }
  const links = new Float64Array((r.links?.length ?? 0) * 2);
  for (let l = 0; l < (r.links?.length ?? 0); l++) {
    const i = r.links![l];
    links[2 * l] = split.train.X.data[i * d];
    links[2 * l + 1] = split.train.X.data[i * d + 1];
  }
  const rule = (m: Method): Boundary => {
    const q = f.fits[m];
    return { a: q.coef[0], b: q.coef[1], c: q.intercept - logit(threshold) };
  };
  const minorityRow = fit.weights ? r.y.indexOf(1) : -1;
  const rows = tableAt(f, threshold);
  return {
    source: split.source,
    method,
    threshold,
    axes: split.axes,
    extent: split.extent,
    train: classCounts(split.train.y),
    test: classCounts(split.test.y),
    rows,
    best: bestPerColumn(rows),
    points: { x, y, label, kind, copies },
    links,
    boundary: rule(method),
    noneBoundary: rule('none'),
    pr: prView(fit.pr),
    prNone: prView(f.fits.none.pr),
    minorityWeight: minorityRow >= 0 ? fit.weights![minorityRow] : null,
    smoteK: f.fits.smote.resampled.smote?.k ?? 0,
    messages: [...f.messages],
  };
}

/** Everything at once (tests, bench, link fuzzing); the worker caches fitAll instead. */
export function computeImbalance(input: ImbalanceInput): ImbalanceResult {
  return present(fitAll(input), input.method, input.threshold);
}

/** The fit cache key: every input but the method shown and the threshold. */
export const fitKey = (p: ImbalanceInput): string => `${p.data}|${p.ratio}|${p.data === 'generated' ? p.overlap : '-'}|${p.k}|${p.seed}`;
