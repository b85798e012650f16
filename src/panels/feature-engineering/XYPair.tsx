/**
 * The regression cases side by side: the training points and the same least-squares model's fit,
 * on the raw feature (before) and on the transformed one (after). Bin edges as dashed rules; the
 * categories case labels its x ticks with the category names.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { CanvasScatter } from '../../lib/plot/CanvasScatter';
import { Line } from '../../lib/plot/Line';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import type { FeResult, XYResult, XYSide } from './model';
import { FIT, POINTS, shortCategory, sideTitle } from './look';

type R = FeResult & XYResult;

const NOTE: Partial<Record<FeResult['case'], [string, string]>> = {
  log: ['The points crowd at the left; a few far-right points pull the line.', 'ln x spreads them evenly and y is a straight line in it.'],
  hour: ['A straight line in the hour cannot come back up at midnight.', 'sin and cos of the hour: the fit wraps round from 23:59 to 00:00.'],
  binning: ['One slope for the whole range.', 'One level per bin (dashed: bin edges): a step function.'],
  category: ['Label codes force equal steps between alphabetically ordered jobs.', 'One column per job: each gets its own mean.'],
};

function Side({ r, s, which, fitLabel }: { r: R; s: XYSide; which: 'Before' | 'After'; fitLabel: string }) {
  const ticks = r.xTickLabels;
  const note = NOTE[r.case]?.[which === 'Before' ? 0 : 1];
  return (
    <Frame
      title={sideTitle(which, r)}
      xLabel={s.xLabel}
      yLabel={r.yLabel}
      xDomain={s.xDomain}
      yDomain={r.yDomain}
      xTicks={ticks ? ticks.map((_, k) => k) : undefined}
      xTickFormat={ticks ? (v) => shortCategory(ticks[Math.round(v)] ?? '') : undefined}
      maxHeight={300}
      legend={<Legend items={[{ label: 'training points', color: POINTS, kind: 'point' }, { label: fitLabel, color: FIT, kind: 'line' }]} />}
      note={note}
    >
      {s.vlines && [...s.vlines].map((e, k) => <VLine key={k} x={e} />)}
      <CanvasScatter x={s.px} y={s.py} r={2.2} color={POINTS} opacity={0.55} />
      <Line x={s.cx} y={s.cy} color={FIT} width={2.5} />
    </Frame>
  );
}

export const XYPair = memo(function XYPair({ r }: { r: R }) {
  return (
    <div className="plot-grid">
      <Side r={r} s={r.beforeXY} which="Before" fitLabel="fit on the raw feature" />
      <Side r={r} s={r.afterXY} which="After" fitLabel="fit on the new feature(s)" />
    </div>
  );
});
