/**
 * What the page shows about trained vectors: the 2-D PCA picture, the nearest neighbours of a
 * word and the analogy a − b + c. Pure float64 (a few hundred words at most: well under a
 * millisecond), computed from the plain numbers the worker sends.
 */
import { BUILT_IN_ANALOGIES, FAMILY } from './corpus';
import { analogy, analogyVector, neighbours, rows, type Scored } from './model';
import { pca } from './pca';

/** Neighbours and analogy candidates listed. */
export const TOP = 5;

export interface AnalogyResult {
  /** Indices of a, b, c (−1 where the word is not in the vocabulary). */
  idx: [number, number, number];
  /** Best candidates, with a, b, c left out; empty when a word is missing. */
  candidates: Scored[];
  /** The word the built-in corpus implies, and where it ranks (1 = top), when one is known. */
  expected: { word: string; index: number; rank: number; cos: number } | null;
  /** PCA coordinates of a − b + c. */
  point: [number, number] | null;
}

export interface Analysis {
  vectors: Float64Array[];
  /** The words drawn (indices), and the PCA is fitted to them. */
  shown: number[];
  /** [x, y] per word of the vocabulary, on the principal components of the shown words. */
  xy: [number, number][];
  explained: number[];
  word: number;
  neighbours: Scored[];
  analogy: AnalogyResult;
}

/** The index of a word, case-insensitively; −1 when it is not in the vocabulary. */
export function wordIndex(vocab: readonly string[], w: string): number {
  return vocab.indexOf(w.trim().toLowerCase());
}

/**
 * The words of the analogy picture: a, b, c, the expected word and the top candidates, and on
 * the built-in corpus every target word of a's family (so the parallel offsets show).
 */
export function analogyWords(vocab: readonly string[], idx: readonly number[], candidates: readonly Scored[], expected: number, builtin: boolean): number[] {
  const fam = builtin && idx[0] >= 0 ? FAMILY[vocab[idx[0]]] : undefined;
  const family = fam ? vocab.flatMap((w, i) => (FAMILY[w] === fam ? [i] : [])) : [];
  return [...new Set([...idx, expected, ...candidates.map((s) => s.index), ...family])].filter((i) => i >= 0).sort((x, y) => x - y);
}

export function analyse(
  vocab: readonly string[],
  flat: ArrayLike<number>,
  dim: number,
  q: { word: string; a: string; b: string; c: string; show?: 'all' | 'analogy' },
  builtin: boolean,
): Analysis {
  const vectors = rows(flat, dim);
  const word = wordIndex(vocab, q.word);
  const idx = [wordIndex(vocab, q.a), wordIndex(vocab, q.b), wordIndex(vocab, q.c)] as [number, number, number];
  const ok = idx.every((i) => i >= 0);
  const all = ok ? analogy(vectors, ...idx) : [];
  const known = builtin ? BUILT_IN_ANALOGIES.find((x) => x.a === vocab[idx[0]] && x.b === vocab[idx[1]] && x.c === vocab[idx[2]]) : undefined;
  const ei = known ? vocab.indexOf(known.expected) : -1;
  const rank = all.findIndex((s) => s.index === ei);
  const sub = q.show === 'analogy' && ok ? analogyWords(vocab, idx, all.slice(0, TOP), ei, builtin) : null;
  const shown = sub ?? vocab.map((_, i) => i);
  const p = pca(shown.map((i) => vectors[i]), 2);
  const project = (v: ArrayLike<number>): [number, number] => {
    const pr = p.components.map((u) => u.reduce((s, uj, j) => s + (v[j] - p.mean[j]) * uj, 0));
    return [pr[0] ?? 0, pr[1] ?? 0];
  };
  const xy = vectors.map(project);
  const point = ok ? project(analogyVector(vectors[idx[0]], vectors[idx[1]], vectors[idx[2]])) : null;
  return {
    vectors,
    shown,
    xy,
    explained: p.explainedVarianceRatio,
    word,
    neighbours: word >= 0 ? neighbours(vectors, word, TOP) : [],
    analogy: {
      idx,
      candidates: all.slice(0, TOP),
      expected: known && rank >= 0 ? { word: known.expected, index: ei, rank: rank + 1, cos: all[rank].cos } : null,
      point,
    },
  };
}
