/**
 * The solvers against truths that are not our code: scikit-learn's Lasso, ElasticNet and Ridge
 * (reference-cases.json), the lasso's optimality (KKT) conditions, α_max, the closed form of an
 * orthogonal design worked by hand, and ridge's normal equations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alphaMax, elasticNet, lasso, prepare, trainMse } from './solvers';
import { kktViolation } from './kkt';
import { ridge } from './ridge';
import { stream } from '../../lib/random/rng';

interface Case {
  name: string;
  input: { alpha: number; l1_ratio?: number };
  expected: { coef: number[]; intercept: number };
}
interface RegOracle {
  notes: string;
  X: number[][];
  y: number[];
  alpha_max: number;
  cases: Case[];
}

function loadOracle(): RegOracle {
  let text: string;
  try {
    text = readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8');
  } catch {
    text = readFileSync(process.cwd() + '/../shared/oracles/reference-cases.json', 'utf8');
  }
  return JSON.parse(text).regularization as RegOracle;
}

const O = loadOracle();
const n = O.X.length;
const p = O.X[0].length;
const X = Float64Array.from(O.X.flat());
const y = Float64Array.from(O.y);
const d = prepare(X, y, n, p);
const TIGHT = { tol: 1e-13, maxSweeps: 200000 };
/** Plain CD sweeps above which there is room to accelerate (Anderson starts after K + 1 = 6). */
const SLOW = 50;

function expectClose(got: ArrayLike<number>, want: number[], tol: number) {
  expect(got.length).toBe(want.length);
  for (let j = 0; j < want.length; j++) expect(Math.abs(got[j] - want[j]), `coef ${j}: ${got[j]} vs ${want[j]}`).toBeLessThan(tol);
}

describe('scikit-learn reference cases', () => {
  it('has the cases it should (guards against an empty loop)', () => {
    expect(O.cases.filter((c) => c.name.startsWith('lasso')).length).toBeGreaterThanOrEqual(3);
    expect(O.cases.filter((c) => c.name.startsWith('elastic')).length).toBeGreaterThanOrEqual(2);
    expect(O.cases.filter((c) => c.name.startsWith('ridge')).length).toBeGreaterThanOrEqual(2);
  });

  for (const c of O.cases) {
    it(c.name, () => {
      let w: ArrayLike<number>, b: number;
      if (c.name.startsWith('ridge')) ({ w, b } = ridge(d, c.input.alpha));
      else if (c.name.startsWith('lasso')) ({ w, b } = lasso(d, c.input.alpha, undefined, TIGHT));
      else ({ w, b } = elasticNet(d, c.input.alpha, c.input.l1_ratio!, undefined, TIGHT));
      expectClose(w, c.expected.coef, 1e-6);
      expect(Math.abs(b - c.expected.intercept)).toBeLessThan(1e-6);
      // Exact zeros where scikit-learn has them.
      for (let j = 0; j < p; j++) if (c.expected.coef[j] === 0) expect(w[j]).toBe(0);
    });
  }

  it('reproduces α_max', () => {
    expect(alphaMax(d, 1)).toBeCloseTo(O.alpha_max, 10);
  });
});

describe('lasso optimality', () => {
  it('satisfies the KKT conditions along a path of α on the reference data', () => {
    let prev: Float64Array | undefined;
    for (const alpha of [1.5, 1, 0.5, 0.2, 0.1, 0.05, 0.01, 0.001]) {
      const r = lasso(d, alpha, prev, TIGHT);
      prev = r.w;
      const k = kktViolation(X, y, n, p, r.w, r.b, alpha, 1);
      expect(k.maxViolation, `α=${alpha}`).toBeLessThan(1e-9);
      expect(Math.abs(k.meanResidual)).toBeLessThan(1e-12);
    }
  });

  it('KKT check is not vacuous: a perturbed solution violates it', () => {
    const r = lasso(d, 0.1, undefined, TIGHT);
    const w = r.w.slice();
    w[0] += 0.01;
    expect(kktViolation(X, y, n, p, w, r.b, 0.1, 1).maxViolation).toBeGreaterThan(1e-3);
    const z = r.w.slice();
    z[2] = 0; // a weight that should be non-zero, zeroed
    expect(kktViolation(X, y, n, p, z, r.b, 0.1, 1).maxViolation).toBeGreaterThan(1e-3);
  });

  it('elastic net satisfies its KKT conditions too', () => {
    for (const [alpha, a] of [[0.1, 0.5], [0.3, 0.2], [0.05, 0.9], [2, 0.7]]) {
      const r = elasticNet(d, alpha, a, undefined, TIGHT);
      expect(kktViolation(X, y, n, p, r.w, r.b, alpha, a).maxViolation).toBeLessThan(1e-9);
    }
  });

  it('Anderson-accelerated and plain coordinate descent reach the same solution', () => {
    // The lasso cases of the reference data below its α_max (taken from the cases, so the check
    // holds whatever data the file carries).
    const alphas = O.cases.filter((c) => c.name.startsWith('lasso') && c.input.alpha < alphaMax(d, 1)).map((c) => c.input.alpha);
    expect(alphas.length).toBeGreaterThan(0);
    for (const alpha of alphas) {
      const fast = lasso(d, alpha, undefined, TIGHT);
      const plain = lasso(d, alpha, undefined, { ...TIGHT, accelerate: false });
      expectClose(fast.w, Array.from(plain.w), 1e-9);
      expect(fast.sweeps).toBeLessThanOrEqual(plain.sweeps);
      // Where plain CD crawls there is room to accelerate, and acceleration must use it.
      if (plain.sweeps > SLOW) expect(fast.sweeps, `α = ${alpha}`).toBeLessThan(plain.sweeps);
    }
  });

  it('every weight is zero at and above α_max, and some is not just below', () => {
    const am = alphaMax(d, 1);
    for (const f of [1, 1.0001, 1.5, 10]) {
      const r = lasso(d, am * f, undefined, TIGHT);
      expect(Array.from(r.w).every((v) => v === 0), `α = ${f}·α_max`).toBe(true);
      expect(r.b).toBeCloseTo(d.yMean, 12);
    }
    const below = lasso(d, am * 0.99, undefined, TIGHT);
    expect(Array.from(below.w).some((v) => v !== 0)).toBe(true);
  });

  it('every weight is zero at and above α_max on random wide problems (p > n) too', () => {
    const rng = stream(7, 'test');
    for (const [nn, pp] of [[10, 30], [25, 8], [15, 15]]) {
      const Xr = Float64Array.from({ length: nn * pp }, () => rng.normal());
      const yr = Float64Array.from({ length: nn }, () => rng.normal() * 3);
      const dr = prepare(Xr, yr, nn, pp);
      for (const a of [1, 0.5]) {
        const am = alphaMax(dr, a);
        expect(Array.from(elasticNet(dr, am, a).w).every((v) => v === 0)).toBe(true);
        expect(Array.from(elasticNet(dr, am * 0.98, a).w).some((v) => v !== 0)).toBe(true);
        const small = elasticNet(dr, am * 0.01, a, undefined, TIGHT);
        expect(kktViolation(Xr, yr, nn, pp, small.w, small.b, am * 0.01, a).maxViolation).toBeLessThan(1e-8);
      }
    }
  });
});

describe('Anderson acceleration on other data', () => {
  // Correlated designs where CD's linear rate is close to 1: equicorrelated (every pair of
  // features at correlation ρ) and AR(1) (ρ^|j−k|), the first three features truly matter.
  // Before the safeguards (history ≤ active set, step only as far as the first sign change) six
  // lasso cases at ρ = 0.99 rejected every extrapolation and took exactly as many sweeps as plain
  // CD (65 to 328 each); this test failed there.
  function design(seed: number, nn: number, pp: number, rho: number, kind: 'equi' | 'ar1') {
    const rng = stream(seed, 'anderson');
    const Xr = new Float64Array(nn * pp);
    for (let i = 0; i < nn; i++) {
      const common = rng.normal();
      let prev = rng.normal();
      for (let j = 0; j < pp; j++) {
        if (kind === 'equi') Xr[i * pp + j] = Math.sqrt(rho) * common + Math.sqrt(1 - rho) * rng.normal();
        else {
          if (j > 0) prev = rho * prev + Math.sqrt(1 - rho * rho) * rng.normal();
          Xr[i * pp + j] = prev;
        }
      }
    }
    const yr = Float64Array.from({ length: nn }, (_, i) => Xr[i * pp] + 2 * Xr[i * pp + 1] + 3 * Xr[i * pp + 2] + rng.normal());
    return { Xr, yr };
  }

  it('reaches the plain CD solution (KKT, and within 1e-9) in no more sweeps, and in fewer wherever CD is slow', () => {
    let slow = 0, fastTotal = 0, plainTotal = 0;
    for (const kind of ['equi', 'ar1'] as const)
      for (const seed of [1, 2, 3, 4, 5])
        for (const [nn, pp] of [[40, 5], [30, 12]])
          for (const rho of [0.9, 0.99]) {
            const { Xr, yr } = design(seed, nn, pp, rho, kind);
            const dr = prepare(Xr, yr, nn, pp);
            for (const a of [1, 0.5])
              for (const f of [0.5, 0.1]) {
                const alpha = f * alphaMax(dr, a);
                const at = `${kind} seed ${seed} ${nn}×${pp} ρ=${rho} a=${a} α=${f}·α_max`;
                const fast = elasticNet(dr, alpha, a, undefined, TIGHT);
                const plain = elasticNet(dr, alpha, a, undefined, { ...TIGHT, accelerate: false });
                expect(fast.converged && plain.converged, at).toBe(true);
                expect(kktViolation(Xr, yr, nn, pp, fast.w, fast.b, alpha, a).maxViolation, at).toBeLessThan(1e-9);
                expectClose(fast.w, Array.from(plain.w), 1e-9);
                expect(fast.sweeps, at).toBeLessThanOrEqual(plain.sweeps);
                if (plain.sweeps > SLOW) {
                  slow++;
                  expect(fast.sweeps, at).toBeLessThan(plain.sweeps);
                }
                fastTotal += fast.sweeps;
                plainTotal += plain.sweeps;
              }
          }
    // The battery is not vacuous: most cases are slow for plain CD, and acceleration pays overall.
    expect(slow).toBeGreaterThan(40);
    expect(fastTotal).toBeLessThan(plainTotal / 3);
  });
});

describe('hand-worked closed forms', () => {
  // Columns of a 4 × 4 Hadamard matrix without the all-ones one: centred, XᵀX/n = I.
  const H = [
    [1, 1, 1],
    [-1, 1, -1],
    [1, -1, -1],
    [-1, -1, 1],
  ];
  const Xh = Float64Array.from(H.flat());
  const yh = Float64Array.from([3, 1, -2, 0.5]);
  const dh = prepare(Xh, yh, 4, 3);
  // c_j = x_jᵀ(y − ȳ)/n, worked by hand: ȳ = 0.625; c = (3−1−2−0.5, 3+1+2−0.5, 3−1+2+0.5)/4.
  const c = [-0.125, 1.375, 1.125];
  const soft = (z: number, t: number) => Math.sign(z) * Math.max(Math.abs(z) - t, 0);

  it('the Gram matrix of an orthogonal design is the identity', () => {
    expect(Array.from(dh.gram)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expectClose(dh.xty, c, 1e-15);
  });

  it('orthogonal design: the lasso is soft-thresholding, elastic net soft-thresholding then shrinking', () => {
    for (const alpha of [0.1, 0.5, 1.2, 2]) {
      expectClose(lasso(dh, alpha).w, c.map((z) => soft(z, alpha)), 1e-14);
      for (const a of [0.3, 0.8])
        expectClose(elasticNet(dh, alpha, a).w, c.map((z) => soft(z, alpha * a) / (1 + alpha * (1 - a))), 1e-14);
    }
    expect(lasso(dh, 0.1).b).toBeCloseTo(0.625, 14);
  });

  it('orthogonal design: ridge divides by 1 + α/n', () => {
    for (const alpha of [0.5, 4])
      expectClose(ridge(dh, alpha).w, c.map((z) => z / (1 + alpha / 4)), 1e-14);
  });
});

describe('ridge closed form', () => {
  it('satisfies the normal equations (XcᵀXc + αI) w = Xcᵀyc, in primal and dual form', () => {
    const rng = stream(3, 'test');
    for (const [nn, pp] of [[20, 5], [8, 20]]) {
      const Xr = Float64Array.from({ length: nn * pp }, () => rng.normal());
      const yr = Float64Array.from({ length: nn }, () => rng.normal());
      const dr = prepare(Xr, yr, nn, pp);
      const alpha = 0.7;
      const r = ridge(dr, alpha);
      expect(r.form).toBe(pp <= nn ? 'primal' : 'dual');
      for (let j = 0; j < pp; j++) {
        let lhs = alpha * r.w[j];
        for (let k = 0; k < pp; k++) lhs += nn * dr.gram[j * pp + k] * r.w[k];
        expect(lhs).toBeCloseTo(nn * dr.xty[j], 10);
      }
    }
  });

  it('with p > n and α → 0 tends to the minimum-norm interpolating fit', () => {
    const rng = stream(5, 'test');
    const nn = 8, pp = 20;
    const Xr = Float64Array.from({ length: nn * pp }, () => rng.normal());
    const yr = Float64Array.from({ length: nn }, () => rng.normal());
    const dr = prepare(Xr, yr, nn, pp);
    const r = ridge(dr, 1e-9);
    // Interpolates: zero training error.
    expect(trainMse(dr, r.w)).toBeLessThan(1e-12);
    // Minimum norm: w lies in the row space of Xc, so any null-space direction is orthogonal to it
    // (any other exact fit w + v, v in the null space, has the larger norm |w|² + |v|²). The row
    // space is built here by Gram–Schmidt on the rows of Xc, without the ridge() under test.
    const basis: Float64Array[] = [];
    const dotp = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      let t = 0;
      for (let j = 0; j < pp; j++) t += a[j] * b[j];
      return t;
    };
    /** v minus its projection onto the row space found so far. */
    const residual = (v: ArrayLike<number>) => {
      const out = Float64Array.from(v);
      for (let pass = 0; pass < 2; pass++) // twice: classical Gram–Schmidt loses orthogonality once
        for (const q of basis) {
          const c = dotp(out, q);
          for (let j = 0; j < pp; j++) out[j] -= c * q[j];
        }
      return out;
    };
    for (let i = 0; i < nn; i++) {
      const q = residual(dr.xc.subarray(i * pp, i * pp + pp));
      const len = Math.sqrt(dotp(q, q));
      if (len > 1e-9) basis.push(q.map((x) => x / len));
    }
    expect(basis.length).toBe(nn - 1); // centring removes one dimension
    // w has no part outside the row space ...
    const outside = residual(r.w);
    expect(Math.sqrt(dotp(outside, outside))).toBeLessThan(1e-8 * Math.sqrt(dotp(r.w, r.w)));
    // ... and a real null-space direction (e₁ minus its row-space part) is orthogonal to w.
    const e1 = new Float64Array(pp);
    e1[0] = 1;
    const v = residual(e1);
    expect(dotp(v, v)).toBeGreaterThan(0.1); // the null-space direction is real
    for (let i = 0; i < nn; i++) expect(Math.abs(dotp(dr.xc.subarray(i * pp, i * pp + pp), v))).toBeLessThan(1e-12);
    expect(Math.abs(dotp(v, r.w))).toBeLessThan(1e-8);
  });

  it('equals the elastic-net objective with l1_ratio → 0 at α_enet = α_ridge / n', () => {
    const r = ridge(d, n * 0.2);
    const e = elasticNet(d, 0.2, 1e-12, undefined, TIGHT);
    expectClose(e.w, Array.from(r.w), 1e-8);
  });
});
