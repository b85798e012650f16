/**
 * Step 1, looking at the data: class balance, missing values per column, and each column's
 * distribution split by class (histograms for the measurements, counts for the categories).
 * Computed on every row of the table: looking fits nothing, and the only decisions taken here
 * are about types and gaps. Pure: no DOM.
 */
import { CATEGORICAL, COLUMN_LABELS, missingCounts, NUMERIC, type CatCol, type Column, type Table } from './data';

export interface Histogram {
  column: string;
  /** Bin edges (bins + 1) and, per bin, the count of each class. */
  edges: number[];
  counts: number[][];
  missing: number;
}

export interface CategoryCounts {
  column: string;
  categories: string[];
  /** counts[category][class] */
  counts: number[][];
  missing: number;
}

export interface Look {
  /** Rows per class, and rows whose label is missing (they can be neither trained on nor scored). */
  balance: number[];
  unlabelled: number;
  missing: { column: string; count: number }[];
  histograms: Histogram[];
  categories: CategoryCounts[];
}

const BINS = 12;

export function lookAt(t: Table, target: CatCol, classes: string[]): Look {
  const K = classes.length;
  const y = t.cat[target].map((v) => (v === null ? -1 : classes.indexOf(v)));
  const balance = new Array<number>(K).fill(0);
  for (const c of y) if (c >= 0) balance[c]++;
  const miss = missingCounts(t);
  const histograms = NUMERIC.map((col): Histogram => {
    const v = t.num[col];
    let lo = Infinity, hi = -Infinity;
    for (const x of v) {
      if (Number.isNaN(x)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (!(hi > lo)) {
      lo = Number.isFinite(lo) ? lo - 0.5 : 0;
      hi = lo + 1;
    }
    const w = (hi - lo) / BINS;
    const edges = Array.from({ length: BINS + 1 }, (_, b) => lo + b * w);
    const counts = Array.from({ length: BINS }, () => new Array<number>(K).fill(0));
    v.forEach((x, i) => {
      if (Number.isNaN(x) || y[i] < 0) return;
      counts[Math.min(BINS - 1, Math.floor((x - lo) / w))][y[i]]++;
    });
    return { column: COLUMN_LABELS[col], edges, counts, missing: miss[col] };
  });
  const categories = CATEGORICAL.filter((c) => c !== target).map((col): CategoryCounts => {
    const vals = t.cat[col];
    const cats = [...new Set(vals.filter((v): v is string => v !== null))].sort();
    const counts = cats.map(() => new Array<number>(K).fill(0));
    vals.forEach((v, i) => {
      if (v !== null && y[i] >= 0) counts[cats.indexOf(v)][y[i]]++;
    });
    return { column: col, categories: cats, counts, missing: miss[col] };
  });
  const columns: Column[] = [...NUMERIC, ...CATEGORICAL];
  return {
    balance,
    unlabelled: y.filter((c) => c < 0).length,
    missing: columns.map((col) => ({ column: COLUMN_LABELS[col], count: miss[col] })),
    histograms,
    categories,
  };
}
