/**
 * Scores of a clustering against reference labels. Labels are any integers (DBSCAN's noise -1 is
 * one more group, as scikit-learn's adjusted_rand_score treats it when given labels_ directly).
 */

const pairs = (m: number) => (m * (m - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie), as scikit-learn's adjusted_rand_score: 1 for the same
 * partition up to renaming, about 0 for a random one, negative below chance. Like sklearn it is
 * 1 when both partitions are one cluster or both are all singletons (the formula is 0/0 there).
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return 1;
  const cells = new Map<string, number>(), rows = new Map<number, number>(), cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = `${a[i]}|${b[i]}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  }
  let index = 0, sa = 0, sb = 0;
  for (const v of cells.values()) index += pairs(v);
  for (const v of rows.values()) sa += pairs(v);
  for (const v of cols.values()) sb += pairs(v);
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
