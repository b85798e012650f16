/** Precision, recall, F1, F-beta and accuracy against the threshold, with both thresholds marked. */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { VLine } from '../../lib/plot/VLine';
import { Legend, type LegendItem } from '../../lib/plot/Legend';
import { fmt } from '../../lib/format/format';
import type { PrResult } from './model';
import { ACCURACY, BEST, CURRENT, F1, PRECISION, RECALL } from './look';

export function SweepPlot({ r }: { r: PrResult }) {
  const showBeta = Math.abs(r.beta - 1) > 1e-9;
  const items: LegendItem[] = [
    { color: PRECISION, label: 'precision', kind: 'line' },
    { color: RECALL, label: 'recall', kind: 'line' },
    { color: F1, label: 'F1', kind: 'line' },
  ];
  if (showBeta) items.push({ color: F1, label: `Fβ (β = ${fmt(r.beta, 3)})`, kind: 'dashed' });
  items.push({ color: ACCURACY, label: 'accuracy', kind: 'dashed' });
  return (
    <Frame
      title="Metrics against the threshold"
      xLabel={r.source === 'spam' ? 'threshold (log-odds of spam)' : 'threshold'}
      yLabel="value"
      xDomain={r.domain}
      yDomain={[0, 1]}
      aspect={1.45}
      legend={<Legend items={items} />}
      note="Precision stops where nothing is predicted positive (0/0)."
    >
      <Line points={r.sweep.accuracy} color={ACCURACY} width={1.5} dash="5 3" />
      <Line points={r.sweep.recall} color={RECALL} width={2} />
      <Line points={r.sweep.precision} color={PRECISION} width={2} />
      <Line points={r.sweep.f1} color={F1} width={2} />
      {showBeta && <Line points={r.sweep.fbeta} color={F1} width={1.75} dash="6 3" />}
      {r.best.threshold !== Infinity && <VLine x={r.best.threshold} color={BEST} width={1.75} dash="6 3" />}
      <VLine x={r.current.threshold} color={CURRENT} width={1.5} dash="" />
    </Frame>
  );
}
