/**
 * The data set as points in the plane, shared by the three modes that see it: colours and sizes
 * per point, an optional background (the supervised map) and extra marks (centroids).
 */
import type { ReactNode } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { ScatterPaths } from '../../lib/plot/ScatterPaths';
import { Marker } from '../../lib/plot/Marker';
import { FG } from '../../lib/plot/colors';
import type { Matrix } from '../../lib/learn/api';

export interface PointsPlotProps {
  title: string;
  X: Matrix;
  extent: readonly [number, number, number, number];
  color: (i: number) => string;
  r?: number | ArrayLike<number>;
  stroke?: string;
  legend?: ReactNode;
  note?: ReactNode;
  /** Drawn before the points (a HeatMap). */
  background?: ReactNode;
  /** Drawn after the points (markers). */
  children?: ReactNode;
  testId?: string;
  busy?: boolean;
  /** Points to cross out (×), e.g. the ones labelled wrong so far. */
  marks?: readonly number[];
}

export function PointsPlot({ title, X, extent, color, r = 3.5, stroke, legend, note, background, children, testId, busy, marks }: PointsPlotProps) {
  const xs = new Float64Array(X.n), ys = new Float64Array(X.n);
  for (let i = 0; i < X.n; i++) {
    xs[i] = X.data[2 * i];
    ys[i] = X.data[2 * i + 1];
  }
  return (
    <div data-testid={testId} className={busy ? 'lp-busy' : undefined}>
      <Frame title={title} xLabel="x₁" yLabel="x₂" xDomain={[extent[0], extent[1]]} yDomain={[extent[2], extent[3]]} equalAspect maxHeight={420} legend={legend} note={note}>
        {background}
        <ScatterPaths x={xs} y={ys} color={color} r={r} stroke={stroke} />
        {marks?.map((i) => <Marker key={i} x={xs[i]} y={ys[i]} shape="times" size={9} color={FG} />)}
        {children}
      </Frame>
    </div>
  );
}
