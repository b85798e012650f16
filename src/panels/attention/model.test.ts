/**
 * The attention mechanics against truths that are not our code: PyTorch's
 * scaled_dot_product_attention and nn.MultiheadAttention (reference-cases.json), and the
 * "must hold" facts of PANELS.md §12: rows sum to one, masked entries are zero, output = weights·V,
 * and scaling keeps the row entropy steady as d_k grows while unscaled attention saturates.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRng } from '../../lib/random/rng';
import { coerce, defaults } from '../../lib/params/schema';
import { parseQuery, serialize } from '../../lib/params/url';
import {
  attention,
  matmul,
  maxMeanEntropy,
  mean,
  multiHeadAttention,
  rowEntropies,
  softmaxRows,
  type Matrix,
} from './attention';
import { computeMechanics, D_MODEL, DK_GRID, embed, entropyCurve, positionEncoding, projection, strongestKey, tokenEmbedding, type MechanicsInput } from './model';
import { EXAMPLES, MAX_DK, schema } from './params';
import { MAX_CHARS, MAX_TOKENS, sanitize, tokenize, tokenLabel } from './tokens';

function loadOracles() {
  let text: string;
  try {
    text = readFileSync(new URL('../../../../shared/oracles/reference-cases.json', import.meta.url), 'utf8');
  } catch {
    text = readFileSync(`${process.cwd()}/../shared/oracles/reference-cases.json`, 'utf8');
  }
  return JSON.parse(text);
}
const ORACLES = loadOracles();

interface SdpaCase {
  name: string;
  input: { Q: Matrix; K: Matrix; V: Matrix; causal: boolean };
  expected: { weights: Matrix; output: Matrix; weights_without_scaling_no_mask: Matrix };
}

/** |a − b| ≤ tol·max(1, |b|) element-wise. */
function expectClose(a: Matrix, b: Matrix, tol: number): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => {
    expect(row.length).toBe(b[i].length);
    row.forEach((v, j) => {
      const err = Math.abs(v - b[i][j]) / Math.max(1, Math.abs(b[i][j]));
      if (!(err <= tol)) throw new Error(`[${i}][${j}]: ${v} vs ${b[i][j]} (rel err ${err})`);
    });
  });
}

function gaussian(r: number, c: number, seed: number, sd = 1): Matrix {
  const rng = createRng(seed);
  return Array.from({ length: r }, () => Array.from({ length: c }, () => sd * rng.normal()));
}

const base = (over: Partial<MechanicsInput> = {}): MechanicsInput => ({
  text: EXAMPLES.cat, dk: 16, heads: 2, head: 1, query: 8, causal: false, scale: true, positions: true, seed: 1, ...over,
});

describe('scaled dot-product attention against PyTorch', () => {
  const cases: SdpaCase[] = ORACLES.attention.cases;

  it('has the three reference cases', () => {
    expect(cases.map((c) => c.name)).toEqual(['n=4 d=3 causal=False', 'n=5 d=8 causal=True', 'n=3 d=16 causal=False']);
  });

  for (const c of cases) {
    it(`${c.name}: weights and output match`, () => {
      const r = attention(c.input.Q, c.input.K, c.input.V, { causal: c.input.causal, scale: true });
      expectClose(r.weights, c.expected.weights, 1e-12);
      expectClose(r.output, c.expected.output, 1e-12);
    });
    it(`${c.name}: without scaling and mask the weights match too`, () => {
      const r = attention(c.input.Q, c.input.K, c.input.V, { causal: false, scale: false });
      expectClose(r.weights, c.expected.weights_without_scaling_no_mask, 1e-12);
    });
  }
});

describe('multi-head attention against torch.nn.MultiheadAttention', () => {
  it('2 heads: per-head weights and the projected output match', () => {
    const o = ORACLES.multihead_attention;
    const r = multiHeadAttention(o.x, o.Wq, o.Wk, o.Wv, o.Wo, 2);
    expect(o.weights_per_head).toHaveLength(2);
    expect(r.heads).toHaveLength(2);
    r.heads.forEach((h, i) => expectClose(h.weights, o.weights_per_head[i], 1e-12));
    // Each head's output is PyTorch's weights for that head times its slice of V = x Wv (hand loop).
    const V: number[][] = o.x.map((row: number[]) => o.Wv[0].map((_: number, c: number) => row.reduce((s, v, k) => s + v * o.Wv[k][c], 0)));
    const dh = V[0].length / 2;
    r.heads.forEach((h, hi) => {
      const want = o.weights_per_head[hi].map((w: number[]) => Array.from({ length: dh }, (_, c) => w.reduce((s, wij, j) => s + wij * V[j][hi * dh + c], 0)));
      expectClose(h.output, want, 1e-12);
    });
    expectClose(r.output, o.output, 1e-12);
  });
  it('refuses a width that the heads do not divide', () => {
    const o = ORACLES.multihead_attention;
    expect(() => multiHeadAttention(o.x, o.Wq, o.Wk, o.Wv, o.Wo, 4)).toThrow(/not divisible/);
  });
});

describe('must-hold facts', () => {
  const Q = gaussian(7, 5, 11), K = gaussian(7, 5, 12), V = gaussian(7, 3, 13);

  it('every row of the weights sums to one, with and without mask and scaling', () => {
    for (const causal of [false, true])
      for (const scale of [false, true]) {
        const { weights } = attention(Q, K, V, { causal, scale });
        for (const row of weights) expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      }
  });

  it('the causal mask zeroes the upper triangle exactly and leaves row 0 one-hot', () => {
    const { weights, scores } = attention(Q, K, V, { causal: true, scale: true });
    for (let i = 0; i < 7; i++)
      for (let j = i + 1; j < 7; j++) {
        expect(weights[i][j]).toBe(0);
        expect(scores[i][j]).toBeNaN();
      }
    expect(weights[0]).toEqual([1, 0, 0, 0, 0, 0, 0]);
  });

  it('output equals weights times V, entry by entry (hand loop)', () => {
    const { weights, output } = attention(Q, K, V, { causal: false, scale: true });
    for (let i = 0; i < 7; i++)
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let j = 0; j < 7; j++) s += weights[i][j] * V[j][c];
        expect(output[i][c]).toBeCloseTo(s, 14);
      }
  });

  it('a hand-worked 2-token case: scores 0 and ln 3 give weights 1/4 and 3/4', () => {
    // q = [1, 0], keys [0, 0] and [ln 3·√2, 0]: scaled scores 0 and ln 3.
    const r = attention([[1, 0]], [[0, 0], [Math.log(3) * Math.SQRT2, 0]], [[4, 0], [0, 8]], { causal: false, scale: true });
    expect(r.weights[0][0]).toBeCloseTo(0.25, 15);
    expect(r.weights[0][1]).toBeCloseTo(0.75, 15);
    expect(r.output[0][0]).toBeCloseTo(1, 14);
    expect(r.output[0][1]).toBeCloseTo(6, 14);
  });

  it('huge scores saturate to a one-hot row instead of overflowing', () => {
    const w = softmaxRows([[1000, 0, -1000]]);
    expect(w[0]).toEqual([1, 0, 0]);
  });

  it('entropy: uniform rows give ln n, one-hot rows 0', () => {
    expect(rowEntropies([[0.25, 0.25, 0.25, 0.25]])[0]).toBeCloseTo(Math.log(4), 15);
    expect(rowEntropies([[0, 1, 0]])[0]).toBe(0);
    expect(maxMeanEntropy(3, true)).toBeCloseTo((Math.log(1) + Math.log(2) + Math.log(3)) / 3, 15);
  });
});

describe('scaling keeps the softmax from saturating', () => {
  // Gaussian queries and keys with unit-variance components: q·k has variance d_k.
  const n = 12;
  const meanEntropy = (dk: number, scale: boolean, draws = 30) => {
    let s = 0;
    for (let r = 0; r < draws; r++) {
      const { weights } = attention(gaussian(n, dk, 100 + r), gaussian(n, dk, 200 + r), gaussian(n, 1, 300 + r), { causal: false, scale });
      s += mean(rowEntropies(weights));
    }
    return s / draws;
  };

  it('with scaling the mean row entropy barely moves from d_k = 4 to 256', () => {
    const e4 = meanEntropy(4, true), e256 = meanEntropy(256, true);
    expect(Math.abs(e4 - e256)).toBeLessThan(0.12);
    // Scores ~ N(0, 1): well below ln 12 ≈ 2.48 but far from saturated.
    expect(e256).toBeGreaterThan(1.6);
    expect(e256).toBeLessThan(2.3);
  });

  it('without scaling it collapses: at d_k = 256 the rows are nearly one-hot', () => {
    const e4 = meanEntropy(4, false), e256 = meanEntropy(256, false);
    expect(e256).toBeLessThan(0.25);
    expect(e256).toBeLessThan(e4 / 4);
  });

  it("the panel's entropy curve shows the same: flat when scaled, falling when not", () => {
    const x = embed(tokenize(EXAMPLES.long).tokens, 1, true);
    const c = entropyCurve(x, 1, false);
    const at = (dk: number) => DK_GRID.indexOf(dk as (typeof DK_GRID)[number]);
    expect(c.dks).toEqual([...DK_GRID]);
    expect(Math.abs(c.scaled[at(128)] - c.scaled[at(8)])).toBeLessThan(0.35);
    expect(c.unscaled[at(128)]).toBeLessThan(0.5 * c.scaled[at(128)]);
    for (let g = 1; g < DK_GRID.length; g++) expect(c.unscaled[g]).toBeLessThan(c.unscaled[g - 1] + 0.05);
    expect(c.max).toBeCloseTo(Math.log(16), 12);
    for (const v of [...c.scaled, ...c.unscaled]) expect(v).toBeLessThanOrEqual(c.max + 1e-12);
  });
});

describe('seeded embeddings and projections', () => {
  it('a token has the same vector in any sentence; case is folded; the seed changes it', () => {
    expect(tokenEmbedding('The', 1)).toEqual(tokenEmbedding('the', 1));
    expect(tokenEmbedding('cat', 1)).not.toEqual(tokenEmbedding('cat', 2));
    const a = embed(['the', 'cat'], 1, false), b = embed(['a', 'cat'], 1, false);
    expect(a[1]).toEqual(b[1]);
  });

  it('position encoding is the sin/cos table: PE(0) alternates 0 and 1', () => {
    const p = positionEncoding(0);
    expect(p.slice(0, 4)).toEqual([0, 1, 0, 1]);
    expect(positionEncoding(3)[0]).toBeCloseTo(Math.sin(3), 15);
    expect(positionEncoding(3)[1]).toBeCloseTo(Math.cos(3), 15);
  });

  it('growing d_k adds projection columns and keeps the earlier ones', () => {
    const W = projection(1, 'wq', 0);
    expect(W).toHaveLength(D_MODEL);
    expect(W[0]).toHaveLength(MAX_DK);
    const r8 = computeMechanics(base({ dk: 8 })), r9 = computeMechanics(base({ dk: 9 }));
    expect(r9.output.map((r) => r.length)).toEqual(r9.output.map(() => 9));
    // Unscaled raw scores at d_k = 9 = scores at 8 + one more product per pair (checked via Q, K).
    const x = embed(r8.tokens, 1, true);
    const Q = matmul(x, projection(1, 'wq', 0)), K = matmul(x, projection(1, 'wk', 0));
    const u8 = computeMechanics(base({ dk: 8, scale: false, head: 1 })).scores;
    const u9 = computeMechanics(base({ dk: 9, scale: false, head: 1 })).scores;
    expect(u9[2][5]).toBeCloseTo(u8[2][5] + Q[2][8] * K[5][8], 12);
  });
});

describe('computeMechanics', () => {
  // Scores, weights, output = weights · V and the readout's checks are recomputed from scratch in
  // mechanics.test.ts; here: the tokens, the rows (summed here), the query and its strongest key.
  it('the default sentence: 11 tokens, 11 rows that sum to one, the strongest key of the query', () => {
    const r = computeMechanics(base());
    expect(r.tokens).toEqual(['The', 'cat', 'sat', 'on', 'the', 'mat', 'because', 'it', 'was', 'tired', '.']);
    expect(r.weights).toHaveLength(11);
    for (const row of r.weights) {
      expect(row).toHaveLength(11);
      expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
    }
    expect(r.query).toBe(7);
    expect(r.weights[r.query][strongestKey(r.weights, r.query)]).toBe(Math.max(...r.weights[r.query]));
    expect(r.meanEntropy).toBeGreaterThan(0);
    expect(r.meanEntropy).toBeLessThanOrEqual(Math.log(11));
  });

  it('causal: masked entries are 0 and drawn empty; entropies stay within ln(i+1)', () => {
    const r = computeMechanics(base({ causal: true }));
    for (let i = 0; i < r.n; i++) for (let j = i + 1; j < r.n; j++) expect(r.weights[i][j]).toBe(0);
    expect(r.scores[0].slice(1).every(Number.isNaN)).toBe(true);
    expect(r.entropies).toHaveLength(r.n);
    r.entropies.forEach((h, i) => expect(h).toBeLessThanOrEqual(Math.log(i + 1) + 1e-12));
  });

  it('without positions, repeated words have identical weight rows; with them they differ', () => {
    const off = computeMechanics(base({ text: EXAMPLES.repeat, positions: false }));
    expect(off.weights[0]).toEqual(off.weights[1]);
    const on = computeMechanics(base({ text: EXAMPLES.repeat, positions: true }));
    expect(on.weights[0]).not.toEqual(on.weights[1]);
  });

  it('out-of-range head and query are clamped; heads change the all-heads entropy', () => {
    const r = computeMechanics(base({ heads: 2, head: 4, query: 99 }));
    expect(r.head).toBe(1);
    expect(r.query).toBe(r.n - 1);
    expect(computeMechanics(base({ heads: 3 })).meanEntropyAllHeads).not.toBe(computeMechanics(base({ heads: 2 })).meanEntropyAllHeads);
  });

  it('an empty sentence gives a message and no NaN-filled matrices', () => {
    for (const text of ['', '   ', '\u0000\u200b']) {
      const r = computeMechanics(base({ text }));
      expect(r.n).toBe(0);
      expect(r.weights).toEqual([]);
      expect(r.message).toMatch(/Type a sentence/);
    }
  });

  it('a very long sentence is cut to 16 tokens with a message', () => {
    const r = computeMechanics(base({ text: 'word '.repeat(500) }));
    expect(r.n).toBe(MAX_TOKENS);
    expect(r.message).toMatch(/only the first 16/);
    expect(r.weights).toHaveLength(MAX_TOKENS);
  });

  it('is deterministic: the same input gives the same numbers', () => {
    expect(computeMechanics(base({ seed: 7 }))).toEqual(computeMechanics(base({ seed: 7 })));
  });
});

describe('the sentence field', () => {
  it('drops control and invisible characters and caps the length', () => {
    expect(sanitize('a\u0000b\u202Ec\u200Bd\n\te')).toBe('a b c d e');
    expect(sanitize('x'.repeat(1000))).toHaveLength(MAX_CHARS);
  });
  it('markup stays literal text tokens', () => {
    expect(tokenize('<img src=x onerror=alert(1)>').tokens).toEqual(['<', 'img', 'src', '=', 'x', 'onerror', '=', 'alert', '(', '1', ')', '>']);
  });
  it('splits words and punctuation and keeps apostrophes and accents', () => {
    expect(tokenize("Don't stop, café!").tokens).toEqual(["Don't", 'stop', ',', 'café', '!']);
  });
  it('labels are cut on code points, never inside an emoji', () => {
    expect(tokenLabel('😀'.repeat(20))).toBe(`${'😀'.repeat(9)}…`);
    expect(tokenLabel('short')).toBe('short');
  });
});

describe('params schema', () => {
  it('defaults are valid values of their own specs', () => {
    const d = defaults(schema);
    for (const [k, spec] of Object.entries(schema)) expect(coerce(spec, d[k as keyof typeof d]).value).toEqual(d[k as keyof typeof d]);
    expect(d).toMatchObject({ mode: 'mechanics', sentence: 'cat', text: '', dk: 16, heads: 2, scale: true, task: 'reverse', step: 0 });
  });
  it('a typed sentence travels in the link and comes back the same', () => {
    const p = { ...defaults(schema), sentence: 'custom' as const, text: 'Où est la gare ? 東京 & <b>' };
    const back = parseQuery(schema, serialize(schema, p));
    expect(back.problems).toEqual([]);
    expect(back.params.text).toBe(p.text);
    expect(schema.text.maxLength).toBe(MAX_CHARS);
  });

  it('a hostile link cannot smuggle control characters or a huge sentence in', () => {
    const r = parseQuery(schema, `sentence=custom&text=${encodeURIComponent('a\u202Eb\u0000c')}`);
    expect(r.params.text).toBe('abc');
    const long = parseQuery(schema, `text=${'x'.repeat(500)}`);
    expect(long.params.text).toHaveLength(MAX_CHARS);
    expect(computeMechanics(base({ text: long.params.text })).n).toBe(1);
  });

  it('every example sentence fits in 16 tokens', () => {
    for (const s of Object.values(EXAMPLES)) expect(tokenize(s).total).toBeLessThanOrEqual(MAX_TOKENS);
  });
});
