/**
 * The kernel mode's convolution and pooling (model.ts) against PyTorch's outputs in
 * reference-cases.json (`cnn`, `tiny_cnn`), against a second, independent nested-loop
 * implementation (explicit zero-padded copy, window gathered first) on random inputs for every
 * stride / padding / dilation, and the output sizes against a brute-force count of the windows
 * that fit. Plus the link codec of the drawing and the presets.
 */
import { describe, expect, it } from 'vitest';
import { referenceCases } from '../../lib/learn/reference.testutil';
import { createRng } from '../../lib/random/rng';
import { computeKernelView, conv2d, fromRows, grid, outSize, pool, presetOf, PRESETS, receptiveField, toRows, windowTerms, type Grid } from './model';
import { decodeImage, encodeImage, quantize } from './modelImage';
import { PIXELS } from './modelDigits';

interface CnnCases {
  cnn: {
    image: number[][];
    kernel: number[][];
    cases: { name: string; input: { stride: number; padding: number }; expected: { output: number[][]; shape: [number, number] } }[];
    max_pool_2x2_stride_2: number[][];
    avg_pool_2x2_stride_2: number[][];
    max_pool_3x3_stride_2: number[][];
  };
  tiny_cnn: {
    image: number[][];
    conv_weights: number[][][];
    conv_bias: number[];
    dense_weights: number[][];
    dense_bias: number[];
    feature_maps: number[][][];
    after_relu: number[][][];
    after_pool: number[][][];
    logits: number[];
    probabilities: number[];
  };
}
const ref = referenceCases<CnnCases>();

/** Element-wise closeness with a relative tolerance (the reference was computed in float64). */
export function expectClose(actual: number[][], expected: number[][], tol = 1e-9) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => expect(Math.abs(v - expected[i][j])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i][j]))));
  });
}

/** Independent conv: copy into an explicitly zero-padded array, gather each dilated window, dot it. */
function naiveConv(x: Grid, k: Grid, s: number, p: number, d: number): Grid {
  const H = x.h + 2 * p, W = x.w + 2 * p;
  const padded: number[][] = Array.from({ length: H }, (_, r) => Array.from({ length: W }, (_, c) => (r >= p && r < p + x.h && c >= p && c < p + x.w ? x.data[(r - p) * x.w + c - p] : 0)));
  const rows: number[][] = [];
  for (let top = 0; top + d * (k.h - 1) < H; top += s) {
    const row: number[] = [];
    for (let left = 0; left + d * (k.w - 1) < W; left += s) {
      const win: number[] = [];
      for (let a = 0; a < k.h; a++) for (let b = 0; b < k.w; b++) win.push(padded[top + a * d][left + b * d]);
      row.push(win.reduce((acc, v, i) => acc + v * k.data[i], 0));
    }
    rows.push(row);
  }
  if (rows.length && rows[0].length) return fromRows(rows);
  let cols = 0;
  for (let left = 0; left + d * (k.w - 1) < W; left += s) cols++;
  return grid(rows.length, rows.length ? 0 : cols);
}

function naivePool(x: Grid, kind: 'max' | 'avg', size: number, s: number): number[][] {
  const rows: number[][] = [];
  for (let top = 0; top + size <= x.h; top += s) {
    const row: number[] = [];
    for (let left = 0; left + size <= x.w; left += s) {
      const win: number[] = [];
      for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) win.push(x.data[(top + a) * x.w + left + b]);
      row.push(kind === 'max' ? Math.max(...win) : win.reduce((u, v) => u + v, 0) / win.length);
    }
    rows.push(row);
  }
  return rows;
}

const randomGrid = (h: number, w: number, seed: number) => {
  const rng = createRng(seed);
  return grid(h, w, Array.from({ length: h * w }, () => rng.uniform(-1, 1)));
};

describe('cnn: PyTorch reference (reference-cases.json, cnn)', () => {
  const x = fromRows(ref.cnn.image);
  const k = fromRows(ref.cnn.kernel);
  for (const c of ref.cnn.cases) {
    it(c.name, () => {
      const out = conv2d(x, k, { stride: c.input.stride, pad: c.input.padding, dil: 1 });
      expect([out.h, out.w]).toEqual(c.expected.shape);
      expectClose(toRows(out), c.expected.output);
    });
  }
  it('max and average pooling (2×2 stride 2, 3×3 stride 2) of the image', () => {
    expectClose(toRows(pool(x, 'max', 2, 2)), ref.cnn.max_pool_2x2_stride_2);
    expectClose(toRows(pool(x, 'avg', 2, 2)), ref.cnn.avg_pool_2x2_stride_2);
    expectClose(toRows(pool(x, 'max', 3, 2)), ref.cnn.max_pool_3x3_stride_2);
  });
});

describe('cnn: tiny CNN forward pass (reference-cases.json, tiny_cnn), direct TypeScript', () => {
  const t = ref.tiny_cnn;
  const x = fromRows(t.image);
  const maps = t.conv_weights.map((w, f) => {
    const g = conv2d(x, fromRows(w), { stride: 1, pad: 0, dil: 1 });
    return grid(g.h, g.w, Array.from(g.data, (v) => v + t.conv_bias[f]));
  });
  const relu = maps.map((g) => grid(g.h, g.w, Array.from(g.data, (v) => Math.max(0, v))));
  const pooled = relu.map((g) => pool(g, 'max', 2, 2));
  it('feature maps, ReLU and pooling', () => {
    maps.forEach((g, f) => expectClose(toRows(g), t.feature_maps[f]));
    relu.forEach((g, f) => expectClose(toRows(g), t.after_relu[f]));
    pooled.forEach((g, f) => expectClose(toRows(g), t.after_pool[f]));
  });
  it('logits and probabilities (flattened channel, row, column)', () => {
    const flat = pooled.flatMap((g) => Array.from(g.data));
    const logits = t.dense_weights.map((w, c) => w.reduce((s, v, i) => s + v * flat[i], t.dense_bias[c]));
    expectClose([logits], [t.logits]);
    const m = Math.max(...logits);
    const e = logits.map((z) => Math.exp(z - m));
    const z = e.reduce((a, b) => a + b, 0);
    expectClose([e.map((v) => v / z)], [t.probabilities]);
  });
});

describe('cnn: convolution and pooling equal an independent nested-loop implementation', () => {
  let seed = 100;
  for (const stride of [1, 2, 3]) {
    for (const pad of [0, 1, 2, 3]) {
      for (const dil of [1, 2, 3]) {
        it(`stride ${stride}, padding ${pad}, dilation ${dil}`, () => {
          for (const [h, w] of [[9, 11], [16, 16], [5, 7]]) {
            const x = randomGrid(h, w, seed++);
            const k = randomGrid(3, 3, seed++);
            const out = conv2d(x, k, { stride, pad, dil });
            const want = naiveConv(x, k, stride, pad, dil);
            expect([out.h, out.w]).toEqual([want.h, want.w]);
            expectClose(toRows(out), toRows(want), 1e-12);
            // Output sizes follow floor((n + 2p − d(k−1) − 1)/s) + 1 (0 when nothing fits).
            const formula = (n: number) => Math.max(0, Math.floor((n + 2 * pad - dil * 2 - 1) / stride) + 1);
            expect(out.h).toBe(n0(formula(h)));
            expect(out.w).toBe(n0(formula(w)));
            // Each output is its window's multiply-add.
            for (let i = 0; i < out.h; i += 2) for (let j = 0; j < out.w; j += 3) {
              const terms = windowTerms(x, k, i, j, { stride, pad, dil });
              expect(terms.reduce((s, t) => s + t.x * t.k, 0)).toBeCloseTo(out.data[i * out.w + j], 12);
            }
          }
        });
      }
    }
  }
  const n0 = (v: number) => (v < 0 ? 0 : v);
  it('outSize counts the windows that fit (brute force over n, k, s, p, d)', () => {
    for (let n = 1; n <= 12; n++) for (const k of [1, 2, 3, 5]) for (const s of [1, 2, 3]) for (const p of [0, 1, 2]) for (const d of [1, 2, 3]) {
      let count = 0;
      for (let start = 0; start + d * (k - 1) <= n + 2 * p - 1; start += s) count++;
      expect(outSize(n, k, s, p, d)).toBe(count);
    }
  });
  it('pooling (max, average; window 2 and 3; stride 1 to 3) on random maps', () => {
    for (const kind of ['max', 'avg'] as const) for (const size of [2, 3]) for (const s of [1, 2, 3]) {
      const x = randomGrid(13, 14, seed++);
      const out = pool(x, kind, size, s);
      expectClose(toRows(out), naivePool(x, kind, size, s), 1e-12);
      expect([out.h, out.w]).toEqual([outSize(13, size, s), outSize(14, size, s)]);
    }
  });
  it('the receptive field of one dilated 3×3 kernel is (k − 1)d + 1 pixels across', () => {
    const x = grid(16, 16);
    for (const d of [1, 2, 3]) {
      const terms = windowTerms(x, grid(3, 3), 4, 4, { stride: 1, pad: 0, dil: d });
      const rows = terms.map((t) => t.r);
      expect(Math.max(...rows) - Math.min(...rows) + 1).toBe(receptiveField(3, d));
    }
  });
});

describe('cnn: the kernel view', () => {
  it('clamps the position into the output and reports its row, column and multiply-add', () => {
    const image = randomGrid(16, 16, 7);
    const base = { image, kernel: [...PRESETS.sobelX], stride: 2, pad: 1, dil: 1, poolKind: 'max' as const, poolSize: 2, poolStride: 2 };
    const r = computeKernelView({ ...base, pos: 10_000 });
    expect(r.positions).toBe(64);
    expect([r.pos, r.row, r.col]).toEqual([63, 7, 7]);
    expect(r.terms.reduce((s, t) => s + t.x * t.k, 0)).toBeCloseTo(r.value, 12);
    expect([r.pooled.h, r.pooled.w]).toEqual([4, 4]);
    // Terms in the padding read 0.
    const corner = computeKernelView({ ...base, pos: 0 });
    expect(corner.terms.filter((t) => t.r < 0 || t.c < 0).every((t) => t.x === 0)).toBe(true);
  });
  it('names presets, and a kernel that matches none is custom', () => {
    expect(presetOf([...PRESETS.sharpen])).toBe('sharpen');
    expect(presetOf([0.1111, 0.1111, 0.1111, 0.1111, 0.1111, 0.1111, 0.1111, 0.1111, 0.1111])).toBe('blur');
    expect(presetOf([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBeNull();
  });
});

describe('cnn: the drawing in a link', () => {
  it('round-trips a drawing at 16 grey levels, and shortens blank runs', () => {
    const rng = createRng(3);
    const px = Float32Array.from({ length: PIXELS }, () => (rng.next() < 0.7 ? 0 : rng.next()));
    const s = encodeImage(px);
    const back = decodeImage(s);
    expect(back.problem).toBeNull();
    expect(Array.from(back.pixels)).toEqual(Array.from(quantize(px)));
    expect(encodeImage(new Float32Array(PIXELS)).length).toBeLessThanOrEqual(13);
    expect(s).toMatch(/^[0-9a-z]+$/);
  });
  it('reads damaged drawings without throwing, and says what it repaired', () => {
    expect(decodeImage('<b>x</b>').problem).toMatch(/unknown character/);
    expect(decodeImage('ff').problem).toMatch(/short/);
    expect(decodeImage('f'.repeat(300)).problem).toMatch(/too long/);
    expect(decodeImage('f'.repeat(300)).pixels.every((v) => v === 1)).toBe(true);
  });
});
