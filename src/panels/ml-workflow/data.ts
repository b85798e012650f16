/**
 * The real data: the Palmer penguins (Gorman, Williams & Fraser 2014, Palmer Station LTER; the
 * palmerpenguins R package by Horst, Hill & Gorman), 344 birds of three species on three islands,
 * as shipped by the vega-datasets package (BSD-3-Clause; the data CC0). The package's JSON has one
 * object per bird with "Species", "Island", the four measurements and "Sex"; a value it lacks is
 * null. Here: columns, missing numbers as NaN and a missing category as null. Pure: no DOM.
 */
export const SOURCE = 'Palmer penguins (Gorman, Williams & Fraser 2014), 344 birds, via the vega-datasets package';

export const NUMERIC = ['bill', 'depth', 'flipper', 'mass'] as const;
export type NumCol = (typeof NUMERIC)[number];
export const CATEGORICAL = ['species', 'island', 'sex'] as const;
export type CatCol = (typeof CATEGORICAL)[number];
export type Column = NumCol | CatCol;

export const COLUMN_LABELS: Record<Column, string> = {
  bill: 'bill length (mm)',
  depth: 'bill depth (mm)',
  flipper: 'flipper length (mm)',
  mass: 'body mass (g)',
  species: 'species',
  island: 'island',
  sex: 'sex',
};

/** The package's keys for each column. */
const KEYS: Record<Column, string> = {
  bill: 'Beak Length (mm)',
  depth: 'Beak Depth (mm)',
  flipper: 'Flipper Length (mm)',
  mass: 'Body Mass (g)',
  species: 'Species',
  island: 'Island',
  sex: 'Sex',
};

export interface Table {
  n: number;
  num: Record<NumCol, Float64Array>;
  cat: Record<CatCol, (string | null)[]>;
}

function category(v: unknown, col: CatCol): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  // The sex column has MALE / FEMALE; anything else (null, ".") is a missing value.
  if (col === 'sex') return s === 'male' || s === 'female' ? s : null;
  return s === '' ? null : v.trim();
}

/** Columns from the package's rows, in the package's order. */
export function toTable(rows: readonly Record<string, unknown>[]): Table {
  const n = rows.length;
  const num = {} as Record<NumCol, Float64Array>;
  for (const c of NUMERIC) num[c] = Float64Array.from(rows, (r) => (typeof r[KEYS[c]] === 'number' && Number.isFinite(r[KEYS[c]]) ? (r[KEYS[c]] as number) : NaN));
  const cat = {} as Record<CatCol, (string | null)[]>;
  for (const c of CATEGORICAL) cat[c] = rows.map((r) => category(r[KEYS[c]], c));
  return { n, num, cat };
}

/** Missing entries per column over all rows. */
export function missingCounts(t: Table): Record<Column, number> {
  const out = {} as Record<Column, number>;
  for (const c of NUMERIC) out[c] = t.num[c].reduce((s, v) => s + (Number.isNaN(v) ? 1 : 0), 0);
  for (const c of CATEGORICAL) out[c] = t.cat[c].reduce((s, v) => s + (v === null ? 1 : 0), 0);
  return out;
}
