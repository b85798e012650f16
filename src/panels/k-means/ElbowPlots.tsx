/** Inertia against K (the elbow) and the mean silhouette against K, from a full run per K. */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { VLine } from '../../lib/plot/VLine';
import { Marker } from '../../lib/plot/Marker';
import { ACCENT, FG } from '../../lib/plot/colors';
import type { XY } from '../../lib/plot/lines';
import type { ElbowResult } from './elbow';
import { count } from './look';
import { MAX_K } from './params';

const KS = Array.from({ length: MAX_K }, (_, i) => i + 1);

export function bestK(e: ElbowResult): number | null {
  let best: number | null = null, bv = -Infinity;
  e.silhouette.forEach((v, i) => v !== null && v > bv && ((bv = v), (best = e.ks[i])));
  return best;
}

function sampleNote(e: ElbowResult, n: number, what: string): string {
  return e.sampleN < n ? `${what} on a seeded sample of ${count(e.sampleN)} of the ${count(n)} points.` : `${what} on all ${count(n)} points.`;
}

export const ElbowPlot = memo(function ElbowPlot({ e, k, n }: { e: ElbowResult | null; k: number; n: number }) {
  const pts: XY[] = e ? e.ks.flatMap((kk, i) => (e.inertia[i] !== null ? [[kk, e.inertia[i]!] as XY] : [])) : [];
  const hi = pts.length ? Math.max(...pts.map((p) => p[1])) : 1;
  const here = pts.find((p) => p[0] === k);
  return (
    <Frame
      title="Elbow: final inertia against K"
      xLabel="K"
      yLabel="inertia"
      xDomain={[1, MAX_K]}
      xTicks={KS}
      yDomain={[0, hi * 1.08 || 1]}
      aspect={1.45}
      note={e ? `${sampleNote(e, n, 'Best of 3 k-means++ runs per K, each to convergence,')} Look for the bend.` : 'Computing a run for every K…'}
    >
      <Line points={pts} color={FG} width={1.75} />
      <Scatter points={pts} color={FG} r={3} opacity={1} />
      <VLine x={k} label={`K = ${k}`} />
      {here && <Marker x={here[0]} y={here[1]} shape="circle" size={12} color={ACCENT} stroke={FG} />}
    </Frame>
  );
});

export const SilhouetteKPlot = memo(function SilhouetteKPlot({ e, k }: { e: ElbowResult | null; k: number }) {
  const pts: XY[] = e ? e.ks.flatMap((kk, i) => (e.silhouette[i] !== null ? [[kk, e.silhouette[i]!] as XY] : [])) : [];
  const lo = Math.min(0, ...pts.map((p) => p[1]));
  const best = e ? bestK(e) : null;
  const b = pts.find((p) => p[0] === best);
  return (
    <Frame
      title="Mean silhouette against K"
      xLabel="K"
      yLabel="mean silhouette"
      xDomain={[1, MAX_K]}
      xTicks={KS}
      yDomain={[lo, 1]}
      aspect={1.45}
      note={e ? `Scored on ${count(e.silhouetteN)} points of the same runs; undefined for K = 1. ★ highest.` : 'Computing a run for every K…'}
    >
      <Line points={pts} color={FG} width={1.75} />
      <Scatter points={pts} color={FG} r={3} opacity={1} />
      <VLine x={k} label={`K = ${k}`} />
      {b && <Marker x={b[0]} y={b[1]} shape="star" size={16} color={ACCENT} stroke={FG} />}
    </Frame>
  );
});
