/**
 * computeMechanics recomputed from scratch, outside the model: the projections drawn as model.ts
 * documents them (column c of head h's W_kind from stream(seed, 'kind:h:c'), N(0, 1/D_MODEL)),
 * scores, mask, softmax and output by hand loops here. Everything the panel draws and reads out
 * about a head (scores, weights, output = weights · V, entropies with and without scaling, the
 * row-sum and masked-entry checks) must equal this, so a model that reports a number about
 * itself (rowSumErr, maskedMax) or shows the other scaling's output fails.
 */
import { describe, expect, it } from 'vitest';
import { stream } from '../../lib/random/rng';
import { maskedMax, rowSumError, type Matrix } from './attention';
import { computeMechanics, D_MODEL, DK_GRID, ENTROPY_DRAWS, positionEncoding, strongestKey, tokenEmbedding, type MechanicsInput } from './model';
import { EXAMPLES } from './params';
import { MAX_TOKENS, tokenize } from './tokens';

const base = (over: Partial<MechanicsInput> = {}): MechanicsInput => ({
  text: EXAMPLES.cat, dk: 16, heads: 2, head: 1, query: 8, causal: false, scale: true, positions: true, seed: 1, ...over,
});

/** A token's embedding as documented: D_MODEL standard normals from stream(seed, 'tok:' + lower case). */
const drawnEmbedding = (token: string, seed: number) => {
  const rng = stream(seed, `tok:${token.toLowerCase()}`);
  return Array.from({ length: D_MODEL }, () => rng.normal());
};
/** "Attention is all you need": PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(the same). */
const sinusoid = (pos: number, c: number) => {
  const angle = pos / Math.pow(10000, (2 * Math.floor(c / 2)) / D_MODEL);
  return c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
};
const inputs = (p: MechanicsInput): Matrix =>
  tokenize(p.text).tokens.map((t, i) => drawnEmbedding(t, p.seed).map((v, c) => (p.positions ? v + sinusoid(i, c) : v)));

/** x · W where W's column c is drawn from its own named stream (D_MODEL rows, dk columns). */
function project(x: Matrix, seed: number, kind: string, h: number, dk: number): Matrix {
  const W = Array.from({ length: dk }, (_, c) => {
    const rng = stream(seed, `${kind}:${h}:${c}`);
    return Array.from({ length: D_MODEL }, () => rng.normal() / Math.sqrt(D_MODEL));
  });
  return x.map((row) => W.map((col) => row.reduce((s, v, r) => s + v * col[r], 0)));
}

function entropy(row: number[]): number {
  return row.reduce((h, p) => (p > 0 ? h - p * Math.log(p) : h), 0);
}

/** One head's attention, written out: scores (NaN where masked), softmax weights, weights · V. */
function head(p: MechanicsInput, h: number, scale: boolean) {
  const x = inputs(p);
  const n = x.length;
  const Q = project(x, p.seed, 'wq', h, p.dk), K = project(x, p.seed, 'wk', h, p.dk), V = project(x, p.seed, 'wv', h, p.dk);
  const f = scale ? 1 / Math.sqrt(p.dk) : 1;
  const scores = Q.map((q, i) => K.map((k, j) => (p.causal && j > i ? NaN : f * q.reduce((s, v, c) => s + v * k[c], 0))));
  const weights = scores.map((row) => {
    const m = Math.max(...row.filter((s) => !Number.isNaN(s)));
    const e = row.map((s) => (Number.isNaN(s) ? 0 : Math.exp(s - m)));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / z);
  });
  const output = weights.map((w) => Array.from({ length: p.dk }, (_, c) => w.reduce((s, wij, j) => s + wij * V[j][c], 0)));
  return { n, scores, weights, output, meanEntropy: weights.reduce((s, w) => s + entropy(w), 0) / n };
}

/** |a − b| ≤ tol·max(1, |b|) entry by entry; NaN only where the reference has NaN. */
function expectClose(a: Matrix, b: Matrix, tol: number, what: string): void {
  expect(a.length, `${what}: rows`).toBe(b.length);
  a.forEach((row, i) => {
    expect(row.length, `${what}: row ${i} length`).toBe(b[i].length);
    row.forEach((v, j) => {
      if (Number.isNaN(b[i][j])) expect(v, `${what}[${i}][${j}]`).toBeNaN();
      else expect(Math.abs(v - b[i][j]) / Math.max(1, Math.abs(b[i][j])), `${what}[${i}][${j}]: ${v} vs ${b[i][j]}`).toBeLessThanOrEqual(tol);
    });
  });
}

describe('computeMechanics recomputed independently', () => {
  const settings: Partial<MechanicsInput>[] = [
    {},
    { scale: false },
    { causal: true },
    { causal: true, scale: false, head: 2, dk: 8 },
    { positions: false, dk: 5, heads: 3, head: 3, text: EXAMPLES.repeat },
    { text: EXAMPLES.long, dk: 64, heads: 4, head: 1 },
  ];
  for (const over of settings)
    it(`scores, weights, output = weights · V, entropies and checks: ${JSON.stringify(over)}`, () => {
      const p = base(over);
      const r = computeMechanics(p);
      const h = r.head;
      expect(h).toBe(p.head - 1);
      const ref = head(p, h, p.scale);
      expect(r.n).toBe(ref.n);
      expect(r.n).toBeGreaterThan(2);
      expectClose(r.scores, ref.scores, 1e-12, 'scores');
      expectClose(r.weights, ref.weights, 1e-12, 'weights');
      expectClose(r.output, ref.output, 1e-12, 'output');
      expect(r.entropies).toHaveLength(ref.n);
      r.entropies.forEach((e, i) => expect(Math.abs(e - entropy(ref.weights[i]))).toBeLessThan(1e-12));
      expect(Math.abs(r.meanEntropy - ref.meanEntropy)).toBeLessThan(1e-12);
      // The same head with the scaling flipped, and the mean over every head.
      expect(Math.abs(r.meanEntropyOther - head(p, h, !p.scale).meanEntropy)).toBeLessThan(1e-12);
      let all = 0;
      for (let k = 0; k < p.heads; k++) all += head(p, k, p.scale).meanEntropy / p.heads;
      expect(Math.abs(r.meanEntropyAllHeads - all)).toBeLessThan(1e-12);
      // The readout's checks, counted here from the weights the panel draws.
      let sumErr = 0, masked = 0;
      r.weights.forEach((row, i) => {
        sumErr = Math.max(sumErr, Math.abs(row.reduce((a, b) => a + b, 0) - 1));
        row.forEach((w, j) => {
          if (j > i) masked = Math.max(masked, Math.abs(w));
        });
      });
      expect(r.rowSumErr).toBe(sumErr);
      expect(r.rowSumErr).toBeLessThan(1e-14);
      if (p.causal) expect(r.maskedMax).toBe(masked);
      expect(r.maskedMax).toBe(0);
    });

  it('the output is the shown scaling’s, not the other one’s', () => {
    for (const scale of [true, false]) {
      const p = base({ scale });
      const h = p.head - 1; // 1-based in the input
      const mine = head(p, h, scale).output, other = head(p, h, !scale).output;
      const gap = Math.max(...mine.flatMap((row, i) => row.map((v, c) => Math.abs(v - other[i][c]))));
      expect(gap).toBeGreaterThan(1e-3); // the two differ enough for the check above to tell them apart
      expectClose(computeMechanics(p).output, mine, 1e-12, 'output');
    }
  });
});

describe('the entropy-against-d_k curve, recomputed', () => {
  // Each point: the mean row entropy of heads 0 … ENTROPY_DRAWS − 1 at that d_k, as head() gives it.
  for (const over of [{}, { causal: true, text: EXAMPLES.repeat, positions: false, seed: 3 }] as Partial<MechanicsInput>[])
    it(`scaled and unscaled at every d_k of the grid: ${JSON.stringify(over)}`, () => {
      const p = base(over);
      const c = computeMechanics(p).curve;
      expect(ENTROPY_DRAWS).toBe(8);
      expect(c.dks).toEqual([...DK_GRID]);
      expect(c.scaled).toHaveLength(DK_GRID.length);
      expect(c.unscaled).toHaveLength(DK_GRID.length);
      DK_GRID.forEach((dk, g) => {
        let scaled = 0, unscaled = 0;
        for (let h = 0; h < 8; h++) {
          scaled += head({ ...p, dk }, h, true).meanEntropy / 8;
          unscaled += head({ ...p, dk }, h, false).meanEntropy / 8;
        }
        expect(Math.abs(c.scaled[g] - scaled), `scaled, d_k = ${dk}`).toBeLessThan(1e-10);
        expect(Math.abs(c.unscaled[g] - unscaled), `unscaled, d_k = ${dk}`).toBeLessThan(1e-10);
      });
      const n = tokenize(p.text).tokens.length;
      let max = 0;
      for (let i = 0; i < n; i++) max += Math.log(p.causal ? i + 1 : n) / n;
      expect(c.max).toBeCloseTo(max, 12);
    });
});

describe('seeded inputs, as documented', () => {
  it('token embeddings come from stream(seed, "tok:<lower case>"): one per word, the same in every sentence', () => {
    expect(tokenEmbedding('Cat', 1)).toEqual(drawnEmbedding('cat', 1));
    expect(tokenEmbedding('dog', 2)).toEqual(drawnEmbedding('dog', 2));
    expect(tokenEmbedding('cat', 1)).not.toEqual(tokenEmbedding('dog', 1));
  });

  it('the position encoding is the sinusoid table at every column', () => {
    for (const pos of [0, 1, 5, 15])
      positionEncoding(pos).forEach((v, c) => expect(Math.abs(v - sinusoid(pos, c)), `PE(${pos}, ${c})`).toBeLessThan(1e-12));
    expect(positionEncoding(5)).toHaveLength(D_MODEL);
  });

  it('an empty sentence has nothing to draw: every matrix and series empty, NaN summaries, no curve', () => {
    const r = computeMechanics(base({ text: ' ' }));
    expect({ scores: r.scores, weights: r.weights, output: r.output, entropies: r.entropies }).toEqual({ scores: [], weights: [], output: [], entropies: [] });
    expect(r.curve).toEqual({ dks: [...DK_GRID], scaled: [], unscaled: [], max: NaN });
    for (const v of [r.meanEntropy, r.meanEntropyOther, r.meanEntropyAllHeads, r.scoreStd]) expect(v).toBeNaN();
    expect({ rowSumErr: r.rowSumErr, maskedMax: r.maskedMax }).toEqual({ rowSumErr: 0, maskedMax: 0 });
  });

  it('the cut message appears above MAX_TOKENS tokens only', () => {
    expect(computeMechanics(base()).message).toBeNull();
    expect(computeMechanics(base({ text: 'w '.repeat(MAX_TOKENS) })).message).toBeNull();
    expect(computeMechanics(base({ text: 'w '.repeat(MAX_TOKENS + 1) })).message).toMatch(/17 tokens; only the first 16/);
  });

  it('strongestKey: the largest weight of the row, the first on ties', () => {
    expect(strongestKey([[0.1, 0.5, 0.4]], 0)).toBe(1);
    expect(strongestKey([[0.2, 0.4, 0.4]], 0)).toBe(1);
    expect(strongestKey([[0.1, 0.2, 0.7], [0.5, 0.5, 0]], 0)).toBe(2);
    expect(strongestKey([[0.1, 0.2, 0.7], [0.5, 0.5, 0]], 1)).toBe(0);
    expect(strongestKey([[1]], 3)).toBe(0);
  });
});

describe('the reported checks on hand-made matrices', () => {
  it('rowSumError is the largest |row sum − 1|', () => {
    expect(rowSumError([[0.5, 0.5], [0.7, 0.4], [1, -0.05]])).toBeCloseTo(0.1, 15);
    expect(rowSumError([[0.2, 0.3], [1, 0]])).toBeCloseTo(0.5, 15);
    expect(rowSumError([[1, 0], [0.25, 0.75]])).toBe(0);
    expect(rowSumError([])).toBe(0);
  });

  it('maskedMax is the largest |weight| above the diagonal; the rest does not count', () => {
    expect(maskedMax([[1, 0, 0.02], [0.5, 0.5, -0.3], [0.1, 0.2, 0.7]])).toBe(0.3);
    expect(maskedMax([[0.9, 0.1], [0.4, 0.6]])).toBe(0.1);
    expect(maskedMax([[1, 0], [0.4, 0.6]])).toBe(0);
  });
});
