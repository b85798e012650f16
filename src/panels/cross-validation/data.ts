/**
 * The panel's data sets, all seeded. Pure: no React, no DOM.
 *
 * `makeData`: n samples in time order, two classes, uneven groups. Class 1 grows more common
 * over time; each group has its own offset in feature space and its own label tendency, so
 * samples of one group resemble each other (the structure a splitter must respect).
 *
 * `makeNoise`: the selection-bias set: many columns of pure noise and coin-flip labels, so no
 * model can beat 50 % on new data.
 */
import type { Rng } from '../../lib/random/rng';

export interface CvData {
  n: number;
  /** Features per sample. */
  d: number;
  /** Row-major [n, d] features. */
  x: Float64Array;
  /** Class 0 or 1. */
  y: Int32Array;
  /** Group 0..groups-1 (every group has at least one sample when n ≥ groups). */
  group: Int32Array;
  /** Time in [0, 1]; samples are in time order. */
  time: Float64Array;
  groups: number;
}

export interface DataOptions {
  n: number;
  /** Expected share of class 1 over the whole period. */
  balance: number;
  groups: number;
  /** 0..1: how strongly a group shifts its samples' features and labels. */
  groupEffect: number;
}

/** Half the distance between the two class centres, in units of the within-class noise. */
export const SEPARATION = 1.5;
/** Scale of a group's feature offset and label tendency at groupEffect = 1. */
const GROUP_OFFSET = 1.6;
const GROUP_LOGIT = 2;

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const clampP = (p: number) => Math.min(0.97, Math.max(0.03, p));

/** Probability of class 1 at time t before the group's tendency: rises from 0.4π to 1.6π. */
export function classRate(balance: number, t: number): number {
  return clampP(balance * (0.4 + 1.2 * t));
}

/** One sample's features and label given its group's draw (offset ox, oy and tendency u). */
function drawSample(rng: Rng, balance: number, effect: number, t: number, ox: number, oy: number, u: number): [number, number, number] {
  const p = sigmoid(logit(classRate(balance, t)) + GROUP_LOGIT * effect * u);
  const y = rng.next() < p ? 1 : 0;
  const s = (2 * y - 1) * SEPARATION * Math.SQRT1_2;
  return [s + GROUP_OFFSET * effect * ox + rng.normal(), s + GROUP_OFFSET * effect * oy + rng.normal(), y];
}

/** Group sizes: one sample each, the rest spread by uneven random weights; then shuffled in time. */
function drawGroups(rng: Rng, n: number, groups: number): Int32Array {
  const g = Math.max(1, Math.min(groups, n));
  const w = Array.from({ length: g }, () => 0.25 + rng.next() * rng.next() * 3);
  const total = w.reduce((a, b) => a + b, 0);
  const labels: number[] = Array.from({ length: g }, (_, i) => i);
  for (let i = g; i < n; i++) {
    let r = rng.next() * total;
    let j = 0;
    while (j < g - 1 && r >= w[j]) r -= w[j++];
    labels.push(j);
  }
  rng.shuffle(labels);
  return Int32Array.from(labels);
}

export function makeData(rng: Rng, o: DataOptions): CvData {
  const { n } = o;
  const group = drawGroups(rng, n, o.groups);
  const G = Math.max(1, Math.min(o.groups, n));
  const draws = Array.from({ length: G }, () => [rng.normal(), rng.normal(), rng.normal()]);
  const x = new Float64Array(2 * n);
  const y = new Int32Array(n);
  const time = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = n > 1 ? i / (n - 1) : 0;
    const [ox, oy, u] = draws[group[i]];
    const [a, b, c] = drawSample(rng, o.balance, o.groupEffect, time[i], ox, oy, u);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = c;
  }
  return { n, d: 2, x, y, group, time, groups: G };
}

/** m new samples from new groups at uniform random times: what "unseen data" means here. */
export function makeFresh(rng: Rng, m: number, balance: number, groupEffect: number): { x: Float64Array; y: Int32Array } {
  const x = new Float64Array(2 * m);
  const y = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const ox = rng.normal(), oy = rng.normal(), u = rng.normal();
    const [a, b, c] = drawSample(rng, balance, groupEffect, rng.next(), ox, oy, u);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = c;
  }
  return { x, y };
}

export interface NoiseData {
  n: number;
  /** Columns. */
  p: number;
  /** Column-major [p, n]: feature j is x[j*n .. j*n+n). */
  x: Float64Array;
  /** Exactly half ones (n even) in random order. */
  y: Int32Array;
}

/** Pure noise: p features uniform with mean 0 and variance 1, labels a balanced coin flip independent of them. */
export function makeNoise(rng: Rng, n: number, p: number): NoiseData {
  const y = noiseLabels(rng, n);
  const x = new Float64Array(n * p);
  noiseColumns(rng, x, n, 0, p);
  return { n, p, x, y };
}

/** The noise set's labels: the first draws of its stream (the columns follow them). */
export function noiseLabels(rng: Rng, n: number): Int32Array {
  const y = new Int32Array(n);
  for (let i = 0; i < Math.floor(n / 2); i++) y[i] = 1;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = y[i];
    y[i] = y[j];
    y[j] = t;
  }
  return y;
}

/**
 * Columns from … to − 1 of a noise set into x (column-major, column j at x[j*n …]), drawn in
 * column order: column j is the stream's next n values after the earlier columns', so a set with
 * more features starts with the columns of one with fewer (noiseSets.ts keeps them between settings).
 */
export function noiseColumns(rng: Rng, x: Float64Array, n: number, from: number, to: number): void {
  // Uniform with unit variance: as pure as Gaussian noise for this purpose, and several times
  // cheaper to draw (up to 25 sets × 2000 × 60 values per slider step).
  const w = 2 * Math.sqrt(3);
  for (let k = from * n, end = to * n; k < end; k++) x[k] = (rng.next() - 0.5) * w;
}
