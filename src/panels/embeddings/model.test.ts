/**
 * The float64 maths against truths that do not depend on it: the `skipgram` and `pca` reference
 * cases (PyTorch autograd and scikit-learn), finite differences of the loss, a direct cosine
 * formula on random vectors, brute-force analogies, and the unigram^0.75 sampler checked
 * statistically.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/random/rng';
import { analogy, cosine, neighbours, oneHotCosine, sampleIndex, sgnsLossGrad, unigramTable } from './model';
import { jacobiEigen, pca } from './pca';

const REF = JSON.parse(readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8'));
const SG = REF.skipgram as {
  center: number[]; context: number[]; negatives: number[][]; loss: number;
  d_center: number[]; d_context: number[]; d_negatives: number[][];
  analogy: { words: string[]; vectors: number[][]; cosine_with_king_minus_man_plus_woman: number[] };
};
const PCA = REF.pca as { X: number[][]; components: number[][]; explained_variance: number[]; explained_variance_ratio: number[]; projected: number[][] };

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-9) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i])));
};

const randVec = (rng: ReturnType<typeof createRng>, d: number, s = 1) => Array.from({ length: d }, () => s * rng.normal());

describe('skip-gram negative-sampling loss and gradients', () => {
  it('reproduces the reference case (PyTorch autograd)', () => {
    const g = sgnsLossGrad(SG.center, SG.context, SG.negatives);
    expect(Math.abs(g.loss - SG.loss)).toBeLessThan(1e-12 * Math.max(1, SG.loss));
    close(g.dCenter, SG.d_center);
    close(g.dContext, SG.d_context);
    g.dNegatives.forEach((d, k) => close(d, SG.d_negatives[k]));
  });

  it('matches central finite differences of its own loss on other random inputs', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 5; trial++) {
      const d = 3 + trial, K = trial;
      const c = randVec(rng, d, 0.7), o = randVec(rng, d, 0.7), negs = Array.from({ length: K }, () => randVec(rng, d, 0.7));
      const g = sgnsLossGrad(c, o, negs);
      const L = (cc: number[], oo: number[], nn: number[][]) => sgnsLossGrad(cc, oo, nn).loss;
      const h = 1e-6;
      const fd = (bump: (e: number) => number) => (bump(h) - bump(-h)) / (2 * h);
      for (let j = 0; j < d; j++) {
        const at = (v: number[], e: number) => v.map((x, i) => (i === j ? x + e : x));
        expect(fd((e) => L(at(c, e), o, negs))).toBeCloseTo(g.dCenter[j], 6);
        expect(fd((e) => L(c, at(o, e), negs))).toBeCloseTo(g.dContext[j], 6);
        negs.forEach((n, k) => expect(fd((e) => L(c, o, negs.map((m, q) => (q === k ? at(n, e) : m))))).toBeCloseTo(g.dNegatives[k][j], 6));
      }
    }
  });

  it('stays finite for huge scores (log σ computed stably)', () => {
    const big = [50, 0], g = sgnsLossGrad(big, [-50, 0], [[50, 0]]);
    expect(Number.isFinite(g.loss)).toBe(true);
    expect(g.loss).toBeCloseTo(5000, 6);
  });
});

describe('cosine similarity, neighbours and analogies', () => {
  it('the reference analogy cosines (king − man + woman against every word)', () => {
    const V = SG.analogy.vectors;
    const w = (s: string) => SG.analogy.words.indexOf(s);
    const q = V[w('king')].map((x, j) => x - V[w('man')][j] + V[w('woman')][j]);
    close(V.map((v) => cosine(v, q)), SG.analogy.cosine_with_king_minus_man_plus_woman, 1e-12);
    // With king, man and woman left out, the best candidate is the case's most similar remaining word.
    const expected = SG.analogy.words
      .map((s, i) => [s, SG.analogy.cosine_with_king_minus_man_plus_woman[i]] as const)
      .filter(([s]) => !['king', 'man', 'woman'].includes(s))
      .sort((a, b) => b[1] - a[1])[0][0];
    expect(SG.analogy.words[analogy(V, w('king'), w('man'), w('woman'))[0].index]).toBe(expected);
  });

  it('cosine equals the direct formula on random vectors, is scale-free, and lies in [−1, 1]', () => {
    const rng = createRng(3);
    for (let t = 0; t < 50; t++) {
      const d = 1 + rng.int(20);
      const a = randVec(rng, d), b = randVec(rng, d);
      let ab = 0, aa = 0, bb = 0;
      for (let i = 0; i < d; i++) {
        ab += a[i] * b[i];
        aa += a[i] ** 2;
        bb += b[i] ** 2;
      }
      const direct = ab / Math.sqrt(aa * bb);
      expect(cosine(a, b)).toBeCloseTo(direct, 12);
      expect(cosine(a.map((x) => 3.5 * x), b)).toBeCloseTo(direct, 12);
      expect(Math.abs(cosine(a, b))).toBeLessThanOrEqual(1 + 1e-12);
    }
    expect(cosine([1, 2], [-2, -4])).toBeCloseTo(-1, 12);
    expect(cosine([0, 0], [1, 2])).toBe(0);
  });

  it('one-hot vectors: cosine 1 with itself, 0 for any two distinct words', () => {
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(oneHotCosine(i, j, 6)).toBe(i === j ? 1 : 0);
  });

  it('neighbours and analogies agree with brute force on random vectors', () => {
    const rng = createRng(11);
    const V = Array.from({ length: 30 }, () => randVec(rng, 6));
    const nn = neighbours(V, 4, 5);
    const brute = V.map((v, i) => ({ i, c: cosine(V[4], v) })).filter((x) => x.i !== 4).sort((a, b) => b.c - a.c).slice(0, 5);
    expect(nn.map((s) => s.index)).toEqual(brute.map((x) => x.i));
    const an = analogy(V, 1, 2, 3);
    expect(an.map((s) => s.index)).not.toContain(1);
    expect(an.map((s) => s.index)).not.toContain(2);
    expect(an.map((s) => s.index)).not.toContain(3);
    expect(an).toHaveLength(27);
    const q = V[1].map((x, j) => x - V[2][j] + V[3][j]);
    const best = V.map((v, i) => ({ i, c: cosine(v, q) })).filter((x) => ![1, 2, 3].includes(x.i)).sort((a, b) => b.c - a.c)[0];
    expect(an[0].index).toBe(best.i);
    expect(an[0].cos).toBeCloseTo(best.c, 12);
  });
});

describe('negative sampling draws from unigram^0.75', () => {
  it('sampled frequencies match count^0.75 / Σ count^0.75 within 5 binomial standard errors', () => {
    const counts = [500, 120, 40, 9, 3, 1, 1, 60];
    const cdf = unigramTable(counts);
    const z = counts.reduce((s, c) => s + c ** 0.75, 0);
    const rng = createRng(5);
    const N = 200_000;
    const seen = new Array(counts.length).fill(0);
    for (let i = 0; i < N; i++) seen[sampleIndex(cdf, rng.next())]++;
    counts.forEach((c, i) => {
      const p = c ** 0.75 / z;
      const se = Math.sqrt((p * (1 - p)) / N);
      expect(Math.abs(seen[i] / N - p)).toBeLessThan(5 * se);
    });
    // And not from the raw unigram: the rarest words come up far more often than their share.
    expect(seen[5] / N).toBeGreaterThan(3 * (1 / counts.reduce((s, c) => s + c, 0)));
  });

  it('inverse-CDF lookup: boundaries belong to the next word; u just below 1 gives the last', () => {
    const cdf = unigramTable([1, 1, 2], 1); // 0.25, 0.5, 1
    expect(sampleIndex(cdf, 0)).toBe(0);
    expect(sampleIndex(cdf, 0.2499)).toBe(0);
    expect(sampleIndex(cdf, 0.25)).toBe(1);
    expect(sampleIndex(cdf, 0.5)).toBe(2);
    expect(sampleIndex(cdf, 0.999999)).toBe(2);
  });
});

describe('PCA', () => {
  it('reproduces the reference case up to sign (scikit-learn)', () => {
    const p = pca(PCA.X, 2);
    close(p.explainedVariance, PCA.explained_variance, 1e-9);
    close(p.explainedVarianceRatio, PCA.explained_variance_ratio, 1e-9);
    p.components.forEach((u, k) => {
      const s = Math.sign(u.reduce((acc, x, j) => acc + x * PCA.components[k][j], 0));
      close(u.map((x) => s * x), PCA.components[k], 1e-9);
      close(p.projected.map((r) => s * r[k]), PCA.projected.map((r) => r[k]), 1e-9);
    });
  });

  it('on random data: orthonormal components, eigen-equation of the covariance, variances descending', () => {
    const rng = createRng(21);
    const d = 7, n = 40;
    const X = Array.from({ length: n }, () => randVec(rng, d).map((x, j) => x * (j + 1)));
    const p = pca(X, 3);
    const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
    const cov = (i: number, j: number) => X.reduce((s, r) => s + (r[i] - mean[i]) * (r[j] - mean[j]), 0) / (n - 1);
    p.components.forEach((u, k) => {
      p.components.forEach((w, l) => expect(u.reduce((s, x, j) => s + x * w[j], 0)).toBeCloseTo(k === l ? 1 : 0, 10));
      for (let i = 0; i < d; i++) expect(u.reduce((s, x, j) => s + cov(i, j) * x, 0)).toBeCloseTo(p.explainedVariance[k] * u[i], 8);
      // The variance of the projections is the eigenvalue.
      const pr = p.projected.map((r) => r[k]);
      expect(pr.reduce((s, x) => s + x * x, 0) / (n - 1)).toBeCloseTo(p.explainedVariance[k], 8);
    });
    expect(p.explainedVariance[0]).toBeGreaterThanOrEqual(p.explainedVariance[1]);
    expect(p.explainedVariance[1]).toBeGreaterThanOrEqual(p.explainedVariance[2]);
    const trace = Array.from({ length: d }, (_, i) => cov(i, i)).reduce((a, b) => a + b, 0);
    expect(p.explainedVarianceRatio[0]).toBeCloseTo(p.explainedVariance[0] / trace, 10);
  });

  it('Jacobi finds the eigenvalues of a matrix built from known ones', () => {
    // Q diag(5, 2, −1) Qᵀ with Q a rotation: eigenvalues 5, 2, −1.
    const c = Math.cos(0.7), s = Math.sin(0.7);
    const Q = [[c, -s, 0], [s, c, 0], [0, 0, 1]];
    const D = [5, 2, -1];
    const A = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) A[i * 3 + j] = Q[i].reduce((acc, q, k) => acc + q * D[k] * Q[j][k], 0);
    const { values } = jacobiEigen(A, 3);
    expect([...values].sort((a, b) => b - a).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([5, 2, -1]);
  });
});
