/**
 * Timing of the regularization worker's job (the 61-λ path) per setting (prints figures; asserts
 * nothing, so it cannot flake): `npx tsx src/panels/regularization/path.timing.ts` (RUNS=9 by
 * default; the features slider p = 2..60 (PSTEP=k every k-th) at the other defaults; EXTRA=1 adds the other
 * penalties and extreme settings). Prints the median and p95 of this process's CPU time (steadier
 * than wall time on a shared machine) and the coordinate-descent sweeps of the path.
 */
import { defaults } from '../../lib/params/schema';
import { computePath, type PathParams } from './model';
import { schema, type RegParams } from './params';

const RUNS = Number(process.env.RUNS ?? 9);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))];
const D = defaults(schema);
const pp = (over: Partial<RegParams>): PathParams => {
  const { lambda: _l, ...rest } = { ...D, ...over };
  void _l;
  return rest;
};

const settings: [string, Partial<RegParams>][] = [];
for (let p = 2; p <= 60; p += Number(process.env.PSTEP ?? 1)) settings.push([`p ${p}`, { p }]);
if (process.env.EXTRA)
  for (const penalty of ['l1', 'elasticnet', 'l2'] as const)
    for (const [label, over] of [['n 10 p 60', { n: 10, p: 60 }], ['n 200 p 60', { n: 200, p: 60 }], ['ρ .99 n 10 p 60', { n: 10, p: 60, rho: 0.99 }], ['n 30 p 30 σ 0', { p: 30, noise: 0 }]] as const)
      settings.push([`${label} ${penalty}`, { ...over, penalty }]);
const all: number[] = [];
for (const [label, over] of settings) {
  let sweeps = 0;
  const job = () => {
    const t0 = cpu();
    sweeps = computePath(pp(over)).totalSweeps;
    return cpu() - t0;
  };
  for (let r = 0; r < 2; r++) job(); // warm-up (JIT)
  const a = Array.from({ length: RUNS }, job);
  all.push(...a);
  console.log(`${label.padEnd(26)} median ${q(a, 0.5).toFixed(1).padStart(6)} ms   p95 ${q(a, 0.95).toFixed(1).padStart(6)} ms   sweeps ${sweeps}`);
}
console.log(`all settings: median ${q(all, 0.5).toFixed(1)} ms, p95 ${q(all, 0.95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms`);
