/**
 * Loss against iteration on a log scale, one line per optimizer: solid up to the current step,
 * faint for the iterations still to come, a rule at the current step and a flag where a run
 * diverged. On surfaces whose lowest value is not 0 it plots f − f*, so that "reached the
 * minimum" always means "went down the log axis".
 */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Marker } from '../../lib/plot/Marker';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import { fmt } from '../../lib/format/format';
import type { OptimizerRun } from './model';
import type { GDResult } from './compute';
import { optimizerColor, optimizerLabel } from './look';

/** How far below the top of the plot the axis reaches (decades): enough to see convergence. */
const DECADES = 12;
/** A run's curve is cut off this many times above its starting gap (divergence goes off the top). */
const ABOVE_START = 1e4;

interface LossRange {
  lo: number;
  hi: number;
  /** Whether some value lies below `lo` and is drawn on the bottom edge. */
  clipped: boolean;
}

function lossRange(runs: OptimizerRun[], fStar: number): LossRange {
  let hi = 0, lo = Infinity;
  for (const run of runs) {
    const d0 = run.losses[0] - fStar;
    const cap = Number.isFinite(d0) && d0 > 0 ? d0 * ABOVE_START : Infinity;
    for (const f of run.losses) {
      const d = f - fStar;
      if (!Number.isFinite(d) || d <= 0) continue;
      hi = Math.max(hi, Math.min(d, cap));
      lo = Math.min(lo, d);
    }
  }
  if (!(hi > 0)) hi = 1;
  const floor = hi * 10 ** -DECADES;
  const bottom = Math.max(Number.isFinite(lo) ? lo : floor, floor) / 2;
  const clipped = runs.some((run) => run.losses.some((f) => f - fStar < bottom));
  return { lo: bottom, hi: hi * 2, clipped };
}

/** A point `frac` of the way down from the top of a log axis. */
function nearTop({ lo, hi }: LossRange, frac: number): number {
  return 10 ** (Math.log10(hi) - frac * (Math.log10(hi) - Math.log10(lo)));
}

/** What is drawn for a loss: f − f*, kept inside the axis (never NaN, never ≤ 0 on a log axis). */
function plotted(f: number, fStar: number, { lo, hi }: LossRange): number {
  const d = f - fStar;
  if (!Number.isFinite(d) || d > hi * 10) return hi * 10;
  return Math.max(d, lo);
}

export function LossPlot({ r }: { r: GDResult }) {
  const { fStar } = r.surface;
  // A link's first answer stops at its step (compute.ts head): its range is that of the solid
  // part, and the plot says the faint part is on its way instead of drawing nothing as if final.
  const ahead = r.ahead ?? r.runs;
  const range = lossRange(ahead, fStar);
  const gap = fStar !== 0;
  // A run that stopped at a minimum stays there: a dashed level line from where it stopped.
  const flat = (run: OptimizerRun, until: number, opacity: number) => {
    if (run.status !== 'converged' || run.stoppedAt === null || run.stoppedAt >= until) return null;
    const v = plotted(run.losses[run.stoppedAt], fStar, range);
    return (
      <Line key={`flat-${opacity}-${run.name}`} x={[run.stoppedAt, until]} y={[v, v]} color={optimizerColor(run.name)}
        width={opacity < 1 ? 1.5 : 2} dash="5 4" opacity={opacity} />
    );
  };
  const series = (run: OptimizerRun) => ({
    x: run.losses.map((_, i) => i),
    y: run.losses.map((f) => plotted(f, fStar, range)),
  });
  return (
    <Frame
      className={r.ahead ? 'gd-loss' : 'gd-loss gd-loss-partial'}
      title="Loss against iteration"
      xLabel="iteration"
      yLabel={gap ? `loss above the lowest, f − f* (log scale)` : 'loss f (log scale)'}
      xDomain={[0, r.horizon]}
      yDomain={[range.lo, range.hi]}
      yType="log"
      aspect={1}
      ariaLabel={`Loss against iteration for each optimizer, up to iteration ${r.horizon}, current iteration ${r.step}`}
      legend={<Legend items={r.runs.map((run) => ({ label: optimizerLabel(run.name), color: optimizerColor(run.name), kind: 'line' as const }))} />}
      note={
        <>
          {r.ahead
            ? `Solid: iterations 0–${r.step}; faint: the next ones, up to ${r.horizon}.`
            : `Solid: iterations 0–${r.step}; the next ones, up to ${r.horizon}, are being computed.`}
          {r.runs.some((run) => run.status === 'converged') ? ' Dashed: stopped at a minimum.' : ''}
          {gap ? ` f* = ${fmt(fStar, 4)} is the lowest value of the surface.` : ''}
          {range.clipped ? ` Values below ${fmt(range.lo, 2)} are drawn on the bottom edge.` : ''}
        </>
      }
    >
      {r.ahead?.map((run) => {
        const s = series(run);
        return <Line key={`ahead-${run.name}`} x={s.x} y={s.y} color={optimizerColor(run.name)} width={1.5} opacity={0.3} />;
      })}
      {r.ahead?.map((run) => flat(run, r.horizon, 0.3))}
      {r.runs.map((run) => {
        const s = series(run);
        return <Line key={run.name} x={s.x} y={s.y} color={optimizerColor(run.name)} width={2.25} />;
      })}
      {r.runs.map((run) => flat(run, r.step, 1))}
      {ahead.map((run) => {
        if (run.status !== 'diverged' || run.stoppedAt === null) return null;
        const k = run.stoppedAt;
        const reached = k <= r.step;
        const y = Math.min(plotted(run.losses[k], fStar, range), nearTop(range, 0.1));
        return (
          <Marker key={`div-${run.name}`} x={k} y={y} shape="times" size={12} color={optimizerColor(run.name)}
            label={reached ? `${optimizerLabel(run.name)} diverged` : undefined} />
        );
      })}
      <VLine x={r.step} label={`iteration ${r.step}`} />
    </Frame>
  );
}
