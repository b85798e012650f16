/* The shared plot container: title, responsive size, scales, grid, axes, a canvas layer for
   dense marks, and pointer events in data coordinates. Marks are its children and read the
   scales from context (usePlotScales) or via a render prop.

   Layers, bottom to top, all aligned on the same inner area:
     1. svg (aria-hidden): plot background and grid
     2. div: the `overlay` prop, then a div that canvas marks (HeatMap, CanvasScatter) portal into
     3. svg (role="img"): SVG marks, clipped to the inner area, then axes
   so heat maps sit above the grid and below points, lines and contours. */
import {
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import { Axis } from './Axis';
import { PlotContext, type PlotScales } from './context';
import { Grid } from './Grid';
import { frameLayout } from './frameLayout';
import type { Domain, ScaleType } from './scales';
import { FIGURE_STYLE, TITLE_STYLE, type Margin } from './theme';
import { useScale } from './useScale';
import { useSize } from './useSize';
import { FigureMenu } from '../export/FigureMenu';

export interface PlotPointer {
  /** Data coordinates under the pointer (may lie outside the domain while dragging). */
  x: number;
  y: number;
  /** Pixel coordinates relative to the inner area, for hit tests in px ("within 12 px"). */
  px: number;
  py: number;
  inside: boolean;
}

export type PlotPointerHandler = (p: PlotPointer, e: ReactPointerEvent<SVGGElement>) => void;

export interface FrameProps {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain: Domain;
  yDomain: Domain;
  xType?: ScaleType;
  yType?: ScaleType;
  /** Explicit tick positions (e.g. categories) instead of automatic ones. */
  xTicks?: readonly number[];
  yTicks?: readonly number[];
  xTickFormat?: (v: number) => string;
  yTickFormat?: (v: number) => string;
  grid?: 'both' | 'x' | 'y' | 'none';
  /** Fixed total height in px. Otherwise height = width / aspect. */
  height?: number;
  /** Width / height of the whole plot (default 1.6). */
  aspect?: number;
  /** One data unit is as long on y as on x (circles look round); linear scales only. */
  equalAspect?: boolean;
  minHeight?: number;
  maxHeight?: number;
  margin?: Partial<Margin>;
  /** Accessible name; defaults to "title: yLabel against xLabel". */
  ariaLabel?: string;
  /** Shown under the title (e.g. a Legend). */
  legend?: ReactNode;
  /** Small print under the plot. */
  note?: ReactNode;
  /** Arbitrary content stretched over the inner area, below the SVG marks. */
  overlay?: ReactNode;
  /** Clip SVG marks to the inner area (default true). */
  clip?: boolean;
  onPointerDown?: PlotPointerHandler;
  onPointerMove?: PlotPointerHandler;
  onPointerUp?: PlotPointerHandler;
  onPointerLeave?: PlotPointerHandler;
  /** Capture the pointer on press so a drag keeps reporting outside the plot, and stop touch
      scrolling over the plot (touch-action: none). For dragging points; off for mere clicks so
      that a phone can still scroll past the plot. */
  dragCapture?: boolean;
  cursor?: CSSProperties['cursor'];
  className?: string;
  children?: ReactNode | ((s: PlotScales) => ReactNode);
}

const SVG_STYLE: CSSProperties = { display: 'block', width: '100%', height: 'auto', overflow: 'hidden' };

export function Frame(props: FrameProps) {
  const {
    title, xLabel, yLabel, xDomain, yDomain, xType = 'linear', yType = 'linear',
    grid = 'both', clip = true, dragCapture = false, children,
  } = props;
  const { ref: sizeRef, width: measuredWidth } = useSize<HTMLDivElement>();
  const [canvasLayer, setCanvasLayer] = useState<HTMLDivElement | null>(null);
  const hitRef = useRef<SVGRectElement | null>(null);
  const clipId = `plot-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const L = frameLayout({
    width: measuredWidth,
    xDomain, yDomain, xType, yType,
    xTicks: props.xTicks, yTicks: props.yTicks,
    xTickFormat: props.xTickFormat, yTickFormat: props.yTickFormat,
    height: props.height, aspect: props.aspect, equalAspect: props.equalAspect,
    minHeight: props.minHeight, maxHeight: props.maxHeight, margin: props.margin,
  });
  const { width, height, margin: m, innerWidth: iw, innerHeight: ih } = L;
  // Scales keyed on numbers, not on the (often inline) domain arrays, so their identity is
  // stable across re-renders and canvas marks repaint only when the mapping really changed.
  const x = useScale(xType, L.xDomain[0], L.xDomain[1], 0, iw);
  const y = useScale(yType, L.yDomain[0], L.yDomain[1], ih, 0);

  const scales = useMemo<PlotScales>(
    () => ({ x, y, xType, yType, innerWidth: iw, innerHeight: ih, canvasLayer }),
    [x, y, xType, yType, iw, ih, canvasLayer],
  );

  const toPointer = useCallback(
    (e: ReactPointerEvent<SVGGElement>): PlotPointer => {
      // Measure the hit rect rather than assume 1:1 px, as the svg may be scaled by its viewBox.
      const r = hitRef.current?.getBoundingClientRect();
      const sx = r && r.width > 0 ? iw / r.width : 1;
      const sy = r && r.height > 0 ? ih / r.height : 1;
      const px = (e.clientX - (r?.left ?? 0)) * sx;
      const py = (e.clientY - (r?.top ?? 0)) * sy;
      return { x: x.invert(px), y: y.invert(py), px, py, inside: px >= 0 && px <= iw && py >= 0 && py <= ih };
    },
    [x, y, iw, ih],
  );

  const { onPointerDown, onPointerMove, onPointerUp, onPointerLeave } = props;
  const interactive = !!(onPointerDown || onPointerMove || onPointerUp || onPointerLeave);
  const handlers = interactive
    ? {
        onPointerDown: (e: ReactPointerEvent<SVGGElement>) => {
          if (dragCapture) e.currentTarget.setPointerCapture?.(e.pointerId);
          onPointerDown?.(toPointer(e), e);
        },
        onPointerMove: onPointerMove && ((e: ReactPointerEvent<SVGGElement>) => onPointerMove(toPointer(e), e)),
        onPointerUp: (e: ReactPointerEvent<SVGGElement>) => {
          if (dragCapture && e.currentTarget.hasPointerCapture?.(e.pointerId)) {
            e.currentTarget.releasePointerCapture(e.pointerId);
          }
          onPointerUp?.(toPointer(e), e);
        },
        onPointerLeave: onPointerLeave && ((e: ReactPointerEvent<SVGGElement>) => onPointerLeave(toPointer(e), e)),
      }
    : {};

  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  const innerBox: CSSProperties = {
    position: 'absolute',
    left: pct(m.left, width),
    top: pct(m.top, height),
    width: pct(iw, width),
    height: pct(ih, height),
    overflow: 'hidden',
    pointerEvents: 'none',
  };
  const viewBox = `0 0 ${width} ${height}`;
  const label = props.ariaLabel ?? `${title}: ${yLabel} against ${xLabel}`;

  return (
    <figure className={props.className} style={{ ...FIGURE_STYLE, position: 'relative' }}>
      <figcaption style={{ ...TITLE_STYLE, paddingRight: '3.5em' }}>{title}</figcaption>
      <FigureMenu plotTitle={title} />
      {props.legend}
      <div ref={sizeRef} style={{ position: 'relative', width: '100%', minWidth: 0 }}>
        <svg viewBox={viewBox} aria-hidden="true" style={{ ...SVG_STYLE, position: 'absolute', left: 0, top: 0 }}>
          <g transform={`translate(${m.left},${m.top})`}>
            <rect width={iw} height={ih} style={{ fill: 'var(--plot-bg)' }} />
            <Grid xTicks={L.xTicks} yTicks={L.yTicks} x={x} y={y} innerWidth={iw} innerHeight={ih} show={grid} />
          </g>
        </svg>
        {props.overlay && <div style={innerBox}>{props.overlay}</div>}
        <div ref={setCanvasLayer} style={innerBox} />
        <svg viewBox={viewBox} role="img" aria-label={label} style={{ ...SVG_STYLE, position: 'relative' }}>
          <defs>
            <clipPath id={clipId}>
              <rect width={iw} height={ih} />
            </clipPath>
          </defs>
          <g
            transform={`translate(${m.left},${m.top})`}
            style={{ cursor: props.cursor, touchAction: dragCapture ? 'none' : undefined }}
            {...handlers}
          >
            {/* Transparent hit area: pointer events anywhere on the inner area, and the
                reference rectangle for converting client px to data coordinates. */}
            <rect ref={hitRef} width={iw} height={ih} fill="transparent" pointerEvents={interactive ? 'all' : 'none'} />
            <PlotContext.Provider value={scales}>
              <g clipPath={clip ? `url(#${clipId})` : undefined}>
                {typeof children === 'function' ? children(scales) : children}
              </g>
            </PlotContext.Provider>
            <Axis orient="bottom" ticks={L.xTicks} scale={x} innerWidth={iw} innerHeight={ih} margin={m} label={xLabel} />
            <Axis orient="left" ticks={L.yTicks} scale={y} innerWidth={iw} innerHeight={ih} margin={m} label={yLabel} />
          </g>
        </svg>
      </div>
      {props.note && (
        <p style={{ margin: 'var(--s1) 0 0', fontSize: 'var(--fs-xs)', color: 'var(--muted)' }}>{props.note}</p>
      )}
    </figure>
  );
}
