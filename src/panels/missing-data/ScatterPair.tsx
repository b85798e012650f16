/**
 * The first data set twice, on the same axes: as the chosen imputation leaves it (filled-in
 * points in their own colour and shape, dropped rows gone) and as it truly was, with the points
 * that lost a value marked the same way at their true place. Comparing the two shows where each
 * method puts what it could not see: mean imputation on a line at the mean, regression on the
 * fitted line, k-NN among neighbours.
 */
import { useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { fmt } from '../../lib/format/format';
import type { StudyResult } from './model';
import type { Method } from './params';
import { METHOD_LABELS } from './params';
import { KIND_LOOK, type PointKind } from './look';
import { GlyphLegend, Glyphs } from './Glyphs';
import { estimates } from './model';

const KINDS: PointKind[] = ['observed', 'fillY', 'fillX', 'fillBoth'];

function kindsOf(r: StudyResult): Record<PointKind, number[]> {
  const out: Record<PointKind, number[]> = { observed: [], fillY: [], fillX: [], fillBoth: [], dropped: [] };
  const { missX, missY, n } = r.first;
  for (let i = 0; i < n; i++) out[missX[i] ? (missY[i] ? 'fillBoth' : 'fillX') : missY[i] ? 'fillY' : 'observed'].push(i);
  return out;
}

function extent(arrays: ArrayLike<number>[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      if (!Number.isFinite(a[i])) continue;
      lo = Math.min(lo, a[i]);
      hi = Math.max(hi, a[i]);
    }
  }
  if (!(hi > lo)) return [-3, 3];
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

export function ScatterPair({ r, method }: { r: StudyResult; method: Method }) {
  const f = r.first;
  const kinds = useMemo(() => kindsOf(r), [r]);
  const filled = useMemo(() => (method === 'drop' ? { x: f.x, y: f.y } : f.filled[method]), [f, method]);
  const xDomain = useMemo(() => extent([f.x, ...Object.values(f.filled).map((v) => v.x)]), [f]);
  const yDomain = useMemo(() => extent([f.y, ...Object.values(f.filled).map((v) => v.y)]), [f]);
  const dropped = method === 'drop' ? f.n - kinds.observed.length : 0;
  const est = useMemo(() => {
    const M = { data: new Float64Array(f.n * 2), n: f.n, d: 2 };
    for (let i = 0; i < f.n; i++) M.data.set([filled.x[i], filled.y[i]], 2 * i);
    return estimates(M, method === 'drop' ? kinds.observed : undefined);
  }, [f, filled, kinds, method]);
  const truthEst = useMemo(() => {
    const M = { data: new Float64Array(f.n * 2), n: f.n, d: 2 };
    for (let i = 0; i < f.n; i++) M.data.set([f.x[i], f.y[i]], 2 * i);
    return estimates(M);
  }, [f]);
  const shownKinds = method === 'drop' ? (['observed'] as PointKind[]) : KINDS;
  const count = (k: PointKind) => kinds[k].length;
  const legend = (
    <GlyphLegend
      items={[
        ...shownKinds.map((k) => ({ ...KIND_LOOK[k], label: `${KIND_LOOK[k].label} (${count(k)})` })),
        ...(dropped ? [{ ...KIND_LOOK.dropped, hollow: true, label: `dropped rows (${dropped}), marked in the truth plot` }] : []),
      ]}
    />
  );
  const stats = (e: typeof est) => `mean of y ${fmt(e.meanY ?? NaN, 2)}, variance ${fmt(e.varY ?? NaN, 2)}, corr ${fmt(e.corr ?? NaN, 2)}`;
  return (
    <div className="plot-grid">
      <Frame
        title={`Filled in: ${METHOD_LABELS[method]}`}
        xLabel="x"
        yLabel="y"
        xDomain={xDomain}
        yDomain={yDomain}
        equalAspect
        aspect={1.1}
        maxHeight={440}
        legend={legend}
        ariaLabel={`Scatter of the first data set after ${METHOD_LABELS[method]}: ${count('observed')} complete rows, ${count('fillY')} with y filled in, ${count('fillX')} with x filled in, ${count('fillBoth')} with both${dropped ? `; ${dropped} rows dropped` : ''}`}
        note={`${method === 'drop' ? `${f.n - dropped} complete rows kept` : `All ${f.n} rows`}: ${stats(est)}.`}
      >
        <Glyphs x={filled.x} y={filled.y} idx={kinds.observed} {...KIND_LOOK.observed} size={6} opacity={0.55} />
        {method !== 'drop' &&
          (['fillY', 'fillX', 'fillBoth'] as PointKind[]).map((k) => <Glyphs key={k} x={filled.x} y={filled.y} idx={kinds[k]} {...KIND_LOOK[k]} size={8} />)}
      </Frame>
      <Frame
        title="The truth, before values went missing"
        xLabel="x"
        yLabel="y"
        xDomain={xDomain}
        yDomain={yDomain}
        equalAspect
        aspect={1.1}
        maxHeight={440}
        legend={<GlyphLegend items={KINDS.map((k) => ({ ...KIND_LOOK[k], label: k === 'observed' ? 'kept both values' : `${KIND_LOOK[k].label.replace('filled in', 'lost')} (true value)` }))} />}
        ariaLabel={`Scatter of the first data set before values went missing: ${f.n} rows; the ${f.n - count('observed')} rows that lost a value are marked at their true place`}
        note={`All ${f.n} rows, true values: ${stats(truthEst)} (population: 0, 1, ${fmt(r.truth.corr, 2)}).`}
      >
        <Glyphs x={f.x} y={f.y} idx={kinds.observed} {...KIND_LOOK.observed} size={6} opacity={0.55} />
        {(['fillY', 'fillX', 'fillBoth'] as PointKind[]).map((k) => (
          <Glyphs key={k} x={f.x} y={f.y} idx={kinds[k]} {...KIND_LOOK[k]} size={8} />
        ))}
      </Frame>
    </div>
  );
}
