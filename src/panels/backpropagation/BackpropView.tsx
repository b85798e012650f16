/**
 * Backpropagation view: the network graph stepped one node at a time (forward, then backward),
 * the equation of the step, the selected parameter's chain rule, three gradients of every
 * parameter (hand, tfjs autodiff in the worker, finite differences) and the loss after each
 * update. The hand pass is float64 on the page (well under a millisecond); tfjs stays in the worker.
 */
import { useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { useAfterPaint, useDrawn } from '../../lib/panel/useAfterPaint';
import { Tex } from '../../lib/tex/Tex';
import { changedSettings } from '../../lib/params/describe';
import { useWorkerComputed } from '../../lib/worker/useWorkerComputed';
import type { AutodiffInput, AutodiffResult } from './grads.tf';
import { computeLesson } from './lesson';
import { autodiffInput, autodiffKey } from './autodiffInput';
import { stepTex } from './stepTex';
import { NetworkGraph } from './NetworkGraph';
import { ChainRule } from './ChainRule';
import { GradientTable } from './GradientTable';
import { LossHistory } from './LossHistory';
import { WeightFields } from './WeightFields';
import { DrawWeights } from './DrawWeights';
import { readoutRows } from './readout';
import { MAX_STEP, MAX_UPDATES, PARAM_NAMES, STAGES } from './params';
import { store } from './store';
import { computeWorker } from './worker';
import './backpropagation.css';


/** Steps per second: slow enough to read each node's numbers. */
const SPEEDS = [0.5, 1, 2, 4, 10, 30];

export function BackpropView() {
  const live = usePanelParams(store);
  const params = useAfterPaint(live);
  const lesson = useMemo(() => computeLesson(params), [params]);

  // tfjs sees the same weights and example; a new object only when they change (not at every node
  // step). The worker's head start asks for the same (autodiffInput.ts, headStart.ts).
  const fresh = autodiffInput(lesson);
  const key = autodiffKey(fresh);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the values, not on this render's objects
  const input = useMemo<AutodiffInput>(() => fresh, [key]);
  const { result, pending, error } = useWorkerComputed<AutodiffInput, AutodiffResult>(computeWorker, 'autodiff', input);
  const tfGrad = !pending && result ? result.grad : null;
  const busy = pending || params !== live;
  const drawn = useDrawn(params, !busy);

  const select = (k: number) => store.getState().set('sel', PARAM_NAMES[k]);
  const { update } = lesson.stage;
  const diverged = lesson.divergedAt !== null;
  const player = usePlayer({
    shown: lesson.stage.step,
    max: MAX_STEP,
    unit: 'step',
    speeds: SPEEDS,
    speed: 2,
    set: (s) => store.getState().set('step', s),
    busy: params !== live,
    finished: diverged && lesson.stage.step < params.step,
  });
  const applyUpdates = (n: number) => player.seek(Math.min(MAX_UPDATES, update + n) * STAGES + STAGES - 1);

  const plots = useMemo(
    () => (
      <>
        <NetworkGraph lesson={lesson} onSelect={select} />
        <div className="bp-step" aria-live="polite">
          <span className="bp-step-what">
            Step {lesson.stage.step}: {lesson.stage.what}
          </span>
          <Tex block>{stepTex(lesson, params.lr)}</Tex>
        </div>
        <ChainRule lesson={lesson} />
        <div className="bp-lower">
          <LossHistory lesson={lesson} lr={params.lr} />
          <GradientTable lesson={lesson} tfGrad={tfGrad} onSelect={select} />
        </div>
      </>
    ),
    [lesson, tfGrad, params.lr],
  );

  return (
    <PanelLayout
      summary="A 2-3-1 network on one example: forward and backward pass by hand (float64), checked against tfjs autodiff (in a worker) and finite differences."
      error={error}
      notes={lesson.notes}
      player={
        <PlayerBar player={player}>
          <button type="button" onClick={() => applyUpdates(1)} disabled={update >= MAX_UPDATES || diverged} data-testid="apply-update" title="Apply the update and show the next full pass">
            Apply update
          </button>
          <button type="button" onClick={() => applyUpdates(10)} disabled={update >= MAX_UPDATES || diverged} data-testid="apply-10">
            +10
          </button>
        </PlayerBar>
      }
      readout={
        <Readout busy={busy} title={`Readout at step ${lesson.stage.step}`} computing={changedSettings(store.schema, drawn, live, ['step', 'sel'])} rows={readoutRows(lesson, tfGrad, params.lr, params.target)} />
      }
      controls={
        <>
          <ParamControl store={store} name="x1" />
          <ParamControl store={store} name="x2" />
          <ParamControl store={store} name="target" />
          <ParamControl store={store} name="activation" />
          <ParamControl store={store} name="head" />
          <ParamControl store={store} name="lr" />
          <WeightFields />
          <DrawWeights seed={live.seed} />
        </>
      }
    >
      {plots}
    </PanelLayout>
  );
}
