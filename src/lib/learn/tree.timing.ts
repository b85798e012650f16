/**
 * Timing of random-forest growth for tree.ts (prints figures; asserts nothing, so it cannot flake):
 *   npx tsx src/lib/learn/tree.timing.ts
 * 200 bootstrap trees, depth ≤ 12, on 500 rows: 2 informative features plus d − 2 noise columns,
 * maxFeatures = ceil(√d) (a random forest) and maxFeatures = d (bagging). Prints the median wall
 * time and the median CPU time of this process (steadier when other work shares the cores).
 */
import { createRng } from '../random/rng';
import { growMember } from './forest';
import type { Matrix } from './api';

function data(n: number, d: number): { X: Matrix; y: Int32Array } {
  const rng = createRng(7);
  const X = new Float64Array(n * d), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.next() * 2 - 1, b = rng.next() * 2 - 1;
    X[i * d] = a;
    X[i * d + 1] = b;
    for (let f = 2; f < d; f++) X[i * d + f] = rng.next();
    y[i] = (a * a + b * b < 0.5) !== rng.next() < 0.15 ? 1 : 0; // a disc, 15 % of labels flipped
  }
  return { X: { data: X, n, d }, y };
}

function median(a: number[]): number {
  const s = [...a].sort((p, q) => p - q);
  return s[s.length >> 1];
}

const runs = Number(process.env.RUNS ?? 9);
for (const d of [2, 7, 12]) {
  const { X, y } = data(500, d);
  for (const mf of new Set([Math.ceil(Math.sqrt(d)), d])) {
    const opts = { tree: { criterion: 'gini' as const, nClasses: 2, maxDepth: 12, maxFeatures: mf }, bootstrap: true, seed: 1 };
    const wall: number[] = [], cpu: number[] = [];
    let nodes = 0;
    for (let r = 0; r < runs + 2; r++) {
      const t0 = performance.now(), c0 = process.cpuUsage().user;
      nodes = 0;
      for (let t = 0; t < 200; t++) nodes += growMember(X, y, opts, t).tree.nodeCount;
      if (r < 2) continue; // two warm-up runs
      wall.push(performance.now() - t0);
      cpu.push((process.cpuUsage().user - c0) / 1000);
    }
    const ms = (a: number[]) => `${median(a).toFixed(0)} ms`;
    console.log(`d=${String(d).padStart(2)} maxFeatures=${String(mf).padStart(2)}: wall ${ms(wall)}, cpu ${ms(cpu)} (${nodes} nodes)`);
  }
}
