/**
 * Overfitting view: a small network trains live on noisy 2-D data. The plots are the decision
 * boundary and the training / validation loss curves (for A, and B side by side when comparing);
 * the shared layout adds the player (with the "validation points" toggle), messages, readout,
 * controls and, below, the learning curve on demand.
 */
import { useMemo, useRef, useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { Toggle } from '../../lib/controls/Toggle';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { ReplayFrame } from '../../lib/panel/ReplayFrame';
import { announcesReplay } from '../../lib/panel/replay';
import { usePlayer } from '../../lib/panel/usePlayer';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { BoundaryPlot } from './BoundaryPlot';
import { LossPlot, lossDomain } from './LossPlot';
import { LearningCurvePlot } from './LearningCurvePlot';
import { Controls } from './Controls';
import { SaveModel } from './SaveModel';
import { messages, readoutRows, regularisationText } from './readout';
import { STEP_EPOCHS, workerBudget } from './budget';
import { useTraining } from './useTraining';
import { useLearningCurve } from './useLearningCurve';
import { MAX_EPOCH } from './params';
import { store } from './store';
import { ownSplit } from './data';
import './overfitting.css';

/** Epochs per second while playing: the Playground's one per frame, faster, and the budget's limit. */
const SPEEDS = [60, 250, 1000, Infinity] as const;
const setEpoch = (e: number) => store.getState().set('epoch', e);

export function OverfittingView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the new run and the plots follow after it is painted.
  const params = useAfterPaint(live);
  const { r, error, busy: training, fresh, msPerEpoch } = useTraining(params);
  const busy = training || params !== live;
  // The new run's first epochs on screen end the "computing for" (its progress is visible).
  const drawn = useDrawn(params, fresh);
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
    finished: !!r && !busy && r.done && r.target === live.epoch,
    maxPerFrame,
  });
  const curve = useLearningCurve(params, curveOn && !player.playing && !busy);
  // A link (or a jump of the scrub) to a far epoch trains there first: say so while it catches up,
  // from the link's first render on (before the first epochs, nothing stale is on screen).
  const replaying =
    !error && announcesReplay({ fresh: !r || fresh, catchingUp: training, playing: player.playing, target: params.epoch, reached: r?.target ?? 0, msPerStep: msPerEpoch });

  const runs = useMemo(() => (r ? (r.b ? [r.a, r.b] : [r.a]) : []), [r]);
  const own = drawn.dataset === 'csv' && typeof ownSplit(drawn.csv, drawn.seed) !== 'string';
  // Memoised on the result: a fresh array on every render would redraw the plots in the key
  // press's own frame (and scan the whole loss history each time).
  const yDomain = useMemo(() => lossDomain(runs), [runs]);

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  const plots = useMemo(
    () => (
      <>
        {r && (
          <div className="plot-grid" data-computed-in="worker">
            {runs.map((run) => (
              <BoundaryPlot key={`b-${run.which}`} run={run} showValidation={showVal} scaled={own} />
            ))}
            {runs.map((run) => (
              <LossPlot key={`l-${run.which}`} run={run} yDomain={yDomain} />
            ))}
          </div>
        )}
      </>
    ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [r, showVal, yDomain, own],
  );

  return (
    <PanelLayout
      summary={`${r && own ? `${r.a.spec.n} training points of your CSV data (each column scaled onto −1.5…1.5)` : `${drawn.n} noisy training points`}; regularisation: ${regularisationText(drawn)}. Trained in a worker; boundary grid batched in tfjs.`}
      error={error}
      notes={r ? messages(r, drawn) : []}
      player={
        // The bare number beside the scrub slider: "epoch 1500" wrapped in the narrow side column.
        <PlayerBar player={player}>
          <Toggle label="Show validation points" checked={showVal} onChange={setShowVal} testId="show-val" />
        </PlayerBar>
      }
      readout={
        r && <Readout busy={busy} computing={changedSettings(store.schema, drawn, live, ['epoch'])} title={`Readout at epoch ${r.target}`} rows={readoutRows(r, drawn)} />
      }
      controls={<Controls params={live} />}
      below={
        <>
          <LearningCurvePlot curve={curve} n={r?.a.spec.n ?? drawn.n} enabled={curveOn} onEnable={() => setCurveOn(true)} />
          <SaveModel run={r?.a} />
        </>
      }
    >
      <ReplayFrame replaying={replaying} unit="epoch" target={params.epoch} reached={r ? r.target : null}>
        {plots}
      </ReplayFrame>
    </PanelLayout>
  );
}
