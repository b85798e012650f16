/**
 * The A/B rollout's plots over the visitors so far: each arm's conversion rate with its 95 %
 * interval, and the running p-value of the pooled z-test against α, with the planned sample
 * size marked: a p-value that dips below α early and comes back is why one does not stop at the
 * first peek.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import { MUTED } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { AbResult } from './model';
import { ARM_A, ARM_B, count, percent } from './look';

export const RatePlot = memo(function RatePlot({ r }: { r: AbResult }) {
  const x = r.looks.map((l) => l.visitors);
  const band = (c: number, n: number, sign: number) => (n > 0 ? c / n + sign * 1.96 * Math.sqrt(Math.max(1e-12, (c / n) * (1 - c / n)) / n) : NaN);
  const series = (arm: 'A' | 'B') =>
    r.looks.map((l) => {
      const [c, n] = arm === 'A' ? [l.cA, l.nA] : [l.cB, l.nB];
      return { mid: n > 0 ? c / n : NaN, lo: band(c, n, -1), hi: band(c, n, 1) };
    });
  const a = series('A'), b = series('B');
  let lo = Math.min(r.input.pA, r.input.pB), hi = Math.max(r.input.pA, r.input.pB);
  for (const s of [...a.slice(2), ...b.slice(2)]) if (Number.isFinite(s.lo)) {
    lo = Math.min(lo, s.lo);
    hi = Math.max(hi, s.hi);
  }
  return (
    <Frame
      title="Conversion rate per arm"
      xLabel="visitors so far"
      yLabel="conversion (%)"
      xDomain={[0, r.input.visitors]}
      yDomain={[Math.max(0, lo - 0.01), Math.min(1, hi + 0.01)]}
      yTickFormat={(v) => fmt(100 * v, 3)}
      aspect={2}
      grid="y"
      legend={
        <Legend
          items={[
            { label: `A (true ${percent(r.input.pA)})`, color: ARM_A, kind: 'line' },
            { label: `B (true ${percent(r.input.pB)})`, color: ARM_B, kind: 'line' },
            { label: '95 % intervals', color: MUTED, kind: 'dashed' },
          ]}
        />
      }
    >
      {(
        [
          [a, ARM_A],
          [b, ARM_B],
        ] as const
      ).map(([s, color], i) => (
        <g key={i}>
          <Line x={x} y={s.map((v) => v.lo)} color={color} width={1} dash="4 3" />
          <Line x={x} y={s.map((v) => v.hi)} color={color} width={1} dash="4 3" />
          <Line x={x} y={s.map((v) => v.mid)} color={color} width={2} />
        </g>
      ))}
    </Frame>
  );
});

export const PValuePlot = memo(function PValuePlot({ r }: { r: AbResult }) {
  const x = r.looks.map((l) => l.visitors);
  const p = r.looks.map((l) => Math.max(1e-8, l.test.p));
  const lo = Math.min(r.input.alpha / 3, ...p);
  return (
    <Frame
      title="p-value of the z-test as visitors arrive"
      xLabel="visitors so far"
      yLabel="p-value (log)"
      xDomain={[0, r.input.visitors]}
      yDomain={[lo, 1]}
      yType="log"
      aspect={2}
      grid="y"
      legend={
        <Legend
          items={[
            { label: 'p-value at each of 50 looks', color: ARM_B, kind: 'line' },
            { label: `α = ${fmt(r.input.alpha)}`, color: MUTED, kind: 'dashed' },
            ...(Number.isFinite(r.nTotal) && r.nTotal <= r.input.visitors ? [{ label: `planned sample (${count(Math.ceil(r.nTotal))})`, color: ARM_A, kind: 'dashed' as const }] : []),
          ]}
        />
      }
      note="Only the look at the planned sample size has the error rate α; stopping at the first look below α has a much higher one."
    >
      <HLine y={r.input.alpha} color={MUTED} />
      {Number.isFinite(r.nTotal) && r.nTotal <= r.input.visitors && <VLine x={r.nTotal} color={ARM_A} />}
      <Line x={x} y={p} color={ARM_B} width={2} />
    </Frame>
  );
});
