/**
 * The k-means panel's data sets: a pure function of the data params and the seed (stream
 * 'data' for the points, 'centres' for where the blobs sit). Points are drawn one at a time
 * (group, then coordinates), so a larger n keeps the first points of a smaller one.
 * dataset=csv: the learner's own points (columns x1, x2; lib/data), or round blobs and a message
 * when there are none to use.
 */
import { resolveOwnData } from '../../lib/data/ownData';
import { moons } from '../../lib/random/datasets';
import { stream, type Rng } from '../../lib/random/rng';
import type { DatasetName } from './params';

export interface DataParams {
  dataset: DatasetName;
  groups: number;
  spread: number;
  n: number;
  seed: number;
  /** The own-data param (dataset=csv only). */
  csv?: string;
}

export interface KMData {
  /** Row-major [n, 2], float64. */
  x: Float64Array;
  /** The same points in float32, ready for tfjs. */
  xf32: Float32Array;
  n: number;
  /** The group each point was drawn from (−1 for an outlier). */
  truth: Int32Array;
  /** How many groups the generator used (the "true" K, when there is one). */
  groups: number;
  /** Bounding box with a margin: [xmin, xmax, ymin, ymax]. */
  view: [number, number, number, number];
  /** The learner's own points. */
  own?: boolean;
  /** Why own data are not used, or that the link does not carry them. */
  message?: string | null;
}

/** Where own data live in this browser (lib/data/ownData). */
export const OWN_KEY = 'k-means';
/** Own data need columns named x1 and x2 (or, when neither name is in the header, the first two). */
export const OWN_REQUEST = { columns: [{ name: 'x1' }, { name: 'x2' }], positional: true } as const;
const NO_CSV = 'No CSV data loaded yet: choose a file or paste CSV text under “Your own data”. Until then the plot shows round blobs.';

/** Fraction of the outlier set's points drawn uniformly from a wide box. */
export const OUTLIER_FRACTION = 0.04;
const BOX = 4;

export function dataKey(p: DataParams): string {
  if (p.dataset === 'csv') return `csv|${p.csv ?? ''}|${p.groups}|${p.spread}|${p.n}|${p.seed}`;
  const g = p.dataset === 'moons' ? 2 : p.groups;
  return `${p.dataset}|${g}|${p.spread}|${p.n}|${p.seed}`;
}

/** Blob centres in [−BOX, BOX]², kept apart when possible (rejection sampling). */
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

/** The points the panel uses. `columns` (x1, x2) are own data already resolved (the worker gets
 *  them from the page, which holds data too large for a link). */
export function makeData(p: DataParams, columns?: Float64Array[]): KMData {
  if (p.dataset === 'csv') {
    const r = columns ? { data: { columns }, message: null } : resolveOwnData(OWN_KEY, p.csv ?? '', 2);
    if (r.data) return { ...fromColumns(r.data.columns), own: true, message: r.message };
    return { ...makeData({ ...p, dataset: 'blobs' }), message: r.message ?? NO_CSV };
  }
  const n = Math.max(1, Math.round(p.n));
  if (p.dataset === 'moons') {
    const x = new Float64Array(2 * n);
    const truth = new Int32Array(n);
    const d = moons(stream(p.seed, 'data'), n, 0.25 * p.spread);
    // make_moons spans x ∈ [−1, 2], y ∈ [−0.5, 1]: centre it and scale it to the box.
    for (let i = 0; i < n; i++) {
      x[2 * i] = 2.5 * (d.x[2 * i] - 0.5);
      x[2 * i + 1] = 2.5 * (d.x[2 * i + 1] - 0.25);
      truth[i] = d.y[i];
    }
    return assemble(x, truth, n, 2);
  }
  const g = pointGenerator(p);
  const x = new Float64Array(2 * n);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) g.draw(x, truth, i);
  return assemble(x, truth, n, g.groups);
}

/** The data object from its points (the float32 copy is a typed-array copy: the same values as Float32Array.from, faster). */
function assemble(x: Float64Array, truth: Int32Array, n: number, groups: number): KMData {
  return { x, xf32: new Float32Array(x), n, truth, groups, view: viewOf(x, n) };
}

/**
 * The generated sets other than the moons, one point per call in order: point i is drawn by the
 * i-th call from the set's stream (growData.ts continues a set to more points with it).
 */
export function pointGenerator(p: DataParams): { groups: number; draw(x: Float64Array, truth: Int32Array, i: number): void } {
  const rng = stream(p.seed, 'data');
  const s = p.spread;
  const groups = p.groups;
  if (p.dataset === 'aniso') {
    // Parallel stripes: long along u, thin across it, side by side across u.
    const ang = (30 * Math.PI) / 180;
    const u = [Math.cos(ang), Math.sin(ang)], v = [-Math.sin(ang), Math.cos(ang)];
    const gap = 1.7;
    const cum = cumulative(Array(groups).fill(1));
    return {
      groups,
      draw(x, truth, i) {
        const g = pickGroup(rng.next(), cum);
        const along = 2 * rng.normal();
        const across = (g - (groups - 1) / 2) * gap + 0.35 * s * rng.normal();
        x[2 * i] = along * u[0] + across * v[0];
        x[2 * i + 1] = along * u[1] + across * v[1];
        truth[i] = g;
      },
    };
  }
  const centres = blobCentres(stream(p.seed, 'centres'), groups);
  // Uneven: each group a third the size of the one before; the biggest is also the widest.
  const weights = Array.from({ length: groups }, (_, g) => (p.dataset === 'uneven' ? 3 ** -g : 1));
  const sigma = (g: number) => (p.dataset === 'uneven' ? (g === 0 ? 2 * s : 0.6 * s) : s);
  const cum = cumulative(weights);
  const outliers = p.dataset === 'outliers';
  return {
    groups,
    draw(x, truth, i) {
      const u = rng.next();
      if (outliers && u < OUTLIER_FRACTION) {
        x[2 * i] = rng.uniform(-3 * BOX, 3 * BOX);
        x[2 * i + 1] = rng.uniform(-3 * BOX, 3 * BOX);
        truth[i] = -1;
        return;
      }
      const g = pickGroup(outliers ? (u - OUTLIER_FRACTION) / (1 - OUTLIER_FRACTION) : u, cum);
      const sg = sigma(g);
      x[2 * i] = centres[g][0] + sg * rng.normal();
      x[2 * i + 1] = centres[g][1] + sg * rng.normal();
      truth[i] = g;
    },
  };
}

/** A generated set's points 0 … n − 1 as a data object (growData.ts: points drawn earlier, kept). */
export function dataFromPoints(x: Float64Array, truth: Int32Array, n: number, groups: number): KMData {
  return assemble(x, truth, n, groups);
}

function fromColumns([a, b]: Float64Array[]): KMData {
  const n = a.length;
  const x = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = a[i];
    x[2 * i + 1] = b[i];
  }
  // Own data have their own scale: frame their bounding box, not the generators' box.
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, a[i]);
    x1 = Math.max(x1, a[i]);
    y0 = Math.min(y0, b[i]);
    y1 = Math.max(y1, b[i]);
  }
  const px = 0.06 * (x1 - x0) || 1, py = 0.06 * (y1 - y0) || 1;
  return { x, xf32: new Float32Array(x), n, truth: new Int32Array(n), groups: 1, view: [x0 - px, x1 + px, y0 - py, y1 + py] };
}

/** Bounding box of the points, padded by 6% and at least [−BOX, BOX]² wide. */
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
