import { readFileSync } from 'node:fs';
import * as tf from '../../lib/tf/tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend } from '../../lib/tf/testing';
import { gridValues, makeSurface, raceFor, runOptimizers, runPaths, warnings, batchSchedule } from './model';
import { OPTIMIZERS, initState, step, type Hyper, type OptimizerName, type Vec2 } from './optimizers';
import { schema, SURFACES, type GDParams } from './params';

interface OracleCase {
  name: string;
  input: { function: 'rosenbrock' | 'bowl_1_10'; optimizer: string; start: [number, number]; steps: number };
  expected: { path: [number | null, number | null][]; loss_before_each_step: (number | null)[] };
}

function loadOracle(): { optimizers: { cases: OracleCase[] } } {
  try {
    return JSON.parse(readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8'));
  } catch {
    return JSON.parse(readFileSync(process.cwd() + '/../shared/oracles/reference-cases.json', 'utf8'));
  }
}

const H0: Hyper = { lr: 0, momentum: 0, beta1: 0.9, beta2: 0.999, alpha: 0.99 };
/** The oracle's settings strings, as hyper-parameters (see make_reference_cases.py). */
const ORACLE: Record<string, { name: OptimizerName; hyper: Hyper }> = {
  sgd: { name: 'sgd', hyper: { ...H0, lr: 0.001 } },
  momentum: { name: 'momentum', hyper: { ...H0, lr: 0.001, momentum: 0.9 } },
  nesterov: { name: 'nesterov', hyper: { ...H0, lr: 0.001, momentum: 0.9 } },
  sgd_diverging: { name: 'sgd', hyper: { ...H0, lr: 0.25 } },
  adagrad: { name: 'adagrad', hyper: { ...H0, lr: 0.1 } },
  rmsprop: { name: 'rmsprop', hyper: { ...H0, lr: 0.01 } },
  adam: { name: 'adam', hyper: { ...H0, lr: 0.1 } },
};

const params = (over: Partial<GDParams> = {}): GDParams => ({ ...defaults(schema), ...over });
const surfaceOfCase = (c: OracleCase) => makeSurface(c.input.function === 'rosenbrock' ? 'rosenbrock' : 'bowl', { kappa: 10, seed: 1 });

/** |a − b| ≤ tol·|b| (or tol absolute when b is tiny). */
function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(b), 1e-3);
}

beforeAll(async () => {
  await useCpuBackend();
});

describe('PyTorch torch.optim oracle (float64, 12 steps)', () => {
  const cases = loadOracle().optimizers.cases;
  it('has all 14 cases', () => expect(cases.length).toBe(14));

  for (const c of cases) {
    const { name, hyper } = ORACLE[c.input.optimizer];
    const s = surfaceOfCase(c);
    const diverging = c.input.optimizer === 'sgd_diverging';

    it(`${c.name}: the update rule with float64 analytic gradients reproduces every step`, () => {
      // Replay without the panel's divergence stop, so the huge values are compared too.
      let p: Vec2 = c.input.start, st = initState();
      for (let t = 0; t <= c.input.steps; t++) {
        const [ex, ey] = c.expected.path[t];
        if (ex === null || ey === null) expect(Number.isFinite(p[0]) && Number.isFinite(p[1])).toBe(false);
        else expect(close(p[0], ex, 1e-9) && close(p[1], ey, 1e-9), `step ${t}: ${p} vs ${[ex, ey]}`).toBe(true);
        if (t < c.input.steps) {
          const want = c.expected.loss_before_each_step[t];
          const loss = s.f(p[0], p[1]);
          if (want === null) expect(Number.isFinite(loss)).toBe(false);
          else expect(close(loss, want, 1e-9), `loss ${t}: ${loss} vs ${want}`).toBe(true);
          ({ p, s: st } = step(name, hyper, p, s.grad(p[0], p[1]), st));
        }
      }
    });

    it(`${c.name}: the panel's tfjs-autodiff path matches within float32 tolerance`, () => {
      const [run] = runPaths(s, [{ name, hyper }], c.input.start, c.input.steps, { gradients: 'tfjs' });
      if (diverging && c.input.function === 'rosenbrock') {
        // 477 → 2.7e11 in one step: flagged at once, the path stops at the offending point.
        expect(run.status).toBe('diverged');
        expect(run.stoppedAt).toBe(1);
      }
      // The whole path: 12 steps and the start, or up to the step flagged as diverging.
      expect(run.path).toHaveLength(run.stoppedAt === null ? c.input.steps + 1 : run.stoppedAt + 1);
      expect(run.path.length).toBeGreaterThanOrEqual(2);
      expect(run.losses).toHaveLength(run.path.length);
      run.path.forEach((p, t) => {
        const [ex, ey] = c.expected.path[t] as [number, number];
        expect(close(p[0], ex, 1e-3) && close(p[1], ey, 1e-3), `step ${t}: ${p} vs ${[ex, ey]}`).toBe(true);
      });
      run.losses.slice(0, c.input.steps).forEach((l, t) => expect(close(l, c.expected.loss_before_each_step[t]!, 1e-3)).toBe(true));
    });
  }

  it('the diverging step on bowl_1_10 (lr 0.25 > 2/L = 0.2): loss grows, the panel flags it and says so', () => {
    const c = cases.find((k) => k.name === 'sgd_diverging on bowl_1_10')!;
    const losses = c.expected.loss_before_each_step as number[];
    for (let t = 1; t < losses.length; t++) expect(losses[t]).toBeGreaterThan(losses[t - 1]);
    const [run] = runPaths(surfaceOfCase(c), [ORACLE.sgd_diverging], c.input.start, 40);
    expect(run.status).toBe('diverged');
    expect(run.stoppedAt).toBeLessThan(25); // loss ×2.25 per step: 1e6× the start by step ~17
    const w = warnings(params({ surface: 'bowl', kappa: 10, lr: 0.25, optimizers: ['sgd'] }));
    expect(w.some((m) => m.includes('2/L = 0.2') && m.includes('diverges'))).toBe(true);
  });
});

describe('first updates equal the textbook formulas, by hand', () => {
  // p = (1, 2), g = (3, −4), lr = 0.1, μ = 0.9, β = (0.9, 0.999), α = 0.99.
  const h: Hyper = { lr: 0.1, momentum: 0.9, beta1: 0.9, beta2: 0.999, alpha: 0.99 };
  const p: Vec2 = [1, 2], g: Vec2 = [3, -4];
  const first = (name: OptimizerName) => step(name, h, p, g, initState());
  const expectPoint = (q: Vec2, want: [number, number], digits = 12) => {
    expect(q[0]).toBeCloseTo(want[0], digits);
    expect(q[1]).toBeCloseTo(want[1], digits);
  };

  it('gradient descent: p − lr·g = (1 − 0.3, 2 + 0.4)', () => expectPoint(first('sgd').p, [0.7, 2.4]));
  it('momentum: buffer starts at g, so step 1 is plain GD; step 2 uses v = μ·g + g₂', () => {
    const a = first('momentum');
    expectPoint(a.p, [0.7, 2.4]);
    // g₂ = (1, 1): v = 0.9·(3, −4) + (1, 1) = (3.7, −2.6); p = (0.7 − 0.37, 2.4 + 0.26)
    expectPoint(step('momentum', h, a.p, [1, 1], a.s).p, [0.33, 2.66]);
  });
  it('Nesterov: v = g, step along g + μ·v = 1.9·g = (5.7, −7.6)', () => expectPoint(first('nesterov').p, [0.43, 2.76]));
  it('AdaGrad: sum = g², so step 1 is lr·g/|g| = lr·sign(g)', () => expectPoint(first('adagrad').p, [1 - 0.3 / (3 + 1e-10), 2 + 0.4 / (4 + 1e-10)]));
  it('RMSprop: sq = (1 − α)·g² = (0.09, 0.16), √ = (0.3, 0.4): step 1 is lr/√(1−α) = 10·lr per coordinate', () =>
    expectPoint(first('rmsprop').p, [1 - 0.3 / (0.3 + 1e-8), 2 + 0.4 / (0.4 + 1e-8)]));
  it('Adam: m̂ = g, v̂ = g² after bias correction, so step 1 is ≈ lr·sign(g)', () => {
    const a = first('adam');
    expectPoint(a.p, [1 - (0.1 * 3) / (3 + 1e-8), 2 + (0.1 * 4) / (4 + 1e-8)]);
    expect(a.s.m![0]).toBeCloseTo(0.3, 14); // m = (1 − β1)·g
    expect(a.s.v[1]).toBeCloseTo(0.016, 14); // v = (1 − β2)·g²
    // Step 2 with g₂ = g: m̂ = g and v̂ = g² again (bias correction exact), so again lr·sign(g).
    expectPoint(step('adam', h, a.p, g, a.s).p, [0.8, 2.2], 7);
  });
  it("the panel's own gradient (tfjs) gives the same first steps: bowl κ = 10 at (1, 1), g = (1, 10)", () => {
    const s = makeSurface('bowl', { kappa: 10, seed: 1 });
    const runs = runPaths(s, OPTIMIZERS.map((name) => ({ name, hyper: { ...h, lr: 0.01 } })), [1, 1], 1);
    const want: Record<OptimizerName, [number, number]> = {
      sgd: [0.99, 0.9],
      momentum: [0.99, 0.9],
      nesterov: [1 - 0.019, 1 - 0.19],
      adagrad: [0.99, 0.99],
      rmsprop: [0.9, 0.9],
      adam: [0.99, 0.99],
    };
    expect(runs.map((r) => r.name)).toEqual([...OPTIMIZERS]);
    for (const r of runs) expectPoint(r.path[1], want[r.name], 6);
  });
});

describe('gradient descent on a convex quadratic', () => {
  const gd = (kappa: number, lr: number, name: OptimizerName = 'sgd', momentum = 0) =>
    runPaths(makeSurface('bowl', { kappa, seed: 1 }), [{ name, hyper: { ...H0, lr, momentum } }], [-1.8, 1.2], 500)[0];

  it('with a small step converges to the minimum and is flagged converged', () => {
    const r = gd(10, 0.1);
    expect(r.status).toBe('converged');
    const end = r.path.at(-1)!;
    expect(Math.hypot(end[0], end[1])).toBeLessThan(1e-4); // stopped once steps are invisible (< 1e-6 of the window)
    expect(r.losses).toHaveLength(r.path.length);
    expect(r.losses.length).toBeGreaterThan(10);
    expect(r.losses.every((l, t) => t === 0 || l < r.losses[t - 1])).toBe(true);
    expect(warnings(params({ kappa: 10, lr: 0.1, optimizers: ['sgd'] }))).toEqual([]);
  });
  for (const kappa of [1, 10, 100]) {
    it(`κ = ${kappa}: a step 5% above 2/L diverges, is flagged, and the panel says so`, () => {
      const lr = (1.05 * 2) / kappa;
      const r = gd(kappa, lr);
      expect(r.status).toBe('diverged');
      expect(warnings(params({ kappa, lr, optimizers: ['sgd'] })).some((m) => m.includes('diverges'))).toBe(true);
      expect(gd(kappa, (0.95 * 2) / kappa).status).not.toBe('diverged');
    });
  }
  it("momentum's and Nesterov's limits, as the warnings state them, hold on the bowl", () => {
    const mu = 0.9, L = 10;
    const heavy = (2 * (1 + mu)) / L, nest = (2 * (1 + mu)) / ((1 + 2 * mu) * L);
    expect(gd(10, 1.05 * heavy, 'momentum', mu).status).toBe('diverged');
    expect(gd(10, 0.95 * heavy, 'momentum', mu).status).not.toBe('diverged');
    expect(gd(10, 1.05 * nest, 'nesterov', mu).status).toBe('diverged');
    expect(gd(10, 0.95 * nest, 'nesterov', mu).status).not.toBe('diverged');
    const w = warnings(params({ kappa: 10, lr: 1.05 * heavy, momentum: mu, optimizers: ['momentum', 'nesterov'] }));
    expect(w.filter((m) => m.startsWith('Momentum diverges') || m.startsWith('Nesterov diverges'))).toHaveLength(2);
    // Between 2/L and momentum's limit: plain GD would diverge (said), momentum does not (not said).
    const mid = warnings(params({ kappa: 10, lr: 0.3, momentum: mu, optimizers: ['momentum'] }));
    expect(mid.some((m) => m.includes('plain gradient descent diverges'))).toBe(true);
    expect(mid.some((m) => m.startsWith('Momentum diverges'))).toBe(false);
    expect(gd(10, 0.3, 'momentum', mu).status).toBe('converged');
  });
});

describe('tfjs gradients', () => {
  const points: Vec2[] = [[-1.2, 1], [0.3, -0.7], [1.1, 1.4], [-0.05, 0.02]];
  for (const name of SURFACES) {
    it(`${name}: tfjs autodiff = analytic gradient = central finite differences of f`, () => {
      const s = makeSurface(name, { kappa: 7, seed: 3 });
      const gradFn = tf.grad((p: tf.Tensor) => tf.sum(s.tfLoss(p as tf.Tensor2D)));
      const t = tf.tidy(() => gradFn(tf.tensor2d(points.map((p) => [...p]))));
      const g = t.arraySync() as number[][];
      t.dispose();
      points.forEach(([x, y], i) => {
        const e = 1e-6;
        const fd = [(s.f(x + e, y) - s.f(x - e, y)) / (2 * e), (s.f(x, y + e) - s.f(x, y - e)) / (2 * e)];
        const an = s.grad(x, y);
        const scale = Math.max(1, Math.hypot(fd[0], fd[1]));
        for (const k of [0, 1]) {
          expect(Math.abs(an[k] - fd[k]) / scale).toBeLessThan(1e-7);
          expect(Math.abs(g[i][k] - fd[k]) / scale).toBeLessThan(1e-5);
        }
      });
    });
  }
});

describe('logistic-regression surface', () => {
  const s = makeSurface('logistic', { kappa: 10, seed: 1 });
  const d = s.data!;

  it('full-batch gradient = mean of per-example gradients (σ(w·x) − y)·x, by hand', () => {
    const w: Vec2 = [-0.7, 1.3];
    let gx = 0, gy = 0;
    for (let i = 0; i < d.n; i++) {
      const z = w[0] * d.x[2 * i] + w[1] * d.x[2 * i + 1];
      const r = 1 / (1 + Math.exp(-z)) - d.y[i];
      gx += (r * d.x[2 * i]) / d.n;
      gy += (r * d.x[2 * i + 1]) / d.n;
    }
    expect(s.grad(w[0], w[1])[0]).toBeCloseTo(gx, 12);
    expect(s.grad(w[0], w[1])[1]).toBeCloseTo(gy, 12);
    // The panel's own (tfjs) gradient: one GD step with lr = 1 moves by exactly −g.
    const [r] = runPaths(s, [{ name: 'sgd', hyper: { ...H0, lr: 1 } }], w, 1, { batch: d.n });
    expect(w[0] - r.path[1][0]).toBeCloseTo(gx, 5);
    expect(w[1] - r.path[1][1]).toBeCloseTo(gy, 5);
  });
  it('has a finite minimum, and each epoch of the batch schedule visits every point once', () => {
    expect(s.minima).toHaveLength(1);
    const next = batchSchedule(1, d.n, 7);
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen: number[] = [];
      for (let b = 0; b < Math.ceil(d.n / 7); b++) seen.push(...next()!);
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: d.n }, (_, i) => i));
    }
    expect(batchSchedule(1, d.n, d.n)()).toBeNull();
  });
  it('batch size 1 takes a different, noisy path; both it and the full batch lower the full loss', () => {
    const racer = [{ name: 'sgd' as const, hyper: { ...H0, lr: 0.3 } }];
    const full = runPaths(s, racer, [-1.5, 2.5], 200, { batch: d.n, seed: 1 })[0];
    const one = runPaths(s, racer, [-1.5, 2.5], 200, { batch: 1, seed: 1 })[0];
    expect(Math.hypot(full.path[200][0] - one.path[200][0], full.path[200][1] - one.path[200][1])).toBeGreaterThan(1e-3);
    expect(full.losses[200]).toBeLessThan(0.5 * full.losses[0]);
    expect(one.losses[200]).toBeLessThan(0.5 * one.losses[0]);
    // Full batch goes downhill at every step here (lr 0.3 < 2/L); one point at a time does not.
    expect(full.losses.every((l, t) => t === 0 || l <= full.losses[t - 1] + 1e-12)).toBe(true);
    expect(one.losses.some((l, t) => t > 0 && l > one.losses[t - 1])).toBe(true);
    // The loss shown is on all the data, whatever the batch.
    expect(one.losses[37]).toBeCloseTo(s.f(...one.path[37]), 12);
  });
});

describe('surfaces', () => {
  it('several valleys: four separate minima, and gradient descent can stop in one that is not the lowest', () => {
    const s = makeSurface('multimodal', { kappa: 10, seed: 1 });
    expect(s.minima).toHaveLength(4);
    const r = runOptimizers(params({ surface: 'multimodal', start: [-2.5, 2.5], lr: 0.1, optimizers: ['sgd'], step: 500 })).runs[0];
    expect(r.losses.at(-1)!).toBeGreaterThan(s.fStar + 0.2);
  });
  it('saddle: a path from near the ridge comes close to the saddle point, then escapes to a minimum', () => {
    const r = runOptimizers(params({ surface: 'saddle', start: [-2.5, 0.05], lr: 0.1, optimizers: ['sgd'], step: 500 })).runs[0];
    expect(Math.min(...r.path.map((p) => Math.hypot(p[0], p[1])))).toBeLessThan(0.6);
    expect(r.status).toBe('converged');
    expect(r.path.at(-1)![1]).toBeCloseTo(2, 3);
    const onRidge = params({ surface: 'saddle', start: [-2.5, 0], optimizers: ['sgd', 'adam'], step: 300 });
    for (const run of runOptimizers(onRidge).runs) expect(Math.hypot(...run.path.at(-1)!)).toBeLessThan(0.05);
    expect(warnings(onRidge).some((m) => m.includes('ridge'))).toBe(true);
  });
  it('grid values match f at the grid points', () => {
    for (const surface of SURFACES) {
      const g = gridValues(params({ surface }), 9, 7);
      const s = makeSurface(surface, { kappa: 10, seed: 1 });
      expect(g.values).toHaveLength(63);
      for (const [i, j] of [[0, 0], [8, 0], [3, 5], [8, 6]])
        expect(close(g.values[j * 9 + i], s.f(g.xs[i], g.ys[j]), 1e-5)).toBe(true);
    }
  });
  it('a start outside the window is moved in, and the panel says so', () => {
    const p = params({ surface: 'rosenbrock', start: [-4, 4] });
    expect(runOptimizers(p).start).toEqual([-2, 3]);
    expect(warnings(p).some((m) => m.includes('outside'))).toBe(true);
  });
});

describe('resources and determinism', () => {
  const all = (surface: GDParams['surface'], batch = 60) => params({ surface, batch, optimizers: [...OPTIMIZERS], step: 500 });

  it('leaves no tensors behind', () => {
    for (const surface of SURFACES) {
      const before = tf.memory().numTensors;
      runOptimizers(all(surface, 5));
      gridValues(all(surface), 40, 30);
      expect(tf.memory().numTensors).toBe(before);
    }
  });
  it('same params, same result; a race read step by step equals the one-shot run', () => {
    const p = all('logistic', 4);
    expect(runOptimizers(p)).toEqual(runOptimizers(p));
    const race = raceFor(p);
    race.at(100);
    race.at(37);
    expect(race.at(500)).toEqual(runOptimizers(p).runs);
    expect(race.at(37)).toEqual(runOptimizers({ ...p, step: 37 }).runs);
  });
});

describe('convergence flag', () => {
  it('a momentum run is not called converged when it merely turns around', () => {
    // Bowl κ=50, lr 0.038, μ 0.9: momentum slows to a near-stop at a turnaround long before it
    // settles. It must only be flagged once it really sits at the minimum.
    const p: GDParams = { ...defaults(schema), surface: 'bowl', kappa: 50, lr: 0.038, momentum: 0.9, optimizers: ['momentum'], step: 500 };
    const run = runOptimizers(p).runs[0];
    expect(run.status).toBe('converged');
    expect(run.losses[run.losses.length - 1]).toBeLessThan(1e-8);
  });
});
