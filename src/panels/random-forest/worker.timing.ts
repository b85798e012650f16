/**
 * Timing of the random-forest worker's job per setting (prints figures; asserts nothing, so it
 * cannot flake): `npx tsx src/panels/random-forest/worker.timing.ts` (RUNS=15 by default).
 * A fresh setting is a new run taken to the end (trees, map, curves, importances, view), as a
 * slider other than trees asks; the trees slider moves an existing run by one tree. Prints the
 * median and p95 of this process's CPU time (steadier than wall time on a shared machine). tsx
 * routes every call between modules through a getter; a bundle (esbuild, as the page's worker
 * is) runs the kit's loops 10–20 % faster. The page splits a fresh forest over two workers
 * (permPart.ts): the "part 0" and "part 1" lines time each alone.
 */
import { cpuMs, quantile } from '../../lib/bench/cpuTime';
import { defaults } from '../../lib/params/schema';
import { computeForest, configOf, createForestRun } from './model';
import { createPermRun } from './permPart';
import { schema, type ForestParams } from './params';

const RUNS = Number(process.env.RUNS ?? 15);
const cpu = cpuMs;
const q = quantile;
const D: ForestParams = defaults(schema);

function report(label: string, job: () => number) {
  for (let r = 0; r < 2; r++) job(); // warm-up (JIT)
  const a = Array.from({ length: RUNS }, job);
  console.log(`${label.padEnd(28)} median ${q(a, 0.5).toFixed(1).padStart(6)} ms   p95 ${q(a, 0.95).toFixed(1).padStart(6)} ms`);
}

const settings: [string, Partial<ForestParams>][] = [
  ['defaults', {}], ['jitter 0', { jitter: 0 }], ['jitter 0.6', { jitter: 0.6 }], ['n 50', { n: 50 }], ['n 500', { n: 500 }],
  ['noise 1', { noise: 1 }], ['noise 10', { noise: 10 }], ['depth 1', { depth: 1 }], ['depth 12', { depth: 12 }],
  ['minSplit 50', { minSplit: 50 }], ['trees 200', { trees: 200 }],
];
for (const [label, over] of settings)
  report(label, () => {
    const t0 = cpu();
    computeForest({ ...D, ...over });
    return cpu() - t0;
  });
// The page's two workers (permPart.ts): each part of a fresh forest alone; the slower one is
// what the page waits for.
for (const [label, over] of settings)
  for (const part of [0, 1] as const)
    report(`${label}, part ${part}`, () => {
      const p = { ...D, ...over };
      const t0 = cpu();
      const t = { trees: p.trees, pick: p.tree };
      const run = part === 0 ? createForestRun({ ...configOf(p), part }) : createPermRun({ ...configOf(p), part });
      while (!run.advance(t, Infinity));
      run.view(t);
      return cpu() - t0;
    });
for (const [from, to] of [[100, 101], [199, 198]])
  report(`trees ${from} → ${to}`, () => {
    const run = createForestRun(configOf(D));
    const go = (trees: number) => {
      const t = { trees, pick: 1 };
      while (!run.advance(t, Infinity));
      run.view(t);
    };
    go(from);
    const t0 = cpu();
    go(to);
    return cpu() - t0;
  });
