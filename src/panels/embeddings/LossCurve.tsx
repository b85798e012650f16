/** The loss on a fixed sample of pairs against the training step. */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { VLine } from '../../lib/plot/VLine';
import { TRAIN } from '../../lib/plot/colors';
import { MAX_STEPS } from './params';
import { EVAL_EVERY, EVAL_PAIRS, type RunView } from './config';

export function LossCurve({ v }: { v: RunView }) {
  const pts = [...v.history];
  if (!pts.length || pts[pts.length - 1].step !== v.step) pts.push({ step: v.step, loss: v.loss });
  const top = Math.max(...pts.map((p) => p.loss), 1e-3);
  const horizon = Math.min(MAX_STEPS, Math.max(100, Math.ceil((v.step + 1) / 100) * 100));
  return (
    <Frame
      title="Loss while training"
      xLabel="training step"
      yLabel="loss per pair"
      xDomain={[0, horizon]}
      yDomain={[0, top * 1.05]}
      aspect={2.4}
      note={`Measured on the same ${Math.min(EVAL_PAIRS, v.pairs)} pairs (and their negatives) every ${EVAL_EVERY} steps.`}
    >
      <VLine x={v.step} label={`step ${v.step}`} />
      <Line x={pts.map((p) => p.step)} y={pts.map((p) => p.loss)} color={TRAIN} width={2} />
    </Frame>
  );
}
