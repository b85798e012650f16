/**
 * Error against rounds for all three ensembles: misclassification of bagging and AdaBoost on the
 * 2-D data (train dashed, test solid), and gradient boosting's mean squared error on the 1-D data.
 * The rounds axis is logarithmic, so the early rounds, where most happens, get room. The shown
 * round is marked. The curves depend on the setting only: they are memoised apart from the
 * marker, so playing through rounds redraws only the marker.
 */
import { memo } from 'react';
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import type { Frame as BBFrame } from './compute';
import { MAX_ROUNDS } from './params';
import { ADA, BAG, GB } from './look';

const X_DOMAIN: readonly [number, number] = [1, MAX_ROUNDS];
const ROUND_TICKS = [1, 2, 5, 10, 20, 50, 100, 200];
const tick = (v: number) => String(v);
const ROUNDS = Float64Array.from({ length: MAX_ROUNDS }, (_, i) => i + 1);
const DASH = '5 4';

function maxOf(...arrays: ArrayLike<number>[]): number {
  let m = 0;
  for (const a of arrays) for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) && a[i] > m) m = a[i];
  return m;
}

const ClassCurves = memo(function ClassCurves({ c }: { c: BBFrame['cls'] }) {
  // AdaBoost's curves end where it stopped (its ensemble does not change after).
  const adaR = ROUNDS.subarray(0, c.adaRounds);
  return (
    <>
      <Line x={ROUNDS} y={c.bagTrain} color={BAG} dash={DASH} />
      <Line x={ROUNDS} y={c.bagTest} color={BAG} width={2} />
      <Line x={adaR} y={c.adaTrain.subarray(0, c.adaRounds)} color={ADA} dash={DASH} />
      <Line x={adaR} y={c.adaTest.subarray(0, c.adaRounds)} color={ADA} width={2} />
    </>
  );
});

const MseCurves = memo(function MseCurves({ r }: { r: BBFrame['reg'] }) {
  return (
    <>
      <Line x={ROUNDS} y={r.trainMse} color={GB} dash={DASH} />
      <Line x={ROUNDS} y={r.testMse} color={GB} width={2} />
    </>
  );
});

export interface ErrorPlotsProps {
  cls: BBFrame['cls'];
  reg: BBFrame['reg'];
  round: number;
}

export const ErrorPlots = memo(function ErrorPlots({ cls: c, reg, round: m }: ErrorPlotsProps) {
  const errTop = Math.max(0.05, 1.1 * maxOf(c.bagTrain, c.bagTest, c.adaTrain, c.adaTest));
  const mseTop = 1.1 * maxOf(reg.trainMse, reg.testMse);
  return (
    <div className="plot-grid">
      <Frame
        title="Classification error against rounds"
        xLabel="rounds (log scale)"
        yLabel="misclassified share"
        xDomain={X_DOMAIN}
        xType="log"
        xTicks={ROUND_TICKS}
        xTickFormat={tick}
        yDomain={[0, errTop]}
        aspect={1.5}
        maxHeight={300}
        ariaLabel="Training and test error of bagging and AdaBoost against the number of rounds"
        legend={
          <Legend
            items={[
              { label: 'bagging, test', color: BAG, kind: 'line' },
              { label: 'bagging, train', color: BAG, kind: 'dashed' },
              { label: 'AdaBoost, test', color: ADA, kind: 'line' },
              { label: 'AdaBoost, train', color: ADA, kind: 'dashed' },
            ]}
          />
        }
      >
        <ClassCurves c={c} />
        <VLine x={m} label={`round ${m}`} />
      </Frame>
      <Frame
        title="Gradient boosting: squared error against rounds"
        xLabel="rounds (log scale)"
        yLabel="mean squared error"
        xDomain={X_DOMAIN}
        xType="log"
        xTicks={ROUND_TICKS}
        xTickFormat={tick}
        yDomain={[0, mseTop]}
        aspect={1.5}
        maxHeight={300}
        ariaLabel="Training and test mean squared error of gradient boosting against the number of rounds"
        legend={
          <Legend
            items={[
              { label: 'gradient boosting, test', color: GB, kind: 'line' },
              { label: 'gradient boosting, train', color: GB, kind: 'dashed' },
            ]}
          />
        }
      >
        <MseCurves r={reg} />
        <VLine x={m} label={`round ${m}`} />
      </Frame>
    </div>
  );
});
