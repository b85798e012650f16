/** Reward collected in each episode, its running mean over 10 episodes, and what the optimal policy collects. */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { HLine } from '../../lib/plot/HLine';
import { Legend } from '../../lib/plot/Legend';
import { ACCENT, MUTED, TRUTH } from '../../lib/plot/colors';
import type { RlView } from './model';
import { signed } from './look';

export const WINDOW = 10;

export const ReturnsPlot = memo(function ReturnsPlot({ v, slip }: { v: RlView; slip: number }) {
  const R = v.returns;
  const each: [number, number][] = [], mean: [number, number][] = [];
  let lo = -1, hi = 1, run = 0;
  for (let e = 0; e < R.length; e++) {
    each.push([e + 1, R[e]]);
    run += R[e] - (e >= WINDOW ? R[e - WINDOW] : 0);
    mean.push([e + 1, run / Math.min(e + 1, WINDOW)]);
    lo = Math.min(lo, R[e]);
    hi = Math.max(hi, R[e]);
  }
  const opt = slip === 0 ? v.optimalReturn : null;
  return (
    <Frame
      title="Reward per episode"
      xLabel="episode"
      yLabel="total reward"
      xDomain={[0, Math.max(10, R.length)]}
      yDomain={[lo, hi]}
      aspect={1.6}
      grid="y"
      legend={
        <Legend
          items={[
            { label: 'each episode', color: MUTED, kind: 'line' },
            { label: `mean of the last ${WINDOW}`, color: ACCENT, kind: 'line' },
            ...(opt !== null ? [{ label: `optimal policy, no exploring (${signed(opt)})`, color: TRUTH, kind: 'dashed' as const }] : []),
          ]}
        />
      }
      note={R.length === 0 ? 'No episode finished yet: step or play.' : undefined}
    >
      {opt !== null && <HLine y={opt} color={TRUTH} />}
      <Line points={each} color={MUTED} width={1} />
      <Line points={mean} color={ACCENT} width={2} />
    </Frame>
  );
});
