/**
 * The classification cases side by side: logistic regression's P(class 1) as a heat map, its
 * boundary (P = 0.5) and the training points, on the raw coordinates (before) and with the new
 * columns (after). Both are drawn over the same two raw coordinates, so a boundary that is a line
 * in the new columns shows as a curve here.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { HeatMap } from '../../lib/plot/HeatMap';
import { Contours } from '../../lib/plot/Contours';
import { CanvasScatter } from '../../lib/plot/CanvasScatter';
import { Legend } from '../../lib/plot/Legend';
import { CLASS0, CLASS1, FG } from '../../lib/plot/colors';
import type { BoundaryResult } from './boundary';
import { GRID_N } from './boundary';
import type { FeResult } from './model';
import { classColor, PROB_DOMAIN, sideTitle, useProbColors } from './look';

type R = FeResult & BoundaryResult;
const LEVEL = [0.5];

function Side({ r, grid, which }: { r: R; grid: Float32Array; which: 'Before' | 'After' }) {
  const interpolate = useProbColors();
  const g = { values: grid, nx: GRID_N, ny: GRID_N, extent: r.extent };
  const n = r.y.length;
  const xs = Float64Array.from({ length: n }, (_, i) => r.x[2 * i]);
  const ys = Float64Array.from({ length: n }, (_, i) => r.x[2 * i + 1]);
  const note =
    r.case === 'circles'
      ? which === 'Before'
        ? 'With x0 and x1 alone the boundary can only be a straight line.'
        : 'Adding x0² + x1² lets the same model draw a circle.'
      : which === 'Before'
        ? 'A straight line cannot split XOR.'
        : 'The x0 x1 column carries the XOR pattern.';
  return (
    <Frame
      title={sideTitle(which, r)}
      xLabel="x0"
      yLabel="x1"
      xDomain={[r.extent[0], r.extent[1]]}
      yDomain={[r.extent[2], r.extent[3]]}
      equalAspect
      maxHeight={300}
      ariaLabel={`${sideTitle(which, r)}: the model's probability of class 1 over x0 and x1, its boundary and the training points`}
      legend={<Legend items={[{ label: 'class 0', color: CLASS0, kind: 'point' }, { label: 'class 1', color: CLASS1, kind: 'point' }, { label: 'boundary P = 0.5', color: FG, kind: 'line' }]} />}
      note={note}
    >
      <HeatMap {...g} interpolate={interpolate} domain={PROB_DOMAIN} opacity={0.55} />
      <Contours {...g} thresholds={LEVEL} stroke={FG} strokeWidth={1.75} />
      <CanvasScatter x={xs} y={ys} r={2.6} color={(i) => classColor(r.y[i])} opacity={0.9} />
    </Frame>
  );
}

export const BoundaryPair = memo(function BoundaryPair({ r }: { r: R }) {
  return (
    <div className="plot-grid">
      <Side r={r} grid={r.gridBefore} which="Before" />
      <Side r={r} grid={r.gridAfter} which="After" />
    </div>
  );
});
