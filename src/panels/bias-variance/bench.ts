/** Bias-variance figures for `npm run bench`: the float64 solver against the batched tfjs one. */
import { timeIt, timingRows, type BenchRow } from '../../lib/bench/measure';
import { defaults } from '../../lib/params/schema';
import { computeBiasVariance } from './model';
import { schema } from './params';

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cases = [
    { label: 'defaults (100 sets × 20 points, all 21 degrees)', p: { ...defaults(schema) } },
    { label: '300 sets × 200 points, all 21 degrees', p: { ...defaults(schema), sets: 300, n: 200 } },
  ];
  // A new seed on every run: the model keeps the last degree-independent result, and a repeated
  // input would only time that cache.
  let seed = 1000;
  for (const c of cases)
    for (const engine of ['float64', 'tfjs'] as const) {
      const t = await timeIt(() => computeBiasVariance({ ...c.p, seed: seed++ }, { engine, design: c.p.design }), 10, 2);
      rows.push(...timingRows(`compute, ${c.label}, ${engine}`, t));
    }
  return rows;
}
