/**
 * The drift monitor's plots, up to the window on screen: PSI and the KS statistic of x against
 * the reference with the alert threshold and the KS 5 % critical value, and the model's accuracy
 * on each window's labels against its accuracy without drift.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Scatter } from '../../lib/plot/Scatter';
import { Legend } from '../../lib/plot/Legend';
import { Bars } from '../../lib/plot/Bars';
import { categoryAxis } from '../../lib/plot/scales';
import { FG, MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { DriftResult } from './model';
import { DRIFT_WINDOWS } from './params';
import { ACC_COLOR, ARM_A, KS_COLOR, PSI_COLOR, REJECTED, percent } from './look';

const windowsTo = (w: number) => Array.from({ length: w }, (_, i) => i + 1);
const upTo = (a: Float64Array, w: number) => Array.from(a.subarray(0, w));

export const DriftStatPlot = memo(function DriftStatPlot({ r, w }: { r: DriftResult; w: number }) {
  const x = windowsTo(w);
  let hi = Math.max(r.input.threshold, r.ksCritical);
  for (let i = 0; i < r.psi.length; i++) hi = Math.max(hi, r.psi[i], r.ks[i]);
  const alert = r.alertAt !== null && r.alertAt <= w ? r.alertAt : null;
  return (
    <Frame
      title="Drift statistics of x per window"
      xLabel="window"
      yLabel="PSI, KS statistic"
      xDomain={[0.5, DRIFT_WINDOWS + 0.5]}
      yDomain={[0, hi * 1.1]}
      aspect={2}
      grid="y"
      legend={
        <Legend
          items={[
            { label: 'PSI', color: PSI_COLOR, kind: 'line' },
            { label: `PSI alert threshold (${fmt(r.input.threshold)})`, color: PSI_COLOR, kind: 'dashed' },
            { label: 'KS statistic', color: KS_COLOR, kind: 'line' },
            { label: `KS 5 % critical value (${fmt(r.ksCritical, 3)})`, color: KS_COLOR, kind: 'dashed' },
            { label: 'drift starts', color: MUTED, kind: 'dashed' },
            ...(alert ? [{ label: `alert (window ${alert})`, color: REJECTED, kind: 'point' as const }] : []),
          ]}
        />
      }
    >
      <HLine y={r.input.threshold} color={PSI_COLOR} />
      <HLine y={r.ksCritical} color={KS_COLOR} />
      {r.input.start <= DRIFT_WINDOWS && <VLine x={r.input.start - 0.5} color={MUTED} />}
      <Line x={x} y={upTo(r.psi, w)} color={PSI_COLOR} width={2} />
      <Line x={x} y={upTo(r.ks, w)} color={KS_COLOR} width={2} />
      {alert && <Scatter x={[alert]} y={[r.psi[alert - 1]]} color={REJECTED} r={6} />}
      <VLine x={w} color={FG} />
    </Frame>
  );
});

export const AccuracyPlot = memo(function AccuracyPlot({ r, w }: { r: DriftResult; w: number }) {
  const x = windowsTo(w);
  let lo = r.baseAccuracy;
  for (const v of r.accuracy) lo = Math.min(lo, v);
  return (
    <Frame
      title="Model accuracy per window"
      xLabel="window"
      yLabel="accuracy (%)"
      xDomain={[0.5, DRIFT_WINDOWS + 0.5]}
      yDomain={[Math.max(0, Math.floor(lo * 10) / 10 - 0.05), 1]}
      yTickFormat={(v) => fmt(100 * v, 3)}
      aspect={2}
      grid="y"
      legend={
        <Legend
          items={[
            { label: 'accuracy on the window’s labels', color: ACC_COLOR, kind: 'line' },
            { label: `without drift (${percent(r.baseAccuracy)})`, color: MUTED, kind: 'dashed' },
          ]}
        />
      }
      note="In production the labels come late, if at all: the drift statistics need none and warn first."
    >
      <HLine y={r.baseAccuracy} color={MUTED} />
      {r.input.start <= DRIFT_WINDOWS && <VLine x={r.input.start - 0.5} color={MUTED} />}
      <Line x={x} y={upTo(r.accuracy, w)} color={ACC_COLOR} width={2} />
      <VLine x={w} color={FG} />
    </Frame>
  );
});

const DECILES = categoryAxis(Array.from({ length: 10 }, (_, k) => `${k + 1}`));

/** Where PSI comes from: the window's shares in the reference's ten decile bins against the reference's 10 % each. */
export const BinsPlot = memo(function BinsPlot({ r, w }: { r: DriftResult; w: number }) {
  const k = r.refShares.length;
  const q = r.shares.subarray((w - 1) * k, w * k);
  const values = Array.from({ length: k }, (_, b) => [r.refShares[b], q[b]] as const);
  return (
    <Frame
      title={`Bins of x: reference against window ${w}`}
      xLabel="decile bin of the reference (1: lowest x)"
      yLabel="share of rows (%)"
      xDomain={DECILES.domain}
      xTicks={DECILES.ticks}
      xTickFormat={DECILES.format}
      yDomain={[0, Math.max(0.2, ...q) * 1.1]}
      yTickFormat={(v) => fmt(100 * v, 3)}
      aspect={2}
      grid="y"
      legend={
        <Legend
          items={[
            { label: 'reference', color: ARM_A, kind: 'swatch' },
            { label: `window ${w} (PSI ${fmt(r.psi[w - 1], 3)})`, color: PSI_COLOR, kind: 'swatch' },
          ]}
        />
      }
    >
      <Bars values={values} mode="grouped" colors={[ARM_A, PSI_COLOR]} />
    </Frame>
  );
});
