/**
 * Trained mode: a one-layer attention model learns a digit task live in tfjs. The attention
 * map of one example sequence, the learning curves, play / pause / step (the step is in the
 * link, and a link replays to it), a progress line while catching up, and the readout.
 */
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Stepper } from '../../lib/controls/Stepper';
import { usePlayer } from '../../lib/controls/usePlayer';
import { Readout, type ReadoutRow } from '../../lib/controls/Readout';
import { Message } from '../../lib/controls/Message';
import { fmt } from '../../lib/format/format';
import { MatrixPlot } from '../../lib/plot/MatrixPlot';
import { BackendBadge } from '../../lib/tf/BackendBadge';
import { MAX_STEPS, type AttentionParams } from './params';
import { TARGET_ACC, trainingNote, type TrainedView as View } from './run';
import type { TaskName } from './task';
import { useTrainingRun } from './useTrainingRun';
import { LearningCurves } from './LearningCurves';
import { fmtWeight, SEQ_ACC, TARGET_MASS, TOKEN_ACC } from './look';
import { store } from './store';

/** Training steps per second while playing: slow enough to watch the map change. */
const PLAY_RATE = 15;

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

export function TrainedView({ params }: { params: AttentionParams }) {
  const t = useTrainingRun(params);
  const player = usePlayer(store, 'step', MAX_STEPS, PLAY_RATE);
  const v = t.view;
  const set = store.getState();
  const showing = v && v.sample.input.length === params.length ? v : null;
  const note = showing && trainingNote(showing, params.lr);
  return (
    <div>
      <div className="workbench-head">
        <span className="ctl-help">
          One attention layer learns to {params.task === 'reverse' ? 'reverse' : params.task === 'copy' ? 'copy' : 'rotate'} sequences of {params.length} digits, trained in your browser with Adam.
        </span>
        <BackendBadge />
      </div>
      {t.error && <Message kind="error">Training failed: {t.error}</Message>}
      {showing && (
        <div className="plot-grid">
          <SampleMap v={showing} task={params.task} />
          <LearningCurves v={showing} />
        </div>
      )}
      {note && <Message kind="warn">{note}</Message>}
      <Stepper player={player} step={params.step} max={MAX_STEPS} unit="training step" />
      <div className="att-progress" aria-live="off">
        {t.catchingUp !== null && (
          <>
            <span data-testid="progress">
              Training to step {params.step}: {t.catchingUp} done
            </span>
            <progress max={Math.max(1, params.step)} value={t.catchingUp} aria-label="Training progress" />
          </>
        )}
        {t.rate !== null && <span>training speed {Math.round(t.rate)} steps/s</span>}
      </div>
      {showing && (
        <Readout busy={!t.current || player.playing} title={`Readout at step ${showing.step}`} rows={readoutRows(showing, params)} />
      )}
      {!showing && (
        <Readout busy={!t.error} title="Readout" rows={[{ label: 'Training step', value: t.error ? 'failed' : 'starting…', testId: 'ro-step' }]} />
      )}
      <h3 className="controls-title">Controls</h3>
      <div className="controls">
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
      </div>
    </div>
  );
}
