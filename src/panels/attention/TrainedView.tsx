/**
 * Trained mode: a one-layer attention model learns a digit task live in tfjs. The attention
 * map of one example sequence, the learning curves, play / pause / step (the step is in the
 * link, and a link replays to it), a progress line while catching up, and the readout.
 */
import { useMemo, type ReactNode } from 'react';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout, type ReadoutRow } from '../../lib/controls/Readout';
import { fmt } from '../../lib/format/format';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useDrawn } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import { PlayerBar } from '../../lib/panel/PlayerBar';
import { usePlayer } from '../../lib/panel/usePlayer';
import { ReplayProgress } from '../../lib/panel/ReplayProgress';
import { replayFrom, replayingTo } from '../../lib/panel/replay';
import { MatrixPlot } from '../../lib/plot/MatrixPlot';
import { MAX_STEPS, type AttentionParams } from './params';
import { TARGET_ACC, trainingNote, type TrainedView as View } from './run';
import type { TaskName } from './task';
import { useTrainingRun } from './useTrainingRun';
import { LearningCurves } from './LearningCurves';
import { fmtWeight, SEQ_ACC, TARGET_MASS, TOKEN_ACC } from './look';
import { store } from './store';

/** Training steps per second while playing; the default is slow enough to watch the map change. */
const SPEEDS = [1, 2, 5, 15, 30] as const;
const PLAY_RATE = 15;
/** tfjs runs only in the panel's worker: the badge names the worker's backend. */

const PATTERN: Record<TaskName, string> = {
  reverse: 'the anti-diagonal (output i reads input L − 1 − i)',
  copy: 'the diagonal (output i reads input i)',
  shift: 'the diagonal shifted right by one (output i reads input i + 1, the last reads the first)',
};

const pct = (v: number) => `${fmt(100 * v, 3)} %`;

function readoutRows(v: View, p: AttentionParams): ReadoutRow[] {
  return [
    { label: 'Training step', value: `${v.step} of ${MAX_STEPS}`, testId: 'ro-step' },
    { label: 'Held-out loss (cross-entropy)', value: fmt(v.eval.loss, 3), testId: 'ro-loss' },
    { label: 'Digits right', value: pct(v.eval.tokenAcc), testId: 'ro-token-acc', color: TOKEN_ACC },
    { label: 'Whole sequences right', value: pct(v.eval.seqAcc), testId: 'ro-seq-acc', color: SEQ_ACC },
    { label: 'Attention on the needed input', value: pct(v.eval.targetMass), testId: 'ro-target-mass', color: TARGET_MASS },
    {
      label: `First reached ${TARGET_ACC * 100} % digits right`,
      value: v.reachedAt === null ? 'not yet' : `at step ${v.reachedAt}`,
      testId: 'ro-reached',
    },
    { label: 'Model', value: `L = ${p.length}, d = ${p.width}, Adam ${fmt(p.lr, 3)}`, testId: 'ro-model' },
  ];
}

function SampleMap({ v, task }: { v: View; task: TaskName }) {
  const { input, target, pred, weights } = v.sample;
  const L = input.length;
  const cols = input.map((d) => `${d}`);
  const rows = pred.map((d, i) => `${d}${d === target[i] ? '' : '✗'}`);
  const ok = pred.every((d, i) => d === target[i]);
  return (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <MatrixPlot
        title="Attention of one example sequence"
        values={weights}
        rowLabels={rows}
        colLabels={cols}
        yLabel="output (predicted digit)"
        xLabel="input digit"
        domain={[0, 1]}
        format={fmtWeight}
        maxCell={48}
        ariaLabel={`Attention weights, ${L} outputs by ${L} inputs; the task needs ${PATTERN[task]}`}
        note={`The task needs ${PATTERN[task]}. ✗ marks a wrong digit.`}
      />
      <p className="att-seq" data-testid="sample">
        input {input.join(' ')}
        <br />
        target {target.join(' ')}
        <br />
        model&nbsp; {pred.join(' ')} {ok ? '✓' : '✗'}
      </p>
    </figure>
  );
}

const VERB: Record<TaskName, string> = { reverse: 'reverse', copy: 'copy', shift: 'rotate' };

export function TrainedView({ params, modeSwitch }: { params: AttentionParams; modeSwitch: ReactNode }) {
  const t = useTrainingRun(params);
  const v = t.view;
  const set = store.getState();
  const player = usePlayer({
    shown: v?.step ?? params.step,
    set: (s) => set.set('step', s),
    max: MAX_STEPS,
    unit: 'step',
    speeds: SPEEDS,
    speed: PLAY_RATE,
    busy: !t.current,
  });
  // A view of another sequence length would label the map wrongly: wait for the new one.
  const showing = v && v.sample.input.length === params.length ? v : null;
  const note = showing && trainingNote(showing, params.lr);
  const drawn = useDrawn(params, t.current);
  // Memoised: a slider's own frame (issue 8) does not redraw the map and the curves with old numbers.
  const plots = useMemo(
    () =>
      showing && (
        <div className="plot-grid">
          <SampleMap v={showing} task={drawn.task} />
          <LearningCurves v={showing} />
        </div>
      ),
    [showing, drawn.task],
  );
  // Only a real replay is announced (one step while stepping or playing is not worth a flash), and
  // a link says so from its first render.
  const replaying = replayingTo(replayFrom(t.catchingUp, t.current, !!t.error, v?.step ?? null), params.step, player.playing);

  return (
    <PanelLayout
      summary={
        <>
          {modeSwitch}
          <span>
            One attention layer learns to {VERB[params.task]} sequences of {params.length} digits, trained in your browser with Adam.
          </span>
        </>
      }
      error={t.error}
      notes={note ? [note] : []}
      player={
        <>
          <PlayerBar player={player} label={replaying ? 'training…' : undefined} />
          <ReplayProgress replaying={replaying} catchingUp={t.catchingUp} target={params.step} rate={t.rate} />
        </>
      }
      readout={
        showing ? (
          <Readout
            busy={!t.current || player.playing}
            computing={changedSettings(store.schema, drawn, params, ['step'])}
            title={`Readout at step ${showing.step}`}
            rows={readoutRows(showing, drawn)}
          />
        ) : (
          <Readout busy={!t.error} title="Readout" rows={[{ label: 'Training step', value: t.error ? 'failed' : 'training…', testId: 'ro-step' }]} />
        )
      }
      controls={
        <>
          <ParamControl store={store} name="task" />
          <ParamControl store={store} name="length" />
          <ParamControl store={store} name="width" />
          <ParamControl store={store} name="lr" />
          <div className="ctl">
            <span className="ctl-label">
              <span>Example sequence</span>
              <output className="ctl-value">#{params.sample}</output>
            </span>
            <button type="button" style={{ alignSelf: 'flex-start' }} data-testid="next-sample"
              onClick={() => set.set('sample', (params.sample + 1) % (store.schema.sample.max + 1))}>
              Another sequence
            </button>
          </div>
          <SeedButton seed={params.seed} max={store.schema.seed.max} onChange={(s) => set.set('seed', s)} />
        </>
      }
    >
      {showing ? (
        plots
      ) : (
        !t.error && (
          <p className="att-waiting" role="status">
            Training the model to step {params.step}; the attention map and the learning curves appear when it gets there.
          </p>
        )
      )}
    </PanelLayout>
  );
}
