/**
 * The panel model against truths outside it: the oracle at the panel's own tolerance, warm-started
 * paths equal cold solves, training error never falls as λ grows, the exact expected test error
 * equals a Monte Carlo estimate, the data have the correlation they claim, and wide problems give
 * no NaN.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectedTestMse, makeProblem } from './data';
import { atLambda, computePath, fitAt, lambdaGrid, type PathParams } from './model';
import { schema } from './params';
import { elasticNet, kktViolation, prepare } from './solvers';

const base = defaults(schema);
const pathParams = (over: Partial<PathParams> = {}): PathParams => {
  const { lambda: _l, ...rest } = { ...base, ...over };
  void _l;
  return rest;
};

function oracle() {
  let text: string;
  try {
    text = readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8');
  } catch {
    text = readFileSync(process.cwd() + '/../shared/oracles/reference-cases.json', 'utf8');
  }
  return JSON.parse(text).regularization as {
    X: number[][];
    y: number[];
    cases: { name: string; input: { alpha: number; l1_ratio?: number }; expected: { coef: number[]; intercept: number } }[];
  };
}

describe('the panel solver (its own tolerance) reproduces scikit-learn', () => {
  const O = oracle();
  const n = O.X.length, p = O.X[0].length;
  const d = prepare(Float64Array.from(O.X.flat()), Float64Array.from(O.y), n, p);
  for (const c of O.cases) {
    it(c.name, () => {
      // The panel's λ is scikit-learn's alpha for Lasso/ElasticNet, and Ridge's alpha / n.
      const f = c.name.startsWith('ridge')
        ? fitAt(d, c.input.alpha / n, 0)
        : fitAt(d, c.input.alpha, c.name.startsWith('lasso') ? 1 : c.input.l1_ratio!);
      for (let j = 0; j < p; j++) expect(Math.abs(f.w[j] - c.expected.coef[j])).toBeLessThan(1e-6);
      expect(Math.abs(f.b - c.expected.intercept)).toBeLessThan(1e-6);
    });
  }
});

describe('paths', () => {
  it('the λ grid spans the slider with 10 points a decade', () => {
    const g = lambdaGrid();
    expect(g.length).toBe(61);
    expect(g[0]).toBeCloseTo(1e-4, 15);
    expect(g[60]).toBeCloseTo(100, 9);
  });

  for (const penalty of ['l1', 'elasticnet', 'l2'] as const) {
    it(`${penalty}: warm-started path equals cold solves, and training error never falls as λ grows`, () => {
      const path = computePath(pathParams({ penalty }));
      expect(path.converged).toBe(true);
      for (const i of [0, 15, 30, 45, 60]) {
        const cold = elasticNet(path.prepared, path.lambdas[i], Math.max(path.a, 1e-12), undefined, { tol: 1e-13, maxSweeps: 200000 });
        for (let j = 0; j < path.prepared.p; j++) expect(Math.abs(path.coefs[i][j] - cold.w[j])).toBeLessThan(1e-6);
      }
      for (let i = 1; i < path.lambdas.length; i++) expect(path.train[i]).toBeGreaterThanOrEqual(path.train[i - 1] - 1e-9);
    });
  }

  it('lasso path: KKT holds at every λ, and every weight is zero from λ_max up', () => {
    const path = computePath(pathParams({ penalty: 'l1' }));
    const { X, y, n, p } = path.problem;
    for (let i = 0; i < path.lambdas.length; i++) {
      const k = kktViolation(X, y, n, p, path.coefs[i], path.intercepts[i], path.lambdas[i], 1);
      expect(k.maxViolation, `λ=${path.lambdas[i]}`).toBeLessThan(1e-6);
      if (path.lambdas[i] >= path.lambdaMax) expect(path.nonZero[i]).toBe(0);
    }
    expect(path.lambdaMax).toBeLessThan(100); // so the check above did run on some λ
    expect(path.nonZero.some((c, i) => path.lambdas[i] >= path.lambdaMax && c === 0)).toBe(true);
    expect(atLambda(path, path.lambdaMax).nonZero).toBe(0);
    expect(atLambda(path, path.lambdaMax * 0.99).nonZero).toBeGreaterThan(0);
  });

  it('ridge keeps every weight non-zero', () => {
    const path = computePath(pathParams({ penalty: 'l2' }));
    expect(path.nonZero.every((c) => c === path.prepared.p)).toBe(true);
    expect(path.lambdaMax).toBe(Infinity);
  });

  it('atLambda on a grid λ equals the path there', () => {
    const path = computePath(pathParams({ penalty: 'elasticnet', mix: 0.4 }));
    const i = 37;
    const at = atLambda(path, path.lambdas[i]);
    for (let j = 0; j < path.prepared.p; j++) expect(Math.abs(at.w[j] - path.coefs[i][j])).toBeLessThan(1e-7);
    expect(at.test).toBeCloseTo(path.test[i], 6);
  });

  it('correlated group: at this setting the lasso keeps one of the three, the elastic net all three', () => {
    const o = { p: 10, n: 40, k: 3, noise: 1.5, rho: 0.99, seed: 9 };
    const lasso = atLambda(computePath(pathParams({ ...o, penalty: 'l1' })), 1);
    const enet = atLambda(computePath(pathParams({ ...o, penalty: 'elasticnet', mix: 0.3 })), 1);
    expect(lasso.blockWeights.filter((w) => w !== 0).length).toBe(1);
    expect(enet.blockWeights.filter((w) => w !== 0).length).toBe(3);
    // The elastic net's group weights are nearly equal (the grouping effect).
    const spread = Math.max(...enet.blockWeights) - Math.min(...enet.blockWeights);
    expect(spread).toBeLessThan(0.2 * Math.max(...enet.blockWeights));
  });
});

describe('data and test error', () => {
  it('the block has the correlation it claims, the rest is uncorrelated', () => {
    const n = 20000, p = 5;
    const pr = makeProblem({ n, p, k: 2, block: 3, rho: 0.7, sigma: 1, seed: 4 });
    const corr = (a: number, b: number) => {
      let sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
      for (let i = 0; i < n; i++) {
        const x = pr.X[i * p + a], y = pr.X[i * p + b];
        sa += x; sb += y; sab += x * y; saa += x * x; sbb += y * y;
      }
      const cov = sab / n - (sa / n) * (sb / n);
      return cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
    };
    expect(corr(0, 1)).toBeCloseTo(0.7, 1);
    expect(corr(1, 2)).toBeCloseTo(0.7, 1);
    expect(Math.abs(corr(0, 3))).toBeLessThan(0.03);
    expect(Math.abs(corr(3, 4))).toBeLessThan(0.03);
  });

  it('the exact expected test error matches a large fresh sample (Monte Carlo)', () => {
    const o = { n: 30, p: 6, k: 4, block: 3, rho: 0.6, sigma: 0.8, seed: 11 };
    const train = makeProblem(o);
    const d = prepare(train.X, train.y, o.n, o.p);
    const f = fitAt(d, 0.2, 1);
    const exact = expectedTestMse(train, f.w, f.b);
    // Same seed → same true weights (their own stream); a different n only draws more data.
    const big = makeProblem({ ...o, n: 200000 });
    expect(Array.from(big.wTrue)).toEqual(Array.from(train.wTrue));
    let s = 0;
    for (let i = 0; i < big.n; i++) {
      let pred = f.b;
      for (let j = 0; j < o.p; j++) pred += big.X[i * o.p + j] * f.w[j];
      s += (big.y[i] - pred) ** 2;
    }
    expect(s / big.n).toBeCloseTo(exact, 1);
    expect(Math.abs(s / big.n - exact) / exact).toBeLessThan(0.02);
  });
});

describe('degenerate settings', () => {
  it('many more features than samples: no NaN anywhere, and a message', () => {
    for (const penalty of ['l1', 'l2', 'elasticnet'] as const) {
      const path = computePath(pathParams({ penalty, p: 60, n: 10, rho: 0.99, mix: 0.05 }));
      const finite = (xs: ArrayLike<number>) => Array.from(xs).every(Number.isFinite);
      expect(path.coefs.every(finite)).toBe(true);
      expect(finite(path.train) && finite(path.test) && finite(path.intercepts)).toBe(true);
      for (const lambda of [1e-4, 0.01, 1, 100]) {
        const at = atLambda(path, lambda);
        expect(finite(at.w) && Number.isFinite(at.train) && Number.isFinite(at.test)).toBe(true);
        expect(finite(at.geometry.values)).toBe(true);
        expect(at.messages.length).toBeGreaterThan(0);
      }
      if (penalty === 'l2') {
        const at = atLambda(path, 1e-4);
        expect(at.train).toBeLessThan(1e-6); // near-interpolation
        expect(at.messages.join(' ')).toMatch(/ill-posed/);
      }
    }
  });

  it('zero noise and zero correlation are fine', () => {
    const path = computePath(pathParams({ noise: 0, rho: 0 }));
    const at = atLambda(path, 1e-4);
    expect(at.test).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(at.test)).toBe(true);
  });

  it('k above p is clamped and said', () => {
    const path = computePath(pathParams({ p: 4, k: 9 }));
    expect(path.k).toBe(4);
    expect(atLambda(path, 0.3).messages.join(' ')).toMatch(/Only 4 features/);
  });
});
