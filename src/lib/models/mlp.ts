/**
 * The forward pass of a saved model (format.ts), in float64 typed arrays: what the deployment
 * panel times and serves. Pure: no DOM, no tfjs.
 */
import type { Feature, SavedModel } from './format';

/** One feature of a 2-D point. */
function featureOf(f: Feature, a: number, b: number): number {
  switch (f) {
    case 'x1': return a;
    case 'x2': return b;
    case 'x1^2': return a * a;
    case 'x2^2': return b * b;
    case 'x1*x2': return a * b;
    case 'sin(x1)': return Math.sin(a);
    case 'sin(x2)': return Math.sin(b);
  }
}

/** The model's inputs [n, features] for n points [n, 2] (row-major). */
export function featurize(features: readonly Feature[], points: ArrayLike<number>, n: number): Float64Array {
  const F = features.length;
  const out = new Float64Array(n * F);
  for (let i = 0; i < n; i++) for (let k = 0; k < F; k++) out[i * F + k] = featureOf(features[k], points[2 * i], points[2 * i + 1]);
  return out;
}

/** A compiled network: its weights in one Float64Array and scratch buffers for up to `maxRows` rows. */
export interface Compiled {
  sizes: readonly number[];
  relu: boolean;
  theta: Float64Array;
  bufA: Float64Array;
  bufB: Float64Array;
  maxRows: number;
}

export function compile(m: SavedModel, maxRows: number): Compiled {
  const widest = Math.max(...m.architecture.sizes);
  return {
    sizes: m.architecture.sizes,
    relu: m.architecture.activation === 'relu',
    theta: Float64Array.from(m.weights),
    bufA: new Float64Array(maxRows * widest),
    bufB: new Float64Array(maxRows * widest),
    maxRows,
  };
}

/** P(class 1) for n rows of inputs X [n, sizes[0]], written into `out` (n ≤ maxRows). */
export function predictInto(c: Compiled, X: ArrayLike<number>, n: number, out: Float64Array): Float64Array {
  const { sizes, theta, relu } = c;
  let input: ArrayLike<number> = X;
  let cur = c.bufA, other = c.bufB;
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nin = sizes[l], nout = sizes[l + 1];
    const W = at, B = at + nin * nout;
    at = B + nout;
    const last = l + 2 === sizes.length;
    for (let r = 0; r < n; r++) {
      const zr = r * nout, ir = r * nin;
      for (let j = 0; j < nout; j++) cur[zr + j] = theta[B + j];
      for (let i = 0; i < nin; i++) {
        const v = input[ir + i];
        const wi = W + i * nout;
        for (let j = 0; j < nout; j++) cur[zr + j] += v * theta[wi + j];
      }
      if (!last) for (let j = 0; j < nout; j++) cur[zr + j] = relu ? (cur[zr + j] > 0 ? cur[zr + j] : 0) : Math.tanh(cur[zr + j]);
    }
    input = cur;
    [cur, other] = [other, cur];
  }
  for (let r = 0; r < n; r++) {
    const z = input[r];
    out[r] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
  return out;
}

/** P(class 1) for n points [n, 2]. */
export function predictPoints(m: SavedModel, points: ArrayLike<number>, n: number): Float64Array {
  const c = compile(m, n);
  return predictInto(c, featurize(m.features, points, n), n, new Float64Array(n));
}
