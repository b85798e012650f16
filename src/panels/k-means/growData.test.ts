/**
 * Data kept between numbers of points are makeData's, to the bit: a learner's path of n up and
 * down (the slider's ends included) for every generated dataset, a change of seed, spread or
 * blobs in between; and makeData itself (split into a point generator) against its code before
 * the split, verbatim but for the own-data branch.
 */
import { describe, expect, it } from 'vitest';
import { moons } from '../../lib/random/datasets';
import { stream, type Rng } from '../../lib/random/rng';
import { makeData, OUTLIER_FRACTION, type DataParams, type KMData } from './data';
import { createDataGrower } from './growData';
import { MAX_POINTS } from './params';

const BOX = 4;
// The helpers of the old makeData, as they are in data.ts (not exported there).
function blobCentres(rng: Rng, g: number): [number, number][] {
  const out: [number, number][] = [];
  const minGap = Math.max(1.5, 5.5 / Math.sqrt(g));
  for (let i = 0; i < g; i++) {
    let best: [number, number] = [0, 0];
    let bestGap = -1;
    for (let t = 0; t < 60; t++) {
      const c: [number, number] = [rng.uniform(-BOX + 1, BOX - 1), rng.uniform(-BOX + 1, BOX - 1)];
      const gap = out.reduce((m, o) => Math.min(m, Math.hypot(c[0] - o[0], c[1] - o[1])), Infinity);
      if (gap > bestGap) [best, bestGap] = [c, gap];
      if (gap >= minGap) break;
    }
    out.push(best);
  }
  return out;
}
function pickGroup(u: number, cum: number[]): number {
  for (let g = 0; g < cum.length - 1; g++) if (u < cum[g]) return g;
  return cum.length - 1;
}
function cumulative(w: number[]): number[] {
  const s = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((v) => (acc += v / s));
}
function viewOf(x: Float64Array, n: number): [number, number, number, number] {
  let x0 = -BOX, x1 = BOX, y0 = -BOX, y1 = BOX;
  for (let i = 0; i < n; i++) {
    const a = x[2 * i], b = x[2 * i + 1];
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  const px = 0.06 * (x1 - x0), py = 0.06 * (y1 - y0);
  return [x0 - px, x1 + px, y0 - py, y1 + py];
}

function oldMakeData(p: DataParams): KMData {
  const n = Math.max(1, Math.round(p.n));
  const x = new Float64Array(2 * n);
  const truth = new Int32Array(n);
  const rng = stream(p.seed, 'data');
  const s = p.spread;
  let groups = p.groups;

  if (p.dataset === 'moons') {
    groups = 2;
    const d = moons(rng, n, 0.25 * s);
    // make_moons spans x ∈ [−1, 2], y ∈ [−0.5, 1]: centre it and scale it to the box.
    for (let i = 0; i < n; i++) {
      x[2 * i] = 2.5 * (d.x[2 * i] - 0.5);
      x[2 * i + 1] = 2.5 * (d.x[2 * i + 1] - 0.25);
      truth[i] = d.y[i];
    }
  } else if (p.dataset === 'aniso') {
    // Parallel stripes: long along u, thin across it, side by side across u.
    const ang = (30 * Math.PI) / 180;
    const u = [Math.cos(ang), Math.sin(ang)], v = [-Math.sin(ang), Math.cos(ang)];
    const gap = 1.7;
    const cum = cumulative(Array(groups).fill(1));
    for (let i = 0; i < n; i++) {
      const g = pickGroup(rng.next(), cum);
      const along = 2 * rng.normal();
      const across = (g - (groups - 1) / 2) * gap + 0.35 * s * rng.normal();
      x[2 * i] = along * u[0] + across * v[0];
      x[2 * i + 1] = along * u[1] + across * v[1];
      truth[i] = g;
    }
  } else {
    const centres = blobCentres(stream(p.seed, 'centres'), groups);
    // Uneven: each group a third the size of the one before; the biggest is also the widest.
    const weights = Array.from({ length: groups }, (_, g) => (p.dataset === 'uneven' ? 3 ** -g : 1));
    const sigma = (g: number) => (p.dataset === 'uneven' ? (g === 0 ? 2 * s : 0.6 * s) : s);
    const cum = cumulative(weights);
    const outliers = p.dataset === 'outliers';
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (outliers && u < OUTLIER_FRACTION) {
        x[2 * i] = rng.uniform(-3 * BOX, 3 * BOX);
        x[2 * i + 1] = rng.uniform(-3 * BOX, 3 * BOX);
        truth[i] = -1;
        continue;
      }
      const g = pickGroup(outliers ? (u - OUTLIER_FRACTION) / (1 - OUTLIER_FRACTION) : u, cum);
      const sg = sigma(g);
      x[2 * i] = centres[g][0] + sg * rng.normal();
      x[2 * i + 1] = centres[g][1] + sg * rng.normal();
      truth[i] = g;
    }
  }
  return { x, xf32: Float32Array.from(x), n, truth, groups, view: viewOf(x, n) };
}

/** The first byte at which two arrays differ (-1: none; their lengths are compared too). */
function firstDiff(a: ArrayBufferView, b: ArrayBufferView): number {
  const u = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), v = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (u.length !== v.length) return Math.min(u.length, v.length);
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return i;
  return -1;
}
/** Equal to the bit: every array byte for byte, the rest by Object.is. */
function expectSame(got: KMData, want: KMData, what: string) {
  expect(got.n, what).toBe(want.n);
  expect(got.groups, what).toBe(want.groups);
  expect(got.view.every((v, i) => Object.is(v, want.view[i])), `${what}: view`).toBe(true);
  expect(firstDiff(got.x, want.x), `${what}: x`).toBe(-1);
  expect(firstDiff(got.xf32, want.xf32), `${what}: xf32`).toBe(-1);
  expect(firstDiff(got.truth, want.truth), `${what}: truth`).toBe(-1);
}

const base: DataParams = { dataset: 'blobs', groups: 4, spread: 0.6, n: 1000, seed: 1 };
const ns = [1000, 1259, 1585, 1, 2, 3, 50, 40, 12_589, MAX_POINTS, 79_433, 100, 101];

describe('data kept between numbers of points', () => {
  it.each(['blobs', 'uneven', 'outliers', 'aniso', 'moons'] as const)('%s: a path of n up and down gives makeData’s points', (dataset) => {
    const grow = createDataGrower();
    for (const n of ns) {
      const p = { ...base, dataset, n };
      expectSame(grow(p), makeData(p), `${dataset} n ${n}`);
    }
  });

  it('a new seed, spread or number of blobs starts a new set', () => {
    const grow = createDataGrower();
    const path: Partial<DataParams>[] = [{ n: 500 }, { n: 800 }, { seed: 2, n: 900 }, { seed: 2, n: 300 }, { spread: 1.2, n: 1000 }, { groups: 7, n: 1200 }, { groups: 7, n: 60 }, { dataset: 'moons', n: 700 }, { n: 1500 }];
    for (const over of path) {
      const p = { ...base, ...over };
      expectSame(grow(p), makeData(p), JSON.stringify(over));
    }
  });

  it('makeData is its code before the point generator, to the bit', () => {
    for (const dataset of ['blobs', 'uneven', 'outliers', 'aniso', 'moons'] as const)
      for (const [n, seed, spread, groups] of [[1, 1, 0.6, 4], [2, 3, 0.1, 2], [1000, 1, 0.6, 4], [4321, 9, 1.5, 8]])
        expectSame(makeData({ dataset, n, seed, spread, groups }), oldMakeData({ dataset, n, seed, spread, groups }), `${dataset} ${n}`);
  });
});
