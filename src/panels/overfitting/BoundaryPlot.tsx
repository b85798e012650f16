/**
 * The decision boundary: the network's P(class 1) over the plane as a canvas heat map (class
 * colours through the plot background), the 0.5 contour as a line, the training points on top
 * and, optionally, the validation points as small rings.
 */
import { memo, useMemo } from 'react';
import { interpolateRgb, piecewise } from 'd3';
import { Frame } from '../../lib/plot/Frame';
import { HeatMap } from '../../lib/plot/HeatMap';
import { Contours } from '../../lib/plot/Contours';
import { Scatter } from '../../lib/plot/Scatter';
import { Legend } from '../../lib/plot/Legend';
import { CLASS0, CLASS1, FG, resolveColor } from '../../lib/plot/colors';
import { useThemeKey } from '../../lib/plot/useThemeKey';
import { OWN_SCALE, VIEW, type Split } from './data';
import { GRID_EXTENT, GRID_N, type RunView } from './compute';
import { archText } from './model';

const DOMAIN: readonly [number, number] = [0, 1];
const LEVEL = [0.5];

function Points({ d, ring }: { d: Split; ring: boolean }) {
  const xs = useMemo(() => Array.from({ length: d.n }, (_, i) => d.x[2 * i]), [d]);
  const ys = useMemo(() => Array.from({ length: d.n }, (_, i) => d.x[2 * i + 1]), [d]);
  const color = (i: number) => (d.y[i] === 1 ? CLASS1 : CLASS0);
  return ring ? (
    <Scatter x={xs} y={ys} color={color} r={2.2} opacity={0.55} strokeWidth={0} />
  ) : (
    <Scatter x={xs} y={ys} color={color} r={4} opacity={1} stroke={FG} strokeWidth={0.9} />
  );
}

const MemoPoints = memo(Points);

export interface BoundaryPlotProps {
  run: RunView;
  showValidation: boolean;
  /** The learner's CSV columns, mapped onto ±OWN_SCALE: the axes say so. */
  scaled?: boolean;
}

export const BoundaryPlot = memo(function BoundaryPlot({ run, showValidation, scaled = false }: BoundaryPlotProps) {
  const themeKey = useThemeKey();
  // Canvas needs real colours: class 0 → plot background → class 1, resolved for the theme.
  const interpolate = useMemo(() => {
    void themeKey;
    return piecewise(interpolateRgb, [resolveColor(CLASS0), resolveColor('var(--plot-bg)'), resolveColor(CLASS1)]);
  }, [themeKey]);
  const grid = { values: run.probs, nx: GRID_N, ny: GRID_N, extent: GRID_EXTENT };
  const when =
    run.stoppedAt !== null ? `best weights, epoch ${run.shown}` : run.divergedAt !== null ? `diverged, epoch ${run.epoch}` : `epoch ${run.epoch}`;
  return (
    <Frame
      title={`${run.title} · ${when}`}
      xLabel={scaled ? `x1, scaled to ±${OWN_SCALE}` : 'x₁'}
      yLabel={scaled ? `x2, scaled to ±${OWN_SCALE}` : 'x₂'}
      xDomain={[VIEW[0], VIEW[1]]}
      yDomain={[VIEW[2], VIEW[3]]}
      equalAspect
      maxHeight={440}
      ariaLabel={`${run.title}: decision boundary of the ${archText(run.arch)} network over the plane with the ${run.data.train.n} training points`}
      legend={
        <Legend
          items={[
            { label: 'class 0', color: CLASS0, kind: 'point' },
            { label: 'class 1', color: CLASS1, kind: 'point' },
            { label: 'P = 0.5 boundary', color: FG, kind: 'line' },
            ...(showValidation ? [{ label: 'validation (small)', color: 'var(--muted)', kind: 'point' as const }] : []),
          ]}
        />
      }
      note={`Shading: the network’s P(class 1), ${run.data.train.n} training points (outlined).`}
    >
      <HeatMap {...grid} interpolate={interpolate} domain={DOMAIN} opacity={0.75} />
      <Contours {...grid} thresholds={LEVEL} stroke={FG} strokeWidth={1.5} />
      {showValidation && <MemoPoints d={run.data.val} ring />}
      <MemoPoints d={run.data.train} ring={false} />
    </Frame>
  );
});
