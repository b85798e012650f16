/**
 * The forest's averaged probability map (the main plot) and, beside it, a few single trees'
 * maps as small multiples: the same data, each tree jagged and overfitted in its own way,
 * their average smooth.
 */
import { memo, useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { HeatMap } from '../../lib/plot/HeatMap';
import { Contours } from '../../lib/plot/Contours';
import { ScatterPaths } from '../../lib/plot/ScatterPaths';
import { CanvasScatter } from '../../lib/plot/CanvasScatter';
import { Legend } from '../../lib/plot/Legend';
import { CLASS0, CLASS1, FG } from '../../lib/plot/colors';
import { column, GRID_N, type ForestData } from './data';
import type { ForestView } from './model';
import { classColor, PROB_DOMAIN, useCanvasClassColor, useProbColors } from './look';

export function usePoints(data: ForestData) {
  return useMemo(() => ({ x: column(data.X, 0), y: column(data.X, 1), color: (i: number) => classColor(data.y[i]) }), [data]);
}

/** The training points: redrawn only when the data change, not with every tree that arrives. */
const Points = memo(function Points({ data }: { data: ForestData }) {
  const pts = usePoints(data);
  return <ScatterPaths x={pts.x} y={pts.y} color={pts.color} r={2.6} opacity={0.95} stroke={FG} strokeWidth={0.5} />;
});

export const ForestMap = memo(function ForestMap({ view, data }: { view: ForestView; data: ForestData }) {
  const interpolate = useProbColors();
  const [x0, x1, y0, y1] = data.extent;
  // The first `grown` trees of a forest always make the same map: keep the copy first received, so
  // the view that brings the scores (and clears the busy mark) does not repaint the heat map or
  // recompute its contour.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the forest and its tree count, not on the copy
  const [values, contour] = useMemo(() => [view.map, view.contour], [view.key, view.grown]);
  const grid = { values, nx: GRID_N, ny: GRID_N, extent: data.extent };
  const growing = view.grown < view.trees;
  const title = growing ? `Forest: growing, ${view.grown} of ${view.trees} trees` : `Forest of ${view.trees} tree${view.trees === 1 ? '' : 's'}: mean P(class 1)`;
  return (
    <Frame
      title={title}
      xLabel="x₁"
      yLabel="x₂"
      xDomain={[x0, x1]}
      yDomain={[y0, y1]}
      equalAspect
      maxHeight={400}
      className="rf-forest-map"
      ariaLabel={`Forest probability map: the mean over ${view.grown} trees of P(class 1) on the plane, with the ${data.X.n} training points`}
      legend={
        <Legend
          items={[
            { label: 'class 0', color: CLASS0, kind: 'point' },
            { label: 'class 1', color: CLASS1, kind: 'point' },
            { label: 'P = 0.5', color: FG, kind: 'line' },
          ]}
        />
      }
      note={data.d > 2 ? `Shading: the share of trees’ votes for class 1, with the ${data.d - 2} noise features at 0 (their mean).` : 'Shading: the mean over the trees of each leaf’s share of class 1.'}
    >
      <HeatMap {...grid} interpolate={interpolate} domain={PROB_DOMAIN} opacity={0.8} />
      <Contours {...grid} levels={contour} stroke={FG} strokeWidth={1.5} />
      <Points data={data} />
    </Frame>
  );
  // The map of a forest's first `grown` trees is always the same map: a view that only brings the
  // scores (or a slice that grew nothing) does not redraw the heat map and its contour.
}, (a, b) => a.data === b.data && a.view.key === b.view.key && a.view.grown === b.view.grown && a.view.trees === b.view.trees);

// The first trees' maps do not change once grown: redraw only when another forest or more of them arrive.
const sameMultiples = (a: { view: ForestView; data: ForestData }, b: { view: ForestView; data: ForestData }) =>
  a.data === b.data && a.view.key === b.view.key && a.view.multiples.length === b.view.multiples.length;

export const Multiples = memo(function Multiples({ view, data }: { view: ForestView; data: ForestData }) {
  const interpolate = useProbColors();
  const pts = usePoints(data);
  const classOf = useCanvasClassColor();
  const color = useMemo(() => (i: number) => classOf(data.y[i]), [classOf, data]);
  const [x0, x1, y0, y1] = data.extent;
  return (
    <div className="rf-multiples" data-testid="multiples">
      {view.multiples.map((m) => (
        <Frame
          key={m.index}
          title={`Tree ${m.index + 1} alone`}
          xLabel="x₁"
          yLabel="x₂"
          xDomain={[x0, x1]}
          yDomain={[y0, y1]}
          equalAspect
          grid="none"
          xTicks={[]}
          yTicks={[]}
          margin={{ left: 18, bottom: 18, top: 2, right: 2 }}
          ariaLabel={`Tree ${m.index + 1}'s own probability map`}
        >
          <HeatMap values={m.grid} nx={GRID_N} ny={GRID_N} extent={data.extent} interpolate={interpolate} domain={PROB_DOMAIN} opacity={0.8} smooth={false} />
          <CanvasScatter x={pts.x} y={pts.y} color={color} r={1.4} opacity={0.8} />
        </Frame>
      ))}
    </div>
  );
}, sameMultiples);
