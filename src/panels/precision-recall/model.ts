/**
 * The precision-recall panel's computation: a set of scored examples (synthetic normal classes,
 * or held-out emails scored by the spam classifier) → the confusion matrix at the threshold, every
 * metric, ROC and PR curves with their areas, the cost-optimal threshold, histograms and metric
 * sweeps for the plots. Pure: no React, no DOM; plain arrays out.
 */
import { stream } from '../../lib/random/rng';
import {
  apFromPr, aucFromRoc, clfFromSorted, costOptimumFromClf, countAtLeast, metricsFromCounts, prFromClf, rocFromClf,
  type Counts, type Metrics,
} from '../../lib/learn/metrics';
import { bayesThreshold, normalPdf, populationAuc, populationCurves } from './gaussian';
import { THRESHOLD_RANGE, type PrParams } from './params';

export type XY = [number, number];

/** Labels (1 = positive) and scores of the examples being thresholded. */
export interface ScoredSet {
  y: Uint8Array;
  s: Float64Array;
}

/** Synthetic scores: round(π n) positives ~ N(+d/2, 1), the rest ~ N(-d/2, 1). Each class draws
 * from its own stream, so changing the balance keeps the examples already drawn. */
export function syntheticSet(p: Pick<PrParams, 'n' | 'prevalence' | 'separation' | 'seed'>): ScoredSet {
  const n = Math.round(p.n);
  const nPos = Math.min(n, Math.round(p.prevalence * n));
  const rp = stream(p.seed, 'positives'), rn = stream(p.seed, 'negatives');
  const y = new Uint8Array(n), s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pos = i < nPos;
    y[i] = pos ? 1 : 0;
    s[i] = pos ? p.separation / 2 + rp.normal() : -p.separation / 2 + rn.normal();
  }
  return { y, s };
}

/**
 * A seeded subsample of scored examples with (as nearly as counts allow) the given share of
 * positives: below the pool's own share every negative is kept and positives are dropped, above
 * it the other way round. Nested: a lower prevalence keeps a subset of the positives of a higher.
 */
export function subsampleToPrevalence(pool: ScoredSet, prevalence: number, seed: number): ScoredSet {
  const pos: number[] = [], neg: number[] = [];
  pool.y.forEach((v, i) => (v === 1 ? pos : neg).push(i));
  const rng = stream(seed, 'subsample');
  const pp = rng.permutation(pos.length), pn = rng.permutation(neg.length);
  let kPos = pos.length, kNeg = neg.length;
  if (prevalence * (pos.length + neg.length) <= pos.length) kPos = Math.min(pos.length, Math.round((prevalence / (1 - prevalence)) * neg.length));
  else kNeg = Math.min(neg.length, Math.round(((1 - prevalence) / prevalence) * pos.length));
  const idx = [...Array.from(pp.subarray(0, kPos), (k) => pos[k]), ...Array.from(pn.subarray(0, kNeg), (k) => neg[k])];
  return { y: Uint8Array.from(idx, (i) => pool.y[i]), s: Float64Array.from(idx, (i) => pool.s[i]) };
}

/** Keeps at most `max` points of a curve (evenly by index, always the first and the last). */
export function thin(points: XY[], max = 800): XY[] {
  if (points.length <= max) return points;
  const out: XY[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(points[Math.round(k * step)]);
  return out;
}

export interface Operating {
  threshold: number;
  counts: Counts;
  metrics: Metrics;
  /** costRatio · FP + FN, in units of one false negative. */
  cost: number;
}

export interface Histogram {
  edges: number[];
  /** Per bin: count, or density when the panel shows each class scaled to area 1. */
  pos: number[];
  neg: number[];
}

export interface PrResult {
  source: PrParams['data'];
  n: number;
  nPos: number;
  nNeg: number;
  /** Share of positives actually in the set. */
  prevalence: number;
  beta: number;
  costRatio: number;
  current: Operating;
  /** The cut of the scores with the lowest costRatio · FP + FN (threshold +∞: predict nothing positive). */
  best: Operating;
  /** The classifier that always says "negative". */
  allNegative: Operating;
  roc: XY[] | null;
  pr: XY[] | null;
  rocAuc: number | null;
  /** Mann-Whitney U / (n+ n-): equals rocAuc. */
  rankAuc: number | null;
  mannWhitneyU: number;
  averagePrecision: number | null;
  /** Score axis of the distribution and sweep plots. */
  domain: [number, number];
  hist: Histogram;
  /** Metric against threshold, points only where defined. */
  sweep: { precision: XY[]; recall: XY[]; f1: XY[]; fbeta: XY[]; accuracy: XY[] };
  /** Synthetic only: the population the sample is drawn from. */
  population: null | {
    roc: XY[];
    pr: XY[];
    auc: number;
    bayesThreshold: number;
    /** Density curves on the score axis, scaled like the histogram. */
    posCurve: XY[];
    negCurve: XY[];
  };
  messages: string[];
}

const HIST_BINS = 48;
const SWEEP_STEPS = 200;

function operating(counts: Counts, threshold: number, beta: number, costRatio: number): Operating {
  return { threshold, counts, metrics: metricsFromCounts(counts, beta), cost: costRatio * counts.fp + counts.fn };
}

function scoreDomain(s: Float64Array, threshold: number): [number, number] {
  let lo = threshold, hi = threshold;
  for (const v of s) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const pad = Math.max(0.25, 0.04 * (hi - lo));
  return [Math.max(THRESHOLD_RANGE[0], lo - pad), Math.min(THRESHOLD_RANGE[1], hi + pad)];
}

function histogram(set: ScoredSet, domain: [number, number], density: boolean, nPos: number, nNeg: number): Histogram {
  const [lo, hi] = domain;
  const w = (hi - lo) / HIST_BINS;
  const pos = new Array<number>(HIST_BINS).fill(0), neg = new Array<number>(HIST_BINS).fill(0);
  for (let i = 0; i < set.s.length; i++) {
    const b = Math.min(HIST_BINS - 1, Math.max(0, Math.floor((set.s[i] - lo) / w)));
    (set.y[i] === 1 ? pos : neg)[b]++;
  }
  if (density) {
    for (let b = 0; b < HIST_BINS; b++) {
      pos[b] = nPos > 0 ? pos[b] / (nPos * w) : 0;
      neg[b] = nNeg > 0 ? neg[b] / (nNeg * w) : 0;
    }
  }
  return { edges: Array.from({ length: HIST_BINS + 1 }, (_, k) => lo + k * w), pos, neg };
}

/** Everything the view shows, from a scored set and the panel's params. */
export function analyse(set: ScoredSet, p: PrParams): PrResult {
  const n = set.y.length;
  const posScores: number[] = [], negScores: number[] = [];
  for (let i = 0; i < n; i++) (set.y[i] === 1 ? posScores : negScores).push(set.s[i]);
  const nPos = posScores.length, nNeg = negScores.length;
  const sp = Float64Array.from(posScores).sort(), sn = Float64Array.from(negScores).sort();
  const countsAt = (t: number): Counts => {
    const tp = countAtLeast(sp, t), fp = countAtLeast(sn, t);
    return { tp, fp, tn: nNeg - fp, fn: nPos - tp };
  };

  // One O(n) merge of the two sorted classes gives every curve and the rank statistic.
  const clf = clfFromSorted(sp, sn);
  const rocC = rocFromClf(clf, true);
  const prC = prFromClf(clf);
  const mw = { u: clf.u, auc: nPos > 0 && nNeg > 0 ? clf.u / (nPos * nNeg) : null };
  const opt = costOptimumFromClf(clf, p.costRatio);

  const domain = scoreDomain(set.s, p.threshold);
  const sweep: PrResult['sweep'] = { precision: [], recall: [], f1: [], fbeta: [], accuracy: [] };
  for (let k = 0; k <= SWEEP_STEPS; k++) {
    const t = domain[0] + ((domain[1] - domain[0]) * k) / SWEEP_STEPS;
    const m = metricsFromCounts(countsAt(t), p.beta);
    for (const key of ['precision', 'recall', 'f1', 'fbeta', 'accuracy'] as const) {
      const v = m[key];
      if (v !== null) sweep[key].push([t, v]);
    }
  }

  const roc = rocC ? thin(Array.from(rocC.fpr, (f, i): XY => [f, rocC.tpr[i]])) : null;
  const pr = prC ? thin(Array.from(prC.recall, (r, i): XY => [r, prC.precision[i]]).reverse()) : null;

  let population: PrResult['population'] = null;
  if (p.data === 'synthetic') {
    const d = p.separation;
    const curves = populationCurves(d, Math.min(Math.max(nPos / Math.max(n, 1), 1e-9), 1 - 1e-9));
    const w = (domain[1] - domain[0]) / HIST_BINS;
    const xs = Array.from({ length: 161 }, (_, k) => domain[0] + ((domain[1] - domain[0]) * k) / 160);
    const scale = (cls: number) => (p.hist === 'density' ? 1 : cls * w);
    population = {
      roc: curves.roc,
      pr: curves.pr,
      auc: populationAuc(d),
      bayesThreshold: bayesThreshold(d, p.prevalence, p.costRatio),
      posCurve: nPos > 0 ? xs.map((x): XY => [x, scale(nPos) * normalPdf(x - d / 2)]) : [],
      negCurve: nNeg > 0 ? xs.map((x): XY => [x, scale(nNeg) * normalPdf(x + d / 2)]) : [],
    };
  }

  const messages: string[] = [];
  const what = p.data === 'spam' ? 'spam emails' : 'positives';
  if (nPos === 0)
    messages.push(`There are no ${what} at this balance and size, so recall, the PR curve, ROC AUC and average precision are undefined (0/0). Raise the share of positives or draw more examples.`);
  if (nNeg === 0)
    messages.push(`Every example is positive, so specificity, the false positive rate and the ROC curve are undefined (0/0).`);
  const cur = countsAt(p.threshold);
  if (n > 0 && cur.tp + cur.fp === 0 && nPos + nNeg > 0)
    messages.push('No score reaches the threshold, so nothing is predicted positive: precision is 0/0, undefined (scikit-learn reports 0 with a warning).');

  return {
    source: p.data,
    n, nPos, nNeg,
    prevalence: n > 0 ? nPos / n : 0,
    beta: p.beta,
    costRatio: p.costRatio,
    current: operating(cur, p.threshold, p.beta, p.costRatio),
    best: operating(opt.counts, opt.threshold, p.beta, p.costRatio),
    allNegative: operating({ tp: 0, fp: 0, tn: nNeg, fn: nPos }, Infinity, p.beta, p.costRatio),
    roc, pr,
    rocAuc: aucFromRoc(rocC),
    rankAuc: mw.auc,
    mannWhitneyU: mw.u,
    averagePrecision: apFromPr(prC),
    domain,
    hist: histogram(set, domain, p.hist === 'density', nPos, nNeg),
    sweep,
    population,
    messages,
  };
}

/** Lines of equal F-beta = f in the (recall, precision) plane: P = f R / ((1+β²) R − β² f). */
export function isoFbeta(f: number, beta: number, steps = 60): XY[] {
  const b2 = beta * beta;
  const r0 = (b2 * f) / (1 + b2 - f); // where P reaches 1
  const out: XY[] = [];
  for (let k = 0; k <= steps; k++) {
    const r = r0 + ((1 - r0) * k) / steps;
    out.push([r, Math.min(1, (f * r) / ((1 + b2) * r - b2 * f))]);
  }
  return out;
}

/** The line of equal cost through a point of the ROC plane: slope costRatio · N / P, clipped to the unit square. */
export function isoCostLine(at: XY, costRatio: number, nPos: number, nNeg: number): XY[] | null {
  if (nPos === 0 || nNeg === 0) return null;
  const slope = (costRatio * nNeg) / nPos;
  const [x0, y0] = at;
  const yAt = (x: number) => y0 + slope * (x - x0);
  const xAt = (y: number) => x0 + (y - y0) / slope;
  const ends: XY[] = [];
  for (const x of [0, 1]) if (yAt(x) >= 0 && yAt(x) <= 1) ends.push([x, yAt(x)]);
  for (const y of [0, 1]) if (xAt(y) > 0 && xAt(y) < 1) ends.push([xAt(y), y]);
  ends.sort((a, b) => a[0] - b[0]);
  return ends.length >= 2 ? [ends[0], ends[ends.length - 1]] : null;
}
