/**
 * One class's fit in the lockstep one-vs-rest fitter (ovrLogistic.ts): the kit's fitLogistic's
 * variables, kept between calls (a lane per class slot), and its Newton step, which works on one
 * class at a time (the solve is (d+1)³, small next to the sums over rows). Pure: no DOM.
 */
import { choleskySolveOrNull as solveSpd } from '../../lib/learn/logistic';

/** One class's fit in progress: fitLogistic's variables (arrays at least n or p long, reused). */
export interface Lane {
  y: Int32Array;
  beta: Float64Array;
  next: Float64Array;
  z: Float64Array;
  e: Float64Array;
  zN: Float64Array;
  eN: Float64Array;
  hv: Float64Array;
  rv: Float64Array;
  g: Float64Array;
  H: Float64Array;
  dir: Float64Array;
  f: number;
  fNext: number;
  t: number;
  slope: number;
  iterations: number;
  converged: boolean;
  done: boolean;
}

const lanes: Lane[] = [];

/** Class slot c's lane, grown to n rows and p coefficients, reset to β = 0. */
export function laneOf(c: number, n: number, p: number): Lane {
  let L = lanes[c];
  if (!L || L.z.length < n || L.beta.length < p) {
    const N = Math.max(n, L ? L.z.length : 0), P = Math.max(p, L ? L.beta.length : 0);
    const v = () => new Float64Array(N), w = () => new Float64Array(P);
    L = lanes[c] = { y: new Int32Array(N), beta: w(), next: w(), z: v(), e: v(), zN: v(), eN: v(), hv: v(), rv: v(), g: w(), H: new Float64Array(P * P), dir: w(), f: 0, fNext: 0, t: 1, slope: 0, iterations: 0, converged: false, done: false };
  }
  L.beta.fill(0, 0, p);
  L.iterations = 0;
  L.converged = L.done = false;
  return L;
}

/** fitLogistic's Newton step for one lane whose gradient and Hessian are made: the penalty, the
 *  solve (with the kit's jitter), the convergence test; leaves `dir` and `slope` for the search. */
export function newtonStep(L: Lane, d: number, lambda: number, tol: number): void {
  const p = d + 1, { g, H, beta } = L;
  for (let j = 0; j < d; j++) {
    g[j] += lambda * beta[j];
    H[j * p + j] += lambda;
  }
  L.iterations++;
  let step: Float64Array | null = null;
  let maxDiag = 0;
  for (let a = 0; a < p; a++) maxDiag = Math.max(maxDiag, H[a * p + a]);
  for (let jitter = 0; !step && jitter < 12; jitter++) {
    if (jitter > 0) for (let a = 0; a < p; a++) H[a * p + a] += maxDiag * 10 ** (jitter - 14) + 1e-300;
    step = solveSpd(H, g, p);
  }
  if (!step) {
    L.done = true;
    return;
  }
  L.dir = step;
  let smax = 0, bmax0 = 0;
  for (let a = 0; a < p; a++) {
    smax = Math.max(smax, Math.abs(step[a]));
    bmax0 = Math.max(bmax0, Math.abs(beta[a]));
  }
  if (smax <= tol * (1 + bmax0)) {
    for (let a = 0; a < p; a++) beta[a] -= step[a];
    L.converged = L.done = true;
    return;
  }
  let slope = 0;
  for (let a = 0; a < p; a++) slope += g[a] * step[a];
  L.slope = slope;
  L.t = 1;
}

