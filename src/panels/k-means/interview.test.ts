/**
 * Interview mode (issue 15): every check's stated answer is what the panel's own computer
 * (compute.ts, the tfjs engine on the CPU backend, as the default link runs it) gives at the
 * check's state, every "show me" state shows what its words claim, and the texts quote no number
 * that is not checked. States are opened as a link opens them: schema defaults plus the state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaults } from '../../lib/params/schema';
import { expectQuoted, quotedNumbers } from '../../lib/panel/quoted';
import { useCpuBackend } from '../../lib/tf/testing';
import { createComputer, type KMFrame } from './compute';
import { makeData } from './data';
import { elbowCurve, type ElbowResult } from './elbow';
import { bestK } from './ElbowPlots';
import { schema, type KMeansParams } from './params';
import { interview } from './interview';

beforeAll(async () => {
  await useCpuBackend();
});

const full = (over: Partial<KMeansParams>): KMeansParams => ({ ...defaults(schema), ...over });
const at = (over: Partial<KMeansParams>): Promise<KMFrame> => createComputer().frame(full(over));
const elbowAt = (over: Partial<KMeansParams>): Promise<ElbowResult> => {
  const p = full(over);
  return elbowCurve(makeData(p), 'js', { seed: p.seed });
};
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const text = interview.answer.map((para) => para.map((x) => (typeof x === 'string' ? x : x.text)).join('')).join(' ');
const links = Object.fromEntries(interview.answer.flat().flatMap((x) => (typeof x === 'string' ? [] : [[x.text, x.params]])));
const byId = Object.fromEntries(interview.checks.map((c) => [c.id, c]));

/** Per cluster, how many points of each true group (outliers under −1). */
function crossTab(f: KMFrame): Map<number, number>[] {
  const tab = Array.from({ length: f.k }, () => new Map<number, number>());
  const labels = f.snap!.labels!;
  for (let i = 0; i < f.data.n; i++) tab[labels[i]].set(f.data.truth[i], (tab[labels[i]].get(f.data.truth[i]) ?? 0) + 1);
  return tab;
}
/** Inertia after every recorded half-move from the first assignment on. */
const inertias = (f: KMFrame) => f.history.filter((v): v is number => v !== null);
describe('k-means interview', () => {
  it('the answer is 120–250 words with at least two "show me" links; all states on generated data', () => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(120);
    expect(wordCount(text)).toBeLessThanOrEqual(250);
    expect(Object.keys(links).length).toBeGreaterThanOrEqual(2);
    for (const s of [...Object.values(links), ...interview.checks.map((c) => c.state)]) expect(s.dataset).not.toBe('csv');
    expect(quotedNumbers(text)).toEqual([]);
  });

  it('each "show me" state shows its claim', async () => {
    // Lloyd never raises inertia (default and random starts), and the random start ends worse.
    const rand = await at(links['a bad random start']);
    const pp = await at(links['k-means++ seeding']);
    for (const f of [rand, pp]) {
      expect(f.converged).toBe(true);
      const h = inertias(f);
      for (let i = 1; i < h.length; i++) expect(h[i]).toBeLessThanOrEqual(h[i - 1] * (1 + 1e-9));
    }
    expect(rand.snap!.inertia!).toBeGreaterThan(1.5 * pp.snap!.inertia!);
    // "one centre shared by two blobs": some cluster holds most of two blobs.
    const tab = crossTab(rand);
    const size = (g: number) => rand.data.truth.filter((t) => t === g).length;
    expect(tab.some((m) => [...m.entries()].filter(([g, c]) => c > 0.8 * size(g)).length >= 2)).toBe(true);
    // ... "while another blob is split" (the check's why): some blob spread over two clusters.
    expect([0, 1, 2, 3].some((g) => tab.filter((m) => (m.get(g) ?? 0) > 0.2 * size(g)).length >= 2)).toBe(true);
    // The elbow: inertia never rises with K, steep down to 6, flat after.
    const e = await elbowAt(links['the elbow']);
    const I = e.inertia as number[];
    for (let k = 1; k < I.length; k++) expect(I[k]).toBeLessThanOrEqual(I[k - 1]);
    const drop = (k: number) => I[k - 2] - I[k - 1];
    for (let k = 7; k <= 10; k++) expect(drop(6)).toBeGreaterThan(5 * drop(k));
    // Stretched: every cluster takes a real share of two stripes.
    const an = await at(links['cuts stretched clusters across']);
    for (const m of crossTab(an)) expect([...m.values()].filter((c) => c > 0.1 * (an.data.n / 3)).length).toBeGreaterThanOrEqual(2);
    // Outliers: some cluster holds nothing but outliers.
    const out = await at(links['outliers take whole centres']);
    expect(out.step).toBe(out.lastStep);
    expect(crossTab(out).some((m) => m.size === 1 && m.has(-1))).toBe(true);
  });

  it('each check has options, a valid answer and a state, and quotes only checked numbers', () => {
    expect(interview.checks.length).toBeGreaterThanOrEqual(3);
    for (const c of interview.checks) {
      expect(c.options.length).toBeGreaterThanOrEqual(2);
      expect(c.answer).toBeGreaterThanOrEqual(0);
      expect(c.answer).toBeLessThan(c.options.length);
      expect(Object.keys(c.state).every((k) => k in schema)).toBe(true);
    }
    expect(quotedNumbers(interview.checks.map((c) => c.why).join(' '))).toEqual([]);
    expect(quotedNumbers(interview.followUps.map((f) => `${f.question} ${f.answer}`).join(' '))).toEqual([]);
  });

  it('the numbers in the questions are the settings of their states', () => {
    const d = defaults(schema);
    expectQuoted(byId['random-start'].question, { '4': d.k });
    expect(d.groups).toBe(d.k);
    expectQuoted(byId['two-moons'].question, { '2': byId['two-moons'].state.k! });
    expectQuoted(byId['silhouette-peak'].question, {});
    expect(byId['silhouette-peak'].state.groups).toBe(6);
  });

  it('a random start: the final inertia is higher', async () => {
    const c = byId['random-start'];
    const f = await at(c.state);
    const ref = await at({ ...c.state, init: 'kmeanspp' });
    const [a, b] = [f.snap!.inertia!, ref.snap!.inertia!];
    const computed = a > b * 1.01 ? 0 : a < b / 1.01 ? 2 : 1;
    expect(c.options[computed]).toBe(c.options[c.answer]);
    // The why: "the four random starts lie in only two of the blobs" (they are data points).
    const start = await at({ ...c.state, step: 0 });
    const blobOf = (j: number) => {
      for (let i = 0; i < start.data.n; i++) if (start.data.x[2 * i] === start.centres[2 * j] && start.data.x[2 * i + 1] === start.centres[2 * j + 1]) return start.data.truth[i];
      throw new Error('a random start is not a data point');
    };
    const blobs = Array.from({ length: start.k }, (_, j) => blobOf(j));
    expect([start.k, new Set(blobs).size]).toEqual([4, 2]);
  });
  it('two moons, K = 2: each cluster takes a tip of the other moon', async () => {
    const c = byId['two-moons'];
    for (const init of ['kmeanspp', 'random'] as const) {
      const f = await at({ ...c.state, init });
      expect(f.converged).toBe(true);
      const mixed = crossTab(f).every((m) => Math.min(m.get(0) ?? 0, m.get(1) ?? 0) > 0.05 * f.data.n);
      expect(c.options[mixed ? 0 : 1]).toBe(c.options[c.answer]);
    }
  });
  it('six blobs: the mean silhouette peaks at K = 6', async () => {
    const c = byId['silhouette-peak'];
    const k = bestK(await elbowAt(c.state));
    const computed = c.options.findIndex((o) => o === `K = ${k}`);
    expect(computed).toBeGreaterThanOrEqual(0);
    expect(c.options[computed]).toBe(c.options[c.answer]);
  });
});
