/**
 * Word-for-word tests of the gradient-descent model's warnings and of the race's stop rules
 * (divergence, convergence, cutting at a step), written so that a wrong condition, bound or text
 * fails (issue 17, mutation testing). Expected values are worked out from each case: the bowl
 * 0.5(x² + κy²) has L = max(1, κ), and on test-double surfaces every step is known exactly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { fmt } from '../../lib/format/format';
import { useCpuBackend } from '../../lib/tf/testing';
import { stream } from '../../lib/random/rng';
import { batchSchedule, createRace, gridValues, makeSurface, raceFor, racersFrom, runOptimizers, runPaths, startOf, surfaceOf, warnings, type Racer, type Surface } from './model';
import type { Hyper, Vec2 } from './optimizers';
import { MAX_STEPS, N_POINTS, schema, type GDParams } from './params';

const params = (over: Partial<GDParams> = {}): GDParams => ({ ...defaults(schema), ...over });
const H: Hyper = { lr: 1, momentum: 0, beta1: 0.9, beta2: 0.999, alpha: 0.99 };
const sgd = (lr: number): Racer => ({ name: 'sgd', hyper: { ...H, lr } });

beforeAll(async () => {
  await useCpuBackend();
});

/** A surface whose loss and gradient we choose: window [-1, 1]², so the scale is 2. */
function fake(f: (x: number, y: number) => number, grad: (x: number, y: number) => Vec2, minima: Vec2[], over: Partial<Surface> = {}): Surface {
  return {
    ...makeSurface('bowl', { kappa: 1, seed: 1 }),
    view: [-1, 1, -1, 1],
    ...over,
    f,
    grad: (x: number, y: number) => grad(x, y),
    minima: minima.map((at) => ({ at, value: f(at[0], at[1]) })),
    fStar: over.fStar ?? 0,
  } as Surface;
}

describe('warnings, word for word', () => {
  // Start at the bowl's minimum would add a message; keep a plain start and default batch.
  const bowl = (over: Partial<GDParams>) => params({ surface: 'bowl', kappa: 10, start: [1, 1], momentum: 0.5, beta1: 0.9, batch: N_POINTS, ...over });

  it('bowl, step above 2/L: the exact divergence sentence; exactly 2/L says nothing', () => {
    expect(warnings(bowl({ lr: 0.25, optimizers: ['sgd'] }))).toEqual([`Step ${fmt(0.25)} is above 2/L = ${fmt(0.2)}: plain gradient descent diverges.`]);
    expect(warnings(bowl({ lr: 0.2, optimizers: ['sgd'] }))).toEqual([]);
  });

  it('the step warning concerns only sgd, momentum and Nesterov: each alone triggers it, Adam alone does not', () => {
    const msg = `Step ${fmt(0.25)} is above 2/L = ${fmt(0.2)}: plain gradient descent diverges.`;
    for (const o of ['sgd', 'momentum', 'nesterov'] as const) expect(warnings(bowl({ lr: 0.25, optimizers: [o] }))).toContain(msg);
    expect(warnings(bowl({ lr: 5, optimizers: ['adam', 'rmsprop', 'adagrad'] }))).toEqual([]);
  });

  it('logistic (L known, not a bowl): "no longer guaranteed" above 2/L, nothing at 2/L', () => {
    const p0 = params({ surface: 'logistic', seed: 1, batch: N_POINTS, optimizers: ['sgd'], start: [0, 0] });
    const s = makeSurface('logistic', { kappa: p0.kappa, seed: 1 });
    const L = s.L as number;
    const lr = 2.5 / L;
    const w = warnings({ ...p0, lr });
    expect(w).toContain(`Step ${fmt(lr)} is above 2/L = ${fmt(2 / L)}: plain gradient descent is no longer guaranteed to converge.`);
    expect(w.filter((m) => m.startsWith('Step'))).toHaveLength(1);
    expect(warnings({ ...p0, lr: 1.5 / L }).some((m) => m.startsWith('Step'))).toBe(false);
  });

  it('Rosenbrock (no global L): the curvature at the lowest point sets the limit, in these words', () => {
    const s = makeSurface('rosenbrock', { kappa: 10, seed: 1 });
    const c = s.curvatureAtMin as number;
    expect(s.L).toBeNull();
    // The Hessian of (1 − x)² + 100(y − x²)² at (1, 1) is [[802, −400], [−400, 200]]: largest eigenvalue ≈ 1001.6.
    expect(c).toBeCloseTo(501 + Math.sqrt(301 * 301 + 400 * 400), 0);
    const p = params({ surface: 'rosenbrock', start: [-1, 1], optimizers: ['sgd'], batch: N_POINTS });
    expect(warnings({ ...p, lr: 2.2 / c })).toEqual([
      `Near the lowest point the steepest curvature is about ${fmt(c)}: with a step above 2/${fmt(c)} = ${fmt(2 / c)} plain gradient descent cannot settle there.`,
    ]);
    expect(warnings({ ...p, lr: 1.8 / c })).toEqual([]);
    expect(warnings({ ...p, lr: 2 / c })).toEqual([]);
    expect(warnings({ ...p, lr: 2.2 / c, optimizers: ['adam'] })).toEqual([]);
  });

  it("momentum's limit 2(1+μ)/L on the bowl: above it the sentence, at and below it none", () => {
    const mu = 0.5, lim = (2 * (1 + mu)) / 10; // 0.3
    const w = warnings(bowl({ lr: 0.31, momentum: mu, optimizers: ['momentum'] }));
    expect(w).toEqual([`Step ${fmt(0.31)} is above 2/L = ${fmt(0.2)}: plain gradient descent diverges.`, `Momentum diverges: its limit is 2(1+μ)/L = ${fmt(lim)}.`]);
    expect(warnings(bowl({ lr: lim, momentum: mu, optimizers: ['momentum'] }))).toHaveLength(1);
    expect(warnings(bowl({ lr: 0.31, momentum: mu, optimizers: ['sgd'] })).some((m) => m.startsWith('Momentum'))).toBe(false);
  });

  it("Nesterov's limit 2(1+μ)/((1+2μ)L) on the bowl: 0.15 for μ = 0.5, κ = 10", () => {
    const mu = 0.5, lim = (2 * 1.5) / (2 * 10); // 0.15
    expect(warnings(bowl({ lr: 0.16, momentum: mu, optimizers: ['nesterov'] }))).toEqual([`Nesterov diverges: its limit is 2(1+μ)/((1+2μ)L) = ${fmt(lim)}.`]);
    expect(warnings(bowl({ lr: 0.15, momentum: mu, optimizers: ['nesterov'] }))).toEqual([]);
    expect(warnings(bowl({ lr: 0.16, momentum: mu, optimizers: ['momentum'] }))).toEqual([]);
  });

  it('the momentum and Nesterov limits are bowl-only: none on the logistic surface', () => {
    const w = warnings(params({ surface: 'logistic', seed: 1, lr: 100, momentum: 0.5, optimizers: ['momentum', 'nesterov'], batch: N_POINTS, start: [0, 0] }));
    expect(w.some((m) => m.startsWith('Momentum') || m.startsWith('Nesterov'))).toBe(false);
  });

  it('momentum 0: said once when momentum or Nesterov runs, not for plain gradient descent, not for μ > 0', () => {
    const msg = 'With momentum 0, momentum and Nesterov are plain gradient descent.';
    expect(warnings(bowl({ lr: 0.1, momentum: 0, optimizers: ['momentum'] }))).toEqual([msg]);
    expect(warnings(bowl({ lr: 0.1, momentum: 0, optimizers: ['nesterov'] }))).toEqual([msg]);
    expect(warnings(bowl({ lr: 0.1, momentum: 0, optimizers: ['sgd'] }))).toEqual([]);
    expect(warnings(bowl({ lr: 0.1, momentum: 0.01, optimizers: ['momentum'] }))).toEqual([]);
  });

  it('β1 = 0 with Adam: the RMSprop sentence; not without Adam, not for β1 > 0', () => {
    const msg = 'With β1 = 0, Adam keeps no memory of the gradient: it is RMSprop with bias correction.';
    expect(warnings(bowl({ beta1: 0, optimizers: ['adam'] }))).toEqual([msg]);
    expect(warnings(bowl({ beta1: 0, optimizers: ['rmsprop'] }))).toEqual([]);
    expect(warnings(bowl({ beta1: 0.001, optimizers: ['adam'] }))).toEqual([]);
  });

  it('batch below the full set off the logistic surface: a no-op control, said so', () => {
    const msg = 'Batch size only matters on the logistic-regression surface.';
    expect(warnings(bowl({ batch: N_POINTS - 1, optimizers: ['adam'] }))).toEqual([msg]);
    expect(warnings(bowl({ batch: N_POINTS, optimizers: ['adam'] }))).toEqual([]);
  });

  it('logistic with a mini-batch: "Each step sees b of n points", with the data set size', () => {
    const p = params({ surface: 'logistic', seed: 1, batch: 7, optimizers: ['adam'], start: [0, 0] });
    const n = makeSurface('logistic', { kappa: p.kappa, seed: 1 }).data?.n;
    expect(n).toBe(N_POINTS);
    const w = warnings(p);
    expect(w).toContain(`Each step sees 7 of ${N_POINTS} points: the path is noisy, and the loss drawn is on all of them.`);
    expect(w).not.toContain('Batch size only matters on the logistic-regression surface.');
    expect(warnings({ ...p, batch: N_POINTS }).some((m) => m.startsWith('Each step'))).toBe(false);
  });

  it('a start outside the window is clamped into it, per coordinate, and the new point is named', () => {
    // bowl window [-2, 2]²
    expect(warnings(bowl({ start: [3, 1], optimizers: ['adam'] }))).toEqual([`The start lies outside this surface's window; it was moved to (${fmt(2)}, ${fmt(1)}).`]);
    expect(warnings(bowl({ start: [1, -4], optimizers: ['adam'] }))).toEqual([`The start lies outside this surface's window; it was moved to (${fmt(1)}, ${fmt(-2)}).`]);
    expect(warnings(bowl({ start: [2, -2], optimizers: ['adam'] }))).toEqual([]);
  });

  it('saddle: a start exactly on y = 0 gets the ridge sentence; y ≠ 0, or y = 0 on another surface, does not', () => {
    const ridge = 'The start is exactly on the ridge y = 0: the gradient never points off it, so every optimizer slides toward the saddle point and never leaves the ridge.';
    const sad = (start: [number, number]) => warnings(params({ surface: 'saddle', start, optimizers: ['adam'], batch: N_POINTS }));
    expect(sad([-2, 0])).toEqual([ridge]);
    expect(sad([-2, 0.01])).toEqual([]);
    expect(warnings(bowl({ start: [1, 0], optimizers: ['adam'] }))).toEqual([]);
  });

  it('a start on a minimum: "nothing moves"; a start 1e-3 away says nothing', () => {
    const msg = 'The start is already a minimum: the gradient is zero, nothing moves.';
    expect(warnings(bowl({ start: [0, 0], optimizers: ['adam'] }))).toEqual([msg]);
    expect(warnings(bowl({ start: [0.001, 0], optimizers: ['adam'] }))).toEqual([]);
    expect(warnings(bowl({ start: [1e-9, 0], optimizers: ['adam'] }))).toEqual([]);
    // Rosenbrock's minimum is (1, 1): the distance uses both coordinates.
    expect(warnings(params({ surface: 'rosenbrock', start: [1, 1], optimizers: ['adam'], batch: N_POINTS }))).toEqual([msg]);
  });
});

describe('the race stops by its rules, at the step they say', () => {
  it('bowl κ = 1, lr = 1 lands on the minimum in one step; five still steps later it is converged (step 6)', () => {
    const s = makeSurface('bowl', { kappa: 1, seed: 1 });
    const race = createRace(s, [sgd(1)], [1, -1], { gradients: 'analytic' });
    const at5 = race.at(5)[0];
    expect(race.computed).toBe(5);
    expect(at5.status).toBe('ok');
    expect(at5.stoppedAt).toBeNull();
    expect(at5.path[1]).toEqual([0, 0]);
    const r = race.at(40)[0];
    expect(r.status).toBe('converged');
    expect(r.stoppedAt).toBe(6);
    expect(r.path).toHaveLength(7);
    expect(r.losses).toEqual([1, 0, 0, 0, 0, 0, 0]);
    // Read back at the step before it stopped, it is still running there.
    expect(race.at(5)[0]).toMatchObject({ status: 'ok', stoppedAt: null });
    expect(race.at(6)[0]).toMatchObject({ status: 'converged', stoppedAt: 6 });
  });

  it('bowl κ = 1, lr = 3 doubles |p| each step: diverged at the first step whose loss exceeds 1e6 × max(1, f0)', () => {
    const s = makeSurface('bowl', { kappa: 1, seed: 1 });
    const f0 = 0.5; // start (1, 0)
    let t = 0;
    while (0.5 * 4 ** t <= 1e6 * Math.max(1, f0)) t++; // loss_t = f0 · 4^t
    expect(t).toBe(11);
    const [r, slow] = runPaths(s, [sgd(3), sgd(0.01)], [1, 0], 100, { gradients: 'analytic' });
    expect(r.status).toBe('diverged');
    expect(r.stoppedAt).toBe(t);
    expect(r.path).toHaveLength(t + 1);
    expect(r.path[t]).toEqual([(-2) ** t, 0]);
    // The other racer keeps going after the first stopped.
    expect(slow.path).toHaveLength(101);
    expect(slow.status).toBe('ok');
  });

  it('the loss cap is relative to the start: with f0 = 1000 a loss of 1e6 is no divergence yet', () => {
    // f = 1000 + x from x = 0, +1e5 per step: an absolute cap of 1e6 would stop at step 10
    // (f = 1.001e6); the real cap is 1e9, so |p| > 1e6 stops it at step 11.
    const s = fake((x) => 1000 + x, () => [-1e5, 0], []);
    const [r] = runPaths(s, [sgd(1)], [0, 0], 50, { gradients: 'analytic' });
    expect(r.stoppedAt).toBe(11);
    expect(r.status).toBe('diverged');
  });

  it('|p| > 1e6 is divergence even where the loss stays flat: at step 11 (1.1e6), not step 10 (exactly 1e6)', () => {
    const s = fake(() => 0, () => [-1e5, 0], []);
    const [r] = runPaths(s, [sgd(1)], [0, 0], 50, { gradients: 'analytic' });
    expect(r.path[10]).toEqual([1e6, 0]);
    expect(r.stoppedAt).toBe(11);
    expect(r.status).toBe('diverged');
  });

  it('loss above the cap diverges even while |p| is small', () => {
    // f = 1e7·x², f0 = 0 at the origin, cap = 1e6 · max(1, 0) = 1e6: x = 0.5 gives 2.5e6.
    const s = fake((x) => 1e7 * x * x, () => [-0.5, 0], []);
    const [r] = runPaths(s, [sgd(1)], [0, 0], 50, { gradients: 'analytic' });
    expect(r.stoppedAt).toBe(1);
    expect(r.status).toBe('diverged');
  });

  it('a loss exactly at the cap is not divergence', () => {
    // f = 4e6·x², step 0.5: f = 1e6 = cap at step 1 (stays there: zero gradient after).
    const s = fake((x) => 4e6 * x * x, (x) => (x === 0 ? [-0.5, 0] : [0, 0]), []);
    const [r] = runPaths(s, [sgd(1)], [0, 0], 3, { gradients: 'analytic' });
    expect(r.losses[1]).toBe(1e6);
    expect(r.status).toBe('ok');
  });

  it('a non-finite gradient or loss is divergence; a non-finite start stops every racer at step 0', () => {
    const nanGrad = fake(() => 1, () => [NaN, 0], []);
    expect(runPaths(nanGrad, [sgd(0.1)], [0, 0], 5, { gradients: 'analytic' })[0]).toMatchObject({ status: 'diverged', stoppedAt: 1 });
    const infLoss = fake((x) => (x === 0 ? 0 : Infinity), () => [-1, 0], []);
    expect(runPaths(infLoss, [sgd(0.1)], [0, 0], 5, { gradients: 'analytic' })[0]).toMatchObject({ status: 'diverged', stoppedAt: 1 });
    const nanStart = fake(() => NaN, () => [0, 0], []);
    const runs = runPaths(nanStart, [sgd(0.1), sgd(0.2)], [0, 0], 5, { gradients: 'analytic' });
    for (const r of runs) expect(r).toMatchObject({ status: 'diverged', stoppedAt: 0, path: [[0, 0]] });
  });

  it('still near a minimum converges after 5 calm steps; 2e-3 × scale away, or moving 2e-6 × scale a step, never does', () => {
    const still = (min: Vec2) => runPaths(fake(() => 0, () => [0, 0], [min]), [sgd(1)], [0, 0], 30, { gradients: 'analytic' })[0];
    // scale = 2: near means < 2e-3, tiny means < 2e-6.
    expect(still([0.0015, 0])).toMatchObject({ status: 'converged', stoppedAt: 5 });
    expect(still([0.0025, 0])).toMatchObject({ status: 'ok', stoppedAt: null });
    const creep = (dx: number) => runPaths(fake(() => 0, () => [-dx, 0], [[0, 0]]), [sgd(1)], [0, 0], 30, { gradients: 'analytic' })[0];
    expect(creep(1e-6)).toMatchObject({ status: 'converged', stoppedAt: 5 });
    expect(creep(4e-6)).toMatchObject({ status: 'ok', stoppedAt: null });
  });

  it('at() rounds, floors at 0 and caps at MAX_STEPS', () => {
    const race = createRace(makeSurface('bowl', { kappa: 1, seed: 1 }), [sgd(0.01)], [1, 1], { gradients: 'analytic' });
    expect(race.at(-3)[0].path).toHaveLength(1);
    expect(race.at(2.6)[0].path).toHaveLength(4);
    expect(race.computed).toBe(3);
    expect(race.at(MAX_STEPS + 50)[0].path).toHaveLength(MAX_STEPS + 1);
    expect(race.computed).toBe(MAX_STEPS);
  });
});

describe('stop rules at their exact bounds, and the window scale', () => {
  it('a step of exactly 1e-6 × scale is not tiny; a minimum exactly 1e-3 × scale away is not near', () => {
    const swing = fake(() => 0, (x) => (x === 0 ? [-2e-6, 0] : [2e-6, 0]), [[0, 0]]); // 0 ↔ 2e-6
    expect(runPaths(swing, [sgd(1)], [0, 0], 20, { gradients: 'analytic' })[0].status).toBe('ok');
    const still = fake(() => 0, () => [0, 0], [[0.002, 0]]);
    expect(runPaths(still, [sgd(1)], [0, 0], 20, { gradients: 'analytic' })[0].status).toBe('ok');
  });

  it('the scale is the larger side of the window: 4 for [1, 5] × [0, 1] and for [0, 1] × [1, 5]', () => {
    for (const view of [[1, 5, 0, 1], [0, 1, 1, 5]] as const) {
      const still = (d: number) => runPaths(fake(() => 0, () => [0, 0], [[d, 0]], { view }), [sgd(1)], [0, 0], 20, { gradients: 'analytic' })[0].status;
      expect(still(0.003)).toBe('converged'); // < 1e-3 × 4
      expect(still(0.0045)).toBe('ok');
    }
  });

  it('losses are measured from fStar: with fStar = −5e5 the cap is 1e6 above it, not 1e6 × |f0 + fStar|', () => {
    const F = -5e5; // start on the minimum: f0 = F, cap = 1e6; one step to x = 0.6 puts the loss 1.44e6 above F
    const s = fake((x) => F + 4e6 * x * x, (x) => (x === 0 ? [-0.6, 0] : [0, 0]), [], { fStar: F });
    expect(runPaths(s, [sgd(1)], [0, 0], 3, { gradients: 'analytic' })[0]).toMatchObject({ status: 'diverged', stoppedAt: 1 });
  });
});

describe('gradients, batches and the panel wiring', () => {
  const bowl10 = makeSurface('bowl', { kappa: 10, seed: 1 });
  const start: Vec2 = [0.1, 0.3];

  it('by default the race uses tfjs (float32) gradients, not the float64 analytic ones', () => {
    const dflt = runPaths(bowl10, [sgd(0.05)], start, 3)[0].path;
    expect(dflt).toEqual(runPaths(bowl10, [sgd(0.05)], start, 3, { gradients: 'tfjs' })[0].path);
    expect(dflt).not.toEqual(runPaths(bowl10, [sgd(0.05)], start, 3, { gradients: 'analytic' })[0].path);
  });

  it('raceFor: tfjs gradients, and the batch size and seed of the params', () => {
    const p = params({ surface: 'logistic', seed: 3, batch: 5, optimizers: ['sgd'], start: [0.5, 0.5] });
    const s = surfaceOf(p), st = startOf(p, s);
    const got = raceFor(p).at(4)[0].path;
    expect(got).toEqual(createRace(s, racersFrom(p), st, { gradients: 'tfjs', batch: 5, seed: 3 }).at(4)[0].path);
    expect(got).not.toEqual(createRace(s, racersFrom(p), st, { gradients: 'analytic', batch: 5, seed: 3 }).at(4)[0].path);
    expect(got).not.toEqual(createRace(s, racersFrom(p), st, { gradients: 'tfjs', batch: 5, seed: 4 }).at(4)[0].path);
    expect(got).not.toEqual(createRace(s, racersFrom(p), st, { gradients: 'tfjs' }).at(4)[0].path);
  });

  it('runOptimizers hands back the surface facts and the start', () => {
    const p = params({ surface: 'bowl', kappa: 10, start: [3, 1], step: 2, optimizers: ['sgd'] });
    const r = runOptimizers(p);
    expect(r.surface).toMatchObject({ name: 'bowl', view: [-2, 2, -2, 2], L: 10, fStar: 0 });
    expect(r.start).toEqual([2, 1]);
    expect(r.runs[0].path).toHaveLength(3);
  });

  it('batchSchedule: the seeded "batches" permutation, cut in order; a new one exactly when the last is used up', () => {
    const next = batchSchedule(7, 6, 3);
    const rng = stream(7, 'batches');
    const first = rng.permutation(6), second = rng.permutation(6);
    expect(Array.from(next() as Int32Array)).toEqual(Array.from(first.slice(0, 3)));
    expect(Array.from(next() as Int32Array)).toEqual(Array.from(first.slice(3, 6)));
    expect(Array.from(next() as Int32Array)).toEqual(Array.from(second.slice(0, 3)));
  });

  it('gridValues on the bowl κ = 1, 3 × 3 over [−2, 2]²: f = 0.5(x² + y²) at −2, 0, 2; min 0, max 4', () => {
    const g = gridValues(params({ surface: 'bowl', kappa: 1 }), 3, 3);
    expect(Array.from(g.xs)).toEqual([-2, 0, 2]);
    expect(Array.from(g.ys)).toEqual([-2, 0, 2]);
    expect(Array.from(g.values)).toEqual([4, 2, 4, 2, 0, 2, 4, 2, 4]);
    expect([g.min, g.max]).toEqual([0, 4]);
    const h = gridValues(params({ surface: 'bowl', kappa: 4 }), 2, 3); // 0.5(x² + 4y²)
    expect(Array.from(h.values)).toEqual([10, 10, 2, 2, 10, 10]);
    expect([h.min, h.max]).toEqual([2, 10]);
  });
});
