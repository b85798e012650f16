/* The dense layers of the cluster plot, on two canvases below the SVG marks: the centres'
   Voronoi regions (lightly tinted) and the points. The regions repaint alone while a centre is
   dragged; the points only when their colours or the scales change. */
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { Delaunay } from 'd3';
import { usePlotScales } from '../../lib/plot/context';
import { FG, resolveColor } from '../../lib/plot/colors';
import { parseRgb } from '../../lib/plot/colorMath';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import { drawPoints, radiusFor, VECTOR_MAX, type RGB } from './draw';

export interface ClusterCanvasProps {
  x: Float64Array;
  n: number;
  /** Palette index per point (null: all palette[0]). */
  idx: Uint8Array | null;
  /** CSS colours (var(--…) allowed). */
  palette: readonly string[];
  highlight: Int32Array | null;
  /** Centres whose Voronoi regions are tinted (flat [K, 2]), with their colours; null for none. */
  regions: Float64Array | null;
  regionColors: readonly string[];
}

function sizeCanvas(c: HTMLCanvasElement, w: number, h: number, dpr: number) {
  const W = Math.max(1, Math.round(w * dpr)), H = Math.max(1, Math.round(h * dpr));
  if (c.width !== W) c.width = W;
  if (c.height !== H) c.height = H;
}

const dprNow = () => (typeof window !== 'undefined' ? Math.min(2, window.devicePixelRatio || 1) : 1);

export function ClusterCanvas({ x, n, idx, palette, highlight, regions, regionColors }: ClusterCanvasProps) {
  const { x: sx, y: sy, innerWidth: iw, innerHeight: ih, canvasLayer } = usePlotScales();
  const pointsRef = useRef<HTMLCanvasElement | null>(null);
  const regionsRef = useRef<HTMLCanvasElement | null>(null);
  const themeKey = useThemeKey();
  // Canvas needs real colours: resolve the CSS variables once per palette and theme.
  const rgb = useMemo(() => (themeKey >= 0 ? palette.map((p) => (parseRgb(resolveColor(p)) ?? [128, 128, 128]) as RGB) : []), [palette, themeKey]);
  const edge = useMemo(() => (themeKey >= 0 ? ((parseRgb(resolveColor(FG)) ?? [0, 0, 0]) as RGB) : ([0, 0, 0] as RGB)), [themeKey]);
  const fills = useMemo(() => (themeKey >= 0 ? regionColors.map((c) => resolveColor(c)) : []), [regionColors, themeKey]);

  useEffect(() => {
    const c = pointsRef.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    // Dense sets are drawn pixel by pixel at one pixel per CSS pixel (4× fewer on a HiDPI
    // screen); small ones as discs at the screen's resolution.
    const dpr = n > VECTOR_MAX ? 1 : dprNow();
    sizeCanvas(c, iw, ih, dpr);
    const ax = sx(1) - sx(0), bx = sx(0), ay = sy(1) - sy(0), by = sy(0);
    drawPoints(ctx, { x, n, idx, palette: rgb, ax, bx, ay, by, width: iw, height: ih, dpr, r: radiusFor(n), alpha: 0.8, highlight, edge });
  }, [x, n, idx, rgb, edge, highlight, sx, sy, iw, ih, canvasLayer]);

  useEffect(() => {
    const c = regionsRef.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = dprNow();
    sizeCanvas(c, iw, ih, dpr);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    if (!regions || regions.length < 2) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const k = regions.length / 2;
    const px = Array.from({ length: k }, (_, j) => [sx(regions[2 * j]), sy(regions[2 * j + 1])] as [number, number]);
    ctx.globalAlpha = 0.13;
    if (k === 1) {
      ctx.fillStyle = fills[0];
      ctx.fillRect(0, 0, iw, ih);
      return;
    }
    const vor = Delaunay.from(px).voronoi([0, 0, iw, ih]);
    for (let j = 0; j < k; j++) {
      ctx.beginPath();
      vor.renderCell(j, ctx);
      ctx.fillStyle = fills[j];
      ctx.fill();
    }
  }, [regions, fills, sx, sy, iw, ih, canvasLayer]);

  if (!canvasLayer) return null;
  const style = { position: 'absolute', left: 0, top: 0, width: iw, height: ih } as const;
  return createPortal(
    <div style={style}>
      <canvas ref={regionsRef} style={style} />
      <canvas ref={pointsRef} style={style} />
    </div>,
    canvasLayer,
  );
}
