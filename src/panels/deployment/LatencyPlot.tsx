/** The loaded model's measured latency per batch size (median and 90th percentile) and the straight line the simulator uses. */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { Legend } from '../../lib/plot/Legend';
import { MUTED } from '../../lib/plot/colors';
import type { LatencyResult } from './latency';
import { P50, P95, ms } from './look';

export const LatencyPlot = memo(function LatencyPlot({ lat }: { lat: LatencyResult }) {
  const xs = lat.batches;
  const top = Math.max(...lat.p90, ...lat.median, lat.fixed + lat.perItem * xs[xs.length - 1]);
  // Drawn in µs: a small network's forward pass takes microseconds.
  const us = (v: number) => v * 1000;
  return (
    <Frame
      title="Measured forward-pass latency"
      xLabel="batch size (rows)"
      yLabel="time per pass (µs)"
      xDomain={[0, xs[xs.length - 1] * 1.05]}
      yDomain={[0, us(top) * 1.15 || 1]}
      aspect={1.8}
      grid="y"
      legend={
        <Legend
          items={[
            { label: 'median', color: P50, kind: 'point' },
            { label: '90th percentile', color: P95, kind: 'point' },
            { label: `fit: ${ms(lat.fixed)} + ${ms(lat.perItem)} per row`, color: MUTED, kind: 'dashed' },
          ]}
        />
      }
      note={`Each point: ${lat.samples} samples, each timing ${lat.passes.join(' / ')} passes together (the browser's clock is too coarse for one).`}
    >
      <Line points={[[0, us(lat.fixed)], [xs[xs.length - 1], us(lat.fixed + lat.perItem * xs[xs.length - 1])]]} color={MUTED} dash="4 3" />
      <Scatter x={xs} y={lat.p90.map(us)} color={P95} r={4} />
      <Scatter x={xs} y={lat.median.map(us)} color={P50} r={5} />
    </Frame>
  );
});
