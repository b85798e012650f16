/**
 * The mechanics mode: a sentence → token embeddings → per-head query, key and value projections
 * → scores, weights and outputs, plus the mean row entropy against d_k with and without the
 * 1/√d_k scaling. Plain float64 TypeScript (n ≤ 16 tokens: far below what tfjs pays off for).
 *
 * Everything random is seeded and named: a token's embedding comes from stream(seed, 'tok:'+word),
 * so the same word has the same vector in every sentence; column c of head h's query projection
 * comes from stream(seed, 'wq:h:c'), so growing d_k adds columns and never redraws the others.
 * Pure: no React, no DOM, no tfjs.
 */
import { stream } from '../../lib/random/rng';
import { createCache } from '../../lib/panel/cache';
import {
  attention,
  causalAllowed,
  finiteStd,
  matmul,
  maskedMax,
  maxMeanEntropy,
  mean,
  rowEntropies,
  rowSumError,
  softmaxRows,
  type Matrix,
} from './attention';
import { MAX_DK } from './params';
import { tokenize, tokenKey, tokenLabel, MAX_TOKENS } from './tokens';

/** Width of the token embeddings. */
export const D_MODEL = 64;
/** d_k values of the entropy plot (log-spaced up to MAX_DK). */
export const DK_GRID = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128] as const;
/** Independent projection draws averaged in the entropy plot (heads 1..8 of the seed). */
export const ENTROPY_DRAWS = 8;
/** Output columns drawn in the output heat map (the rest are summarised in words). */
export const OUTPUT_COLS_SHOWN = 16;

export interface MechanicsInput {
  text: string;
  dk: number;
  heads: number;
  /** 1-based, clamped to heads. */
  head: number;
  /** 1-based, clamped to the number of tokens. */
  query: number;
  causal: boolean;
  scale: boolean;
  positions: boolean;
  seed: number;
}

export interface EntropyCurve {
  dks: number[];
  scaled: number[];
  unscaled: number[];
  /** ln(keys visible), averaged over rows: the entropy of uniform attention. */
  max: number;
}

export interface MechanicsResult {
  tokens: string[];
  labels: string[];
  n: number;
  /** Tokens in the whole sentence (more than n when it was cut). */
  total: number;
  dk: number;
  heads: number;
  /** 0-based. */
  head: number;
  query: number;
  causal: boolean;
  scale: boolean;
  /** Scores fed to the softmax (scaled when scaling is on); NaN where masked. */
  scores: Matrix;
  weights: Matrix;
  /** weights · V, all dk columns. */
  output: Matrix;
  /** Row entropies (nats) of the shown head. */
  entropies: number[];
  meanEntropy: number;
  /** The same head with scaling flipped. */
  meanEntropyOther: number;
  /** Mean over every head. */
  meanEntropyAllHeads: number;
  scoreStd: number;
  rowSumErr: number;
  maskedMax: number;
  curve: EntropyCurve;
  /** Degenerate input or a cut sentence, in words. */
  message: string | null;
}

// ---------- seeded vectors ----------

/** Standard-normal embedding of a token, the same in every sentence for a given seed. */
export function tokenEmbedding(token: string, seed: number): number[] {
  const rng = stream(seed, `tok:${tokenKey(token)}`);
  return Array.from({ length: D_MODEL }, () => rng.normal());
}

/** The sinusoidal position encoding of "Attention is all you need". */
export function positionEncoding(pos: number, d = D_MODEL): number[] {
  return Array.from({ length: d }, (_, c) => {
    const f = pos / 10000 ** ((2 * Math.floor(c / 2)) / d);
    return c % 2 === 0 ? Math.sin(f) : Math.cos(f);
  });
}

export function embed(tokens: readonly string[], seed: number, positions: boolean): Matrix {
  return tokens.map((t, i) => {
    const e = tokenEmbedding(t, seed);
    if (!positions) return e;
    const p = positionEncoding(i);
    return e.map((v, c) => v + p[c]);
  });
}

/** Projections drawn so far (4 heads × 3 kinds for a few seeds; each is 64 × 128 numbers). */
const projCache = createCache<Matrix>(64);

/**
 * The D_MODEL × MAX_DK projection `kind` ('wq', 'wk', 'wv') of head h (0-based). Column c is
 * drawn from its own stream with variance 1/D_MODEL, so a unit-variance input gives
 * unit-variance query and key components and q·k has variance ≈ d_k.
 */
export function projection(seed: number, kind: 'wq' | 'wk' | 'wv', h: number): Matrix {
  return projCache.get(`${seed}|${kind}|${h}`, () => {
    const W = Array.from({ length: D_MODEL }, () => new Array<number>(MAX_DK).fill(0));
    const s = 1 / Math.sqrt(D_MODEL);
    for (let c = 0; c < MAX_DK; c++) {
      const rng = stream(seed, `${kind}:${h}:${c}`);
      for (let r = 0; r < D_MODEL; r++) W[r][c] = s * rng.normal();
    }
    return W;
  });
}

// ---------- the entropy curve ----------

/**
 * Mean row entropy against d_k, with and without scaling, averaged over ENTROPY_DRAWS heads.
 * Scores for every d_k come from one pass: the raw score at d_k is the running sum over the
 * first d_k columns of q_c k_c.
 */
const curveCache = createCache<EntropyCurve>(32);

/** entropyCurve, remembered per sentence and settings (it does not depend on d_k or heads). */
function cachedCurve(tokens: readonly string[], x: Matrix, seed: number, causal: boolean, positions: boolean): EntropyCurve {
  return curveCache.get(JSON.stringify([tokens, seed, causal, positions]), () => entropyCurve(x, seed, causal));
}

export function entropyCurve(x: Matrix, seed: number, causal: boolean): EntropyCurve {
  const n = x.length;
  const allowed = causal ? causalAllowed : () => true;
  const scaled = new Array<number>(DK_GRID.length).fill(0);
  const unscaled = new Array<number>(DK_GRID.length).fill(0);
  for (let h = 0; h < ENTROPY_DRAWS; h++) {
    const Q = matmul(x, projection(seed, 'wq', h));
    const K = matmul(x, projection(seed, 'wk', h));
    const S = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    let g = 0;
    for (let c = 0; c < MAX_DK && g < DK_GRID.length; c++) {
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) S[i][j] += Q[i][c] * K[j][c];
      if (c + 1 === DK_GRID[g]) {
        const f = 1 / Math.sqrt(c + 1);
        scaled[g] += mean(rowEntropies(softmaxRows(S.map((r) => r.map((v) => v * f)), allowed))) / ENTROPY_DRAWS;
        unscaled[g] += mean(rowEntropies(softmaxRows(S, allowed))) / ENTROPY_DRAWS;
        g++;
      }
    }
  }
  return { dks: [...DK_GRID], scaled, unscaled, max: maxMeanEntropy(n, causal) };
}

// ---------- the whole mechanics result ----------

/** x · W[:, :dk] without copying W. */
function project(x: Matrix, W: Matrix, dk: number): Matrix {
  return x.map((row) => {
    const out = new Array<number>(dk).fill(0);
    for (let r = 0; r < row.length; r++) {
      const a = row[r], w = W[r];
      for (let c = 0; c < dk; c++) out[c] += a * w[c];
    }
    return out;
  });
}

function headAttention(x: Matrix, seed: number, h: number, dk: number, causal: boolean, scale: boolean) {
  const Q = project(x, projection(seed, 'wq', h), dk);
  const K = project(x, projection(seed, 'wk', h), dk);
  const V = project(x, projection(seed, 'wv', h), dk);
  return { Q, K, V, ...attention(Q, K, V, { causal, scale }) };
}

export function emptyMessage(total: number): string | null {
  if (total === 0) return 'Type a sentence (at least one word) to see its attention maps.';
  if (total > MAX_TOKENS) return `The sentence has ${total} tokens; only the first ${MAX_TOKENS} are used.`;
  return null;
}

export function computeMechanics(p: MechanicsInput): MechanicsResult {
  const { tokens, total } = tokenize(p.text);
  const n = tokens.length;
  const dk = Math.max(1, Math.min(MAX_DK, Math.round(p.dk)));
  const heads = Math.max(1, Math.round(p.heads));
  const head = Math.min(heads, Math.max(1, Math.round(p.head))) - 1;
  const query = n ? Math.min(n, Math.max(1, Math.round(p.query))) - 1 : 0;
  const base = {
    tokens, labels: tokens.map(tokenLabel), n, total, dk, heads, head, query, causal: p.causal, scale: p.scale,
    message: emptyMessage(total),
  };
  if (n === 0) {
    const none = Number.NaN;
    return {
      ...base, scores: [], weights: [], output: [], entropies: [], meanEntropy: none, meanEntropyOther: none,
      meanEntropyAllHeads: none, scoreStd: none, rowSumErr: 0, maskedMax: 0,
      curve: { dks: [...DK_GRID], scaled: [], unscaled: [], max: none },
    };
  }
  const x = embed(tokens, p.seed, p.positions);
  const shown = headAttention(x, p.seed, head, dk, p.causal, p.scale);
  const other = attention(shown.Q, shown.K, shown.V, { causal: p.causal, scale: !p.scale });
  const entropies = rowEntropies(shown.weights);
  let all = 0;
  for (let h = 0; h < heads; h++)
    all += h === head ? mean(entropies) : mean(rowEntropies(headAttention(x, p.seed, h, dk, p.causal, p.scale).weights));
  return {
    ...base,
    scores: shown.scores,
    weights: shown.weights,
    output: shown.output,
    entropies,
    meanEntropy: mean(entropies),
    meanEntropyOther: mean(rowEntropies(other.weights)),
    meanEntropyAllHeads: all / heads,
    scoreStd: finiteStd(shown.scores),
    rowSumErr: rowSumError(shown.weights),
    maskedMax: p.causal ? maskedMax(shown.weights) : 0,
    curve: cachedCurve(tokens, x, p.seed, p.causal, p.positions),
  };
}

/** The key with the largest weight in row i (first on ties). */
export function strongestKey(weights: Matrix, i: number): number {
  const r = weights[i] ?? [];
  let best = 0;
  for (let j = 1; j < r.length; j++) if (r[j] > r[best]) best = j;
  return best;
}
