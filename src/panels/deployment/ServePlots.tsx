/**
 * The serving simulator's plots: latency percentiles over simulated time and the flow of requests
 * (offered, served, rejected) up to the window on screen, then the batching sweep, where p99
 * latency against throughput for each max-batch size puts the trade-off in one picture.
 */
import { memo, useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Scatter } from '../../lib/plot/Scatter';
import { Legend } from '../../lib/plot/Legend';
import { FG, MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { SimResult, SweepResult } from './model';
import { capacity } from './sim';
import { batchColor, OFFERED, P50, P95, P99, REJECTED, SERVED, ms, perSec } from './look';

/** Window midpoints in seconds, for windows 1..t. */
function times(r: SimResult, t: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < t; w++) out.push(((w + 0.5) * r.windowMs) / 1000);
  return out;
}

const upTo = (a: Float64Array, t: number) => Array.from(a.subarray(0, t));

/** Log-axis bounds around the finite positive values (a decade either side when flat). */
function logDomain(values: Iterable<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (v > 0 && Number.isFinite(v)) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [0.1, 10];
  return [lo / 1.5, hi * 1.5];
}

export const LatencyPlot = memo(function LatencyPlot({ r, t }: { r: SimResult; t: number }) {
  const x = times(r, t);
  const end = (r.windowMs * r.p50.length) / 1000;
  const y = logDomain([...r.p50, ...r.p99]);
  return (
    <Frame
      title="Latency over simulated time"
      xLabel="simulated time (s)"
      yLabel="latency (ms, log scale)"
      xDomain={[0, end]}
      yDomain={y}
      yType="log"
      aspect={2}
      grid="y"
      legend={
        <Legend
          items={[
            { label: 'p50', color: P50, kind: 'line' },
            { label: 'p95', color: P95, kind: 'line' },
            { label: 'p99', color: P99, kind: 'line' },
          ]}
        />
      }
      note="Per window of simulated time: the percentiles of the latency (queue wait + batch time) of the requests that arrived in it."
    >
      <Line x={x} y={upTo(r.p50, t)} color={P50} width={2} />
      <Line x={x} y={upTo(r.p95, t)} color={P95} width={2} />
      <Line x={x} y={upTo(r.p99, t)} color={P99} width={2} />
      <VLine x={(t * r.windowMs) / 1000} color={FG} />
    </Frame>
  );
});

export const FlowPlot = memo(function FlowPlot({ r, t }: { r: SimResult; t: number }) {
  const x = times(r, t);
  const end = (r.windowMs * r.p50.length) / 1000;
  const cap = capacity(r.input, r.input.maxBatch);
  let hi = cap;
  for (const a of [r.offered, r.served]) for (const v of a) hi = Math.max(hi, v);
  return (
    <Frame
      title="Requests per second"
      xLabel="simulated time (s)"
      yLabel="requests per second"
      xDomain={[0, end]}
      yDomain={[0, hi * 1.1]}
      aspect={2}
      grid="y"
      legend={
        <Legend
          items={[
            { label: 'arriving', color: OFFERED, kind: 'dashed' },
            { label: 'served', color: SERVED, kind: 'line' },
            { label: 'rejected', color: REJECTED, kind: 'line' },
            { label: `capacity, full batches (${perSec(cap)})`, color: MUTED, kind: 'dashed' },
          ]}
        />
      }
    >
      <HLine y={cap} color={MUTED} />
      <Line x={x} y={upTo(r.offered, t)} color={OFFERED} width={1.5} dash="4 3" />
      <Line x={x} y={upTo(r.served, t)} color={SERVED} width={2} />
      <Line x={x} y={upTo(r.rejectedRate, t)} color={REJECTED} width={2} />
      <VLine x={(t * r.windowMs) / 1000} color={FG} />
    </Frame>
  );
});

export const SweepPlot = memo(function SweepPlot({ s, here, maxBatch }: { s: SweepResult; here: { throughput: number; p99: number } | null; maxBatch: number }) {
  const xs: number[] = [], ys: number[] = [];
  for (const c of s.curves) {
    xs.push(...c.throughput);
    ys.push(...c.p99);
  }
  if (here) {
    xs.push(here.throughput);
    ys.push(here.p99);
  }
  // The seventy-odd marks of the sweep, kept while only "your setting" moves (every new serving
  // result): React then skips them, and redraws them only if the axes' scales change (context).
  const curves = useMemo(
    () => (
      <>
        {s.curves.map((c, i) => (
          <Line key={c.maxBatch} x={c.throughput} y={c.p99} color={batchColor(i)} width={c.maxBatch === maxBatch ? 3 : 1.5} />
        ))}
        {s.curves.map((c, i) => (
          <Scatter key={`p${c.maxBatch}`} x={c.throughput} y={c.p99} color={batchColor(i)} r={2.5} />
        ))}
      </>
    ),
    [s, maxBatch],
  );
  return (
    <Frame
      title="Batching: p99 latency against throughput"
      xLabel="throughput (requests served per second, log scale)"
      yLabel="p99 (ms, log)"
      xDomain={logDomain(xs)}
      xType="log"
      yDomain={logDomain(ys)}
      yType="log"
      aspect={2.6}
      minHeight={220}
      grid="both"
      legend={
        <Legend
          items={[
            ...s.curves.map((c, i) => ({ label: `max batch ${c.maxBatch}`, color: batchColor(i), kind: 'line' as const })),
            ...(here ? [{ label: `your setting (max batch ${maxBatch}): ${perSec(here.throughput)}, p99 ${ms(here.p99)}`, color: FG, kind: 'point' as const }] : []),
          ]}
        />
      }
      note={`Each line: one max-batch size at ${s.rates.length} arrival rates from ${fmt(s.rates[0], 3)} to ${fmt(s.rates[s.rates.length - 1], 3)} per second, 4,000 requests each, every other setting as yours. Batching raises the most a replica can serve and costs latency at light load.`}
    >
      {curves}
      {here && <Scatter x={[here.throughput]} y={[here.p99]} color={FG} r={6} />}
    </Frame>
  );
});
