/* A dense field (loss surface, class probability, value function) drawn as an nx × ny pixel
   canvas stretched by CSS over the cells it covers, below the SVG marks, as TensorFlow
   Playground's heatmap.ts does. Grid layout: see grid.ts (row 0 = lowest y). */
import { useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { INTERPOLATORS, type SchemeName } from './colors';
import { usePlotScales } from './context';
import { cellBounds, type Grid } from './gridSpec';
import { autoColorDomain, buildLut, fillHeatRgba, makeNormalizer } from './heatRaster';

export interface HeatMapProps extends Grid {
  /** Colour scheme (default viridis). 'rdbu' is diverging: its default domain is symmetric. */
  scheme?: SchemeName;
  /** Custom interpolator on [0, 1]; overrides `scheme`. Must return a real colour, not var(). */
  interpolate?: (t: number) => string;
  /** Values mapped to the ends of the scheme; default autoColorDomain(values). */
  domain?: readonly [number, number];
  /** Colour by log10 of the value (losses spanning many orders of magnitude). */
  log?: boolean;
  /** Smooth (bilinear, the default) or pixelated (each cell a sharp square). */
  smooth?: boolean;
  opacity?: number;
}

export function HeatMap({
  values, nx, ny, extent, scheme = 'viridis', interpolate, domain, log = false, smooth = true, opacity = 1,
}: HeatMapProps) {
  const { x, y, canvasLayer } = usePlotScales();
  const ref = useRef<HTMLCanvasElement | null>(null);
  const interp = interpolate ?? INTERPOLATORS[scheme];
  const lut = useMemo(() => buildLut(interp), [interp]);
  // Scanning the grid is O(nx·ny): only when the values (or how they are read) change, not on every render.
  const symmetric = scheme === 'rdbu' && !interpolate;
  const auto = useMemo(() => (domain ? null : autoColorDomain(values, { log, symmetric })), [domain, values, log, symmetric]);
  const [d0, d1] = domain ?? auto!;

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || nx < 1 || ny < 1 || values.length < nx * ny) return;
    if (canvas.width !== nx) canvas.width = nx;
    if (canvas.height !== ny) canvas.height = ny;
    const img = ctx.createImageData(nx, ny);
    fillHeatRgba({ values, nx, ny }, lut, makeNormalizer([d0, d1], log), img.data);
    ctx.putImageData(img, 0, 0);
  }, [values, nx, ny, lut, d0, d1, log, canvasLayer]);

  if (!canvasLayer) return null;
  // Place the canvas on the cells' data rectangle; the layer clips what lies outside the plot.
  const b = cellBounds({ nx, ny, extent });
  const left = Math.min(x(b.left), x(b.right));
  const right = Math.max(x(b.left), x(b.right));
  const top = Math.min(y(b.top), y(b.bottom));
  const bottom = Math.max(y(b.top), y(b.bottom));
  if (![left, right, top, bottom].every(Number.isFinite)) return null;
  return createPortal(
    <canvas
      ref={ref}
      aria-hidden="true"
      style={{
        position: 'absolute',
        left,
        top,
        width: right - left,
        height: bottom - top,
        opacity,
        imageRendering: smooth ? 'auto' : 'pixelated',
      }}
    />,
    canvasLayer,
  );
}
