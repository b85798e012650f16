/**
 * Overfitting view: a small network trains live on noisy 2-D data. The plots are the decision
 * boundary and the training / validation loss curves (for A, and B side by side when comparing);
 * the shared layout adds the player (with the "validation points" toggle), messages, readout,
 * controls and, below, the learning curve on demand.
 */
import { useRef, useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { Toggle } from '../../lib/controls/Toggle';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { BoundaryPlot } from './BoundaryPlot';
import { LossPlot, lossDomain } from './LossPlot';
import { LearningCurvePlot } from './LearningCurvePlot';
import { Controls } from './Controls';
import { messages, readoutRows, regularisationText } from './readout';
import { STEP_EPOCHS, workerBudget } from './budget';
import { useTraining } from './useTraining';
import { useLearningCurve } from './useLearningCurve';
import { MAX_EPOCH } from './params';
import { store } from './store';
import './overfitting.css';

/** Epochs per second while playing: the Playground's one per frame, faster, and the budget's limit. */
const SPEEDS = [60, 250, 1000, Infinity] as const;
const setEpoch = (e: number) => store.getState().set('epoch', e);

export function OverfittingView() {
  const params = usePanelParams(store);
  const { r, error, busy, msPerEpoch } = useTraining(params);
  // The worker is asked for chunks of training per played frame (budget.ts).
  const cost = useRef(msPerEpoch);
  cost.current = msPerEpoch;
  const [maxPerFrame] = useState(() => workerBudget(() => cost.current));
  const [showVal, setShowVal] = useState(false);
  const [curveOn, setCurveOn] = useState(false);

  const player = usePlayer({
    shown: r ? r.target : params.epoch,
    set: setEpoch,
    max: MAX_EPOCH,
    unit: 'epoch',
    speeds: SPEEDS,
    speed: 250,
    stepSize: STEP_EPOCHS,
    busy,
    // Early stopping or divergence ended every run at the epoch on screen.
    finished: !!r && !busy && r.done && r.target === params.epoch,
    maxPerFrame,
  });
  const curve = useLearningCurve(params, curveOn && !player.playing && !busy);

  const runs = r ? (r.b ? [r.a, r.b] : [r.a]) : [];
  const yDomain = lossDomain(runs);

  return (
    <PanelLayout
      summary={`${params.n} noisy training points; regularisation: ${regularisationText(params)}. Trained in a worker; boundary grid batched in tfjs.`}
      error={error}
      notes={r ? messages(r, params) : []}
      player={
        // The bare number beside the scrub slider: "epoch 1500" wrapped in the narrow side column.
        <PlayerBar player={player}>
          <Toggle label="Show validation points" checked={showVal} onChange={setShowVal} testId="show-val" />
        </PlayerBar>
      }
      readout={r && <Readout busy={busy} title={`Readout at epoch ${r.target}`} rows={readoutRows(r, params)} />}
      controls={<Controls params={params} />}
      below={<LearningCurvePlot curve={curve} n={params.n} enabled={curveOn} onEnable={() => setCurveOn(true)} />}
    >
      {r && (
        <div className="plot-grid" data-computed-in="worker">
          {runs.map((run) => (
            <BoundaryPlot key={`b-${run.which}`} run={run} showValidation={showVal} />
          ))}
          {runs.map((run) => (
            <LossPlot key={`l-${run.which}`} run={run} yDomain={yDomain} />
          ))}
        </div>
      )}
    </PanelLayout>
  );
}
