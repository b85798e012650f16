import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend } from '../../lib/tf/testing';
import { createComputer, frameAt, horizonFor, SLICE, workerParams } from './compute';
import { runOptimizers } from './model';
import { schema, type GDParams } from './params';

beforeAll(useCpuBackend);

const base = (over: Partial<GDParams> = {}): GDParams => ({ ...defaults(schema), ...over });

describe('the view computer', () => {
  it('draws the loss plot up to the next hundred above the step', () => {
    expect([0, 60, 99, 100, 250, 499, 500].map(horizonFor)).toEqual([100, 100, 100, 200, 300, 500, 500]);
  });

  it('stepping through a cached race gives what a fresh run to that step gives', () => {
    const compute = createComputer();
    for (const step of [60, 61, 75, 12, 140]) {
      const p = base({ optimizers: ['sgd', 'momentum', 'adam'], surface: 'saddle', start: [-2.5, 0.001], step });
      const viaCache = compute(p).runs;
      const oneShot = runOptimizers(p).runs;
      expect(viaCache.map((r) => [r.status, r.stoppedAt, r.path.length])).toEqual(oneShot.map((r) => [r.status, r.stoppedAt, r.path.length]));
      viaCache.forEach((r, i) => expect(r.path[step]).toEqual(oneShot[i].path[step]));
    }
  });

  it('keeps the contour grid while only the step or a step size moves, and recomputes it for a new κ', () => {
    const compute = createComputer();
    const a = compute(base({ step: 10 }));
    const b = compute(base({ step: 11, lr: 0.1 }));
    expect(b.grid).toBe(a.grid);
    const c = compute(base({ step: 11, kappa: 20 }));
    expect(c.grid).not.toBe(a.grid);
    expect(c.horizon).toBe(100);
    expect(c.runs.every((r) => r.path.length <= 12)).toBe(true);
  });

  it('shifts log-contoured surfaces so that their lowest grid value is 0', () => {
    const compute = createComputer();
    const g = compute(base({ surface: 'rosenbrock' })).grid;
    expect(g.log).toBe(true);
    expect(Math.min(...g.values)).toBe(0);
    expect(compute(base({ surface: 'saddle' })).grid.log).toBe(false);
  });

  it('sliced (the form the worker calls) gives the same frame, and stops at a slice boundary once cancelled', async () => {
    const p = base({ surface: 'logistic', optimizers: ['sgd', 'adam'], start: [-1.5, 2.5], lr: 0.5, batch: 10, step: 230 });
    let yields = 0;
    const sliced = await createComputer().sliced(p, { cancelled: () => false, yield: async () => void yields++ });
    const direct = createComputer()(p);
    expect(sliced).toEqual(direct);
    expect(yields).toBe(Math.ceil(horizonFor(p.step) / SLICE) - 1);

    const compute = createComputer();
    let cancelled = false;
    const stopped = await compute.sliced(p, { cancelled: () => cancelled, yield: async () => void (cancelled = true) });
    expect(stopped).toBeNull();
    // What was computed before the cancel stays cached: the next request goes on from there.
    expect(compute(p)).toEqual(direct);
  });

  it('every step up to the horizon is a cut of the one frame the worker is asked for', () => {
    const compute = createComputer();
    // The diverging runs stop inside the window, so the cut must also drop statuses not yet reached.
    const p = base({ surface: 'bowl', kappa: 10, optimizers: ['sgd', 'momentum', 'adam'], lr: 0.21, step: 0 });
    for (const step of [0, 1, 37, 99, 100, 101, 250, 499, 500]) {
      const q = { ...p, step };
      const asked = compute(workerParams(q));
      expect(asked.horizon).toBe(horizonFor(step));
      expect(frameAt(asked, step)).toEqual(compute(q));
    }
  });
});
