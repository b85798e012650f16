/**
 * Stratified hold-out split and stratified k-fold assignment, seeded. Each class keeps (up to
 * rounding) its share in the test set and in every fold, as scikit-learn's train_test_split with
 * stratify= and StratifiedKFold(shuffle=True) do, though not with their exact random draws.
 * Within a class the rows are shuffled by `rng`; classes are dealt in label order.
 */
import type { Rng } from '../random/rng';

/** The rows of each class 0..K-1 among `rows`, each list in a seeded random order. */
function shuffledByClass(y: ArrayLike<number>, rows: ArrayLike<number>, rng: Rng): number[][] {
  const by: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const c = y[rows[i]];
    (by[c] ??= []).push(rows[i]);
  }
  return Array.from(by, (list) => rng.shuffle(list ?? []));
}

/**
 * Hold out round(share · n_c) rows of each class c (at least one when the class has two or more
 * rows and share > 0), the rest train. Both lists in increasing row order.
 */
export function stratifiedSplit(y: ArrayLike<number>, rows: ArrayLike<number>, share: number, rng: Rng): { train: Int32Array; test: Int32Array } {
  const train: number[] = [], test: number[] = [];
  for (const list of shuffledByClass(y, rows, rng)) {
    let m = Math.round(share * list.length);
    if (share > 0 && m === 0 && list.length >= 2) m = 1;
    m = Math.min(m, list.length - (list.length >= 2 ? 1 : 0));
    test.push(...list.slice(0, m));
    train.push(...list.slice(m));
  }
  const asc = (a: number[]) => Int32Array.from(a.sort((p, q) => p - q));
  return { train: asc(train), test: asc(test) };
}

/**
 * The fold (0..k-1) of each of `rows` (same order as `rows`): within each class, in a seeded
 * random order, rows are dealt to the folds in turn, continuing where the previous class stopped,
 * so each fold gets ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of every class and the fold sizes differ by at most one.
 */
export function stratifiedFolds(y: ArrayLike<number>, rows: ArrayLike<number>, k: number, rng: Rng): Int32Array {
  const K = Math.max(1, Math.floor(k));
  const at = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) at.set(rows[i], i);
  const fold = new Int32Array(rows.length);
  let next = 0;
  for (const list of shuffledByClass(y, rows, rng)) {
    for (const r of list) {
      fold[at.get(r)!] = next;
      next = (next + 1) % K;
    }
  }
  return fold;
}

/** The training and validation rows of fold f (each in the order of `rows`). */
export function foldRows(rows: ArrayLike<number>, fold: Int32Array, f: number): { train: Int32Array; valid: Int32Array } {
  const train: number[] = [], valid: number[] = [];
  for (let i = 0; i < rows.length; i++) (fold[i] === f ? valid : train).push(rows[i]);
  return { train: Int32Array.from(train), valid: Int32Array.from(valid) };
}
