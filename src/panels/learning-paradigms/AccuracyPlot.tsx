/**
 * Accuracy on the hidden labels against the iteration of label propagation / spreading, with the
 * classifier that sees only the few labels (1-NN) for scale and the iteration on screen marked.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import { ACCENT, FG, MUTED } from '../../lib/plot/colors';
import type { SemiSnapshot } from './model';
import { rate } from './look';

export const AccuracyPlot = memo(function AccuracyPlot({ v }: { v: SemiSnapshot }) {
  const pts: [number, number][] = [];
  for (let t = 0; t < v.acc.length; t++) if (Number.isFinite(v.acc[t])) pts.push([t, v.acc[t]]);
  return (
    <Frame
      title="Accuracy on the hidden labels"
      xLabel="iteration"
      yLabel="accuracy"
      xDomain={[0, Math.max(1, v.nIter)]}
      yDomain={[0, 1]}
      aspect={1.6}
      grid="y"
      legend={
        <Legend
          items={[
            { label: `spread labels (${rate(v.acc[v.iter])} at iteration ${v.iter})`, color: ACCENT, kind: 'line' },
            { label: `nearest labelled point only (${rate(v.baseline)})`, color: MUTED, kind: 'dashed' },
          ]}
        />
      }
      note="A point no label has reached yet counts as wrong."
    >
      {Number.isFinite(v.baseline) && <HLine y={v.baseline} color={MUTED} />}
      <Line points={pts} color={ACCENT} width={2} />
      <VLine x={v.iter} color={FG} />
    </Frame>
  );
});
