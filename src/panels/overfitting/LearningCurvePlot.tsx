/**
 * The learning curve: final training and validation loss against training-set size, each size
 * trained with the current settings for the current number of epochs. Computed on demand (a
 * button), then kept up to date in the background while the player is paused.
 */
import { Frame } from '../../lib/plot/Frame';
import { Line } from '../../lib/plot/Line';
import { Scatter } from '../../lib/plot/Scatter';
import { VLine } from '../../lib/plot/VLine';
import { Legend } from '../../lib/plot/Legend';
import { TEST, TRAIN } from '../../lib/plot/colors';
import { fmt } from '../../lib/format/format';
import type { CurveState } from './useLearningCurve';
import { LOSS_FLOOR, logTicks, tickText } from './LossPlot';

function domain(c: CurveState): [number, number] {
  let lo = Infinity, hi = 0;
  for (const p of c.points)
    for (const v of [p.trainLoss, p.valLoss])
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!(hi > 0)) return [0.01, 1];
  return [Math.max(LOSS_FLOOR, Math.min(lo, hi / 10)) / 1.5, hi * 1.5];
}

export interface LearningCurvePlotProps {
  curve: CurveState | null;
  n: number;
  enabled: boolean;
  onEnable(): void;
}

export function LearningCurvePlot({ curve, n, enabled, onEnable }: LearningCurvePlotProps) {
  if (!enabled || !curve) {
    return (
      <section className="of-curve-empty" aria-label="Learning curve">
        <h3 className="of-subtitle">Learning curve</h3>
        <p className="ctl-help">
          Train the same network on 10 to 500 points (with your own data: up to all of its training part) for the same number of epochs and compare the final losses. It trains
          several networks in the background.
        </p>
        <button type="button" onClick={onEnable} data-testid="curve-button" disabled={enabled}>
          {enabled ? 'Computing…' : 'Compute the learning curve'}
        </button>
      </section>
    );
  }
  const pts = curve.points;
  const yDomain = domain(curve);
  const xs = pts.map((p) => p.n);
  const tr = pts.map((p) => Math.max(p.trainLoss, LOSS_FLOOR));
  const va = pts.map((p) => Math.max(p.valLoss, LOSS_FLOOR));
  const status = curve.stale
    ? `Shown for the earlier settings (epoch ${curve.epochs}); it updates when the player stops.`
    : curve.done
      ? `Each size trained for ${curve.epochs} epochs with your settings.`
      : `Computing: ${pts.length} of ${curve.sizes.length} sizes done (${curve.epochs} epochs each)…`;
  return (
    <div data-testid="learning-curve" data-done={curve.done && !curve.stale ? 'true' : 'false'}>
      <Frame
        title="Learning curve: loss against training-set size"
        xLabel="training points (log scale)"
        yLabel="loss after training (log scale)"
        xDomain={[8, 640]}
        xType="log"
        yDomain={yDomain}
        yType="log"
        yTicks={logTicks(yDomain)}
        yTickFormat={tickText}
        xTicks={[10, 20, 50, 100, 200, 500]}
        aspect={2.2}
        ariaLabel={`Learning curve: training and validation loss after ${curve.epochs} epochs for ${xs.join(', ')} training points`}
        legend={
          <Legend
            items={[
              { label: 'training loss', color: TRAIN, kind: 'line' },
              { label: 'validation loss', color: TEST, kind: 'line' },
            ]}
          />
        }
        note={
          <>
            {status}
            {pts.length > 0 && ` Gap at ${pts[pts.length - 1].n} points: ${fmt(pts[pts.length - 1].valLoss - pts[pts.length - 1].trainLoss, 3)}.`}
          </>
        }
      >
        <Line x={xs} y={tr} color={TRAIN} width={2} />
        <Line x={xs} y={va} color={TEST} width={2} />
        <Scatter x={xs} y={tr} color={TRAIN} r={3.5} />
        <Scatter x={xs} y={va} color={TEST} r={3.5} />
        <VLine x={n} label={`your n = ${n}`} />
      </Frame>
      <details className="of-numbers">
        <summary>The numbers</summary>
        <table data-testid="curve-table">
          <thead>
            <tr>
              <th scope="col">training points</th>
              <th scope="col">training loss</th>
              <th scope="col">validation loss</th>
              <th scope="col">validation accuracy</th>
            </tr>
          </thead>
          <tbody>
            {pts.map((p) => (
              <tr key={p.n} data-n={p.n}>
                <td>{p.n === n ? <strong>{p.n} (yours)</strong> : p.n}</td>
                <td>{fmt(p.trainLoss, 4)}</td>
                <td>{fmt(p.valLoss, 4)}</td>
                <td>{fmt(100 * p.valAcc, 3)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
