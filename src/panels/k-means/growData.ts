/**
 * The generated data kept between settings of the number of points (issue 8). A generated set
 * (other than the moons, whose two halves depend on n) draws its points one at a time from its
 * stream, so a set of more points starts with the points of one of fewer: a larger n draws only
 * the points it adds, continuing the same stream, and a smaller n is the first points of the set
 * drawn. The data are those of makeData for that n, to the bit (growData.test.ts). One set is
 * kept (the last dataset, blobs, spread and seed), at most 100,000 points: ~2 MB.
 * Pure: no React, no DOM.
 */
import { dataFromPoints, dataKey, makeData, pointGenerator, type DataParams, type KMData } from './data';

export function createDataGrower(): (p: DataParams) => KMData {
  let kept: { key: string; gen: ReturnType<typeof pointGenerator>; x: Float64Array; truth: Int32Array; drawn: number } | null = null;
  return (p) => {
    if (p.dataset === 'moons' || p.dataset === 'csv') return makeData(p);
    const n = Math.max(1, Math.round(p.n));
    const key = dataKey({ ...p, n: 0 });
    if (kept?.key !== key) kept = { key, gen: pointGenerator(p), x: new Float64Array(0), truth: new Int32Array(0), drawn: 0 };
    const k = kept;
    if (n > k.drawn) {
      // New arrays (the earlier ones may be held by a cached data object), the points drawn so far copied.
      const x = new Float64Array(2 * n);
      const truth = new Int32Array(n);
      x.set(k.x.subarray(0, 2 * k.drawn));
      truth.set(k.truth.subarray(0, k.drawn));
      for (let i = k.drawn; i < n; i++) k.gen.draw(x, truth, i);
      Object.assign(k, { x, truth, drawn: n });
      return dataFromPoints(x, truth, n, k.gen.groups);
    }
    return dataFromPoints(k.x.slice(0, 2 * n), k.truth.slice(0, n), n, k.gen.groups);
  };
}
