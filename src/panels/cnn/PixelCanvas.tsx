/**
 * A small image or feature map drawn cell by cell on a canvas (dense maps go on canvas), with an
 * optional ring of zero padding (hatched), outlined cells (the kernel's taps, the current output)
 * and, when `onStroke` is given, drawing with a pointer or a finger. Coordinates passed to
 * `onStroke` are in pixels of the unpadded image (0…w, 0…h), so a drawing tool can rasterise them.
 */
import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { rgbOf, type Palette } from './look';

export interface Mark {
  /** Row and column in the unpadded image (negative or ≥ size inside the padding). */
  r: number;
  c: number;
  color: string;
  /** Cells covered (default 1 × 1). */
  h?: number;
  w?: number;
  dashed?: boolean;
}

export type StrokePhase = 'start' | 'move' | 'end';

export interface PixelCanvasProps {
  values: ArrayLike<number>;
  h: number;
  w: number;
  palette: Palette;
  /** CSS pixels per cell. */
  cell: number;
  /** Rings of zero padding drawn around the image. */
  pad?: number;
  marks?: readonly Mark[];
  /** Accessible description (the numbers that matter are in the readout too). */
  label: string;
  onStroke?: (x: number, y: number, phase: StrokePhase) => void;
  testId?: string;
}

export function PixelCanvas({ values, h, w, palette, cell, pad = 0, marks = [], label, onStroke, testId }: PixelCanvasProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const W = (w + 2 * pad) * cell;
  const H = (h + 2 * pad) * cell;

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = typeof window !== 'undefined' ? Math.min(3, window.devicePixelRatio || 1) : 1;
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    if (pad > 0) {
      // The padding: zeros the image does not have, hatched so they read as "added".
      const [r0, g0, b0] = rgbOf(palette, 0);
      ctx.fillStyle = `rgb(${r0},${g0},${b0})`;
      ctx.fillRect(0, 0, W, H);
      ctx.strokeStyle = 'rgba(120,120,130,0.45)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let k = -H; k < W; k += 6) {
        ctx.moveTo(k, H);
        ctx.lineTo(k + H, 0);
      }
      ctx.stroke();
    }
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const [R, G, B] = rgbOf(palette, values[r * w + c] ?? 0);
        ctx.fillStyle = `rgb(${R},${G},${B})`;
        ctx.fillRect((c + pad) * cell, (r + pad) * cell, cell, cell);
      }
    }
    if (cell >= 8) {
      ctx.strokeStyle = 'rgba(128,128,140,0.25)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let k = 0; k <= w + 2 * pad; k++) {
        ctx.moveTo(k * cell + 0.5, 0);
        ctx.lineTo(k * cell + 0.5, H);
      }
      for (let k = 0; k <= h + 2 * pad; k++) {
        ctx.moveTo(0, k * cell + 0.5);
        ctx.lineTo(W, k * cell + 0.5);
      }
      ctx.stroke();
    }
    if (pad > 0) {
      ctx.strokeStyle = 'rgba(90,90,100,0.9)';
      ctx.setLineDash([]);
      ctx.strokeRect(pad * cell + 0.5, pad * cell + 0.5, w * cell - 1, h * cell - 1);
    }
    for (const m of marks) {
      ctx.strokeStyle = m.color;
      ctx.lineWidth = m.dashed ? 1.5 : 2.5;
      ctx.setLineDash(m.dashed ? [4, 3] : []);
      ctx.strokeRect((m.c + pad) * cell + 1.25, (m.r + pad) * cell + 1.25, (m.w ?? 1) * cell - 2.5, (m.h ?? 1) * cell - 2.5);
    }
    ctx.setLineDash([]);
  }, [values, h, w, palette, cell, pad, marks, W, H]);

  const drawing = useRef(false);
  const at = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const sx = rect.width / W, sy = rect.height / H;
    return [(e.clientX - rect.left) / sx / cell - pad, (e.clientY - rect.top) / sy / cell - pad] as const;
  };
  const handlers = onStroke && {
    onPointerDown: (e: ReactPointerEvent<HTMLCanvasElement>) => {
      e.preventDefault();
      e.currentTarget.setPointerCapture?.(e.pointerId);
      drawing.current = true;
      onStroke(...at(e), 'start');
    },
    onPointerMove: (e: ReactPointerEvent<HTMLCanvasElement>) => {
      if (drawing.current) onStroke(...at(e), 'move');
    },
    onPointerUp: (e: ReactPointerEvent<HTMLCanvasElement>) => {
      if (!drawing.current) return;
      drawing.current = false;
      onStroke(...at(e), 'end');
    },
    onPointerCancel: () => {
      drawing.current = false;
    },
  };

  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      className={onStroke ? 'cnn-canvas cnn-drawable' : 'cnn-canvas'}
      width={W}
      height={H}
      style={{ width: W, maxWidth: '100%', height: 'auto' }}
      {...handlers}
    />
  );
}
