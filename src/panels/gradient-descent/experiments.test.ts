/**
 * Every number a "Try this" experiment quotes, checked against the race at the experiment's
 * state (issue 16): the schema defaults with the experiment's params on top, as the link opens.
 *
 * The panel's paths are float64 update rules fed float32 tfjs gradients, and the worker runs
 * tfjs on whatever backend the browser offers (WebGL, WASM, CPU). The quoted numbers must hold
 * on all of them, so each check runs with the panel's own race (raceFor) on the tfjs CPU and WASM
 * backends (both start in Node; WebGL needs a GPU) and again with float64 analytic gradients: a
 * number that moves between float32 and float64 gradients is not backend-robust and fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../lib/tf/tf';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import { useCpuBackend } from '../../lib/tf/testing';
import panel from './panel';
import { createRace, raceFor, racersFrom, startOf, surfaceOf, type OptimizerRun } from './model';
import type { OptimizerName } from './optimizers';
import { N_POINTS, schema, type GDParams } from './params';
import { eig2, hessianFD, type Surface } from './surfaces.tf';

const stateOf = (over: Partial<GDParams>): GDParams => ({ ...defaults(schema), ...over });

type Gradients = 'tfjs' | 'analytic';
/** Where the gradients come from: tfjs (float32) on a backend, or float64 analytic. */
const SOURCES: { label: string; gradients: Gradients; backend: string }[] = [
  { label: 'tfjs cpu', gradients: 'tfjs', backend: 'cpu' },
  { label: 'tfjs wasm', gradients: 'tfjs', backend: 'wasm' },
  { label: 'float64', gradients: 'analytic', backend: 'cpu' },
];

function race(p: GDParams, gradients: Gradients): OptimizerRun[] {
  if (gradients === 'tfjs') return raceFor(p).at(p.step);
  const s = surfaceOf(p);
  return createRace(s, racersFrom(p), startOf(p, s), { gradients, batch: p.batch, seed: p.seed }).at(p.step);
}

const run = (runs: OptimizerRun[], name: OptimizerName): OptimizerRun => runs.find((r) => r.name === name)!;
const last = (r: OptimizerRun) => r.path[r.path.length - 1];
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** Index of the minimum a run ended nearest to (0 is the lowest). */
const nearestMin = (s: Surface, r: OptimizerRun) =>
  s.minima.reduce((best, m, i) => (dist(last(r), m.at) < dist(last(r), s.minima[best].at) ? i : best), 0);
/** First iteration at which |y| reaches 1 (the run has left the saddle's ridge), or Infinity. */
const leftSaddle = (r: OptimizerRun) => {
  const i = r.path.findIndex((q) => Math.abs(q[1]) >= 1);
  return i < 0 ? Infinity : i;
};

type Check = (runs: OptimizerRun[], p: GDParams, s: Surface, gradients: Gradients) => Record<string, Fact>;

/** Per experiment title: the fact behind every number its title and notice quote. */
const CHECKS: Record<string, Check> = {
  'Momentum through a ravine': (runs, p, s) => {
    const m = run(runs, 'momentum');
    expect(m.status).toBe('converged');
    expect(run(runs, 'sgd').status).toBe('ok'); // still on its way
    return { '50': p.kappa, '2': 'setting', '0.04': 2 / s.L!, '95': { value: m.stoppedAt!, tol: 5 } };
  },
  'A step just over 2/L': (runs, p, s, gradients) => {
    expect(run(runs, 'sgd').status).toBe('diverged');
    const below = race({ ...p, lr: 0.19 }, gradients);
    expect(below[0].status).not.toBe('diverged');
    expect(Math.abs(last(below[0])[1])).toBeLessThan(Math.abs(startOf(p, s)[1]));
    return { '2': 'setting', '10': s.L!, '0.2': 2 / s.L!, '0.21': p.lr, '−1.1': 1 - p.lr * s.L!, '0.19': 'setting' };
  },
  'Uneven scales: adaptive steps': (runs, p, s) => {
    const start = startOf(p, s);
    // Both adaptive methods end nearer the minimum than gradient descent, on both axes.
    for (const name of ['rmsprop', 'adam'] as const) {
      const q = last(run(runs, name)), g = last(run(runs, 'sgd'));
      expect(Math.abs(q[0])).toBeLessThan(Math.abs(g[0]));
      expect(Math.abs(q[1])).toBeLessThan(Math.abs(start[1]));
    }
    // The flat axis has curvature 1: each step keeps 1 − η of the remaining x.
    return { '2': 'setting', '0.02': 2 / s.L!, '1.9': 100 * p.lr * 1 };
  },
  'One example per step (batch size 1)': (runs, p, _s, gradients) => {
    expect(run(runs, 'sgd').status).not.toBe('converged');
    const full = race({ ...p, batch: N_POINTS }, gradients);
    expect(full[0].status).toBe('converged');
    return { '1': p.batch, '60': N_POINTS };
  },
  'Escaping a saddle': (runs, p) => {
    const gd = leftSaddle(run(runs, 'sgd'));
    expect(leftSaddle(run(runs, 'momentum'))).toBeLessThan(gd);
    expect(leftSaddle(run(runs, 'adam'))).toBeLessThan(gd / 3); // "almost at once"
    // Near the saddle the sideways offset y grows by 1 + η per step (curvature −1 along y).
    return { '0.001': p.start[1], '1.1': 1 + p.lr, '75': { value: gd, tol: 5 }, '1': 'setting' };
  },
  'Trapped in a local minimum': (runs, p, s) => {
    expect(nearestMin(s, run(runs, 'sgd'))).not.toBe(0);
    expect(nearestMin(s, run(runs, 'momentum'))).toBe(0);
    return { '0.95': p.momentum };
  },
  'The banana valley': (runs, p, s) => {
    const at = s.minima[0].at;
    const [steep, flat] = eig2(hessianFD((x, y) => s.grad(x, y), at[0], at[1]));
    const gd = dist(last(run(runs, 'sgd')), at);
    expect(gd).toBeGreaterThan(0.3); // "still far from (1, 1)"
    expect(dist(last(run(runs, 'momentum')), at)).toBeLessThan(gd);
    expect(at).toEqual([1, 1]);
    return { '2500': { value: steep / flat, tol: 50 }, '1': 'setting', '500': p.step };
  },
};

beforeAll(useCpuBackend);

describe('every number the "Try this" texts quote holds at the experiment’s state, float32 and float64 (issue 16)', () => {
  it('no check is left for an experiment that is gone', () => {
    const titles = panel.experiments.map((e) => e.title);
    for (const t of Object.keys(CHECKS)) expect(titles).toContain(t);
  });
  for (const e of panel.experiments)
    for (const { label, gradients, backend } of SOURCES)
      it(`${e.title} (${label})`, async () => {
        expect(await tf.setBackend(backend)).toBe(true);
        const p = stateOf(e.params);
        const facts = CHECKS[e.title]?.(race(p, gradients), p, surfaceOf(p), gradients) ?? {};
        expectQuoted(`${e.title}: ${e.notice}`, facts);
      });
});
