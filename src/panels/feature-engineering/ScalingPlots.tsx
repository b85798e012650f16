/**
 * The scaling case: k-NN's five nearest neighbours of one query point in the raw units and after
 * scaling (top), and gradient descent's path on the least-squares loss contours before and after
 * (bottom). In raw units the distance is almost all feature 2's, and the loss valley is so
 * narrow that the safe step size crawls along it.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Contours } from '../../lib/plot/Contours';
import { Scatter } from '../../lib/plot/Scatter';
import { CanvasScatter } from '../../lib/plot/CanvasScatter';
import { Line } from '../../lib/plot/Line';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import { CLASS0, CLASS1, FG, MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { FeResult } from './model';
import { CONTOUR_N, K_NN, type Descent, type KnnSide, type ScalingResult } from './scaling';
import { classColor, PATH, sideTitle, stepsText } from './look';

type R = FeResult & ScalingResult;

function domain(v: ArrayLike<number>, j: number, extra: number): [number, number] {
  let lo = extra, hi = extra;
  for (let i = j; i < v.length; i += 2) [lo, hi] = [Math.min(lo, v[i]), Math.max(hi, v[i])];
  const pad = (hi - lo || 1) * 0.05;
  return [lo - pad, hi + pad];
}

function KnnPlot({ r, s, which, units }: { r: R; s: KnnSide; which: 'Before' | 'After'; units: string }) {
  const n = r.y.length;
  const xs = Float64Array.from({ length: n }, (_, i) => s.x[2 * i]);
  const ys = Float64Array.from({ length: n }, (_, i) => s.x[2 * i + 1]);
  const nx = Float64Array.from(s.neighbours, (i) => s.x[2 * i]);
  const ny = Float64Array.from(s.neighbours, (i) => s.x[2 * i + 1]);
  return (
    <Frame
      title={sideTitle(which, r)}
      xLabel={`x0 (${units})`}
      yLabel={`x1 (${units})`}
      xDomain={domain(s.x, 0, s.query[0])}
      yDomain={domain(s.x, 1, s.query[1])}
      maxHeight={280}
      ariaLabel={`${which}: training points in ${units} units, a query point and its ${K_NN} nearest neighbours`}
      legend={
        <Legend
          items={[
            { label: 'class 0', color: CLASS0, kind: 'point' },
            { label: 'class 1', color: CLASS1, kind: 'point' },
            { label: `${K_NN} nearest to ★ (ringed)`, color: FG, kind: 'point' },
          ]}
        />
      }
      note={which === 'Before' ? 'Raw units: distance is almost all x1, so the neighbours share x1 and ignore x0.' : 'Scaled: both features count, the neighbours surround the query.'}
    >
      <CanvasScatter x={xs} y={ys} r={2.4} color={(i) => classColor(r.y[i])} opacity={0.75} />
      <Scatter x={nx} y={ny} r={6} color="none" opacity={0} stroke={FG} strokeWidth={1.75} />
      <Marker x={s.query[0]} y={s.query[1]} shape="star" size={16} color={FG} />
    </Frame>
  );
}

function GdPlot({ g, which }: { g: Descent; which: 'Before' | 'After' }) {
  const grid = { values: g.grid, nx: CONTOUR_N, ny: CONTOUR_N, extent: g.extent };
  const m = g.path.length / 2;
  const px = Float64Array.from({ length: m }, (_, k) => g.path[2 * k]);
  const py = Float64Array.from({ length: m }, (_, k) => g.path[2 * k + 1]);
  return (
    <Frame
      title={`${which}: gradient descent, ${stepsText(g.steps, g.converged)} step${g.steps === 1 ? '' : 's'}`}
      xLabel="weight of x0"
      yLabel="weight of x1"
      xDomain={[g.extent[0], g.extent[1]]}
      yDomain={[g.extent[2], g.extent[3]]}
      maxHeight={280}
      ariaLabel={`${which}: loss contours over the two weights and gradient descent's path from 0 to the optimum`}
      legend={<Legend items={[{ label: 'loss contours', color: MUTED, kind: 'line' }, { label: 'descent path', color: PATH, kind: 'line' }, { label: 'optimum', color: FG, kind: 'point' }]} />}
      note={`Step 1/λmax = ${fmt(g.rate, 3)}; curvature ratio λmax/λmin = ${fmt(g.condition, 3)}.`}
    >
      <Contours {...grid} thresholds={g.levels} stroke={MUTED} strokeWidth={1} />
      <Line x={px} y={py} color={PATH} width={2} />
      <Scatter x={px.slice(0, 30)} y={py.slice(0, 30)} r={2} color={PATH} opacity={0.9} stroke="none" strokeWidth={0} />
      <Marker x={g.optimum[0]} y={g.optimum[1]} shape="cross" size={12} color={FG} />
    </Frame>
  );
}

export const ScalingPlots = memo(function ScalingPlots({ r, scaler }: { r: R; scaler: string }) {
  return (
    <>
      <div className="plot-grid">
        <KnnPlot r={r} s={r.knnBefore} which="Before" units="raw" />
        <KnnPlot r={r} s={r.knnAfter} which="After" units={scaler} />
      </div>
      <div className="plot-grid">
        <GdPlot g={r.gdBefore} which="Before" />
        <GdPlot g={r.gdAfter} which="After" />
      </div>
    </>
  );
});
