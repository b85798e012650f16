/**
 * Drawing many points fast on a 2-D canvas. Up to VECTOR_MAX points are drawn as anti-aliased
 * discs (one path per colour); above that, as small squares written straight into an ImageData
 * with alpha blending, which stays a few milliseconds at 100,000 points where 100,000 arc()
 * calls would not. Used by the view and by the benchmark (so the benchmark times the real draw).
 * The pixel path assumes a little-endian platform (every current browser's).
 */

export type RGB = readonly [number, number, number];

/** Above this many points, draw pixels rather than paths. */
export const VECTOR_MAX = 5000;

export interface PointsDraw {
  /** Row-major [n, 2] data coordinates. */
  x: Float64Array;
  n: number;
  /** Palette index per point (null: every point palette[0]). */
  idx: Uint8Array | null;
  palette: readonly RGB[];
  /** px = ax · x + bx, py = ay · y + by, in CSS pixels of the canvas. */
  ax: number;
  bx: number;
  ay: number;
  by: number;
  /** Canvas size in CSS pixels, and device pixels per CSS pixel. */
  width: number;
  height: number;
  dpr: number;
  /** Disc radius (CSS px) for vector drawing; the square side is about the disc's diameter. */
  r: number;
  alpha: number;
  /** Points drawn again on top, larger, opaque and outlined (a mini-batch). */
  highlight?: Int32Array | null;
  /** Outline colour of highlighted points. */
  edge?: RGB;
}

/** A radius that keeps 100 points readable and 100,000 points from becoming one blot. */
export function radiusFor(n: number): number {
  return n <= 300 ? 3.5 : n <= 2000 ? 2.6 : n <= VECTOR_MAX ? 1.9 : n <= 30_000 ? 1.2 : 0.8;
}

function rgba(c: RGB, a: number): string {
  return `rgba(${c[0]},${c[1]},${c[2]},${a})`;
}

function drawVector(ctx: CanvasRenderingContext2D, s: PointsDraw): void {
  const { x, n, idx, palette, ax, bx, ay, by, r } = s;
  const groups: number[][] = palette.map(() => []);
  for (let i = 0; i < n; i++) groups[idx ? idx[i] : 0]?.push(i);
  const disc = (list: Iterable<number>, rad: number) => {
    ctx.beginPath();
    for (const i of list) {
      const px = ax * x[2 * i] + bx, py = ay * x[2 * i + 1] + by;
      ctx.moveTo(px + rad, py);
      ctx.arc(px, py, rad, 0, 2 * Math.PI);
    }
  };
  groups.forEach((list, c) => {
    if (!list.length) return;
    ctx.fillStyle = rgba(palette[c], s.alpha);
    disc(list, r);
    ctx.fill();
  });
  if (s.highlight) {
    ctx.lineWidth = 1;
    ctx.strokeStyle = rgba(s.edge ?? [0, 0, 0], 0.9);
    for (const i of s.highlight) {
      ctx.fillStyle = rgba(palette[idx ? idx[i] : 0], 1);
      disc([i], r * 1.7);
      ctx.fill();
      ctx.stroke();
    }
  }
}

const images = new WeakMap<CanvasRenderingContext2D, ImageData>();

/** RGB as the low 24 bits of a little-endian RGBA pixel (byte order R, G, B, A). */
const rgb24 = (c: RGB) => (c[0] & 255) | ((c[1] & 255) << 8) | ((c[2] & 255) << 16);

/**
 * Squares of side `side` device px centred on each point, written with one 32-bit store per
 * pixel at a fixed opacity `a` (byte stores into the clamped array, or reading pixels back to
 * blend them, cost five to ten times more: see bench.ts). The common 2 × 2 case is unrolled.
 */
function blit(u32: Uint32Array, W: number, H: number, s: PointsDraw, list: ArrayLike<number> | null, side: number, a: number, colour: RGB | null): void {
  const { x, idx, ax, bx, ay, by, dpr } = s;
  const alpha = (a & 255) << 24;
  const pal = s.palette.map((c) => (rgb24(c) | alpha) >>> 0);
  const fixed = colour ? (rgb24(colour) | alpha) >>> 0 : -1;
  const m = list ? list.length : s.n;
  const half = side / 2;
  for (let t = 0; t < m; t++) {
    const i = list ? list[t] : t;
    const c = fixed >= 0 ? fixed : pal[idx ? idx[i] : 0];
    if (c === undefined) continue;
    const x0 = Math.round((ax * x[2 * i] + bx) * dpr - half), y0 = Math.round((ay * x[2 * i + 1] + by) * dpr - half);
    if (side === 2 && x0 >= 0 && y0 >= 0 && x0 + 2 <= W && y0 + 2 <= H) {
      const o = y0 * W + x0;
      u32[o] = c;
      u32[o + 1] = c;
      u32[o + W] = c;
      u32[o + W + 1] = c;
      continue;
    }
    const xa = x0 < 0 ? 0 : x0, xb = x0 + side > W ? W : x0 + side;
    const ya = y0 < 0 ? 0 : y0, yb = y0 + side > H ? H : y0 + side;
    for (let yy = ya; yy < yb; yy++) u32.fill(c, yy * W + xa, yy * W + xb);
  }
}

function drawPixels(ctx: CanvasRenderingContext2D, s: PointsDraw): void {
  const W = Math.max(1, Math.round(s.width * s.dpr)), H = Math.max(1, Math.round(s.height * s.dpr));
  let img = images.get(ctx);
  if (!img || img.width !== W || img.height !== H) images.set(ctx, (img = ctx.createImageData(W, H)));
  const u32 = new Uint32Array(img.data.buffer, img.data.byteOffset, W * H);
  u32.fill(0);
  const side = Math.max(1, Math.round(2 * s.r * s.dpr));
  blit(u32, W, H, s, null, side, Math.round(s.alpha * 255), null);
  if (s.highlight) {
    const big = side + Math.max(2, Math.round(2 * s.dpr));
    const rim = Math.max(1, Math.round(s.dpr));
    blit(u32, W, H, s, s.highlight, big + 2 * rim, 255, s.edge ?? [0, 0, 0]);
    blit(u32, W, H, s, s.highlight, big, 255, null);
  }
  ctx.putImageData(img, 0, 0);
}

/** Clears the canvas (already sized to width·dpr × height·dpr) and draws the points. */
export function drawPoints(ctx: CanvasRenderingContext2D, s: PointsDraw): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (s.n <= VECTOR_MAX) {
    ctx.setTransform(s.dpr, 0, 0, s.dpr, 0, 0);
    drawVector(ctx, s);
  } else drawPixels(ctx, s);
}
