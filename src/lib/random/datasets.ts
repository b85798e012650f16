/**
 * Dataset generators. Each takes an Rng (never Math.random), so a seed reproduces the data.
 * 2-D sets return flat coordinate arrays plus integer labels, ready for typed-array models
 * and for tensor2d(x, [n, 2]).
 */
import type { Rng } from './rng';

export interface Dataset2D {
  /** Row-major [n, 2] coordinates. */
  x: Float64Array;
  /** Class label per point (0, 1, … ). */
  y: Int32Array;
  n: number;
}

export interface Dataset1D {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

export type TrueFunction = 'sine' | 'cubic' | 'step' | 'linear';

/** Target functions on [-1, 1], all with range about [-1, 1] so one noise scale fits all. */
export function trueFunction(kind: TrueFunction): (x: number) => number {
  switch (kind) {
    case 'sine':
      return (x) => Math.sin(Math.PI * x);
    case 'cubic':
      return (x) => 2.5 * x * x * x - 1.5 * x;
    case 'step':
      return (x) => (x < 0 ? -0.6 : 0.6);
    case 'linear':
      return (x) => 0.8 * x;
  }
}

/** n points with x uniform on [lo, hi] and y = f(x) + N(0, noise²). */
export function noisy1D(
  rng: Rng,
  f: (x: number) => number,
  n: number,
  noise: number,
  lo = -1,
  hi = 1,
): Dataset1D {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.uniform(lo, hi);
    y[i] = f(x[i]) + noise * rng.normal();
  }
  return { x, y, n };
}

function make(n: number): Dataset2D {
  return { x: new Float64Array(2 * n), y: new Int32Array(n), n };
}

/** Isotropic Gaussian blobs around the given centres, points split as evenly as possible. */
export function blobs(rng: Rng, n: number, centers: [number, number][], spread: number): Dataset2D {
  const d = make(n);
  const k = centers.length;
  for (let i = 0; i < n; i++) {
    const c = i % k;
    d.x[2 * i] = centers[c][0] + spread * rng.normal();
    d.x[2 * i + 1] = centers[c][1] + spread * rng.normal();
    d.y[i] = c;
  }
  return d;
}

/** Two interleaving half circles (as scikit-learn's make_moons), plus Gaussian noise. */
export function moons(rng: Rng, n: number, noise: number): Dataset2D {
  const d = make(n);
  const nOuter = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const outer = i < nOuter;
    const t = Math.PI * rng.next();
    const px = outer ? Math.cos(t) : 1 - Math.cos(t);
    const py = outer ? Math.sin(t) : 0.5 - Math.sin(t);
    d.x[2 * i] = px + noise * rng.normal();
    d.x[2 * i + 1] = py + noise * rng.normal();
    d.y[i] = outer ? 0 : 1;
  }
  return d;
}

/** Two concentric circles, inner radius `factor` times the outer, label 1 inside. */
export function circles(rng: Rng, n: number, noise: number, factor = 0.5): Dataset2D {
  const d = make(n);
  for (let i = 0; i < n; i++) {
    const inner = i % 2 === 1;
    const t = 2 * Math.PI * rng.next();
    const r = inner ? factor : 1;
    d.x[2 * i] = r * Math.cos(t) + noise * rng.normal();
    d.x[2 * i + 1] = r * Math.sin(t) + noise * rng.normal();
    d.y[i] = inner ? 1 : 0;
  }
  return d;
}

/** Two interleaved spirals (TensorFlow Playground's hardest set), radius up to 1. */
export function spiral(rng: Rng, n: number, noise: number, turns = 1.75): Dataset2D {
  const d = make(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const t = rng.next();
    const r = 0.05 + 0.95 * t;
    const angle = 2 * Math.PI * turns * t + cls * Math.PI;
    d.x[2 * i] = r * Math.sin(angle) + noise * rng.normal();
    d.x[2 * i + 1] = r * Math.cos(angle) + noise * rng.normal();
    d.y[i] = cls;
  }
  return d;
}

/** XOR: uniform on [-1, 1]², label 1 where the coordinates share a sign. */
export function xor(rng: Rng, n: number, noise: number): Dataset2D {
  const d = make(n);
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1), b = rng.uniform(-1, 1);
    d.x[2 * i] = a + noise * rng.normal();
    d.x[2 * i + 1] = b + noise * rng.normal();
    d.y[i] = a * b > 0 ? 1 : 0;
  }
  return d;
}
