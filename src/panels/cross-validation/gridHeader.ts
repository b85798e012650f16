/**
 * The split grids' shared top (issue 8): the class, group and time strips with their labels are
 * the same pixels in all six grids of the gallery (same samples, same width), so they are drawn
 * once into a canvas of their own and copied into each grid at the device-pixel origin, which
 * copies pixels one for one (no scaling, no filtering) onto the grid's cleared canvas: the same
 * picture as drawing the strips in every grid (each grid's canvas compared pixel for pixel with
 * the in-place drawing when this was made, default and dark themes). A new n, seed or class balance redraws them once instead of six times; a slider that
 * leaves the samples as they are (folds) copies them without drawing.
 */
import type { CvData } from './data';
import { sameStrips } from './sameGrid';

/** Device pixels above the first split row (the grids' `top` is 39 CSS px; the strips end at 31). */
const HEAD_CSS_PX = 39;

let kept: { canvas: HTMLCanvasElement; width: number; dpr: number; theme: unknown; data: CvData } | null = null;

/**
 * The strips for a canvas `width` device pixels wide at this dpr and theme, drawn by `paint` (in
 * CSS pixels) on a miss; null where no canvas can be made (the caller then draws them itself).
 */
export function gridHeader(width: number, dpr: number, theme: unknown, data: CvData, paint: (ctx: CanvasRenderingContext2D) => void): HTMLCanvasElement | null {
  const k = kept;
  if (k && k.width === width && k.dpr === dpr && k.theme === theme && sameStrips(k.data, data)) return k.canvas;
  if (typeof document === 'undefined') return null;
  // A grid of another width (the gallery's columns may differ by a pixel) gets its own header;
  // reusing the canvas element keeps at most one alive.
  const canvas = k?.canvas ?? document.createElement('canvas');
  canvas.width = width; // also clears it
  canvas.height = Math.ceil(HEAD_CSS_PX * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  paint(ctx);
  kept = { canvas, width, dpr, theme, data };
  return canvas;
}
