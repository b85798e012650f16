/* The leak beside the honest score: one dot per data set (the current one ringed), the means
   as bars across each row, and what new data would really score. */
import { fmt } from '../../lib/format/format';
import { Frame } from '../../lib/plot/Frame';
import { Legend } from '../../lib/plot/Legend';
import { Line } from '../../lib/plot/Line';
import { Marker } from '../../lib/plot/Marker';
import { Scatter } from '../../lib/plot/Scatter';
import { VLine } from '../../lib/plot/VLine';
import { FG } from '../../lib/plot/colors';
import type { LeakResult } from './model';
import { HONEST, LEAKY } from './look';

/** Deterministic vertical jitter in [-0.22, 0.22] (golden-ratio sequence): no randomness in views. */
const jitter = (i: number) => (((i * 0.618034) % 1) - 0.5) * 0.44;

const TEXT = {
  selection: {
    title: 'Leak: choosing features on all the data first',
    leaky: 'features picked on all rows, then CV',
    honest: 'features picked inside each training fold',
    ref: 'chance 0.5',
  },
  groups: {
    title: 'Leak: shuffled k-fold on grouped data',
    leaky: 'shuffled k-fold (groups split across folds)',
    honest: 'group k-fold',
    ref: 'new groups',
  },
} as const;

function Row({ values, row, color }: { values: number[]; row: number; color: string }) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return (
    <>
      <Scatter x={values} y={values.map((_, i) => row + jitter(i))} color={color} r={3.5} opacity={0.55} />
      <Line points={[[mean, row - 0.35], [mean, row + 0.35]]} color={color} width={3} />
      <Marker x={values[0]} y={row + jitter(0)} shape="circle" size={11} color="none" stroke={FG} strokeWidth={2} />
    </>
  );
}

export function LeakPlot({ r }: { r: LeakResult }) {
  const t = TEXT[r.kind];
  const all = [...r.leaky, ...r.honest, r.reference];
  // Padded past 0 and 1 when needed, so dots at the ends are drawn whole.
  const lo = Math.min(...all) - 0.04;
  const hi = Math.max(...all) + 0.04;
  const ref = r.kind === 'selection' ? t.ref : `${t.ref} ${fmt(r.reference, 3)}`;
  return (
    <Frame
      title={t.title}
      xLabel="cross-validated accuracy"
      yLabel=""
      xDomain={[lo, hi]}
      yDomain={[-0.6, 1.6]}
      yTicks={[0, 1]}
      yTickFormat={(v) => (v === 1 ? 'leaky' : 'honest')}
      aspect={1.45}
      grid="x"
      ariaLabel={`${t.title}: cross-validated accuracy of ${r.leaky.length} data sets, leaky against honest`}
      legend={
        <Legend
          items={[
            { color: LEAKY, label: `leaky: ${t.leaky}`, kind: 'point' },
            { color: HONEST, label: `honest: ${t.honest}`, kind: 'point' },
            { color: FG, label: 'what new data scores', kind: 'dashed' },
          ]}
        />
      }
      note={`${r.leaky.length} data sets, one dot each (ringed: this seed); bars are means.${r.error ? ` ${r.error}` : ''}`}
    >
      <VLine x={r.reference} color={FG} label={ref} />
      <Row values={r.leaky} row={1} color={LEAKY} />
      {r.honest.length > 0 && <Row values={r.honest} row={0} color={HONEST} />}
    </Frame>
  );
}
