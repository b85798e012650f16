/**
 * The two-weight picture: loss contours over (w₁, w₂) with the other weights held at their fitted
 * values, the penalty ball through the solution (diamond, circle or rounded diamond), the contour
 * that touches it, and the touching point itself.
 */
import { Frame } from '../../lib/plot/Frame';
import { Contours } from '../../lib/plot/Contours';
import { HeatMap } from '../../lib/plot/HeatMap';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import { fmt } from '../../lib/format/format';
import { FG, MUTED, TRUTH } from '../../lib/plot/colors';
import type { RegResult } from './compute';
import { BALL } from './look';

const SHAPE = { l1: 'diamond', l2: 'circle', elasticnet: 'rounded diamond' } as const;

export function GeometryPlot({ r }: { r: RegResult }) {
  const g = r.at.geometry;
  const penalty = r.path.params.penalty;
  const [x0, x1, y0, y1] = g.extent;
  const onCorner = penalty !== 'l2' && g.radius > 0 && (g.touch[0] === 0) !== (g.touch[1] === 0);
  const notes: string[] = [];
  if (g.radius === 0) notes.push('Both weights are exactly 0: the ball has shrunk to the origin, and the solution sits there.');
  else if (onCorner) notes.push(`The contour touches the ${SHAPE[penalty]} at a corner, on an axis: one weight is exactly 0.`);
  if (g.unpenalised && !g.unpenalisedShown) notes.push('The unpenalised minimum lies far outside this view (the two features are nearly collinear).');
  if (!g.unpenalised) notes.push('In this plane the loss has no unique minimum.');
  return (
    <Frame
      title={`Two-weight picture: loss contours and the ${SHAPE[penalty]}`}
      xLabel="w₁ (feature 1)"
      yLabel="w₂ (feature 2)"
      xDomain={[x0, x1]}
      yDomain={[y0, y1]}
      equalAspect
      maxHeight={420}
      grid="none"
      ariaLabel={`Loss contours over the first two weights with the penalty ${SHAPE[penalty]}; the solution touches it at w₁ = ${fmt(g.touch[0])}, w₂ = ${fmt(g.touch[1])}`}
      legend={
        <Legend
          items={[
            { color: BALL, label: `penalty ${SHAPE[penalty]} through ŵ`, kind: 'swatch' },
            { color: FG, label: 'loss contour touching it', kind: 'line' },
            { color: BALL, label: 'solution ŵ', kind: 'point' },
            { color: MUTED, label: 'no-penalty minimum ×', kind: 'point' },
            { color: TRUTH, label: 'true weights ◇', kind: 'point' },
          ]}
        />
      }
      note={
        <>
          A slice through the fitted model: the other weights stay at their fitted values, so the contours are the loss over (w₁, w₂) and
          the solution is where the smallest contour meets the ball. {notes.join(' ')}
        </>
      }
    >
      <HeatMap values={g.values} nx={g.nx} ny={g.ny} extent={g.extent} scheme="viridis" opacity={0.12} />
      <Contours values={g.values} nx={g.nx} ny={g.ny} extent={g.extent} thresholds={g.levels} strokeWidth={1} opacity={0.7} />
      <HLine y={0} dash="" />
      <VLine x={0} dash="" />
      {g.ball.length > 0 && <Line points={g.ball} closed color={BALL} width={2} fill={BALL} fillOpacity={0.18} />}
      {g.radius > 0 && <Contours values={g.values} nx={g.nx} ny={g.ny} extent={g.extent} thresholds={[g.touchLevel]} stroke={FG} strokeWidth={2} />}
      {g.unpenalised && g.unpenalisedShown && <Marker x={g.unpenalised[0]} y={g.unpenalised[1]} shape="times" size={11} color={MUTED} />}
      <Marker x={g.truth[0]} y={g.truth[1]} shape="diamond" size={11} color="var(--plot-bg)" stroke={TRUTH} strokeWidth={1.75} />
      <Marker x={g.touch[0]} y={g.touch[1]} shape="circle" size={11} color={BALL} stroke={FG} strokeWidth={1.5} label="ŵ" />
    </Frame>
  );
}
