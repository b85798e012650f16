/** Every weight at the current λ beside its true value: which ones are kept, shrunk or zeroed. */
import { Frame } from '../../lib/plot/Frame';
import { Bars } from '../../lib/plot/Bars';
import { HLine } from '../../lib/plot/HLine';
import { Legend } from '../../lib/plot/Legend';
import { categoryAxis } from '../../lib/plot/scales';
import { fmt } from '../../lib/format/format';
import { ACCENT, MUTED } from '../../lib/plot/colors';
import type { RegResult } from './compute';

export function WeightsPlot({ r }: { r: RegResult }) {
  const { path, at } = r;
  const { p, wTrue } = path.problem;
  const labels = Array.from({ length: p }, (_, j) => String(j + 1));
  const axis = categoryAxis(labels);
  const every = p <= 12 ? 1 : p <= 30 ? 2 : 5;
  const ticks = axis.ticks.filter((t) => (t + 1) % every === 0 || t === 0);
  let lo = 0, hi = 0;
  for (let j = 0; j < p; j++) {
    lo = Math.min(lo, wTrue[j], at.w[j]);
    hi = Math.max(hi, wTrue[j], at.w[j]);
  }
  const cap = 4 * Math.max(1, ...Array.from(wTrue, Math.abs));
  lo = Math.max(lo, -cap);
  hi = Math.min(hi, cap);
  const pad = 0.1 * (hi - lo || 1);
  const values = labels.map((_, j) => [wTrue[j], Math.max(-cap, Math.min(cap, at.w[j]))] as const);
  return (
    <Frame
      className="plot-wide"
      title={`Weights at λ = ${fmt(at.lambda)} beside the true weights`}
      xLabel="feature"
      yLabel="weight"
      xDomain={axis.domain}
      xTicks={ticks}
      xTickFormat={axis.format}
      yDomain={[lo - pad, hi + pad]}
      aspect={3.2}
      minHeight={200}
      grid="y"
      legend={
        <Legend
          items={[
            { color: MUTED, label: 'true weight', kind: 'swatch' },
            { color: ACCENT, label: 'fitted weight', kind: 'swatch' },
          ]}
        />
      }
      note={`Features 1–${path.block} are the correlated block. ${at.nonZero} of ${p} fitted weights are non-zero.`}
    >
      <HLine y={0} dash="" />
      <Bars values={values} colors={[MUTED, ACCENT]} opacity={0.85} />
    </Frame>
  );
}
