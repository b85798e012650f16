/**
 * The training data as the chosen method leaves it: majority and minority points, SMOTE's
 * synthetic points, copied points ringed (random oversampling), removed points greyed
 * (undersampling, Tomek links) with the Tomek links drawn; the region the model predicts as
 * minority at the threshold, its boundary, and the untreated model's boundary for comparison.
 */
import { useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { CanvasScatter } from '../../lib/plot/CanvasScatter';
import { Line } from '../../lib/plot/Line';
import { Legend, type LegendItem } from '../../lib/plot/Legend';
import { usePlotScales } from '../../lib/plot/context';
import { fmt } from '../../lib/format/format';
import { boundarySegment, positiveRegion } from './geometry';
import { KIND, type ImbalanceResult } from './present';
import { BOUNDARY, LINK, MAJORITY, MINORITY, REMOVED, SYNTHETIC, UNTREATED } from './look';
import { METHOD_LABELS } from './params';

/** Indices of the points of one kind and label (label −1: any). */
function pick(r: ImbalanceResult, kind: number, label: number): { x: Float64Array; y: Float64Array } {
  const { x, y, kind: k, label: l } = r.points;
  const idx: number[] = [];
  for (let i = 0; i < k.length; i++) if (k[i] === kind && (label < 0 || l[i] === label)) idx.push(i);
  return { x: Float64Array.from(idx, (i) => x[i]), y: Float64Array.from(idx, (i) => y[i]) };
}

/** Rings around points the oversampler drew more than once (radius grows with the copies). */
function CopyRings({ r }: { r: ImbalanceResult }) {
  const { x, y } = usePlotScales();
  const rings = [];
  const { copies, kind } = r.points;
  for (let i = 0; i < copies.length; i++) {
    if (kind[i] !== KIND.kept || copies[i] < 2) continue;
    rings.push(<circle key={i} cx={x(r.points.x[i])} cy={y(r.points.y[i])} r={3 + 1.6 * Math.sqrt(copies[i] - 1)} style={{ fill: 'none', stroke: MINORITY, strokeWidth: 1, opacity: 0.8 }} />);
  }
  return <g>{rings}</g>;
}

/** Tomek links: the pair joined, and the removed (majority) member ringed, since a link is
 *  only a few pixels long. */
function Links({ segs, removed }: { segs: Float64Array; removed: { x: Float64Array; y: Float64Array } }) {
  const { x, y } = usePlotScales();
  const out = [];
  for (let s = 0; s + 3 < segs.length; s += 4)
    out.push(<line key={s} x1={x(segs[s])} y1={y(segs[s + 1])} x2={x(segs[s + 2])} y2={y(segs[s + 3])} style={{ stroke: LINK, strokeWidth: 1.5 }} />);
  for (let i = 0; i < removed.x.length; i++)
    out.push(<circle key={`r${i}`} cx={x(removed.x[i])} cy={y(removed.y[i])} r={5} style={{ fill: 'none', stroke: LINK, strokeWidth: 1.25 }} />);
  return <g>{out}</g>;
}

export function DataPlot({ r }: { r: ImbalanceResult }) {
  const layers = useMemo(
    () => ({
      removed: pick(r, KIND.removed, -1),
      major: pick(r, KIND.kept, 0),
      minor: pick(r, KIND.kept, 1),
      synth: pick(r, KIND.synthetic, -1),
    }),
    [r],
  );
  const [x0, x1, y0, y1] = r.extent;
  const region = positiveRegion(r.extent, r.boundary);
  const line = boundarySegment(r.extent, r.boundary);
  const untreated = r.method !== 'none' ? boundarySegment(r.extent, r.noneBoundary) : null;
  const nCopies = r.points.copies.reduce((s, c, i) => s + (r.points.kind[i] === KIND.kept && c > 1 ? c - 1 : 0), 0);
  const items: LegendItem[] = [
    { color: MAJORITY, label: `majority (${layers.major.x.length})`, kind: 'point' },
    { color: MINORITY, label: `minority (${layers.minor.x.length})`, kind: 'point' },
  ];
  if (layers.synth.x.length) items.push({ color: SYNTHETIC, label: `synthetic (${layers.synth.x.length})`, kind: 'point' });
  if (nCopies) items.push({ color: MINORITY, label: `ringed: drawn again (${nCopies} copies)`, kind: 'line' });
  if (layers.removed.x.length) items.push({ color: REMOVED, label: `removed (${layers.removed.x.length})`, kind: 'point' });
  if (r.links.length) items.push({ color: LINK, label: `Tomek links (${r.links.length / 4}), removed end ringed`, kind: 'line' });
  items.push({ color: BOUNDARY, label: `boundary at ${fmt(r.threshold, 3)}`, kind: 'line' });
  if (untreated) items.push({ color: UNTREATED, label: 'untreated model’s boundary', kind: 'dashed' });
  const weight = r.minorityWeight;
  return (
    <Frame
      title={`Training data: ${METHOD_LABELS[r.method]}`}
      xLabel={r.axes[0]}
      yLabel={r.axes[1]}
      xDomain={[x0, x1]}
      yDomain={[y0, y1]}
      equalAspect={r.source === 'generated'}
      aspect={1.15}
      maxHeight={520}
      legend={<Legend items={items} />}
      ariaLabel={`Training data after ${METHOD_LABELS[r.method]}: ${layers.major.x.length} majority, ${layers.minor.x.length} minority, ${layers.synth.x.length} synthetic and ${layers.removed.x.length} removed points, with the decision boundary at threshold ${fmt(r.threshold, 3)}`}
      note={
        weight !== null
          ? `Shaded: predicted minority. The data are unchanged; in the loss each minority point weighs ${fmt(weight, 3)} and each majority point ${fmt((r.train[0] + r.train[1]) / (2 * r.train[0]), 3)}.`
          : 'Shaded: where the model predicts the minority class at this threshold. The test set is not drawn.'
      }
    >
      {region.length > 2 && <Line points={region} closed color="none" fill={MINORITY} fillOpacity={0.1} />}
      <CanvasScatter x={layers.removed.x} y={layers.removed.y} color={REMOVED} r={1.8} opacity={0.35} />
      {/* A few kept majority points (after undersampling) are drawn larger, to be found among the removed. */}
      <CanvasScatter x={layers.major.x} y={layers.major.y} color={MAJORITY} r={layers.major.x.length < 200 ? 3 : 2} opacity={layers.major.x.length < 200 ? 0.95 : 0.55} />
      <CanvasScatter x={layers.synth.x} y={layers.synth.y} color={SYNTHETIC} r={2.2} opacity={0.7} />
      {/* The real minority points on top: the synthetic ones are drawn between them. */}
      <CanvasScatter x={layers.minor.x} y={layers.minor.y} color={MINORITY} r={3} opacity={0.95} />
      <CopyRings r={r} />
      {r.links.length > 0 && <Links segs={r.links} removed={layers.removed} />}
      {untreated && <Line points={untreated} color={UNTREATED} width={1.5} dash="5 4" />}
      {line && <Line points={line} color={BOUNDARY} width={2} />}
    </Frame>
  );
}
