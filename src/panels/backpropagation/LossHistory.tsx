/** The loss at the weights after each update applied so far: gradient descent at work. */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { ACCENT } from '../../lib/plot/colors';
import type { Lesson } from './lesson';

export function LossHistory({ lesson: L, lr }: { lesson: Lesson; lr: number }) {
  // The current update's loss appears once the forward pass reaches it.
  const shown = L.stage.phase === 'backward' || L.stage.s >= 5 ? L.losses : L.losses.slice(0, -1);
  const xs = shown.map((_, k) => k);
  // The axis spans every loss up to this update, shown or not yet, so it holds still while stepping.
  const top = Math.max(1e-9, ...L.losses.filter(Number.isFinite)) * 1.08;
  const xMax = Math.max(5, Math.ceil((L.stage.update + 1) / 5) * 5);
  return (
    <Frame
      title={`Loss after each update (η = ${lr})`}
      xLabel="updates applied"
      yLabel="loss L"
      xDomain={[0, xMax]}
      yDomain={[0, top]}
      aspect={2.2}
      maxHeight={230}
      ariaLabel={`Loss after 0 to ${Math.max(0, shown.length - 1)} updates with learning rate ${lr}`}
    >
      {shown.length > 1 && <Line x={xs} y={shown} color={ACCENT} width={2} />}
      {shown.length > 0 && <Scatter x={xs} y={shown} color={ACCENT} r={shown.length > 30 ? 2 : 3} />}
    </Frame>
  );
}
