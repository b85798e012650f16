/* Accuracy on each split's test part for the scored scheme, with the mean ± one standard
   deviation band and the majority-class baseline. */
import { fmt } from '../../lib/format/format';
import { Bars } from '../../lib/plot/Bars';
import { Frame } from '../../lib/plot/Frame';
import { HLine } from '../../lib/plot/HLine';
import { Legend } from '../../lib/plot/Legend';
import { Line } from '../../lib/plot/Line';
import { MUTED } from '../../lib/plot/colors';
import type { CvResult } from './model';
import { SCORE } from './look';
import { SCHEME_LABELS } from './params';

export function FoldScores({ r }: { r: CvResult }) {
  const K = r.folds.length;
  const xs = r.folds.map((_, f) => f + 1);
  const s = r.score;
  const ticks = K <= 12 ? xs : undefined;
  const band = s && K > 1
    ? ([[0.5, s.mean - s.std], [K + 0.5, s.mean - s.std], [K + 0.5, s.mean + s.std], [0.5, s.mean + s.std]] as [number, number][])
    : null;
  return (
    <Frame
      title={`Score per split: ${SCHEME_LABELS[r.scheme]}`}
      xLabel="split"
      yLabel="test accuracy"
      xDomain={[0.5, Math.max(K, 1) + 0.5]}
      yDomain={[0, 1]}
      xTicks={ticks}
      aspect={1.45}
      grid="y"
      legend={
        <Legend
          items={[
            { color: SCORE, label: 'accuracy on the split’s test part' },
            { color: SCORE, label: 'mean ± 1 sd', kind: 'line' },
            { color: MUTED, label: `always guess the commoner class (${fmt(r.baseline, 3)})`, kind: 'dashed' },
          ]}
        />
      }
      note={K > 0 ? `${K} splits · mean ${fmt(s!.mean, 3)} · sd ${fmt(s!.std, 2)}` : 'No splits to score with these settings.'}
    >
      {band && <Line points={band} closed color="none" width={0} fill={SCORE} fillOpacity={0.12} />}
      <Bars values={r.folds.map((f) => f.accuracy)} x={xs} colors={SCORE} opacity={0.8} bandwidth={K > 20 ? 0.7 : 0.6} labels={K <= 12} format={(v) => fmt(v, 2)} />
      {s && <HLine y={s.mean} color={SCORE} dash="" width={2} />}
      {/* Its value is in the legend: a label on the rule would collide with the bars' labels. */}
      <HLine y={r.baseline} />
    </Frame>
  );
}
