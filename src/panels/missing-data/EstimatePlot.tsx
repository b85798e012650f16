/**
 * Dot and whisker per method, one small plot per quantity: the average of the estimate over the
 * resampled data sets (dot) and its spread, ± one standard deviation (whisker), against the
 * truth (dashed rule). A dot off the rule is bias; a long whisker is variance. The fourth plot
 * is the downstream test error: honest (imputer fitted after the split, filled) and leaky
 * (before the split, hollow); the gap between them is the leak.
 */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { VLine } from '../../lib/plot/VLine';
import { fmt } from '../../lib/format/format';
import { ROWS, type Quantity, type StudyResult } from './model';
import { ROW_LABELS, TRUTH_COLOR, WHISKER, KIND_LOOK } from './look';
import { GlyphLegend, Glyphs } from './Glyphs';
import type { Method } from './params';

const ROW_TICKS = ROWS.map((_, i) => i);
const rowLabel = (v: number) => ROW_LABELS[ROWS[Math.round(v)]] ?? '';

interface Series {
  q: Quantity;
  hollow?: boolean;
}

function domainOf(r: StudyResult, series: Series[], truth: number | null): [number, number] {
  let lo = truth ?? Infinity, hi = truth ?? -Infinity;
  for (const row of r.rows)
    for (const s of series) {
      const st = row[s.q];
      if (st.mean === null) continue;
      lo = Math.min(lo, st.mean - (st.sd ?? 0));
      hi = Math.max(hi, st.mean + (st.sd ?? 0));
    }
  if (!(hi > lo)) return [(truth ?? 0) - 1, (truth ?? 0) + 1];
  const pad = 0.08 * (hi - lo);
  return [lo - pad, hi + pad];
}

function DotWhisker({ r, title, series, truth, method, note }: { r: StudyResult; title: string; series: Series[]; truth: number | null; method: Method; note?: string }) {
  const chosen = ROWS.indexOf(method);
  return (
    <Frame
      title={title}
      xLabel={series[0].q.startsWith('mse') ? 'test mean squared error' : 'estimate'}
      yLabel=""
      xDomain={domainOf(r, series, truth)}
      yDomain={[ROWS.length - 0.4, -0.6]}
      yTicks={ROW_TICKS}
      yTickFormat={rowLabel}
      grid="x"
      height={230}
      note={note}
      ariaLabel={`${title}: ${r.rows.map((row) => `${ROW_LABELS[row.key]} ${series.map((s) => fmt(row[s.q].mean ?? NaN, 3)).join(' / ')}`).join('; ')}`}
    >
      {truth !== null && <VLine x={truth} color={TRUTH_COLOR} />}
      <Line points={[[domainOf(r, series, truth)[0], chosen], [domainOf(r, series, truth)[1], chosen]]} color="var(--border)" width={14} opacity={0.5} />
      {series.map((s, si) =>
        r.rows.map((row, i) => {
          const st = row[s.q];
          if (st.mean === null) return null;
          const yy = i + (series.length > 1 ? (si - 0.5) * 0.3 : 0);
          return (
            <g key={`${s.q}-${row.key}`}>
              {st.sd !== null && <Line points={[[st.mean - st.sd, yy], [st.mean + st.sd, yy]]} color={WHISKER} width={1.5} />}
              <Glyphs x={[st.mean]} y={[yy]} idx={[0]} shape="circle" color={KIND_LOOK.observed.color} size={8} hollow={s.hollow} opacity={1} />
            </g>
          );
        }),
      )}
    </Frame>
  );
}

export function EstimatePlot({ r, method }: { r: StudyResult; method: Method }) {
  const D = r.input.draws;
  return (
    <figure className="md-estimates">
      <figcaption className="md-caption">
        Over {D} resampled data sets: average (dot) ± one standard deviation (whisker) of each method’s estimate; dashed: the truth.
      </figcaption>
      <div className="md-grid">
        <DotWhisker r={r} method={method} title="Mean of y (truth 0)" series={[{ q: 'meanY' }]} truth={r.truth.meanY} />
        <DotWhisker r={r} method={method} title="Variance of y (truth 1)" series={[{ q: 'varY' }]} truth={r.truth.varY} />
        <DotWhisker r={r} method={method} title={`Correlation of x and y (truth ${fmt(r.truth.corr, 3)})`} series={[{ q: 'corr' }]} truth={r.truth.corr} />
        <DotWhisker
          r={r}
          method={method}
          title="Downstream test error"
          series={[{ q: 'mseAfter' }, { q: 'mseBefore', hollow: true }]}
          truth={null}
          note="Filled: imputer fitted after the split (honest). Hollow: before the split, on the whole table (leaky). Drop rows: complete test rows only."
        />
      </div>
      <GlyphLegend
        items={[
          { label: 'average, honest', color: KIND_LOOK.observed.color },
          { label: 'average, imputed before the split', color: KIND_LOOK.observed.color, hollow: true },
          { label: 'truth', color: TRUTH_COLOR, line: true },
        ]}
      />
    </figure>
  );
}
