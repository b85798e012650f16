/** Per-point silhouettes of the current assignment, sorted within each cluster (the classic
 *  "knife" plot): long bars sit well inside their cluster, negative ones are nearer another. */
import { useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { VLine } from '../../lib/plot/VLine';
import { fmt } from '../../lib/format/format';
import type { XY } from '../../lib/plot/lines';
import type { KMFrame } from './compute';
import type { Silhouette } from './silhouette';
import { clusterColor, count } from './look';

interface Shapes {
  shapes: { j: number; pts: XY[]; mid: number }[];
  y: number;
  lo: number;
}

/** One filled outline per cluster: its points' silhouettes sorted, stacked with gaps. */
function layout(s: Silhouette | null, k: number): Shapes {
  const shapes: Shapes['shapes'] = [];
  let y = 0, lo = 0;
  if (s) {
    const gap = Math.max(2, Math.round(s.n * 0.02));
    for (let j = k - 1; j >= 0; j--) {
      const vals: number[] = [];
      for (let i = 0; i < s.n; i++) if (s.labels[i] === j) vals.push(s.values[i]);
      if (!vals.length) continue;
      vals.sort((a, b) => a - b);
      const pts: XY[] = [[0, y]];
      vals.forEach((v, i) => {
        pts.push([v, y + i], [v, y + i + 1]);
        lo = Math.min(lo, v);
      });
      pts.push([0, y + vals.length]);
      shapes.push({ j, pts, mid: y + vals.length / 2 });
      y += vals.length + gap;
    }
  }
  return { shapes, y, lo };
}

export function SilhouettePlot({ r }: { r: KMFrame }) {
  const s = r.silhouette;
  const { shapes, y, lo } = useMemo(() => layout(s, r.k), [s, r.k]);
  const mids = shapes.map((sh) => sh.mid);
  const labelAt = (v: number) => {
    const sh = shapes.find((q) => Math.abs(q.mid - v) < 1e-9);
    return sh ? String(sh.j + 1) : '';
  };
  const note = !s
    ? r.phase === 'assign' || r.phase === 'update'
      ? 'Silhouettes need at least two non-empty clusters.'
      : 'No assignment yet: step forward to see each point’s silhouette.'
    : `${r.silhouetteSampled ? `A seeded sample of ${count(s.n)} of the ${count(r.data.n)} points (silhouettes cost O(N²)).` : `All ${count(s.n)} points.`} Dashed: the mean.`;
  return (
    <Frame
      title="Silhouette of each point"
      xLabel="silhouette s = (b − a) / max(a, b)"
      yLabel="cluster"
      xDomain={[Math.min(-0.1, lo - 0.05), 1]}
      yDomain={[0, Math.max(1, y)]}
      yTicks={mids}
      yTickFormat={labelAt}
      grid="x"
      aspect={1.45}
      note={note}
    >
      {shapes.map((sh) => (
        <Line key={sh.j} points={sh.pts} closed color={clusterColor(sh.j)} width={0.5} fill={clusterColor(sh.j)} fillOpacity={0.75} />
      ))}
      {s && <VLine x={0} dash="" />}
      {s && <VLine x={s.mean} label={`mean ${fmt(s.mean, 3)}`} color="var(--fg)" />}
    </Frame>
  );
}
