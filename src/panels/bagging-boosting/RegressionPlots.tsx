/**
 * Gradient boosting on 1-D regression, round m: the data with the ensemble before (F_{m−1},
 * dashed) and after (F_m) this round; and the residuals y − F_{m−1} that tree m was fitted to,
 * with the tree's fit h_m. The residual plot keeps round 1's scale, so they visibly shrink.
 */
import { memo, useMemo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { HLine } from '../../lib/plot/HLine';
import { Legend } from '../../lib/plot/Legend';
import { MUTED, TRUTH } from '../../lib/plot/colors';
import { trueFunction } from '../../lib/random/datasets';
import { fmt } from '../../lib/format/format';
import type { Frame as BBFrame } from './compute';
import type { RegRound } from './model';
import { REG_FUNCTION, REG_X } from './keys';
import { GB } from './look';

const X_DOMAIN: readonly [number, number] = [REG_X[0] - 0.05, REG_X[1] + 0.05];

/** Gray points that stay put while the rounds move (memoised on the setting's arrays). */
const Points = memo(function Points({ x, y }: { x: Float64Array; y: Float64Array }) {
  return <Scatter x={x} y={y} color={MUTED} r={2.6} opacity={0.7} />;
});

export interface RegressionPlotsProps {
  /** The setting's training data (x is the one-column matrix's data). */
  reg: BBFrame['reg'];
  g: RegRound;
  noise: number;
  lr: number;
}

export const RegressionPlots = memo(function RegressionPlots({ reg, g, noise, lr }: RegressionPlotsProps) {
  const { x, y } = reg;
  const m = g.round;
  const truth = useMemo(() => {
    const t = trueFunction(REG_FUNCTION);
    return Float64Array.from(g.xs, t);
  }, [g.xs]);
  // Round 1's residuals are y − mean(y): the largest; the residual axis keeps their range.
  const R = useMemo(() => {
    let mean = 0;
    for (let i = 0; i < y.length; i++) mean += y[i] / y.length;
    let r = 0.1;
    for (let i = 0; i < y.length; i++) r = Math.max(r, Math.abs(y[i] - mean));
    return 1.08 * r;
  }, [y]);
  const top = 1.3 + 2.5 * noise;
  return (
    <div className="plot-grid">
      <Frame
        title={`Gradient boosting, round ${m}: the fit F${sub(m)}`}
        xLabel="x"
        yLabel="y"
        xDomain={X_DOMAIN}
        yDomain={[-top, top]}
        aspect={1.5}
        maxHeight={300}
        ariaLabel={`Gradient boosting after ${m} rounds: ${y.length} training points, the fit before and after round ${m}, and the true function`}
        legend={
          <Legend
            items={[
              { label: 'training points', color: MUTED, kind: 'point' },
              { label: `F${sub(m - 1)} (before)`, color: GB, kind: 'dashed' },
              { label: `F${sub(m)} = F${sub(m - 1)} + ν·h${sub(m)}`, color: GB, kind: 'line' },
              { label: 'true sin(πx)', color: TRUTH, kind: 'dashed' },
            ]}
          />
        }
        note={`Training MSE ${fmt(g.prevTrainMse, 4)} → ${fmt(g.trainMse, 4)} this round (ν = ${fmt(lr, 2)}).`}
      >
        <Line x={g.xs} y={truth} color={TRUTH} width={1} dash="2 4" opacity={0.6} />
        <Points x={x} y={y} />
        <Line x={g.xs} y={g.Fprev} color={GB} width={1.5} dash="5 4" opacity={0.7} curve="step" />
        <Line x={g.xs} y={g.F} color={GB} width={2.25} curve="step" />
      </Frame>
      <Frame
        title={`Round ${m}: residuals y − F${sub(m - 1)} and tree h${sub(m)} fitted to them`}
        xLabel="x"
        yLabel="residual"
        xDomain={X_DOMAIN}
        yDomain={[-R, R]}
        aspect={1.5}
        maxHeight={300}
        ariaLabel={`Round ${m}: the residuals of the ${y.length} training points and the regression tree fitted to them`}
        legend={
          <Legend
            items={[
              { label: 'residual y − F', color: MUTED, kind: 'point' },
              { label: `tree h${sub(m)} (added × ν)`, color: GB, kind: 'line' },
            ]}
          />
        }
        note="Each tree fits what the ensemble still gets wrong; the residuals shrink round by round."
      >
        <HLine y={0} />
        <Scatter x={x} y={g.residuals} color={MUTED} r={2.6} opacity={0.7} />
        <Line x={g.xs} y={g.h} color={GB} width={2.25} curve="step" />
      </Frame>
    </div>
  );
});

const SUBS = '₀₁₂₃₄₅₆₇₈₉';
/** A subscript number: F₁₂. */
export function sub(k: number): string {
  return String(k)
    .split('')
    .map((c) => SUBS[Number(c)] ?? c)
    .join('');
}
