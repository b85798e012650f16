/**
 * Score distributions of both classes (histograms, and for synthetic data the population
 * densities), the threshold and the cost-optimal threshold. Click or drag to move the threshold.
 */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { VLine } from '../../lib/plot/VLine';
import { Legend, type LegendItem } from '../../lib/plot/Legend';
import { fmt } from '../../lib/format/format';
import type { PrResult, XY } from './model';
import { BEST, CURRENT, NEG, POS } from './look';

/** A histogram as the outline of its bars, closed along the axis. */
function steps(edges: number[], v: number[]): XY[] {
  const pts: XY[] = [[edges[0], 0]];
  v.forEach((h, b) => pts.push([edges[b], h], [edges[b + 1], h]));
  pts.push([edges[edges.length - 1], 0]);
  return pts;
}

export function ScorePlot({ r, density, onThreshold }: { r: PrResult; density: boolean; onThreshold: (t: number) => void }) {
  const [lo, hi] = r.domain;
  let top = 0;
  for (const v of [...r.hist.pos, ...r.hist.neg]) top = Math.max(top, v);
  for (const [, v] of [...(r.population?.posCurve ?? []), ...(r.population?.negCurve ?? [])]) top = Math.max(top, v);
  top = top > 0 ? top * 1.12 : 1;
  const t = r.current.threshold;
  const bestT = r.best.threshold;
  const bestX = bestT === Infinity ? hi : bestT;
  const items: LegendItem[] = [
    { color: NEG, label: `${r.source === 'spam' ? 'ham' : 'negatives'} (${r.nNeg})`, kind: 'swatch' },
    { color: POS, label: `${r.source === 'spam' ? 'spam' : 'positives'} (${r.nPos})`, kind: 'swatch' },
    { color: CURRENT, label: 'threshold', kind: 'line' },
    { color: BEST, label: 'cost-optimal threshold', kind: 'dashed' },
  ];
  if (r.population) items.push({ color: 'var(--muted)', label: 'population density', kind: 'dashed' });
  const tinyPos = !density && r.nPos > 0 && r.nPos < 0.02 * r.n;
  const move = (p: { x: number }) => onThreshold(Math.min(hi, Math.max(lo, p.x)));
  return (
    <Frame
      title="Scores of both classes, and the threshold"
      xLabel={r.source === 'spam' ? 'classifier score (log-odds of spam)' : 'score'}
      yLabel={density ? 'density (each class has area 1)' : 'examples per bin'}
      xDomain={[lo, hi]}
      yDomain={[0, top]}
      aspect={2.4}
      minHeight={200}
      legend={<Legend items={items} />}
      note={
        <>
          Everything right of the threshold is predicted positive. Click or drag on the plot to move it.
          {tinyPos && ` Only ${r.nPos} of ${r.n} examples are positive: too few to see at this scale (show each class scaled to area 1).`}
        </>
      }
      cursor="ew-resize"
      dragCapture
      onPointerDown={move}
      onPointerMove={(p, e) => {
        if (e.buttons & 1) move(p);
      }}
    >
      {t < hi && (
        <Line points={[[Math.max(t, lo), 0], [hi, 0], [hi, top], [Math.max(t, lo), top]]} closed color="none" fill={CURRENT} fillOpacity={0.05} />
      )}
      <Line points={steps(r.hist.edges, r.hist.neg)} color={NEG} width={1.25} fill={NEG} fillOpacity={0.35} closed />
      <Line points={steps(r.hist.edges, r.hist.pos)} color={POS} width={1.25} fill={POS} fillOpacity={0.35} closed />
      {r.population && (
        <>
          <Line points={r.population.negCurve} color={NEG} width={1.5} dash="5 3" />
          <Line points={r.population.posCurve} color={POS} width={1.5} dash="5 3" />
        </>
      )}
      <VLine x={bestX} color={BEST} width={2} dash="6 3" />
      <VLine x={t} color={CURRENT} width={2} dash="" label={`threshold ${fmt(t, 3)}`} />
    </Frame>
  );
}
