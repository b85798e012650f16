/* Thousands of points on a canvas below the SVG marks (SVG circles stop being smooth past a
   few hundred). Colours may be CSS variables; they are resolved at draw time and the layer
   repaints when the theme changes. */
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { FG, resolveColor } from './colors';
import { usePlotScales } from './context';
import { useThemeKey } from './useThemeKey';

export interface CanvasScatterProps {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** One colour, one per point, or a function of the point index. */
  color?: string | readonly string[] | ((i: number) => string);
  /** Radius in px. */
  r?: number;
  opacity?: number;
}

export function CanvasScatter({ x: xs, y: ys, color = FG, r = 2, opacity = 0.7 }: CanvasScatterProps) {
  const { x, y, innerWidth: iw, innerHeight: ih, canvasLayer } = usePlotScales();
  const ref = useRef<HTMLCanvasElement | null>(null);
  const themeKey = useThemeKey();

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // Back the canvas with device pixels so points stay sharp on high-DPI screens. Assigning a
    // canvas's size clears it and reallocates its bitmap even when the value is the same (a few
    // ms per canvas in Chromium, on every new data set): only when it changes; clearRect below
    // clears it either way.
    const dpr = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
    const w = Math.max(1, Math.round(iw * dpr)), h = Math.max(1, Math.round(ih * dpr));
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, iw, ih);
    ctx.globalAlpha = opacity;

    const n = Math.min(xs.length, ys.length);
    const colorAt =
      typeof color === 'function' ? color : typeof color === 'string' ? () => color : (i: number) => color[i] ?? FG;
    // One path per colour: far fewer fill() calls than one per point.
    const byColor = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const c = colorAt(i);
      let list = byColor.get(c);
      if (!list) byColor.set(c, (list = []));
      list.push(i);
    }
    for (const [c, idx] of byColor) {
      ctx.fillStyle = resolveColor(c);
      ctx.beginPath();
      for (const i of idx) {
        const px = x(xs[i]);
        const py = y(ys[i]);
        if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
  }, [xs, ys, color, r, opacity, x, y, iw, ih, themeKey, canvasLayer]);

  if (!canvasLayer) return null;
  return createPortal(
    <canvas ref={ref} style={{ position: 'absolute', left: 0, top: 0, width: iw, height: ih }} />,
    canvasLayer,
  );
}
