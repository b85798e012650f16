/**
 * Coordinate descent's Newton step (solvers.ts) against truths outside it: the elastic net's
 * optimality (KKT) conditions from their definition on the raw data (kkt.ts) at every grid λ of
 * the panel's paths across the features slider, agreement with CD without the step at random
 * settings, the lasso's at most n − 1 non-zero weights, and the step's own claims: once the signs
 * are right one linear solve lands on the solution, and near p ≈ n it cuts the sweeps.
 */
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { stream } from '../../lib/random/rng';
import { makeProblem } from './data';
import { kktViolation } from './kkt';
import { computePath, lambdaGrid, type PathParams } from './model';
import { schema } from './params';
import { alphaMax, elasticNet, prepare } from './solvers';

const base = defaults(schema);
const pathParams = (over: Partial<PathParams> = {}): PathParams => {
  const { lambda: _l, ...rest } = { ...base, ...over };
  void _l;
  return rest;
};
const TIGHT = { tol: 1e-13, maxSweeps: 200000 };
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j] - b[j]));
  return m;
};

describe('the panel path with Newton steps', () => {
  // Both sides of p = n − 1 and p = n at the default n = 30, where plain CD crawled, and the ends.
  const settings: [string, Partial<PathParams>][] = [
    ...[2, 9, 20, 29, 30, 31, 40, 52, 60].map((p): [string, Partial<PathParams>] => [`lasso p ${p}`, { p }]),
    ['lasso n 30 p 30 ρ 0.99', { p: 30, rho: 0.99 }],
    ['lasso n 10 p 60', { n: 10, p: 60 }],
    ['elastic net α 0.95 p 30 ρ 0.99', { p: 30, rho: 0.99, penalty: 'elasticnet', mix: 0.95 }],
    ['elastic net α 0.5 n 10 p 11 σ 0', { n: 10, p: 11, noise: 0, penalty: 'elasticnet' }],
  ];
  for (const [label, over] of settings)
    it(`${label}: KKT from the raw data at every grid λ, converged, the lasso at most n − 1 weights`, () => {
      const path = computePath(pathParams(over));
      const { X, y, n, p } = path.problem;
      expect(path.converged).toBe(true);
      expect(path.coefs).toHaveLength(lambdaGrid().length);
      for (let i = 0; i < path.lambdas.length; i++) {
        const k = kktViolation(X, y, n, p, path.coefs[i], path.intercepts[i], path.lambdas[i], path.a);
        // CD stops when no weight moves more than 1e-9 (relative) in a sweep; the gradient is then
        // off by about that times a diagonal of the Gram matrix (≈ 1 here).
        expect(k.maxViolation, `λ = ${path.lambdas[i]}`).toBeLessThan(1e-7);
        expect(Math.abs(k.meanResidual)).toBeLessThan(1e-9);
        // Centred data have rank ≤ n − 1, and a lasso solution on data in general position has
        // at most that many non-zero weights (it is then unique).
        if (path.a === 1) expect(path.nonZero[i], `λ = ${path.lambdas[i]}`).toBeLessThanOrEqual(n - 1);
      }
    });
});

describe('Newton steps against CD without them', () => {
  it('random settings: the same solution as Anderson-only CD, both meeting KKT', () => {
    const rng = stream(25, 'newton-random');
    let cases = 0;
    for (let t = 0; t < 10; t++) {
      const n = 10 + Math.floor(rng.next() * 50);
      const p = 2 + Math.floor(rng.next() * 59);
      const rho = Math.min(0.99, rng.next());
      const a = rng.next() < 0.5 ? 1 : 0.05 + 0.9 * rng.next();
      const pr = makeProblem({ n, p, k: Math.min(5, p), block: Math.min(3, p), rho, sigma: 2 * rng.next(), seed: t + 1 });
      const d = prepare(pr.X, pr.y, n, p);
      for (const f of [0.5, 0.1, 0.02]) {
        const alpha = f * alphaMax(d, a);
        const at = `n ${n} p ${p} ρ ${rho.toFixed(2)} a ${a.toFixed(2)} α = ${f}·α_max`;
        const fast = elasticNet(d, alpha, a, undefined, TIGHT);
        const slow = elasticNet(d, alpha, a, undefined, { ...TIGHT, newton: false });
        expect(fast.converged && slow.converged, at).toBe(true);
        expect(kktViolation(pr.X, pr.y, n, p, fast.w, fast.b, alpha, a).maxViolation, at).toBeLessThan(1e-9);
        expect(kktViolation(pr.X, pr.y, n, p, slow.w, slow.b, alpha, a).maxViolation, at).toBeLessThan(1e-9);
        // The solution is unique (a > 0, data in general position); how close two converged
        // solves come is bounded by the KKT residual over the smallest curvature on the active
        // set, which these small, well-posed settings keep far below 1e-6.
        expect(maxAbsDiff(fast.w, slow.w), at).toBeLessThan(1e-6);
        cases++;
      }
    }
    expect(cases).toBe(30);
  });

  it('from a start with the right signs, one Newton solve lands on the solution (4 sweeps); without it CD crawls', () => {
    // Default data at p = n = 30, where the active Gram matrix is nearly singular.
    const pr = makeProblem({ n: 30, p: 30, k: 5, block: 3, rho: 0.8, sigma: 2, seed: base.seed });
    const d = prepare(pr.X, pr.y, 30, 30);
    for (const lambda of [0.3, 0.01, 1e-3]) {
      const ref = elasticNet(d, lambda, 1, undefined, TIGHT);
      expect(ref.converged).toBe(true);
      // Same signs, every non-zero weight off by 0.1 %: sweep, active sweep, Newton, active sweep
      // (nothing moves), full sweep (nothing moves).
      const start = Array.from(ref.w, (v) => v * 1.001);
      const fast = elasticNet(d, lambda, 1, start, TIGHT);
      expect(fast.sweeps, `λ = ${lambda}`).toBe(4);
      expect(fast.converged).toBe(true);
      expect(maxAbsDiff(fast.w, ref.w), `λ = ${lambda}`).toBeLessThan(1e-9);
      const slow = elasticNet(d, lambda, 1, start, { ...TIGHT, newton: false });
      if (lambda < 0.3) expect(slow.sweeps, `λ = ${lambda}`).toBeGreaterThan(20);
    }
  });

  it('the panel path near p ≈ n: at least 5 times fewer sweeps than Anderson-only CD, the same weights', () => {
    for (const p of [30]) {
      const pr = makeProblem({ n: 30, p, k: 5, block: 3, rho: 0.8, sigma: 2, seed: base.seed });
      const d = prepare(pr.X, pr.y, 30, p);
      const run = (newton: boolean) => {
        let prev: Float64Array | undefined, sweeps = 0;
        const ws: Float64Array[] = [];
        for (const lambda of [...lambdaGrid()].reverse()) {
          const f = elasticNet(d, lambda, 1, prev, { tol: 1e-9, maxSweeps: 5000, newton });
          sweeps += f.sweeps;
          ws.push(f.w);
          prev = f.w;
        }
        return { sweeps, ws };
      };
      const fast = run(true), slow = run(false);
      expect(fast.sweeps * 5, `p = ${p}`).toBeLessThan(slow.sweeps);
      // Where both converge they agree.
      for (let i = 0; i < 30; i++) expect(maxAbsDiff(fast.ws[i], slow.ws[i]), `p = ${p}, step ${i}`).toBeLessThan(1e-6);
    }
  });

  it('more active weights than the data’s rank (a wide start): back to at most n − 1, faster than without', () => {
    const n = 10, p = 30;
    const pr = makeProblem({ n, p, k: 5, block: 3, rho: 0.5, sigma: 1, seed: 7 });
    const d = prepare(pr.X, pr.y, n, p);
    const start = new Float64Array(p).fill(0.5);
    for (const f of [0.1, 0.01]) {
      const alpha = f * alphaMax(d);
      const fast = elasticNet(d, alpha, 1, start, TIGHT);
      const slow = elasticNet(d, alpha, 1, start, { ...TIGHT, newton: false });
      expect(fast.converged, `f ${f}`).toBe(true);
      expect(kktViolation(pr.X, pr.y, n, p, fast.w, fast.b, alpha, 1).maxViolation, `f ${f}`).toBeLessThan(1e-9);
      expect(fast.w.filter((v) => v !== 0).length).toBeLessThanOrEqual(n - 1);
      expect(fast.sweeps, `f ${f}`).toBeLessThan(slow.sweeps);
    }
  });

  it('the sweep cap: stops at exactly maxSweeps, not converged', () => {
    const pr = makeProblem({ n: 30, p: 30, k: 5, block: 3, rho: 0.8, sigma: 2, seed: base.seed });
    const d = prepare(pr.X, pr.y, 30, 30);
    for (const maxSweeps of [1, 2, 7]) {
      const r = elasticNet(d, 1e-3, 1, undefined, { tol: 1e-13, maxSweeps });
      expect({ sweeps: r.sweeps, converged: r.converged }).toEqual({ sweeps: maxSweeps, converged: false });
    }
  });
});

describe('Anderson alone (Newton off) still earns its place', () => {
  // solvers.test.ts's battery compares Anderson + Newton with plain CD; this checks Anderson by
  // itself on its hardest part (ρ = 0.99), so its safeguards stay tested now that Newton steps
  // do most of the work.
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
  it('the plain CD solution (KKT, within 1e-9) in no more sweeps, fewer wherever CD is slow', () => {
    let slow = 0, fastTotal = 0, plainTotal = 0;
    for (const kind of ['equi', 'ar1'] as const)
      for (const seed of [1, 2, 3])
        for (const a of [1, 0.5])
          for (const f of [0.5, 0.1]) {
            const { Xr, yr } = design(seed, 30, 12, 0.99, kind);
            const dr = prepare(Xr, yr, 30, 12);
            const alpha = f * alphaMax(dr, a);
            const at = `${kind} seed ${seed} a=${a} α=${f}·α_max`;
            const fast = elasticNet(dr, alpha, a, undefined, { ...TIGHT, newton: false });
            const plain = elasticNet(dr, alpha, a, undefined, { ...TIGHT, accelerate: false });
            expect(fast.converged && plain.converged, at).toBe(true);
            expect(kktViolation(Xr, yr, 30, 12, fast.w, fast.b, alpha, a).maxViolation, at).toBeLessThan(1e-9);
            expect(maxAbsDiff(fast.w, plain.w), at).toBeLessThan(1e-9);
            expect(fast.sweeps, at).toBeLessThanOrEqual(plain.sweeps);
            if (plain.sweeps > 50) {
              slow++;
              expect(fast.sweeps, at).toBeLessThan(plain.sweeps);
            }
            fastTotal += fast.sweeps;
            plainTotal += plain.sweeps;
          }
    expect(slow).toBeGreaterThan(12);
    expect(fastTotal).toBeLessThan(plainTotal / 3);
  });
});
