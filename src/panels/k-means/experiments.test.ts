/**
 * Every number a "Try this" text quotes (title and notice), checked against the model at that
 * experiment's state (issue 16), with the functions the panel uses: the view's computer
 * (compute.ts) for the half-moves and the worker's elbowCurve for the curves against K.
 *
 * The distances run in tfjs (float32) in the panel and inertia is summed in float64 over the
 * labels, so a backend can only move a quoted number by labelling a near-tie differently. Each
 * experiment is therefore checked three times: with the tfjs engine on the CPU and WASM backends
 * (WebGL needs a GPU) and with the float64 engine; all must give the quoted numbers to the
 * precision the text states.
 * An experiment without an entry here is checked with no facts, so any number it quotes fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../lib/tf/tf';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, type Fact, atMost } from '../../lib/panel/quoted';
import { useCpuBackend } from '../../lib/tf/testing';
import panel from './panel';
import { createComputer, type KMFrame } from './compute';
import { makeData } from './data';
import { ELBOW_STARTS, elbowCurve } from './elbow';
import { bestK } from './ElbowPlots';
import { MAX_STEP, schema, type KMeansParams } from './params';

type Facts = Record<string, Fact>;

/** A bound the text states ("within 0.2%"): holds exactly when the value is on the stated side. */

beforeAll(async () => {
  await useCpuBackend();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** The tfjs engine on each backend Node can run, then the float64 engine. */
const ENGINES = [
  { engine: 'tf', backend: 'cpu' },
  { engine: 'tf', backend: 'wasm' },
  { engine: 'js', backend: 'cpu' },
] as const;

/** The frame the panel shows for `p` (a fresh computer: nothing cached from another state). */
const frameAt = (p: KMeansParams): Promise<KMFrame> => createComputer().frame(p);

/** The end of the run `p` starts (converged, or MAX_STEP). */
const finalFrame = (p: KMeansParams) => frameAt({ ...p, step: MAX_STEP });

/** Per cluster, how many points of each true group (−1, outliers, counted under key −1). */
function crossTab(f: KMFrame): Map<number, number>[] {
  const tab = Array.from({ length: f.k }, () => new Map<number, number>());
  const labels = f.snap!.labels!;
  for (let i = 0; i < f.data.n; i++) {
    const m = tab[labels[i]];
    m.set(f.data.truth[i], (m.get(f.data.truth[i]) ?? 0) + 1);
  }
  return tab;
}

const CHECKS: Record<string, (p: KMeansParams) => Promise<Facts>> = {
  'A bad random start': async (p) => {
    const f = await frameAt(p);
    expect(f.converged).toBe(true);
    const pp = await finalFrame({ ...p, init: 'kmeanspp' });
    expect(pp.converged).toBe(true);
    // "one centre shared by two blobs and one blob split in two": some cluster holds most of two
    // blobs, and some blob is split over two clusters.
    const tab = crossTab(f);
    const sizes = Array.from({ length: p.groups }, (_, g) => tab.reduce((a, m) => a + (m.get(g) ?? 0), 0));
    expect(tab.some((m) => [...m.entries()].filter(([g, c]) => c > 0.8 * sizes[g]).length >= 2)).toBe(true);
    expect(sizes.some((s, g) => tab.filter((m) => (m.get(g) ?? 0) > 0.2 * s).length >= 2)).toBe(true);
    return { '16': f.iteration, '2,210': { value: f.snap!.inertia!, tol: 5 }, '675': pp.snap!.inertia! };
  },
  'Outliers attract k-means++': async (p) => {
    const f = await frameAt(p);
    const picked = f.seeding!.picked;
    const picks = await frameAt({ ...p, step: 0 });
    const centreIsOutlier = (j: number) => {
      const cx = picks.centres[2 * j], cy = picks.centres[2 * j + 1];
      for (let i = 0; i < picks.data.n; i++) if (picks.data.x[2 * i] === cx && picks.data.x[2 * i + 1] === cy) return picks.data.truth[i] === -1;
      throw new Error('a k-means++ centre is not a data point');
    };
    expect(centreIsOutlier(1) && centreIsOutlier(2)).toBe(true);
    const tab = crossTab(await finalFrame(p));
    // Clusters of outliers alone, largest first; the other two clusters hold every blob point.
    const pure = tab.filter((m) => m.size === 1 && m.has(-1)).map((m) => m.get(-1)!).sort((a, b) => b - a);
    expect(pure).toHaveLength(2);
    return { '2': picked, '3': picked + 1, '12': pure[0], '11': pure[1] };
  },
  'Stretched clusters': async (p) => {
    const f = await finalFrame(p);
    // Cut across: every final cluster takes a real share of at least two stripes.
    for (const m of crossTab(f)) expect([...m.values()].filter((c) => c > 0.1 * (f.data.n / p.groups)).length).toBeGreaterThanOrEqual(2);
    return { '3': p.k };
  },
  'Two moons, K = 2': async (p) => {
    const f = await finalFrame(p);
    // Each cluster takes a tip of the other moon.
    for (const m of crossTab(f)) expect(Math.min(m.get(0) ?? 0, m.get(1) ?? 0)).toBeGreaterThan(0.05 * f.data.n);
    return { '2': p.k };
  },
  'Uneven sizes': async (p) => {
    const f = await finalFrame(p);
    const d = f.data;
    const wide = d.truth.filter((g) => g === 0).length;
    const tab = crossTab(f);
    // Split in two: two clusters each hold over a fifth of the wide group; and the smallest
    // group's cluster also holds wide-group points.
    expect(tab.filter((m) => (m.get(0) ?? 0) > 0.2 * wide).length).toBe(2);
    const smallest = tab.reduce((b, m, j) => ((m.get(2) ?? 0) > (tab[b].get(2) ?? 0) ? j : b), 0);
    expect(tab[smallest].get(0) ?? 0).toBeGreaterThan(0.1 * wide);
    return { '68': (100 * wide) / d.n };
  },
  'Read K off the elbow': async (p) => {
    const e = await elbowCurve(makeData(p), 'js', { seed: p.seed });
    const I = e.inertia as number[];
    // Steeply down to K = 6, hardly after: no fall up to 6 is smaller than the one from 5 to 6,
    // and that one is over five times every later one.
    const drop = (k: number) => I[k - 2] - I[k - 1];
    for (let k = 2; k < 6; k++) expect(drop(k)).toBeGreaterThan(drop(6));
    for (let k = 7; k <= 10; k++) expect(drop(6)).toBeGreaterThan(5 * drop(k));
    return { '6': bestK(e)! };
  },
  '100,000 points, mini-batch': async (p) => {
    const f = await frameAt(p);
    const h = f.history as number[];
    // An update (step 2t) that leaves inertia higher than the assignment before it.
    let rises = 0;
    for (let t = 1; t <= 20; t++) if (h[2 * t] > h[2 * t - 1]) rises++;
    const lloyd = await finalFrame({ ...p, variant: 'lloyd' });
    expect(lloyd.converged).toBe(true);
    const gap = (100 * Math.abs(h[40] - lloyd.snap!.inertia!)) / lloyd.snap!.inertia!;
    return { '100,000': p.n, '256': p.batch, '5': rises, '20': f.iteration, '0.2': atMost(0.2, gap), '71,314': lloyd.snap!.inertia! };
  },
};

describe('k-means: the numbers the "Try this" texts quote', () => {
  it('the elbow plot keeps the best of three starts, as the explanation says', () => {
    expect(ELBOW_STARTS).toBe(3);
  });

  for (const ex of panel.experiments) {
    it(ex.title, async () => {
      for (const { engine, backend } of ENGINES) {
        expect(await tf.setBackend(backend)).toBe(true);
        const p: KMeansParams = { ...defaults(schema), ...ex.params, engine };
        const facts = CHECKS[ex.title] ? await CHECKS[ex.title](p) : {};
        expectQuoted(`${ex.title}. ${ex.notice}`, facts);
      }
    }, 60_000);
  }
});
