/* Tuning k of k-NN: mean cross-validated accuracy against k with ± 1 sd error bars over the
   folds, the best k and the one-standard-error choice marked, the current k as a rule. */
import { fmt } from '../../lib/format/format';
import { Frame } from '../../lib/plot/Frame';
import { Legend } from '../../lib/plot/Legend';
import { Line } from '../../lib/plot/Line';
import { Marker } from '../../lib/plot/Marker';
import { Scatter } from '../../lib/plot/Scatter';
import { VLine } from '../../lib/plot/VLine';
import { categorical, FG } from '../../lib/plot/colors';
import { usePlotScales } from '../../lib/plot/context';
import type { Tuning } from './model';
import { SCORE } from './look';
import { MAX_NEIGHBOURS } from './params';

const BEST = categorical(2);
const ONE_SE = categorical(4);

function ErrorBars({ t }: { t: Tuning }) {
  const { x, y } = usePlotScales();
  return (
    <g>
      {t.ks.map((k, j) => {
        const px = x(k), lo = y(t.mean[j] - t.std[j]), hi = y(t.mean[j] + t.std[j]);
        if (![px, lo, hi].every(Number.isFinite)) return null;
        return (
          <g key={k} style={{ stroke: SCORE, strokeWidth: 1.25, strokeOpacity: 0.7 }}>
            <line x1={px} x2={px} y1={lo} y2={hi} />
            <line x1={px - 3} x2={px + 3} y1={lo} y2={lo} />
            <line x1={px - 3} x2={px + 3} y1={hi} y2={hi} />
          </g>
        );
      })}
    </g>
  );
}

export function TuningPlot({ t, k, folds }: { t: Tuning | null; k: number; folds: number }) {
  let lo = 1, hi = 0;
  if (t) t.mean.forEach((m, j) => ((lo = Math.min(lo, m - t.std[j])), (hi = Math.max(hi, m + t.std[j]))));
  const yDomain: [number, number] = t ? [Math.max(0, Math.floor((lo - 0.02) * 10) / 10), Math.min(1.05, Math.ceil((hi + 0.02) * 10) / 10)] : [0, 1];
  const bestJ = t ? t.ks.indexOf(t.best) : -1;
  const oneJ = t ? t.ks.indexOf(t.oneSE) : -1;
  return (
    <Frame
      title="Tuning k of k-NN with cross-validation"
      xLabel="neighbours k (larger = smoother)"
      yLabel="mean accuracy ± 1 sd"
      xDomain={[0, MAX_NEIGHBOURS + 1]}
      yDomain={yDomain}
      aspect={1.45}
      legend={
        <Legend
          items={[
            { color: SCORE, label: `mean over ${folds > 0 ? `${folds} splits` : 'the splits'}, bars ± 1 sd`, kind: 'point' },
            { color: BEST, label: 'best mean', kind: 'point' },
            { color: ONE_SE, label: 'simplest within 1 SE of best', kind: 'point' },
          ]}
        />
      }
      note={t ? `best k = ${t.best} (${fmt(t.mean[bestJ], 3)}); one-SE rule picks k = ${t.oneSE}` : 'No splits to tune on with these settings.'}
    >
      {t && (
        <>
          <ErrorBars t={t} />
          <Line x={t.ks} y={t.mean} color={SCORE} width={1.5} />
          <Scatter x={t.ks} y={t.mean} color={SCORE} r={3} />
          <VLine x={k} label={`k = ${k}`} color={FG} />
          <Marker x={t.oneSE} y={t.mean[oneJ]} shape="diamond" size={13} color={ONE_SE} />
          <Marker x={t.best} y={t.mean[bestJ]} shape="star" size={15} color={BEST} />
        </>
      )}
    </Frame>
  );
}
