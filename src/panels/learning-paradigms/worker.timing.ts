/**
 * Timing of the learning-paradigms worker's jobs (prints figures; asserts nothing, so it cannot
 * flake): `npx tsx src/panels/learning-paradigms/worker.timing.ts` (REPS=3 sweeps per slider,
 * RUNS=9 per fixed setting; ONLY=semi,supervised,… to pick modes).
 * - Sliders: each mode's sliders driven as the bench drives them (from the defaults, one step per
 *   press towards the top, turning at the end; 22 presses, the first 2 not counted), every press
 *   one call of the worker's job with the worker's caches kept (jobs.ts), so a press that reuses
 *   a cached part is counted as the page sees it.
 * - Fixed settings: the largest ones (400 points, the extremes of γ, α, k, eps), each a fresh
 *   worker (no cache).
 * Prints the median and p95 of this process's CPU time (steadier than wall time on a shared
 * machine). tsx routes every call between modules through a getter; the page's worker is a bundle.
 */
import { cpuMs, quantile } from '../../lib/bench/cpuTime';
import { coerce, defaults, type NumberSpec, type IntSpec } from '../../lib/params/schema';
import { createJobs } from './jobs';
import { dataOf, rlConfigOf } from './model';
import { schema, type LpParams, type Mode } from './params';

const REPS = Number(process.env.REPS ?? 3);
const RUNS = Number(process.env.RUNS ?? 9);
const ONLY = process.env.ONLY?.split(',');
const PRESSES = 22, WARM = 2;
const cpu = cpuMs;
const q = quantile;
const D: LpParams = defaults(schema);
const line = (label: string, a: number[], extra = '') =>
  console.log(`${label.padEnd(40)} median ${q(a, 0.5).toFixed(1).padStart(6)} ms   p95 ${q(a, 0.95).toFixed(1).padStart(6)} ms   max ${Math.max(...a).toFixed(1).padStart(6)} ms${extra}`);

type Jobs = ReturnType<typeof createJobs>;
/** The job the page asks of the worker in `p.mode`, as the views build its input. */
function job(jobs: Jobs, p: LpParams): unknown {
  const d = dataOf(p);
  if (p.mode === 'supervised') return jobs.supervised({ ...d, clf: p.clf, k: p.k });
  if (p.mode === 'unsupervised') return jobs.unsupervised({ ...d, clusters: p.clusters, eps: p.eps, minPts: p.minPts });
  if (p.mode === 'semi') return jobs.semi({ config: { ...d, labelled: p.labelled, method: p.method, gamma: p.gamma, alpha: p.alpha }, iter: p.iter });
  return jobs.rl({ config: rlConfigOf(p), target: { episode: p.episode, move: p.move } });
}

/** One arrow-key press on a range input (log sliders step in log10 space, snapped to the grid). */
function press(name: keyof LpParams, v: number, up: boolean): number {
  const spec = schema[name] as NumberSpec | IntSpec;
  const step = spec.step ?? 1;
  const log = spec.kind === 'number' && spec.scale === 'log';
  const pos = log ? Math.log10(v) : v, lo = log ? Math.log10(spec.min) : spec.min, hi = log ? Math.log10(spec.max) : spec.max;
  // The nearest grid point, then one step (a value rounded to its digits sits just off the grid).
  const k = Math.round((pos - lo) / step) + (up ? 1 : -1);
  const next = Math.min(hi, Math.max(lo, lo + step * k));
  return coerce(spec, log ? 10 ** next : next).value as number;
}

function sweep(base: LpParams, name: keyof LpParams): number[] {
  const out: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const jobs = createJobs();
    let p = { ...base };
    job(jobs, p);
    let up = true;
    for (let k = 0; k < PRESSES; k++) {
      let v = press(name, p[name] as number, up);
      if (v === p[name]) {
        up = !up;
        v = press(name, p[name] as number, up);
      }
      p = { ...p, [name]: v };
      const t0 = cpu();
      job(jobs, p);
      if (k >= WARM) out.push(cpu() - t0);
    }
  }
  return out;
}

const SLIDERS: Record<Mode, [string, Partial<LpParams>, (keyof LpParams)[]][]> = {
  semi: [
    ['semi (propagation)', {}, ['labelled', 'gamma', 'n', 'noise']],
    ['semi (spreading)', { method: 'spreading' }, ['labelled', 'gamma', 'alpha', 'n', 'noise']],
  ],
  supervised: [
    ['supervised (k-NN)', { mode: 'supervised' }, ['k', 'n', 'noise']],
    ['supervised (logistic)', { mode: 'supervised', clf: 'logistic' }, ['n', 'noise']],
  ],
  unsupervised: [['unsupervised', { mode: 'unsupervised' }, ['clusters', 'eps', 'minPts', 'n', 'noise']]],
  reinforcement: [['reinforcement', { mode: 'reinforcement' }, ['stepReward', 'epsilon', 'lr', 'discount', 'slip']]],
};

const FIXED: [string, Partial<LpParams>][] = [
  ['semi defaults (200 points)', {}],
  ['semi 400 points', { n: 400 }],
  ['semi 400, γ 200', { n: 400, gamma: 200 }],
  ['semi 400, γ 0.5', { n: 400, gamma: 0.5 }],
  ['semi 400, noise 0.4', { n: 400, noise: 0.4 }],
  ['semi 400, 60 labelled', { n: 400, labelled: 60 }],
  ['semi 400, circles', { n: 400, dataset: 'circles' }],
  ['semi 400, blobs', { n: 400, dataset: 'blobs' }],
  ['semi 400, spreading α 0.2', { n: 400, method: 'spreading' }],
  ['semi 400, spreading α 0.99', { n: 400, method: 'spreading', alpha: 0.99 }],
  ['semi 400, spreading γ 200 α 0.99', { n: 400, method: 'spreading', alpha: 0.99, gamma: 200 }],
  ['supervised k-NN 400', { mode: 'supervised', n: 400 }],
  ['supervised k-NN 400, k 30', { mode: 'supervised', n: 400, k: 30 }],
  ['supervised logistic 400', { mode: 'supervised', n: 400, clf: 'logistic' }],
  ['supervised logistic 400 blobs', { mode: 'supervised', n: 400, clf: 'logistic', dataset: 'blobs' }],
  ['unsupervised 400', { mode: 'unsupervised', n: 400 }],
  ['unsupervised 400, eps 1, k 8', { mode: 'unsupervised', n: 400, eps: 1, clusters: 8 }],
  ['reinforcement, episode 1000', { mode: 'reinforcement', episode: 1000 }],
  ['reinforcement, episode 1000, slip 0.5', { mode: 'reinforcement', episode: 1000, slip: 0.5 }],
];

for (const [label, over] of FIXED) {
  const p = { ...D, mode: 'semi' as Mode, ...over };
  if (ONLY && !ONLY.includes(p.mode)) continue;
  for (let r = 0; r < 2; r++) job(createJobs(), p); // warm-up (JIT)
  const a: number[] = [];
  let res: unknown;
  for (let r = 0; r < RUNS; r++) {
    const jobs = createJobs();
    const t0 = cpu();
    res = job(jobs, p);
    a.push(cpu() - t0);
  }
  const nIter = (res as { nIter?: number }).nIter;
  line(label, a, nIter === undefined ? '' : `   (${nIter} iterations)`);
}
for (const mode of Object.keys(SLIDERS) as Mode[]) {
  if (ONLY && !ONLY.includes(mode)) continue;
  for (const [label, over, names] of SLIDERS[mode]) {
    const base = { ...D, mode: 'semi' as Mode, ...over };
    for (const name of names) line(`${label}: ${String(name)}`, sweep(base, name));
  }
}
