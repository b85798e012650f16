/** Held-out accuracy and loss against the training step, with the 90 % line. */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { Legend } from '../../lib/plot/Legend';
import { TEST, TRAIN } from '../../lib/plot/colors';
import { HELD_OUT, TARGET_ACC, EVAL_EVERY } from './arch';
import type { HistoryPoint } from './run';

const ACC = TEST;
const LOSS = TRAIN;

export const TrainCurve = memo(function TrainCurve({ history: all, horizon }: { history: readonly HistoryPoint[]; horizon: number }) {
  const history = all.filter((h) => Number.isFinite(h.loss) && Number.isFinite(h.acc));
  const xs = history.map((h) => h.step);
  // Loss on the same axis, scaled so ln 10 (a uniform guess) is at the top.
  const top = Math.log(10);
  return (
    <Frame
      title="Held-out accuracy while training"
      xLabel="training step"
      yLabel="accuracy"
      xDomain={[0, Math.max(50, horizon)]}
      yDomain={[0, 1]}
      aspect={1.5}
      legend={<Legend items={[{ color: ACC, label: 'accuracy', kind: 'line' }, { color: LOSS, label: 'loss ÷ ln 10', kind: 'dashed' }]} />}
      note={`${HELD_OUT} digits never trained on, every ${EVAL_EVERY} steps; the line is ${TARGET_ACC * 100} %.`}
    >
      <HLine y={TARGET_ACC} />
      <Line x={xs} y={history.map((h) => Math.min(1, h.loss / top))} color={LOSS} width={2} dash="6 3" />
      <Line x={xs} y={history.map((h) => h.acc)} color={ACC} width={2.5} />
    </Frame>
  );
});
