/**
 * Every number a "Try this" experiment quotes, and the claim behind each notice, checked against
 * the model at the experiment's state (issue 16): the schema defaults with the experiment's
 * params on top, as the link opens, computed by computeBiasVariance with the solver and x design
 * the worker picks (compute.worker.ts). A number added to a notice without a check here fails,
 * and so does a model change that moves one.
 *
 * The float32 solver runs in tfjs on whatever backend the browser offers (WASM, WebGL, CPU), and
 * its lost digits near interpolation differ between them (training error at degree 18: 0.483 on
 * WASM, 0.341 on CPU, 0.331 on WebGL, against 0.0045 in float64), so its notice quotes no number,
 * only "many times" the float64 error. Checked here on the CPU and WASM backends (both start in
 * Node and give the browser's values); WebGL needs a GPU, and its measured value lies between.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../lib/tf/tf';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact } from '../../lib/panel/quoted';
import { useCpuBackend } from '../../lib/tf/testing';
import panel from './panel';
import { computeBiasVariance, type BiasVarianceResult } from './model';
import { schema, type BiasVarianceParams } from './params';

const stateOf = (over: Partial<BiasVarianceParams>): BiasVarianceParams => ({ ...defaults(schema), ...over });

/** What the worker computes for a state. */
const compute = (p: BiasVarianceParams): Promise<BiasVarianceResult> =>
  computeBiasVariance(p, { engine: p.engine === 'tf' ? 'tfjs' : 'float64', design: p.design });

type Check = (r: BiasVarianceResult, p: BiasVarianceParams) => Promise<Record<string, Fact>>;

/** Per experiment title: the fact behind every number its title and notice quote. */
const CHECKS: Record<string, Check> = {
  'Underfit: a straight line through a sine': async (r) => {
    const c = r.current;
    expect(c.bias2).toBeGreaterThan(c.variance + c.noise);
    return {};
  },
  'Overfit: degree 12 on 20 noisy points': async (r, p) => {
    // Variance is largest near the edges: the fits' spread at x = ±1 exceeds that in the middle.
    const spread = (g: number) => Math.max(...r.fits.map((f) => Math.abs(f[g] - r.meanFit[g])));
    const mid = (r.grid.length - 1) / 2;
    expect(Math.min(spread(0), spread(r.grid.length - 1))).toBeGreaterThan(spread(mid));
    return { '12': p.degree, '20': p.n };
  },
  'More data tames variance': async (r, p) => {
    const few = await compute({ ...p, n: 20 });
    expect(r.current.variance).toBeLessThan(few.current.variance / 10);
    return { '12': p.degree };
  },
  'Ridge buys back stability': async (r, p) => {
    const c = r.current;
    const plain = (await compute({ ...p, useRidge: false })).current;
    expect(c.testMse).toBeLessThan(plain.testMse);
    expect(c.bias2).toBeLessThan(plain.bias2); // "it even drops here"
    // The readout's bias² is mostly the scatter of the average fit: with three times the sets it
    // falls, with and without the penalty (the true bias² does not depend on the number of sets).
    for (const useRidge of [false, true]) {
      const more = (await compute({ ...p, useRidge, sets: 3 * p.sets })).current.bias2;
      expect(more).toBeLessThan(0.6 * (useRidge ? c : plain).bias2);
    }
    return { '1.15': plain.variance, '0.79': c.variance, '100': p.sets };
  },
  'Random gaps make variance explode': async (r, p) => {
    const grid = await compute({ ...p, design: 'stratified' });
    expect(r.current.variance).toBeGreaterThan(10 * grid.current.variance);
    return { '1': 'setting' };
  },
  'Float32 breaks near interpolation': async (r, p) => {
    expect(r.engine).toBe('tfjs');
    for (const backend of ['cpu', 'wasm']) {
      expect(await tf.setBackend(backend)).toBe(true);
      // The float64 solve also clears the model's one-entry cache, so the float32 one reruns.
      const exact = (await computeBiasVariance(p, { engine: 'float64', design: p.design })).current.trainMse;
      const float32 = (await compute(p)).current.trainMse;
      // "many times": at least 10× on every backend (measured 75× to 110×).
      expect(float32, backend).toBeGreaterThan(10 * exact);
    }
    await tf.setBackend('cpu');
    return { '18': p.degree, '20': p.n };
  },
  'More coefficients than points': async (r, p) => {
    expect(r.status).toBe('underdetermined');
    // Double descent: the test error peaks where the fits first interpolate (degree n − 1) and
    // falls again beyond it.
    const test = r.byDegree.map((s) => s.testMse);
    const peak = test.indexOf(Math.max(...test));
    expect(peak).toBe(p.n - 1);
    expect(test[p.degree]).toBeLessThan(test[peak + 2]);
    expect(test[peak + 2]).toBeLessThan(test[peak] / 10);
    return { '16': p.degree + 1, '10': p.n, '9': peak };
  },
};

beforeAll(useCpuBackend);

describe('every number the "Try this" texts quote holds at the experiment’s state (issue 16)', () => {
  it('no check is left for an experiment that is gone', () => {
    const titles = panel.experiments.map((e) => e.title);
    for (const t of Object.keys(CHECKS)) expect(titles).toContain(t);
  });
  for (const e of panel.experiments)
    it(e.title, { timeout: 60_000 }, async () => {
      const p = stateOf(e.params);
      const facts = (await CHECKS[e.title]?.(await compute(p), p)) ?? {};
      expectQuoted(`${e.title}: ${e.notice}`, facts);
    });
});
