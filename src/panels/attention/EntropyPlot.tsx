/**
 * Mean row entropy of the attention weights against d_k, with and without dividing by √d_k,
 * averaged over eight heads' projections of the current sentence. The dashed line is uniform
 * attention (the most entropy a row can have); the markers are the head on show.
 */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import { MUTED } from '../../lib/plot/colors';
import { MAX_DK } from './params';
import type { MechanicsResult } from './model';
import { SCALED, UNSCALED } from './look';

const TICKS = [1, 2, 4, 8, 16, 32, 64, 128];

export function EntropyPlot({ r }: { r: MechanicsResult }) {
  const c = r.curve;
  const top = Math.max(0.1, c.max) * 1.08;
  const thisScaled = r.scale ? r.meanEntropy : r.meanEntropyOther;
  const thisUnscaled = r.scale ? r.meanEntropyOther : r.meanEntropy;
  return (
    <Frame
      title="Mean row entropy against d_k: scaling keeps the softmax from saturating"
      xLabel="query/key size d_k (log scale)"
      yLabel="mean row entropy (nats)"
      xDomain={[1, MAX_DK]}
      yDomain={[0, top]}
      xType="log"
      xTicks={TICKS}
      xTickFormat={(v) => String(v)}
      aspect={2.4}
      maxHeight={330}
      minHeight={220}
      legend={
        <Legend
          items={[
            { color: SCALED, label: 'softmax(QKᵀ/√d_k)', kind: 'line' },
            { color: UNSCALED, label: 'softmax(QKᵀ), unscaled', kind: 'line' },
            { color: MUTED, label: 'uniform weights', kind: 'dashed' },
            { color: 'var(--muted)', label: `dots: head ${r.head + 1} at d_k = ${r.dk}`, kind: 'point' },
          ]}
        />
      }
      note="Averaged over eight independent projections of this sentence. Without scaling, the scores' spread grows like √d_k, the largest score wins outright and the entropy falls towards 0 (one-hot rows, vanishing gradients)."
    >
      <HLine y={c.max} label={`ln n = ${c.max.toFixed(2)}`} />
      <VLine x={r.dk} />
      <Line x={c.dks} y={c.scaled} color={SCALED} width={2.25} />
      <Line x={c.dks} y={c.unscaled} color={UNSCALED} width={2.25} />
      <Marker x={r.dk} y={thisScaled} color={SCALED} size={9} />
      <Marker x={r.dk} y={thisUnscaled} color={UNSCALED} size={9} shape="square" />
    </Frame>
  );
}
