/**
 * Coefficient paths against λ (log scale): one line per feature, coloured when the feature truly
 * matters and grey when its true weight is 0. A line is drawn only where its weight is non-zero
 * (plus the point where it leaves zero), so a lasso line visibly stops at the λ where the
 * weight becomes exactly 0. The current λ is a rule with a dot per weight.
 */
import { useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { VLine } from '../../lib/plot/VLine';
import { Marker } from '../../lib/plot/Marker';
import { Legend } from '../../lib/plot/Legend';
import { fmt } from '../../lib/format/format';
import { MUTED } from '../../lib/plot/colors';
import type { RegResult } from './compute';
import { featureColor, PENALTY_NAME, wName } from './look';
import { LAMBDA_MAX, LAMBDA_MIN } from './params';
import { Shade } from './Shade';

/** The path with exact zeros hidden, except next to a non-zero neighbour (so lines start on the axis). */
function nonZeroOnly(v: number[]): number[] {
  return v.map((w, i) => (w !== 0 || v[i - 1] || v[i + 1] ? w : Number.NaN));
}

export function PathPlot({ r }: { r: RegResult }) {
  const { path, at } = r;
  const { problem, lambdas } = path;
  const shown = useMemo(() => path.paths.map(nonZeroOnly), [path]);
  const yDomain = useMemo((): [number, number] => {
    let lo = 0, hi = 0;
    for (const row of path.paths) for (const w of row) if (Number.isFinite(w)) [lo, hi] = [Math.min(lo, w), Math.max(hi, w)];
    for (const w of problem.wTrue) [lo, hi] = [Math.min(lo, w), Math.max(hi, w)];
    // Near-interpolating fits can have huge weights at tiny λ; keep the interesting range readable.
    const cap = 4 * Math.max(1, ...Array.from(problem.wTrue, Math.abs));
    lo = Math.max(lo, -cap);
    hi = Math.min(hi, cap);
    const pad = 0.08 * (hi - lo || 1);
    return [lo - pad, hi + pad];
  }, [path, problem]);
  const zeros = path.prepared.p - at.nonZero;
  const order = Array.from({ length: problem.p }, (_, j) => j).sort((a, b) => Number(problem.wTrue[a] !== 0) - Number(problem.wTrue[b] !== 0));
  const nBlockTrue = Math.min(path.block, path.k);
  return (
    <Frame
      title={`Coefficient paths (${PENALTY_NAME[path.params.penalty]})`}
      xLabel="λ (log scale)"
      yLabel="weight"
      xDomain={[LAMBDA_MIN, LAMBDA_MAX]}
      xType="log"
      yDomain={yDomain}
      aspect={1.35}
      ariaLabel={`Each of the ${problem.p} weights against λ; ${at.nonZero} are non-zero at λ = ${fmt(at.lambda)}`}
      legend={
        <Legend
          items={[
            ...Array.from({ length: nBlockTrue }, (_, j) => ({
              color: featureColor(j, true),
              label: j === nBlockTrue - 1 && path.block > 1 ? `${wName(j)} (${nBlockTrue > 1 ? 'correlated block' : 'in the correlated block'})` : wName(j),
              kind: 'line' as const,
            })),
            ...(path.k - path.block > 4
              ? [{ color: featureColor(path.block, true), label: 'other true features (own colours)', kind: 'line' as const }]
              : Array.from({ length: Math.max(0, path.k - path.block) }, (_, i) => ({
                  color: featureColor(path.block + i, true),
                  label: wName(path.block + i),
                  kind: 'line' as const,
                }))),
            ...(path.k < problem.p ? [{ color: MUTED, label: 'irrelevant (true weight 0)', kind: 'dashed' as const }] : []),
          ]}
        />
      }
      note={
        path.a > 0
          ? `A line stops where its weight becomes exactly 0; shaded: λ ≥ λ_max = ${fmt(path.lambdaMax)}, where every weight is 0. ○ on the axis: ${zeros} weight${zeros === 1 ? '' : 's'} at exactly 0 at this λ.`
          : 'Ridge shrinks every weight towards 0 but none reaches it exactly.'
      }
    >
      {Number.isFinite(path.lambdaMax) && path.lambdaMax < LAMBDA_MAX && (
        <Shade x0={path.lambdaMax} x1={LAMBDA_MAX} color={MUTED} label="all weights 0" />
      )}
      <HLine y={0} dash="" />
      {order.map((j) => {
        const matters = problem.wTrue[j] !== 0;
        return (
          <Line key={j} x={lambdas} y={shown[j]} color={featureColor(j, matters)} width={matters ? 2 : 1.25} dash={matters ? undefined : '4 3'} opacity={matters ? 1 : 0.8} />
        );
      })}
      <VLine x={at.lambda} label={`λ = ${fmt(at.lambda)}`} />
      {order.map((j) =>
        at.w[j] !== 0 && Math.abs(at.w[j]) < 1e6 ? (
          <Marker key={j} x={at.lambda} y={at.w[j]} size={7} color={featureColor(j, problem.wTrue[j] !== 0)} />
        ) : null,
      )}
      {zeros > 0 && <Marker x={at.lambda} y={0} size={10} color="var(--plot-bg)" stroke="var(--fg)" strokeWidth={1.75} />}
    </Frame>
  );
}
