import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { useCpuBackend } from '../../lib/tf/testing';
import { createComputer, horizonFor } from './compute';
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
});
