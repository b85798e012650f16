/**
 * linear.ts on its own (impute.test.ts checks BayesianRidge through scikit-learn's
 * IterativeImputer): the symmetric solve against A·x = b and a dependent column, BayesianRidge
 * against MacKay's update worked in closed form for one feature, its fixed point with the
 * eigenvalues of a 2 × 2 XᵀX in closed form, scikit-learn's iteration count, no rows, and the
 * row predictions by hand.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../random/rng';
import type { Matrix } from './api';
import { bayesianRidge, predictRows, solveSpd } from './linear';

const rng = stream(23, 'linear-test');

/** A·x for a row-major d × d A. */
const times = (A: Float64Array, x: ArrayLike<number>, d: number) =>
  Array.from({ length: d }, (_, i) => {
    let s = 0;
    for (let k = 0; k < d; k++) s += A[i * d + k] * x[k];
    return s;
  });

/** The Gram matrix CᵀC of the columns of a row-major n × d C. */
const gram = (C: Float64Array, n: number, d: number) => {
  const G = new Float64Array(d * d);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) for (let i = 0; i < n; i++) G[a * d + b] += C[i * d + a] * C[i * d + b];
  return G;
};

describe('solveSpd', () => {
  it('solves a random positive definite system: A·x reproduces b', () => {
    for (const d of [1, 3, 5]) {
      const n = d + 4;
      const B = Float64Array.from({ length: n * d }, () => rng.normal());
      const A = gram(B, n, d);
      const b = Float64Array.from({ length: d }, () => rng.normal());
      const x = solveSpd(A, b, d);
      expect(x).toHaveLength(d);
      times(A, x, d).forEach((v, i) => expect(v).toBeCloseTo(b[i], 10));
    }
  });

  it('leaves A and b untouched', () => {
    const A = Float64Array.from([4, 1, 1, 3]), b = Float64Array.from([1, 2]);
    solveSpd(A, b, 2);
    expect(Array.from(A)).toEqual([4, 1, 1, 3]);
    expect(Array.from(b)).toEqual([1, 2]);
  });

  it('a dependent column at a large scale gets 0, and the others still solve A·x = b', () => {
    // Columns c₁, c₂ and c₃ = 0.1 c₁ + 0.3 c₂, all times 1e6: the Gram matrix has rank 2 and
    // entries ~1e13, so c₃'s pivot after elimination is rounding (~1e-3), far above an absolute
    // 1e-12 but far below 1e-12 of the largest diagonal entry. b = A·(1, 2, 0) lies in the range,
    // and with x₃ = 0 the first two unknowns are fixed: (1, 2).
    const n = 6, d = 3;
    const C = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      C[i * d] = 1e6 * rng.normal();
      C[i * d + 1] = 1e6 * rng.normal();
      C[i * d + 2] = 0.1 * C[i * d] + 0.3 * C[i * d + 1];
    }
    const A = gram(C, n, d);
    const b = Float64Array.from(times(A, [1, 2, 0], d));
    const x = solveSpd(A, b, d);
    expect(x[2]).toBe(0);
    expect(x[0]).toBeCloseTo(1, 6);
    expect(x[1]).toBeCloseTo(2, 6);
  });

  it('an all-zero system gives zeros, and d = 0 an empty solution', () => {
    expect(Array.from(solveSpd(new Float64Array(4), Float64Array.from([0, 0]), 2))).toEqual([0, 0]);
    expect(solveSpd(new Float64Array(0), new Float64Array(0), 0)).toHaveLength(0);
  });
});

describe('bayesianRidge', () => {
  /** n points of y = 0.5 + 1.5 x − x₂ (d = 2) or 0.5 + 1.5 x (d = 1), plus N(0, 0.5²) noise. */
  const data = (n: number, d: number): { X: Matrix; y: Float64Array } => {
    const X: Matrix = { data: Float64Array.from({ length: n * d }, () => rng.normal() + 1), n, d };
    const y = Float64Array.from({ length: n }, (_, i) => 0.5 + 1.5 * X.data[i * d] - (d > 1 ? X.data[i * d + 1] : 0) + 0.5 * rng.normal());
    return { X, y };
  };
  const priors = { alpha1: 0.5, alpha2: 2, lambda1: 3, lambda2: 0.25 };

  it('one iteration with one feature equals MacKay\'s update worked in scalars', () => {
    // Centred s = Σx², t = Σxy; start α₀ = 1/var y (ε is below the tolerance), λ₀ = 1;
    // w₀ = t / (s + λ₀/α₀); γ = s / (s + λ₀/α₀) (the one eigenvalue is s);
    // λ₁ = (γ + 2λ₁ᵖ)/(w₀² + 2λ₂ᵖ), α₁ = (n − γ + 2α₁ᵖ)/(Σ(y − w₀x)² + 2α₂ᵖ); w = t / (s + λ₁/α₁).
    const n = 12;
    const { X, y } = data(n, 1);
    const xm = X.data.reduce((a, b) => a + b, 0) / n, ym = y.reduce((a, b) => a + b, 0) / n;
    let s = 0, t = 0, yy = 0;
    for (let i = 0; i < n; i++) {
      s += (X.data[i] - xm) ** 2;
      t += (X.data[i] - xm) * (y[i] - ym);
      yy += (y[i] - ym) ** 2;
    }
    const r0 = yy / n; // λ₀/α₀ = 1 · var y
    const w0 = t / (s + r0);
    const gamma = s / (s + r0);
    let rss = 0;
    for (let i = 0; i < n; i++) rss += (y[i] - ym - w0 * (X.data[i] - xm)) ** 2;
    const lambda = (gamma + 2 * priors.lambda1) / (w0 * w0 + 2 * priors.lambda2);
    const alpha = (n - gamma + 2 * priors.alpha1) / (rss + 2 * priors.alpha2);
    const w = t / (s + lambda / alpha);
    const m = bayesianRidge(X, y, { ...priors, maxIter: 1 });
    expect(m.nIter).toBe(1);
    expect(m.lambda).toBeCloseTo(lambda, 9);
    expect(m.alpha).toBeCloseTo(alpha, 9);
    expect(m.coef[0]).toBeCloseTo(w, 9);
    expect(m.intercept).toBeCloseTo(ym - xm * w, 9);
  });

  it('converged, α and λ are a fixed point of the evidence updates (eigenvalues of XᵀX in closed form)', () => {
    const n = 30;
    const { X, y } = data(n, 2);
    const m = bayesianRidge(X, y, { ...priors, tol: 1e-13, maxIter: 2000 });
    expect(m.nIter).toBeLessThan(2000);
    const xm = [0, 1].map((j) => X.data.filter((_, k) => k % 2 === j).reduce((a, b) => a + b, 0) / n);
    const ym = y.reduce((a, b) => a + b, 0) / n;
    let a = 0, b = 0, c = 0, rss = 0;
    for (let i = 0; i < n; i++) {
      const u = X.data[2 * i] - xm[0], v = X.data[2 * i + 1] - xm[1];
      a += u * u;
      b += u * v;
      c += v * v;
      rss += (y[i] - ym - m.coef[0] * u - m.coef[1] * v) ** 2;
    }
    // Eigenvalues of [[a, b], [b, c]].
    const mid = (a + c) / 2, half = Math.sqrt(((a - c) / 2) ** 2 + b * b);
    const gamma = [mid + half, mid - half].reduce((g, e) => g + (m.alpha * e) / (m.lambda + m.alpha * e), 0);
    const w2 = m.coef[0] ** 2 + m.coef[1] ** 2;
    expect(m.lambda).toBeCloseTo((gamma + 2 * priors.lambda1) / (w2 + 2 * priors.lambda2), 6);
    expect(m.alpha / ((n - gamma + 2 * priors.alpha1) / (rss + 2 * priors.alpha2))).toBeCloseTo(1, 8);
    // The shrunk fit is near the truth (1.5, −1) with 30 points of noise 0.5.
    expect(m.coef[0]).toBeCloseTo(1.5, 0);
    expect(m.coef[1]).toBeCloseTo(-1, 0);
    expect(m.intercept).toBeCloseTo(ym - xm[0] * m.coef[0] - xm[1] * m.coef[1], 12);
  });

  it('counts iterations as scikit-learn does: max_iter when tol never stops it, 2 when any move stops it', () => {
    const { X, y } = data(15, 2);
    expect(bayesianRidge(X, y, { tol: 0, maxIter: 7 }).nIter).toBe(7);
    // The first iteration has nothing to compare with; the second stops.
    expect(bayesianRidge(X, y, { tol: Infinity }).nIter).toBe(2);
  });

  it('one evidence update solves its systems as solveSpd does, to the bit: w and the diagonal of the inverse, solved together', () => {
    // The update, written with solveSpd (one right-hand side at a time) on the centred moments
    // summed as bayesianRidge sums them; bayesianRidge solves Xᵀy and the unit vectors in one
    // elimination and must give the same α and λ to the last bit. Cases: a 3-column design with
    // two nearly equal columns (pivots matter), and a constant column beside one at scale 1e8
    // (its pivot is below the tolerance, so that unknown is left at 0 and adds nothing to γ).
    const n = 20;
    const near = Float64Array.from({ length: n * 3 }, () => rng.normal());
    for (let i = 0; i < n; i++) near[i * 3 + 2] = near[i * 3] + 1e-6 * near[i * 3 + 2];
    const big = Float64Array.from({ length: n * 3 }, () => rng.normal());
    for (let i = 0; i < n; i++) {
      big[i * 3] *= 1e8;
      big[i * 3 + 1] = 4;
    }
    const wide = Float64Array.from({ length: n * 2 }, () => rng.normal());
    // The same with the large column last: the largest diagonal entry is the last one.
    const bigLast = Float64Array.from({ length: n * 3 }, (_, k) => big[k - (k % 3) + 2 - (k % 3)]);
    for (const [data, d] of [[near, 3], [big, 3], [wide, 2], [bigLast, 3]] as const) {
      // var y well below 1, where ε is several units in the last place of var y + ε.
      const y = Float64Array.from({ length: n }, (_, i) => 0.3 * (data[i * d] * 1e-9 + rng.normal()));
      const xm = new Float64Array(d);
      let ym = 0;
      for (let i = 0; i < n; i++) {
        ym += y[i];
        for (let j = 0; j < d; j++) xm[j] += data[i * d + j];
      }
      ym /= n;
      for (let j = 0; j < d; j++) xm[j] /= n;
      const G = new Float64Array(d * d), g = new Float64Array(d);
      let yy = 0;
      for (let i = 0; i < n; i++) {
        const yc = y[i] - ym;
        yy += yc * yc;
        for (let a = 0; a < d; a++) {
          g[a] += (data[i * d + a] - xm[a]) * yc;
          for (let b = 0; b < d; b++) G[a * d + b] += (data[i * d + a] - xm[a]) * (data[i * d + b] - xm[b]);
        }
      }
      const ratio = 1 / (1 / (yy / n + Number.EPSILON)); // λ₀ / α₀
      const A = Float64Array.from(G, (v, k) => (k % (d + 1) === 0 ? v + ratio : v));
      const w = solveSpd(A, g, d);
      let trInv = 0;
      for (let j = 0; j < d; j++) trInv += solveSpd(A, Float64Array.from({ length: d }, (_, k) => (k === j ? 1 : 0)), d)[j];
      let rss = yy, w2 = 0;
      for (let a = 0; a < d; a++) {
        rss -= 2 * w[a] * g[a];
        for (let b = 0; b < d; b++) rss += w[a] * G[a * d + b] * w[b];
        w2 += w[a] * w[a];
      }
      const gamma = d - ratio * trInv;
      const m = bayesianRidge({ data, n, d }, y, { ...priors, maxIter: 1 });
      expect(m.lambda).toBe((gamma + 2 * priors.lambda1) / (w2 + 2 * priors.lambda2));
      expect(m.alpha).toBe((n - gamma + 2 * priors.alpha1) / (Math.max(0, rss) + 2 * priors.alpha2));
      if (data === big || data === bigLast) expect(w[1]).toBe(0); // the constant column's unknown
    }
  });

  it('no rows: coefficients and intercept 0, and the updates give α = λ = 1 (priors over priors)', () => {
    // With no data, w = 0, γ = 0, so λ = 2λ₁ / 2λ₂ and α = 2α₁ / 2α₂ (= 1 with the defaults).
    const m = bayesianRidge({ data: new Float64Array(0), n: 0, d: 1 }, new Float64Array(0));
    expect(Array.from(m.coef)).toEqual([0]);
    expect(m.intercept).toBe(0);
    expect(m.alpha).toBeCloseTo(1, 12);
    expect(m.lambda).toBeCloseTo(1, 12);
    // w never moves (0 every time); scikit-learn stops only when the move is below tol, so
    // tol = 0 runs all max_iter iterations.
    expect(bayesianRidge({ data: new Float64Array(0), n: 0, d: 1 }, new Float64Array(0), { tol: 0, maxIter: 5 }).nIter).toBe(5);
  });
});

describe('predictRows', () => {
  it('intercept + coef · row, by hand', () => {
    const X: Matrix = { data: Float64Array.from([1, 2, -1, 0.5, 0, 0]), n: 3, d: 2 };
    expect(Array.from(predictRows({ coef: [3, -2], intercept: 0.5 }, X))).toEqual([0.5 + 3 - 4, 0.5 - 3 - 1, 0.5]);
    expect(predictRows({ coef: [], intercept: 1 }, { data: new Float64Array(0), n: 0, d: 0 })).toHaveLength(0);
  });
});
