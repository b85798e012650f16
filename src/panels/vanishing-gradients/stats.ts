/**
 * Summaries of one forward/backward pass: activation histograms per layer, the share of units
 * whose slope is near zero, and the vanishing / exploding verdicts. Pure TypeScript.
 */
import type { Activation } from './params';

export const HIST_BINS = 30;

/** A gradient norm above this (or not finite, or layer 1 over 1000× the last) counts as exploding. */
export const EXPLODE_NORM = 1e3;
/** First-layer norm below this fraction of the last layer's counts as vanishing. */
export const VANISH_RATIO = 1e-3;
/** After training started, every norm below this means training has all but stopped. */
export const STALL_NORM = 1e-3;
/** Norms below this are drawn at this floor on log axes (an exact 0 has no logarithm). */
export const NORM_FLOOR = 1e-30;

/** Histogram range per activation: the whole range of bounded ones, a typical window otherwise. */
export const ACT_RANGE: Record<Activation, [number, number]> = {
  sigmoid: [0, 1],
  tanh: [-1, 1],
  relu: [0, 3],
  leaky: [-0.5, 3],
  elu: [-1, 3],
};

/** Whether an activation output sits where the activation's slope is below ~5% of its maximum. */
export function flatAt(a: Activation, v: number): boolean {
  switch (a) {
    case 'sigmoid':
      return v * (1 - v) < 0.0125;
    case 'tanh':
      return 1 - v * v < 0.05;
    case 'relu':
      return v <= 0;
    case 'leaky':
      return v < 0;
    case 'elu':
      return v + 1 < 0.05;
  }
}

export interface LayerStats {
  /** hidden layers × HIST_BINS, each row the fractions of that layer's values per bin. */
  hist: Float32Array;
  /** Per hidden layer: fraction of values beyond the histogram range (counted in the end bins). */
  outside: Float32Array;
  /** Per hidden layer: fraction of values where the activation is nearly flat. */
  flat: Float32Array;
}

export function layerStats(hidden: Float32Array[], a: Activation): LayerStats {
  const L = hidden.length;
  const [lo, hi] = ACT_RANGE[a];
  const hist = new Float32Array(L * HIST_BINS);
  const outside = new Float32Array(L);
  const flat = new Float32Array(L);
  const scale = HIST_BINS / (hi - lo);
  for (let l = 0; l < L; l++) {
    const h = hidden[l];
    let out = 0, fl = 0;
    const counts = new Float64Array(HIST_BINS);
    for (let k = 0; k < h.length; k++) {
      const v = h[k];
      if (v < lo || v > hi || !Number.isFinite(v)) out++;
      if (flatAt(a, v)) fl++;
      const b = Math.floor((v - lo) * scale);
      counts[Number.isNaN(b) ? 0 : b < 0 ? 0 : b >= HIST_BINS ? HIST_BINS - 1 : b]++;
    }
    const n = Math.max(1, h.length);
    for (let b = 0; b < HIST_BINS; b++) hist[l * HIST_BINS + b] = counts[b] / n;
    outside[l] = out / n;
    flat[l] = fl / n;
  }
  return { hist, outside, flat };
}

export interface Verdict {
  /** First-layer norm / last-layer norm (NaN when not finite or the last is 0). */
  ratio: number;
  vanishing: boolean;
  exploding: boolean;
  /** Some norm is Infinity or NaN. */
  overflow: boolean;
  /** Largest finite norm. */
  maxNorm: number;
}

/** The verdict on one set of per-layer gradient norms (first layer first). */
export function verdict(norms: ArrayLike<number>): Verdict {
  let overflow = false, maxNorm = 0;
  for (let i = 0; i < norms.length; i++) {
    const v = norms[i];
    if (!Number.isFinite(v)) overflow = true;
    else maxNorm = Math.max(maxNorm, v);
  }
  const first = norms[0], last = norms[norms.length - 1];
  const ratio = Number.isFinite(first) && Number.isFinite(last) && last > 0 ? first / last : NaN;
  return {
    ratio,
    vanishing: norms.length > 1 && ratio < VANISH_RATIO,
    // Too large anywhere, or growing a thousand-fold on the way back to the input.
    exploding: overflow || maxNorm > EXPLODE_NORM || ratio > 1 / VANISH_RATIO,
    overflow,
    maxNorm,
  };
}
