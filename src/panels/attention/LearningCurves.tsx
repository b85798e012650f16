/**
 * Held-out token accuracy, sequence accuracy and the attention weight on the needed position,
 * against the training step: the map turning into the task's pattern, and the accuracy
 * following it.
 */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import { MAX_STEPS } from './params';
import { TARGET_ACC, type TrainedView } from './run';
import { SEQ_ACC, TARGET_MASS, TOKEN_ACC } from './look';

/** x range: the next multiple of 100 above the step. */
export const horizonFor = (step: number): number => Math.min(MAX_STEPS, Math.max(100, Math.ceil((step + 1) / 100) * 100));

export function LearningCurves({ v }: { v: TrainedView }) {
  const pts = [...v.history];
  if (!pts.length || pts[pts.length - 1].step !== v.step) pts.push({ step: v.step, ...v.eval });
  const xs = pts.map((p) => p.step);
  return (
    <Frame
      title="Held-out accuracy while training"
      xLabel="training step"
      yLabel="fraction"
      xDomain={[0, horizonFor(v.step)]}
      yDomain={[0, 1]}
      aspect={1.25}
      legend={
        <Legend
          items={[
            { color: TOKEN_ACC, label: 'digits right', kind: 'line' },
            { color: SEQ_ACC, label: 'whole sequences right', kind: 'line' },
            { color: TARGET_MASS, label: 'attention on the needed input', kind: 'dashed' },
          ]}
        />
      }
      note={`Measured on 256 held-out sequences every 10 steps. The dashed line is ${TARGET_ACC * 100} %.`}
    >
      <HLine y={TARGET_ACC} />
      <VLine x={v.step} label={`step ${v.step}`} />
      <Line x={xs} y={pts.map((p) => p.targetMass)} color={TARGET_MASS} width={2} dash="6 3" />
      <Line x={xs} y={pts.map((p) => p.seqAcc)} color={SEQ_ACC} width={2} />
      <Line x={xs} y={pts.map((p) => p.tokenAcc)} color={TOKEN_ACC} width={2.5} />
    </Frame>
  );
}
