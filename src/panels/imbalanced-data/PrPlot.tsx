/**
 * The chosen method's precision-recall curve on the test set (step-wise, as average precision
 * sums it), the untreated model's for comparison, the no-skill line (precision = the share of
 * minority points) and the operating point at the threshold. Press or drag on the plot to move
 * the threshold to the nearest point of the curve (the slider does the same from the keyboard).
 */
import { useCallback, useMemo } from 'react';
import { Frame, type PlotPointer } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import type { XY } from '../../lib/plot/lines';
import { fmt } from '../../lib/format/format';
import type { ImbalanceResult, PrView } from './present';
import { CURRENT, MINORITY, UNTREATED } from './look';
import { METHOD_LABELS } from './params';

const UNIT: [number, number] = [0, 1];

/** The PR step function average precision sums: precision P_k held over recall (R_(k+1), R_k]
 *  (scikit-learn's order: thresholds increasing, recall falling to the end point R = 0). */
export function prSteps(pr: PrView): XY[] {
  const out: XY[] = [];
  for (let k = 0; k < pr.recall.length; k++) {
    if (k > 0) out.push([pr.recall[k], pr.precision[k - 1]]);
    out.push([pr.recall[k], pr.precision[k]]);
  }
  return out;
}

/**
 * Drops points closer than `eps` (in both coordinates, plot units 0–1) to the last one kept, so a
 * curve over thousands of test points draws as a few hundred (0.002 is under a pixel here).
 */
export function thin(points: readonly XY[], eps = 0.002): XY[] {
  if (points.length < 3) return [...points];
  const out: XY[] = [points[0]];
  for (let i = 1; i < points.length - 1; i++) {
    const last = out[out.length - 1];
    if (Math.abs(points[i][0] - last[0]) > eps || Math.abs(points[i][1] - last[1]) > eps) out.push(points[i]);
  }
  out.push(points[points.length - 1]);
  return out;
}

/**
 * The threshold of the curve point nearest to (px, py) in pixels, rounded down to three
 * significant digits (the link keeps three), so the rounded threshold still selects that point.
 */
export function nearestThreshold(pr: PrView, dist: (recall: number, precision: number) => number): number | null {
  let best = -1, bestD = Infinity;
  for (let i = 0; i < pr.thresholds.length; i++) {
    const d = dist(pr.recall[i], pr.precision[i]);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  if (best < 0) return null;
  const t = pr.thresholds[best];
  if (!(t > 0)) return null;
  const scale = 10 ** (2 - Math.floor(Math.log10(t)));
  return Math.floor(t * scale) / scale;
}

export function PrPlot({ r, onThreshold }: { r: ImbalanceResult; onThreshold(t: number): void }) {
  const row = r.rows.find((x) => x.key === r.method)!;
  const prevalence = r.test[1] / (r.test[0] + r.test[1]);
  const { precision, recall } = row.metrics;
  const pr = r.pr;
  const curve = useMemo(() => (pr ? thin(prSteps(pr)) : null), [pr]);
  const untreated = useMemo(() => (r.method !== 'none' && r.prNone ? thin(prSteps(r.prNone)) : null), [r.method, r.prNone]);
  const move = useCallback(
    (p: PlotPointer, e: { buttons: number; type: string }) => {
      if (!pr || (e.type === 'pointermove' && e.buttons === 0)) return;
      // Both axes run 0–1 on a near-square plot, so data distance is what looks nearest.
      const t = nearestThreshold(pr, (rc, pc) => Math.hypot(rc - p.x, pc - p.y));
      if (t !== null) onThreshold(Math.min(0.99, Math.max(0.01, t)));
    },
    [pr, onThreshold],
  );
  return (
    <Frame
      title={`Precision-recall on the test set, AP ${row.ap === null ? 'undefined' : fmt(row.ap, 3)}`}
      xLabel="recall"
      yLabel="precision"
      xDomain={UNIT}
      yDomain={UNIT}
      aspect={1.15}
      maxHeight={520}
      dragCapture
      cursor="crosshair"
      onPointerDown={move}
      onPointerMove={move}
      legend={
        <Legend
          items={[
            { color: MINORITY, label: METHOD_LABELS[r.method], kind: 'line' },
            ...(r.method !== 'none' ? [{ color: UNTREATED, label: 'untreated', kind: 'dashed' as const }] : []),
            { color: CURRENT, label: `threshold ${fmt(r.threshold, 3)}`, kind: 'point' },
          ]}
        />
      }
      note={`Press or drag on the plot to move the threshold along the curve. Dotted: no skill (precision = minority share, ${fmt(prevalence, 3)}).`}
    >
      {untreated && <Line points={untreated} color={UNTREATED} width={1.5} dash="5 4" />}
      {curve && <Line points={curve} color={MINORITY} width={2} />}
      <HLine y={prevalence} dash="1 3" />
      {precision !== null && recall !== null && <Marker x={recall} y={precision} size={11} color={CURRENT} />}
    </Frame>
  );
}
