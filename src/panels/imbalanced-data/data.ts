/**
 * The data sets: two Gaussian classes generated from the seed (the default), or the real sensor
 * readings (sensorCodec.ts), each cut into a training and a test set with the same imbalance.
 * Pure: no React, no DOM. Randomness from named streams of the seed, so moving the imbalance
 * keeps the majority points where they are and adds or drops minority points at the end of a
 * fixed sequence, and moving the overlap slides the same minority points.
 */
import type { Matrix } from '../../lib/learn/api';
import { stream } from '../../lib/random/rng';
import type { SensorTable } from './sensorCodec';

/** Majority points in the training and the test set of the generated data. */
export const TRAIN_MAJORITY = 1000;
export const TEST_MAJORITY = 4000;
/** Fewest minority points a set keeps, however extreme the ratio (SMOTE needs a neighbour). */
export const MIN_MINORITY = 2;
/** Distance between the generated class means at overlap 0, in standard deviations. */
export const MAX_SEPARATION = 4;
/** The generated data's plot range (both axes): ±3.5 sd around either mean at any overlap. */
export const GENERATED_EXTENT: [number, number, number, number] = [-4, 6.5, -4, 6.5];

export interface Labelled {
  X: Matrix;
  y: Int32Array;
}

export interface Split {
  source: 'generated' | 'sensors';
  train: Labelled;
  test: Labelled;
  /** Axis labels of the two features. */
  axes: [string, string];
  /** Plot range [x0, x1, y0, y1], the same for every ratio and seed of a data set. */
  extent: [number, number, number, number];
  /** What could not be done as asked (e.g. too few minority points for the ratio). */
  messages: string[];
}

/** Minority count for a majority count at a ratio (majority : minority), at least MIN_MINORITY. */
export const minorityFor = (majority: number, ratio: number): number => Math.max(MIN_MINORITY, Math.round(majority / ratio));

/** n0 majority points around (0, 0) then n1 minority points around (m, m), m = Δ/√2, both with
 *  identity covariance, so the Bayes boundary is a line and logistic regression fits the truth. */
export function gaussianClasses(seed: number, part: 'train' | 'test', n0: number, n1: number, overlap: number): Labelled {
  const m = (MAX_SEPARATION * (1 - overlap)) / Math.SQRT2;
  const r0 = stream(seed, `${part}-majority`), r1 = stream(seed, `${part}-minority`);
  const data = new Float64Array((n0 + n1) * 2);
  const y = new Int32Array(n0 + n1);
  for (let i = 0; i < n0; i++) {
    data[2 * i] = r0.normal();
    data[2 * i + 1] = r0.normal();
  }
  for (let i = n0; i < n0 + n1; i++) {
    data[2 * i] = m + r1.normal();
    data[2 * i + 1] = m + r1.normal();
    y[i] = 1;
  }
  return { X: { data, n: n0 + n1, d: 2 }, y };
}

export function generatedSplit(seed: number, ratio: number, overlap: number): Split {
  return {
    source: 'generated',
    train: gaussianClasses(seed, 'train', TRAIN_MAJORITY, minorityFor(TRAIN_MAJORITY, ratio), overlap),
    test: gaussianClasses(seed, 'test', TEST_MAJORITY, minorityFor(TEST_MAJORITY, ratio), overlap),
    axes: ['feature x₁', 'feature x₂'],
    extent: GENERATED_EXTENT,
    messages: [],
  };
}

/**
 * The largest subset of a pool with `major` majority and `minor` minority rows at the ratio:
 * at most `cap` majority rows, at least MIN_MINORITY minority rows (when the pool has them).
 */
export function countsAt(major: number, minor: number, ratio: number, cap: number): [number, number] {
  const a0 = Math.min(cap, major);
  const want = Math.max(MIN_MINORITY, Math.round(a0 / ratio));
  if (minor >= want) return [a0, want];
  // Too few minority rows: keep them all and fewer majority rows, to hold the ratio.
  return [Math.min(a0, Math.max(1, Math.round(minor * ratio))), minor];
}

/**
 * The sensor readings cut by mote, so the test score is about sensors the model has not seen
 * (readings 5 s apart on one mote are near copies: a random row split would put copies on both
 * sides). Motes 1 and 2 are indoors, 3 and 4 outdoors; events (steam) were made at motes 1 and 4
 * only. Training gets motes 1 and 3, test motes 2 and 4: each side has indoor and outdoor normal
 * readings and one mote's events (117 in training, 32 in test). Each side is then subsampled
 * (seeded) to the ratio, with fewer normal readings where the events run out.
 */
export function sensorSplit(t: SensorTable, seed: number, ratio: number): Split {
  const messages: string[] = [];
  const side = (motes: readonly number[], part: 'training' | 'test', cap: number): Labelled => {
    const pos: number[] = [], neg: number[] = [];
    for (let i = 0; i < t.label.length; i++) if (motes.includes(t.mote[i])) (t.label[i] === 1 ? pos : neg).push(i);
    const rng = stream(seed, `sensors-${part}`);
    rng.shuffle(neg);
    rng.shuffle(pos);
    const [a, b] = countsAt(neg.length, pos.length, ratio, cap);
    if (a < Math.min(cap, neg.length))
      messages.push(`The ${part} motes have only ${pos.length} event readings, so at ${ratioLabel(ratio)} the ${part} set keeps ${a} normal readings.`);
    const rows = [...neg.slice(0, a).sort((p, q) => p - q), ...pos.slice(0, b).sort((p, q) => p - q)];
    const data = new Float64Array(rows.length * 2);
    const y = new Int32Array(rows.length);
    rows.forEach((i, r) => {
      data[2 * r] = t.humidity[i];
      data[2 * r + 1] = t.temperature[i];
      y[r] = t.label[i];
    });
    return { X: { data, n: rows.length, d: 2 }, y };
  };
  const train = side(TRAIN_MOTES, 'training', TRAIN_MAJORITY);
  const test = side(TEST_MOTES, 'test', TEST_MAJORITY);
  return { source: 'sensors', train, test, axes: ['humidity (%)', 'temperature (°C)'], extent: sensorExtent(t), messages };
}

const ratioLabel = (r: number) => `1 : ${Number(r.toPrecision(3))}`;

export const TRAIN_MOTES = [1, 3] as const;
export const TEST_MOTES = [2, 4] as const;

/** The range of all readings, padded by 4 %, so the axes do not move with the subsample. */
export function sensorExtent(t: SensorTable): [number, number, number, number] {
  const lim = (v: ArrayLike<number>): [number, number] => {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
      if (v[i] < lo) lo = v[i];
      if (v[i] > hi) hi = v[i];
    }
    if (!(hi > lo)) return [lo - 1, lo + 1];
    const pad = 0.04 * (hi - lo);
    return [lo - pad, hi + pad];
  };
  return [...lim(t.humidity), ...lim(t.temperature)] as [number, number, number, number];
}
