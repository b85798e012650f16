/**
 * The picked tree's own map with its bootstrap sample: points it trained on filled, points
 * out of its bag (never seen by this tree: its OOB votes come from them) as rings.
 */
import { memo, useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { HeatMap } from '../../lib/plot/HeatMap';
import { ScatterPaths } from '../../lib/plot/ScatterPaths';
import { Legend } from '../../lib/plot/Legend';
import { usePlotScales } from '../../lib/plot/context';
import { FG, MUTED } from '../../lib/plot/colors';
import { GRID_N, type ForestData } from './data';
import type { PickedView } from './model';
import { PROB_DOMAIN, useProbColors } from './look';
import { usePoints } from './ForestMap';

interface PickedMapProps {
  picked: PickedView;
  data: ForestData;
  /** The forest the tree belongs to: with the index, it names the tree (views arrive as copies). */
  forestKey: string;
}

export const PickedMap = memo(function PickedMap({ picked, data }: PickedMapProps) {
  const interpolate = useProbColors();
  const pts = usePoints(data);
  const [x0, x1, y0, y1] = data.extent;
  const { inBag } = picked;
  const split = useMemo(() => {
    const bag: number[] = [], oob: number[] = [];
    for (let i = 0; i < inBag.length; i++) (inBag[i] > 0 ? bag : oob).push(i);
    return { bag, oob };
  }, [inBag]);
  const sub = (idx: number[]) => ({ x: idx.map((i) => pts.x[i]), y: idx.map((i) => pts.y[i]), color: idx.map((i) => pts.color(i)) });
  const bag = sub(split.bag), oob = sub(split.oob);
  return (
    <Frame
      title={`Tree ${picked.index + 1}: its own boundary and its bag`}
      xLabel="x₁"
      yLabel="x₂"
      xDomain={[x0, x1]}
      yDomain={[y0, y1]}
      equalAspect
      maxHeight={360}
      ariaLabel={`Tree ${picked.index + 1}'s probability map, with its ${split.bag.length} in-bag training points filled and ${split.oob.length} out-of-bag points as rings`}
      legend={
        <Legend
          items={[
            { label: `in its bag (${split.bag.length})`, color: FG, kind: 'point' },
            { label: `out of bag (${split.oob.length}, rings)`, color: MUTED, kind: 'point' },
          ]}
        />
      }
      note={split.oob.length === 0 ? 'Bootstrap is off: this tree trained on every point, so none is out of its bag.' : 'Rings: points this tree never saw; the out-of-bag error scores each point only with such trees.'}
    >
      <HeatMap values={picked.grid} nx={GRID_N} ny={GRID_N} extent={data.extent} interpolate={interpolate} domain={PROB_DOMAIN} opacity={0.8} smooth={false} />
      <ScatterPaths x={bag.x} y={bag.y} color={bag.color} r={2.4} opacity={0.95} stroke={FG} strokeWidth={0.5} />
      {/* Rings: stroke in the class colour, no fill. */}
      <Rings x={oob.x} y={oob.y} color={oob.color} />
    </Frame>
  );
}, (a, b) => a.data === b.data && a.forestKey === b.forestKey && a.picked.index === b.picked.index);

function Rings({ x, y, color }: { x: number[]; y: number[]; color: string[] }) {
  const s = usePlotScales();
  return (
    <g>
      {x.map((xv, k) => {
        const cx = s.x(xv), cy = s.y(y[k]);
        if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
        return <circle key={k} cx={cx} cy={cy} r={4.2} style={{ fill: 'none', stroke: color[k], strokeWidth: 1.8 }} />;
      })}
    </g>
  );
}
