/**
 * The Train button and the training status, where an iterating panel has its player: what the
 * network is (untrained / training / trained), the progress while it trains, and how long a
 * (re)train takes on this machine, from the speed the worker measured.
 */
import { fmt } from '../../lib/format/format';
import { retrainSeconds } from './arch';
import type { CnnParams } from './params';
import type { NetView } from './run';
import { store } from './store';

const seconds = (s: number) => (s < 1 ? 'under a second' : `about ${fmt(s, s < 10 ? 1 : 2)} s`);

export function TrainBar({ params, view, training }: { params: CnnParams; view: NetView | null; training: number | null }) {
  const set = store.getState();
  const est = view && retrainSeconds(view, params.steps);
  const busy = params.train && training !== null;
  return (
    <div className="cnn-train" data-testid="train-bar">
      <div className="cnn-buttons">
        {params.train ? (
          <button type="button" data-testid="untrain" onClick={() => set.set('train', false)}>
            {busy ? 'Stop and reset' : 'Reset to untrained'}
          </button>
        ) : (
          <button type="button" className="primary" data-testid="train" onClick={() => set.set('train', true)}>
            Train {params.steps} steps
          </button>
        )}
      </div>
      <div className="cnn-train-status" aria-live="off">
        {busy ? (
          <>
            <span data-testid="progress">Training: step {training} of {params.steps}</span>
            <progress max={params.steps} value={training ?? 0} aria-label={`Training to step ${params.steps}`} />
          </>
        ) : (
          <span>{params.train ? `Trained for ${params.steps} steps.` : 'Untrained: the weights are still random.'}</span>
        )}
        {est !== null && est !== undefined && (
          <span className="ctl-help" data-testid="retrain-time">
            {params.train && !busy ? 'A retrain' : `Training ${params.steps} steps`} takes {seconds(est)} here
            {view?.stepMs ? ` (${Math.round(1000 / view.stepMs)} steps/s measured).` : '.'}
          </span>
        )}
      </div>
    </div>
  );
}
