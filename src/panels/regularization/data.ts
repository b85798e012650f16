/**
 * The panel's regression problem: y = x·w* + ε with x ~ N(0, Σ), where Σ is the identity except
 * that the first `block` features have pairwise correlation ρ (a shared factor:
 * x_j = √ρ z + √(1 − ρ) e_j), and ε ~ N(0, σ²). The first k features truly matter: the correlated
 * block's members share one weight (so only a group-aware penalty should keep them all), the others
 * get random signs and sizes. No true intercept. Pure: no React, no DOM.
 */
import { stream } from '../../lib/random/rng';

export interface Problem {
  n: number;
  p: number;
  /** Row-major n × p. */
  X: Float64Array;
  y: Float64Array;
  wTrue: Float64Array;
  /** How many leading features are in the correlated block, and their correlation. */
  block: number;
  rho: number;
  sigma: number;
}

/** The shared weight of the correlated block's true features. */
export const BLOCK_WEIGHT = 1.5;

export function makeTrueWeights(p: number, k: number, block: number, seed: number): Float64Array {
  const rng = stream(seed, 'weights');
  const w = new Float64Array(p);
  const kk = Math.min(k, p);
  for (let j = 0; j < kk; j++) {
    if (j < block) w[j] = BLOCK_WEIGHT;
    else {
      const mag = rng.uniform(0.5, 2);
      w[j] = rng.next() < 0.5 ? -mag : mag;
    }
  }
  return w;
}

export function makeProblem(o: { n: number; p: number; k: number; block: number; rho: number; sigma: number; seed: number }): Problem {
  const { n, p, rho, sigma, seed } = o;
  const block = Math.min(o.block, p);
  const wTrue = makeTrueWeights(p, o.k, block, seed);
  const rng = stream(seed, 'data');
  const a = Math.sqrt(Math.max(0, rho));
  const c = Math.sqrt(Math.max(0, 1 - rho));
  const X = new Float64Array(n * p);
  const y = new Float64Array(n);
  // Every draw happens whatever ρ and σ are, so those sliders move the same sample smoothly.
  for (let i = 0; i < n; i++) {
    const z = rng.normal();
    let s = 0;
    for (let j = 0; j < p; j++) {
      const e = rng.normal();
      const x = j < block ? a * z + c * e : e;
      X[i * p + j] = x;
      s += x * wTrue[j];
    }
    y[i] = s + sigma * rng.normal();
  }
  return { n, p, X, y, wTrue, block, rho, sigma };
}

/**
 * Exact expected squared error of the prediction x·w + b on a fresh sample from the same
 * distribution: σ² + (w − w*)ᵀ Σ (w − w*) + b² (x has mean zero and there is no true intercept).
 */
export function expectedTestMse(pr: Pick<Problem, 'p' | 'wTrue' | 'block' | 'rho' | 'sigma'>, w: ArrayLike<number>, b: number): number {
  let sq = 0;
  let blockSum = 0;
  let blockSq = 0;
  for (let j = 0; j < pr.p; j++) {
    const d = w[j] - pr.wTrue[j];
    sq += d * d;
    if (j < pr.block) {
      blockSum += d;
      blockSq += d * d;
    }
  }
  return pr.sigma * pr.sigma + sq + pr.rho * (blockSum * blockSum - blockSq) + b * b;
}
