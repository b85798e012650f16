/**
 * One ensemble on the 2-D data: the ensemble's share of the vote for class 1 as a heat map (class
 * colours through the plot background), its boundary (share 0.5) as a solid line, the newest
 * learner's own boundary dashed in the method's colour, and the training points sized by what
 * the round gave them (bootstrap draws, AdaBoost weights). Used for bagging and for AdaBoost.
 */
import { memo, useMemo, type ReactNode } from 'react';
import { interpolateRgb, piecewise } from 'd3';
import { Frame } from '../../lib/plot/Frame';
import { HeatMap } from '../../lib/plot/HeatMap';
import { Contours } from '../../lib/plot/Contours';
import type { ContourLevel } from '../../lib/contour/levels';
import { ScatterPaths } from '../../lib/plot/ScatterPaths';
import { Legend, type LegendItem } from '../../lib/plot/Legend';
import { CLASS0, CLASS1, FG, resolveColor } from '../../lib/plot/colors';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import { GRID_N } from './keys';

const DOMAIN: readonly [number, number] = [0, 1];
const LEARNER_DASH = { strokeDasharray: '6 4' };

export interface BoundaryPlotProps {
  title: string;
  ariaLabel: string;
  extent: readonly [number, number, number, number];
  /** Ensemble share of class 1 on the GRID_N × GRID_N grid. */
  grid: Float32Array;
  /** The newest learner's share (or 0/1 prediction) on the same grid. */
  learnerGrid: Float32Array;
  /** The two grids' 0.5 lines, traced in the worker. */
  line: readonly ContourLevel[];
  learnerLine: readonly ContourLevel[];
  learnerColor: string;
  /** Training points (row-major n × 2), labels, radius per point. */
  x: Float64Array;
  y: Int32Array;
  r: ArrayLike<number>;
  /** Points drawn faint and small (bagging: out of this tree's bag). */
  faint?: Uint8Array;
  /** Points outlined (AdaBoost: misclassified by the newest learner). */
  marked?: Uint8Array;
  legend: LegendItem[];
  note: ReactNode;
}

/** Index lists of the points in each layer, so each layer is one ScatterPaths. */
function layers(n: number, faint?: Uint8Array, marked?: Uint8Array) {
  const plain: number[] = [], dim: number[] = [], outlined: number[] = [];
  for (let i = 0; i < n; i++) (faint?.[i] ? dim : marked?.[i] ? outlined : plain).push(i);
  return { plain, dim, outlined };
}

function Points({ idx, x, y, r, stroke, strokeWidth, opacity }: { idx: number[]; x: Float64Array; y: Int32Array; r: ArrayLike<number>; stroke: string; strokeWidth: number; opacity: number }) {
  const xs = idx.map((i) => x[2 * i]);
  const ys = idx.map((i) => x[2 * i + 1]);
  const rs = idx.map((i) => r[i]);
  return <ScatterPaths x={xs} y={ys} r={rs} color={(k) => (y[idx[k]] === 1 ? CLASS1 : CLASS0)} opacity={opacity} stroke={stroke} strokeWidth={strokeWidth} />;
}

export const BoundaryPlot = memo(function BoundaryPlot(p: BoundaryPlotProps) {
  const themeKey = useThemeKey();
  // Canvas needs real colours: class 0 → plot background → class 1, resolved for the theme.
  const interpolate = useMemo(() => {
    void themeKey;
    return piecewise(interpolateRgb, [resolveColor(CLASS0), resolveColor('var(--plot-bg)'), resolveColor(CLASS1)]);
  }, [themeKey]);
  const n = p.y.length;
  const { plain, dim, outlined } = useMemo(() => layers(n, p.faint, p.marked), [n, p.faint, p.marked]);
  const ens = { values: p.grid, nx: GRID_N, ny: GRID_N, extent: p.extent };
  const own = { values: p.learnerGrid, nx: GRID_N, ny: GRID_N, extent: p.extent };
  return (
    <div>
      <Frame
        title={p.title}
        xLabel="x₁"
        yLabel="x₂"
        xDomain={[p.extent[0], p.extent[1]]}
        yDomain={[p.extent[2], p.extent[3]]}
        equalAspect
        maxHeight={330}
        ariaLabel={p.ariaLabel}
        legend={<Legend items={p.legend} />}
        note={p.note}
      >
        <HeatMap {...ens} interpolate={interpolate} domain={DOMAIN} opacity={0.6} />
        <g style={LEARNER_DASH}>
          <Contours {...own} levels={p.learnerLine} stroke={p.learnerColor} strokeWidth={2} />
        </g>
        <Contours {...ens} levels={p.line} stroke={FG} strokeWidth={1.75} />
        <Points idx={dim} x={p.x} y={p.y} r={p.r} stroke="none" strokeWidth={0} opacity={0.3} />
        <Points idx={plain} x={p.x} y={p.y} r={p.r} stroke="var(--plot-bg)" strokeWidth={0.75} opacity={0.9} />
        <Points idx={outlined} x={p.x} y={p.y} r={p.r} stroke={FG} strokeWidth={1.6} opacity={0.9} />
      </Frame>
    </div>
  );
});

export const ENSEMBLE_KEY: LegendItem = { label: 'ensemble boundary', color: FG, kind: 'line' };
export const classKeys = (): LegendItem[] => [
  { label: 'class 0', color: CLASS0, kind: 'point' },
  { label: 'class 1', color: CLASS1, kind: 'point' },
];
