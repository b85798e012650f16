/**
 * Overfitting view: a small network trains live on noisy 2-D data. Decision boundary and the
 * training / validation loss curves (for A, and B side by side when comparing), the player,
 * messages, readout, the learning curve on demand, and the controls.
 */
import { useEffect, useRef, useState } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { Stepper } from '../../lib/controls/Stepper';
import { Select } from '../../lib/controls/Select';
import { Toggle } from '../../lib/controls/Toggle';
import { Readout } from '../../lib/controls/Readout';
import { Message } from '../../lib/controls/Message';
import { useComputed } from '../../lib/panel/useComputed';
import { BackendBadge } from '../../lib/tf/BackendBadge';
import { ensureBackend } from '../../lib/tf/backend';
import { createComputer, type OverfitResult } from './compute';
import { BoundaryPlot } from './BoundaryPlot';
import { LossPlot, lossDomain } from './LossPlot';
import { LearningCurvePlot } from './LearningCurvePlot';
import { Controls } from './Controls';
import { messages, readoutRows, regularisationText } from './readout';
import { useEpochPlayer } from './useEpochPlayer';
import { useLearningCurve } from './useLearningCurve';
import { MAX_EPOCH } from './params';
import { store } from './store';
import './overfitting.css';

const SPEEDS = ['60', '250', '1000', 'max'] as const;
type Speed = (typeof SPEEDS)[number];
const SPEED_LABELS: Record<Speed, string> = {
  '60': '60 epochs/s (one per frame)',
  '250': '250 epochs/s',
  '1000': '1000 epochs/s',
  max: 'As fast as it goes',
};

export function OverfittingView() {
  const params = usePanelParams(store);
  const [compute] = useState(createComputer);
  useEffect(() => () => compute.dispose(), [compute]);
  const { result: r, error, pending } = useComputed(params, compute, ensureBackend);
  const last = useRef<OverfitResult | null>(r);
  last.current = r;
  const [speed, setSpeed] = useState<Speed>('250');
  const [showVal, setShowVal] = useState(false);
  const [curveOn, setCurveOn] = useState(false);

  const player = useEpochPlayer(store, {
    max: MAX_EPOCH,
    speed: speed === 'max' ? Infinity : Number(speed),
    msPerEpoch: compute.msPerEpoch,
    busy: compute.busy,
    finished: () => {
      const res = last.current;
      return !!res && res.done && res.target === store.getState().params.epoch;
    },
  });
  const curve = useLearningCurve(params, curveOn && !player.playing && !pending);

  const notes = r ? messages(r, params) : [];
  const runs = r ? (r.b ? [r.a, r.b] : [r.a]) : [];
  const yDomain = lossDomain(runs);

  return (
    <div>
      <div className="workbench-head">
        <span className="ctl-help">
          {params.n} noisy training points; regularisation: {regularisationText(params)}. Boundary grid batched in tfjs.
        </span>
        <BackendBadge />
      </div>
      {error && <Message kind="error">The computation failed: {error}</Message>}
      {r && (
        <div className="plot-grid">
          {runs.map((run) => (
            <BoundaryPlot key={`b-${run.which}`} run={run} showValidation={showVal} />
          ))}
          {runs.map((run) => (
            <LossPlot key={`l-${run.which}`} run={run} yDomain={yDomain} />
          ))}
        </div>
      )}
      <div className="of-play">
        <Stepper player={player} step={params.epoch} max={MAX_EPOCH} unit="epoch" />
        <Select label="Speed while playing" value={speed} options={SPEEDS} optionLabels={SPEED_LABELS} onChange={(v) => setSpeed(v as Speed)} testId="speed" />
        <Toggle label="Show validation points" checked={showVal} onChange={setShowVal} testId="show-val" />
      </div>
      {notes.length > 0 && (
        <Message kind="warn">
          {notes.map((n, i) => (
            <span key={i} style={{ display: 'block' }}>
              {n}
            </span>
          ))}
        </Message>
      )}
      {r && <Readout busy={pending || r.input !== params} title={`Readout at epoch ${r.target}`} rows={readoutRows(r, params)} />}
      <div className="of-section">
        <LearningCurvePlot curve={curve} n={params.n} enabled={curveOn} onEnable={() => setCurveOn(true)} />
      </div>
      <h3 className="controls-title">Controls</h3>
      <Controls params={params} />
    </div>
  );
}
