/**
 * The loss surface as contour lines over a faint heat map, every optimizer's path in its own
 * colour, the minima, the start, and the current points. A click (or a tap that does not
 * scroll) on the map moves the start there. The map also takes keyboard focus: the arrow keys
 * move the start (Shift: further), Enter or Space runs from it as a click does. It is marked
 * data-own-keys so that the player's page-wide keys (← → Space Home) leave it alone.
 */
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { Frame, type PlotPointer } from '../../lib/plot/Frame';
import { Contours } from '../../lib/plot/Contours';
import { HeatMap } from '../../lib/plot/HeatMap';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import { autoColorDomain } from '../../lib/plot/heatRaster';
import { FG, MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import type { GDResult } from './compute';
import { isNudgeKey, nudgeStart } from './startKeys';
import type { Vec2 } from './optimizers';
import { optimizerColor, optimizerLabel, SURFACE_PHRASE, surfaceLabel } from './look';

/** Dots on every iterate while the paths are short enough to read them. */
const MAX_DOTS = 150;
/** A press and release further apart than this (px) is a drag or a scroll, not a click. */
const CLICK_SLOP = 8;

export interface ContourPlotProps {
  r: GDResult;
  /**
   * The start as set now, inside the window. The keys move from here, not from r.start: the
   * worker's answer may still be on its way, and presses made meanwhile must add up.
   */
  start: Vec2;
  /** Run from (x, y): a click, or Enter / Space on the focused map. */
  onPick(x: number, y: number): void;
  /** Move the start to (x, y) without restarting the run: the arrow keys. */
  onMove(x: number, y: number): void;
}

export function ContourPlot({ r, start, onPick, onMove }: ContourPlotProps) {
  const { grid, surface: s } = r;
  // HeatMap would otherwise scan the grid for its colour domain on every step while playing.
  const domain = useMemo(() => autoColorDomain(grid.values, { log: grid.log }), [grid]);
  const down = useRef<{ px: number; py: number } | null>(null);
  // The faint heat map only hints at depth; on the dark background it must be fainter still.
  useThemeKey();
  const dark = typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark';
  const [x0, x1, y0, y1] = s.view;
  const logistic = s.name === 'logistic';
  const lowest = s.minima[0];

  const press = (p: PlotPointer) => {
    down.current = p.inside ? { px: p.px, py: p.py } : null;
  };
  const release = (p: PlotPointer) => {
    const d = down.current;
    down.current = null;
    if (d && p.inside && Math.hypot(p.px - d.px, p.py - d.py) <= CLICK_SLOP) onPick(p.x, p.y);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (isNudgeKey(e.key)) {
      e.preventDefault();
      const [x, y] = nudgeStart(start, s.view, e.key, e.shiftKey);
      if (x !== start[0] || y !== start[1]) onMove(x, y);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPick(start[0], start[1]);
    }
  };

  return (
    <div
      className="gd-map"
      tabIndex={0}
      role="application"
      aria-roledescription="start point picker"
      aria-label={`Start point (${fmt(r.start[0])}, ${fmt(r.start[1])}) on the map of ${SURFACE_PHRASE[s.name]}. Arrow keys move it, Shift with an arrow moves it further; Enter or Space runs from there.`}
      data-own-keys=""
      data-testid="start-picker"
      onKeyDown={onKey}
    >
    <Frame
      className="gd-contour"
      title={`${surfaceLabel(s.name)}: contours and paths`}
      xLabel={logistic ? 'w₁ (weight of feature 1)' : 'x'}
      yLabel={logistic ? 'w₂ (weight of feature 2, ×3 scale)' : 'y'}
      xDomain={[x0, x1]}
      yDomain={[y0, y1]}
      equalAspect
      grid="none"
      cursor="crosshair"
      onPointerDown={press}
      onPointerUp={release}
      onPointerLeave={() => (down.current = null)}
      ariaLabel={`Contour map of ${SURFACE_PHRASE[s.name]} with the path of each optimizer; click to move the start`}
      legend={<Legend items={r.runs.map((run) => ({ label: optimizerLabel(run.name), color: optimizerColor(run.name), kind: 'line' as const }))} />}
      note={
        <>
          ★ lowest minimum{s.minima.length > 1 ? ' · ◆ other minima' : ''}
          {s.name === 'saddle' ? ' · × saddle point' : ''} · ○ start. Click or tap the map to start from there, or focus it and
          use the arrow keys and Enter.
          {logistic ? ` Each point of the map is a model (a pair of weights); the loss is its mean log-loss on ${s.data?.n ?? ''} points from two overlapping classes.` : ''}
        </>
      }
    >
      <HeatMap values={grid.values} nx={grid.nx} ny={grid.ny} extent={grid.extent} log={grid.log} domain={domain} scheme="viridis" opacity={dark ? 0.09 : 0.16} />
      <Contours values={grid.values} nx={grid.nx} ny={grid.ny} extent={grid.extent} levels={grid.lines} strokeWidth={1} opacity={0.75} />
      {s.minima.slice(1).map((m, i) => (
        <Marker key={i} x={m.at[0]} y={m.at[1]} shape="diamond" size={9} color={MUTED} />
      ))}
      {lowest && <Marker x={lowest.at[0]} y={lowest.at[1]} shape="star" size={15} color={FG} />}
      {s.name === 'saddle' && <Marker x={0} y={0} shape="times" size={10} color={FG} />}
      {r.runs.map((run) => (
        <g key={run.name}>
          <Line points={run.path} color={optimizerColor(run.name)} width={2} />
          {run.path.length <= MAX_DOTS && <Scatter points={run.path} color={optimizerColor(run.name)} r={2} opacity={1} strokeWidth={0} />}
        </g>
      ))}
      <Marker x={r.start[0]} y={r.start[1]} shape="circle" size={11} color="var(--plot-bg)" stroke={FG} strokeWidth={2} />
      {r.runs.map((run) => {
        const p = run.path[run.path.length - 1];
        return <Marker key={run.name} x={p[0]} y={p[1]} shape="circle" size={10} color={optimizerColor(run.name)} stroke={FG} strokeWidth={1.25} />;
      })}
    </Frame>
    </div>
  );
}
