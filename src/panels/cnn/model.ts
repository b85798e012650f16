/**
 * Convolution and pooling written out as the textbook defines them (plain float64 loops), for the
 * kernel view and as the truth the tfjs network is checked against. Convolution here is what
 * every deep-learning library calls conv2d: cross-correlation (the kernel is not flipped) over a
 * zero-padded input. Pure: no React, no DOM, no tfjs.
 */

/** A grey image or feature map: h rows of w values, row-major. */
export interface Grid {
  h: number;
  w: number;
  data: Float64Array;
}

export function grid(h: number, w: number, data?: ArrayLike<number>): Grid {
  return { h, w, data: data ? Float64Array.from(data) : new Float64Array(h * w) };
}

export const fromRows = (rows: readonly (readonly number[])[]): Grid => grid(rows.length, rows[0]?.length ?? 0, rows.flat());
export const toRows = (g: Grid): number[][] => Array.from({ length: g.h }, (_, r) => Array.from(g.data.subarray(r * g.w, (r + 1) * g.w)));

/**
 * Output length of a convolution or pooling along one side:
 * floor((n + 2p − d(k − 1) − 1) / s) + 1, or 0 when the (dilated) window does not fit.
 */
export function outSize(n: number, k: number, s: number, p = 0, d = 1): number {
  const span = n + 2 * p - d * (k - 1) - 1;
  return span < 0 ? 0 : Math.floor(span / s) + 1;
}

export interface ConvSettings {
  stride: number;
  pad: number;
  dil: number;
}

/** One term of the multiply-add at an output position. */
export interface Term {
  /** Input row and column (may lie in the padding: then outside 0…h−1 / 0…w−1, and x = 0). */
  r: number;
  c: number;
  x: number;
  k: number;
}

/** The input cells the kernel covers at output (i, j), with the kernel weight on each. */
export function windowTerms(input: Grid, kernel: Grid, i: number, j: number, s: ConvSettings): Term[] {
  const out: Term[] = [];
  for (let a = 0; a < kernel.h; a++) {
    for (let b = 0; b < kernel.w; b++) {
      const r = i * s.stride - s.pad + a * s.dil;
      const c = j * s.stride - s.pad + b * s.dil;
      const inside = r >= 0 && r < input.h && c >= 0 && c < input.w;
      out.push({ r, c, x: inside ? input.data[r * input.w + c] : 0, k: kernel.data[a * kernel.w + b] });
    }
  }
  return out;
}

/** conv2d (cross-correlation) with zero padding, stride and dilation; empty when nothing fits. */
export function conv2d(input: Grid, kernel: Grid, s: ConvSettings): Grid {
  const oh = outSize(input.h, kernel.h, s.stride, s.pad, s.dil);
  const ow = outSize(input.w, kernel.w, s.stride, s.pad, s.dil);
  const out = grid(oh, ow);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      let acc = 0;
      for (let a = 0; a < kernel.h; a++) {
        const r = i * s.stride - s.pad + a * s.dil;
        if (r < 0 || r >= input.h) continue;
        for (let b = 0; b < kernel.w; b++) {
          const c = j * s.stride - s.pad + b * s.dil;
          if (c < 0 || c >= input.w) continue;
          acc += input.data[r * input.w + c] * kernel.data[a * kernel.w + b];
        }
      }
      out.data[i * ow + j] = acc;
    }
  }
  return out;
}

export type PoolKind = 'max' | 'avg';

/** Max or average pooling over size × size windows moved by `stride`, no padding (windows that do not fit are dropped, as in PyTorch). */
export function pool(input: Grid, kind: PoolKind, size: number, stride: number): Grid {
  const oh = outSize(input.h, size, stride);
  const ow = outSize(input.w, size, stride);
  const out = grid(oh, ow);
  for (let i = 0; i < oh; i++) {
    for (let j = 0; j < ow; j++) {
      let acc = kind === 'max' ? -Infinity : 0;
      for (let a = 0; a < size; a++) {
        for (let b = 0; b < size; b++) {
          const v = input.data[(i * stride + a) * input.w + j * stride + b];
          acc = kind === 'max' ? Math.max(acc, v) : acc + v;
        }
      }
      out.data[i * ow + j] = kind === 'max' ? acc : acc / (size * size);
    }
  }
  return out;
}

/** Size of the region of the input one output cell sees: (k − 1)·d + 1 per side. */
export const receptiveField = (k: number, d: number) => (k - 1) * d + 1;

/** 3 × 3 presets (row-major). Sobel x responds to left-to-right brightness changes, i.e. vertical edges. */
export const PRESETS = {
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
  sobelX: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  sobelY: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  edges: [-1, -1, -1, -1, 8, -1, -1, -1, -1],
  blur: [1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  gaussian: [1 / 16, 2 / 16, 1 / 16, 2 / 16, 4 / 16, 2 / 16, 1 / 16, 2 / 16, 1 / 16],
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
} as const satisfies Record<string, readonly number[]>;
export type PresetName = keyof typeof PRESETS;

export const PRESET_LABELS: Record<PresetName, string> = {
  identity: 'Identity (copies the input)',
  sobelX: 'Sobel x (vertical edges)',
  sobelY: 'Sobel y (horizontal edges)',
  edges: 'Edges (Laplacian, all directions)',
  blur: 'Box blur',
  gaussian: 'Gaussian blur',
  sharpen: 'Sharpen',
};

/** The preset `k` equals (to the 4 digits a link keeps), or null for a custom kernel. */
export function presetOf(k: readonly number[]): PresetName | null {
  for (const [name, p] of Object.entries(PRESETS) as [PresetName, readonly number[]][]) {
    if (p.every((v, i) => Math.abs(v - k[i]) < 5e-5)) return name;
  }
  return null;
}

export interface KernelViewInput extends ConvSettings {
  image: Grid;
  kernel: readonly number[];
  /** Output position, row-major; clamped into the output. */
  pos: number;
  poolKind: PoolKind;
  poolSize: number;
  poolStride: number;
}

export interface KernelViewResult {
  out: Grid;
  pooled: Grid;
  /** The clamped position, its row and column (−1 when the output is empty). */
  pos: number;
  row: number;
  col: number;
  terms: Term[];
  value: number;
  positions: number;
}

/** Everything the kernel view draws: the convolution, its pooling and the window at `pos`. */
export function computeKernelView(p: KernelViewInput): KernelViewResult {
  const kernel = grid(3, 3, p.kernel);
  const out = conv2d(p.image, kernel, p);
  const pooled = pool(out, p.poolKind, p.poolSize, p.poolStride);
  const positions = out.h * out.w;
  if (positions === 0) return { out, pooled, pos: 0, row: -1, col: -1, terms: [], value: 0, positions };
  const pos = Math.max(0, Math.min(positions - 1, Math.round(p.pos)));
  const row = Math.floor(pos / out.w), col = pos % out.w;
  return { out, pooled, pos, row, col, terms: windowTerms(p.image, kernel, row, col, p), value: out.data[pos], positions };
}
