/**
 * The leak demo's noise sets kept between settings (issue 8). A set's labels and columns come
 * from its own stream, labels first and then column after column (data.ts), so for the same seed
 * and sample count a set with more noise features starts with the columns of one with fewer; and
 * a column's sums (Σz, Σz², Σzy over all rows or over a fold's test rows) are the column's alone.
 * The noise-features slider then only draws and sums the columns it adds (and nothing going
 * down), the folds slider reuses the columns and their all-row sums, and the kept-features and
 * neighbours sliders reuse everything: the numbers are those of a fresh set, to the bit
 * (noiseSets.test.ts). A worker keeps one entry per set (the last seed and sample count): at
 * most 2000 × 60 values, ~1 MB per set.
 * Pure: no React, no DOM.
 */
import { stream, type Rng } from '../../lib/random/rng';
import { noiseColumns, noiseLabels } from './data';
import { columnSumsInto, type ColumnSums } from './selection';
import { kFold, stratifiedKFold, type Split } from './splitters';

/** What selectionScores reads of one set at nf features and these folds. */
export interface NoiseView {
  n: number;
  /** Column-major, column j at x[j*n …]; at least nf columns (the caller reads nf). */
  x: Float64Array;
  y: Int32Array;
  splits: Split[];
  /** Sums of the nf columns over all rows. */
  total: ColumnSums;
  /** Sums of the nf columns over each split's test rows. */
  tests: ColumnSums[];
}

/** Column sums over fixed rows, grown column by column (capacity doubles; views are cut at nf). */
class GrowingSums {
  private s: ColumnSums;
  private cols = 0;
  constructor(private readonly rows: readonly number[], y: ArrayLike<number>) {
    let sy = 0;
    for (const i of rows) sy += y[i];
    this.s = { z: new Float64Array(0), zz: new Float64Array(0), zy: new Float64Array(0), count: rows.length, y: sy };
  }
  at(x: Float64Array, n: number, y: ArrayLike<number>, nf: number): ColumnSums {
    const s = this.s;
    if (nf > s.z.length) {
      const cap = Math.max(nf, 2 * s.z.length);
      const grow = (a: Float64Array) => {
        const b = new Float64Array(cap);
        b.set(a.subarray(0, this.cols));
        return b;
      };
      this.s = { ...s, z: grow(s.z), zz: grow(s.zz), zy: grow(s.zy) };
    }
    if (nf > this.cols) {
      columnSumsInto(this.s, x, n, y, this.rows, this.cols, nf);
      this.cols = nf;
    }
    const t = this.s;
    return { z: t.z.subarray(0, nf), zz: t.zz.subarray(0, nf), zy: t.zy.subarray(0, nf), count: t.count, y: t.y };
  }
}

/** One noise set (seed, sample count, set index), its columns drawn as far as asked. */
export class NoiseSet {
  readonly y: Int32Array;
  private readonly rng: Rng;
  private x = new Float64Array(0);
  private cols = 0;
  private readonly total: GrowingSums;
  private folded: { folds: number; splits: Split[]; tests: GrowingSums[] } | null = null;

  constructor(readonly seed: number, readonly n: number, readonly set: number) {
    this.rng = stream(seed, `noise-${set}`);
    this.y = noiseLabels(this.rng, n);
    this.total = new GrowingSums(Array.from({ length: n }, (_, i) => i), this.y);
  }

  /** The set at nf features, scored with `folds` folds. */
  view(nf: number, folds: number): NoiseView {
    const { n, y } = this;
    if (nf > this.cols) {
      if (nf * n > this.x.length) {
        const x = new Float64Array(Math.max(nf, 2 * this.cols) * n);
        x.set(this.x.subarray(0, this.cols * n));
        this.x = x;
      }
      noiseColumns(this.rng, this.x, n, this.cols, nf);
      this.cols = nf;
    }
    if (this.folded?.folds !== folds) {
      // Stratified, so every training fold stays balanced; with fewer samples per class than
      // folds (12 samples in 10 folds) plain shuffled k-fold instead.
      const splitRng = stream(this.seed, `noise-split-${this.set}`);
      const ones = y.reduce((a, b) => a + b, 0);
      const splits = Math.min(ones, n - ones) >= folds ? stratifiedKFold(y, folds, true, splitRng) : kFold(n, folds, true, splitRng);
      this.folded = { folds, splits, tests: splits.map((s) => new GrowingSums(s.test, y)) };
    }
    const { splits, tests } = this.folded;
    return { n, x: this.x, y, splits, total: this.total.at(this.x, n, y, nf), tests: tests.map((t) => t.at(this.x, n, y, nf)) };
  }
}

/** The sets a worker keeps: one per set index, replaced when the seed or the sample count changes. */
export class NoiseSets {
  private readonly sets = new Map<number, NoiseSet>();
  get(seed: number, n: number, set: number): NoiseSet {
    let s = this.sets.get(set);
    if (!s || s.seed !== seed || s.n !== n) this.sets.set(set, (s = new NoiseSet(seed, n, set)));
    return s;
  }
}
