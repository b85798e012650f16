/**
 * Timing of what a new data set costs the k-means panel (prints figures; asserts nothing, so it
 * cannot flake): `npx vitest run --config src/panels/k-means/timing.config.mjs` (vitest, as
 * tfjs's ESM build does not load under tsx; RUNS=9 by default; ENGINE=tf|js; BACKEND=wasm|cpu).
 * For the point counts the n slider passes through: the page's frame from cold caches (data,
 * start, recorded run) and its pieces, then one elbow worker's job. Median and p95 of CPU time.
 */
import { defaults } from '../../lib/params/schema';
// Aliased: the hooks lint rule reads any use… call as a React hook.
import { useCpuBackend as cpuBackend, useWasmBackend as wasmBackend } from '../../lib/tf/testing';
import { stream } from '../../lib/random/rng';
import { createComputer } from './compute';
import { elbowCurve, elbowSample } from './elbow';
import { pointsOf } from './model';
import { makeData } from './data';
import { KMeansRun } from './model';
import { MAX_STEP, schema, type KMeansParams } from './params';
import { centresOf, seedPlusPlus } from './seeding';

const RUNS = Number(process.env.RUNS ?? 9);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const q = (a: number[], f: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(f * a.length))];
async function time(job: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let r = 0; r < 2; r++) await job();
  const out: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpu();
    await job();
    out.push(cpu() - t0);
  }
  return out;
}
const fmt = (a: number[]) => `${q(a, 0.5).toFixed(1).padStart(6)} / ${q(a, 0.95).toFixed(1).padStart(6)}`;

async function main() {
  if (process.env.ENGINE !== 'js') {
    if (process.env.BACKEND === 'cpu') await cpuBackend();
    else console.log('wasm:', await wasmBackend());
  }
  const base: KMeansParams = { ...defaults(schema), engine: (process.env.ENGINE ?? 'tf') as 'tf' | 'js' };
  console.log(`engine ${base.engine}; ms of CPU, median / p95`);
  console.log('n        frame (cold)     data        seeding      run           iterations');
  for (const n of [1000, 1995, 3162, 5012, 7943, 12589]) {
    const p = { ...base, n };
    const frame = await time(() => createComputer().frame(p));
    const data = await time(() => makeData(p));
    const d = makeData(p);
    const seed = await time(() => seedPlusPlus(d.x, d.n, p.k, stream(p.seed, 'init')));
    const start = centresOf(d.x, seedPlusPlus(d.x, d.n, p.k, stream(p.seed, 'init')).picks);
    let iters = 0;
    const run = await time(async () => {
      const r = new KMeansRun(d, start, { k: p.k, engine: p.engine, variant: p.variant, batch: p.batch, seed: p.seed });
      await r.ensure(MAX_STEP);
      iters = r.snapshots.length;
    });
    console.log(`${String(n).padEnd(8)} ${fmt(frame)}  ${fmt(data)}  ${fmt(seed)}  ${fmt(run)}   ${iters}`);
  }
  // One elbow worker's job (compute.worker.ts): its half of the K's on the sample the page sends
  // (the page makes the sample from the data it already has: the "sample" column).
  const none = () => Promise.resolve();
  console.log('n        page: sample      worker: shard 0   shard 1      (spread 0.9) shard 0   shard 1');
  for (const n of [1000, 1995, 5012, 12589, 100000]) {
    const cols = [];
    const d = makeData({ ...base, n });
    cols.push(await time(() => elbowSample(d, base.seed).x));
    for (const spread of [base.spread, 0.9]) {
      const sample = elbowSample(makeData({ ...base, n, spread }), base.seed).x;
      for (const shard of [0, 1] as const) cols.push(await time(() => elbowCurve(pointsOf(sample), 'js', { seed: base.seed, shard, pause: none })));
    }
    console.log(`${String(n).padEnd(8)} ${cols.map(fmt).join('  ')}`);
  }
}
// Run by vitest (tfjs's ESM build does not load under tsx): a test that only prints.
import { test } from 'vitest';
test('timing', main);
