/**
 * Training and validation loss against epoch (log scale), with the best validation epoch marked
 * and, when early stopping fired, the epoch where it stopped. The x range grows in round steps
 * as training goes on.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Marker } from '../../lib/plot/Marker';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import { TEST, TRAIN } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { RunView } from './compute';

const HORIZONS = [100, 200, 500, 1000, 1500, 2000, 3000];
/** Losses are drawn no lower than this (a memorised training set reaches 1e-6 and below). */
export const LOSS_FLOOR = 1e-4;

export function horizonFor(epoch: number): number {
  return HORIZONS.find((h) => h >= epoch) ?? HORIZONS[HORIZONS.length - 1];
}

/** A log-axis range that holds every finite loss of the runs (shared by side-by-side plots). */
export function lossDomain(runs: RunView[]): [number, number] {
  let lo = Infinity, hi = 0;
  for (const r of runs)
    for (const xs of [r.hist.trainLoss, r.hist.valLoss])
      for (const v of xs)
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
  if (!(hi > 0)) return [0.01, 1];
  lo = Math.max(LOSS_FLOOR, Math.min(lo, hi / 10));
  return [lo / 1.5, hi * 1.5];
}

/** Ticks for a log loss axis: 1-2-5 steps per decade over short ranges, decades over long ones. */
export function logTicks([lo, hi]: readonly [number, number]): number[] {
  const decades = Math.log10(hi / lo);
  const mult = decades > 4 ? [1] : decades > 1.6 ? [1, 3] : [1, 2, 5];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    for (const m of mult) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(Number(v.toPrecision(3)));
    }
  return out;
}

export const tickText = (v: number) => fmt(v, 2);

/** At most ~800 points per line: every k-th epoch, always ending at the last one. */
function thin(ys: number[]): { x: number[]; y: number[] } {
  const k = Math.max(1, Math.ceil(ys.length / 800));
  const x: number[] = [], y: number[] = [];
  for (let i = 0; i < ys.length; i += k) {
    x.push(i);
    y.push(Math.max(ys[i], LOSS_FLOOR));
  }
  if (x[x.length - 1] !== ys.length - 1) {
    x.push(ys.length - 1);
    y.push(Math.max(ys[ys.length - 1], LOSS_FLOOR));
  }
  return { x, y };
}

export const LossPlot = memo(function LossPlot({ run, yDomain }: { run: RunView; yDomain: [number, number] }) {
  const h = run.hist;
  const horizon = horizonFor(run.epoch);
  const tr = thin(h.trainLoss), va = thin(h.valLoss);
  const best = run.bestEpoch;
  return (
    <Frame
      title={`${run.title} · loss against epoch`}
      xLabel="epoch"
      yLabel="cross-entropy loss (log scale)"
      xDomain={[0, horizon]}
      yDomain={yDomain}
      yType="log"
      yTicks={logTicks(yDomain)}
      yTickFormat={tickText}
      aspect={1.35}
      ariaLabel={`${run.title}: training and validation loss against epoch up to epoch ${run.epoch}; best validation loss ${fmt(h.valLoss[best], 3)} at epoch ${best}`}
      legend={
        <Legend
          items={[
            { label: 'training loss', color: TRAIN, kind: 'line' },
            { label: 'validation loss', color: TEST, kind: 'line' },
          ]}
        />
      }
      note={
        run.stoppedAt !== null
          ? `Early stopping fired at epoch ${run.stoppedAt}, ${run.stoppedAt - best} epochs after the best; the best weights were restored.`
          : `★ lowest validation loss so far (epoch ${best}).`
      }
    >
      <Line x={tr.x} y={tr.y} color={TRAIN} width={2} />
      <Line x={va.x} y={va.y} color={TEST} width={2} />
      {run.stoppedAt !== null && <VLine x={run.stoppedAt} label="stopped" />}
      <Marker x={best} y={Math.max(h.valLoss[best], LOSS_FLOOR)} shape="star" size={14} color={TEST} label={`best ${best}`} />
    </Frame>
  );
});
