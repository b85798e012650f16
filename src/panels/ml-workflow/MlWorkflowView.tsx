/**
 * ml-workflow view: the project's steps as a navigation row, the current step's pictures and the
 * decision taken there with its effect on the validation score, the scores so far as one bar
 * chart, and the wrong moves' warnings with what they really do. The whole project for a setting
 * is computed in the panel's worker (compute.worker.ts), which also loads the penguins; moving
 * between steps only re-reads its result. Layout, readout and controls: lib/panel.
 */
import { useCallback, useMemo } from 'react';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { ParamControl } from '../../lib/controls/ParamControl';
import { SeedButton } from '../../lib/controls/SeedButton';
import { Readout } from '../../lib/controls/Readout';
import { PanelLayout } from '../../lib/panel/PanelLayout';
import { useAfterPaint } from '../../lib/panel/useAfterPaint';
import { changedSettings } from '../../lib/params/describe';
import type { WfInput, WfResult } from './model';
import { MODEL_LABELS, STEP_CONTROLS, STEPS, type Step, type WfParams } from './params';
import { readoutRows } from './readout';
import { NextStep, StepNav } from './StepNav';
import { LookPlots } from './LookPlots';
import { AccuracyBars, journeyOf, SplitPlot, TunePlot } from './ScorePlots';
import { PrepTable } from './PrepTable';
import { EvalPlots } from './EvalPlots';
import { Handoff } from './Handoff';
import { decisionText, headDecision, wrongMoveNotes } from './words';
import { headOf, headSuffices, type WfHead } from './head';
import { usePenguins } from './usePenguins';
import { share } from './look';
import { store } from './store';
import { useWorkflow } from './useWorkflow';
import './ml-workflow.css';
import { Dimmable } from '../../lib/controls/Dimmable';

const FLOAT64_BADGE = <span className="badge">float64 JS</span>;

/** Steps 1 and 2: they read only the head (head.ts), which the page computes itself. */
function HeadContent({ h, step }: { h: WfHead; step: 'look' | 'split' }) {
  return step === 'look' ? <LookPlots look={h.look} classes={h.classes} target={h.input.target} /> : <SplitPlot r={h} />;
}

function StepContent({ r, step, onPick }: { r: WfResult; step: Step; onPick: (key: string, option: string) => void }) {
  const at = STEPS.indexOf(step);
  const journey = journeyOf(r, at >= STEPS.indexOf('evaluate'));
  const upTo = at >= STEPS.indexOf('tune') ? 4 : at >= STEPS.indexOf('prep') ? 3 : 2;
  const sofar = at >= STEPS.indexOf('evaluate') ? journey : { labels: journey.labels.slice(0, upTo), values: journey.values.slice(0, upTo) };
  const journeyPlot = at < STEPS.indexOf('baseline') ? null : (
    <AccuracyBars
      testId="wf-journey"
      title="The project so far: accuracy at each stage"
      labels={sofar.labels}
      values={sofar.values}
      baseline={r.baseline.majorityCv}
      note={at >= STEPS.indexOf('evaluate') ? 'Cross-validated on the training part, and the one test-set score last.' : 'All cross-validated on the training part: the test set is still locked.'}
    />
  );
  switch (step) {
    case 'look':
    case 'split':
      return <HeadContent h={r} step={step} />;
    case 'baseline':
      return journeyPlot;
    case 'prep':
      return (
        <>
          <PrepTable choices={r.prepChoices} model={MODEL_LABELS[r.input.model]} onPick={onPick} />
          {journeyPlot}
        </>
      );
    case 'models':
      return (
        <>
          <AccuracyBars
            testId="wf-models"
            title="Three models at scikit-learn’s defaults, same preprocessing"
            labels={r.models.map((m) => MODEL_LABELS[m.kind])}
            values={r.models.map((m) => m.cv.mean)}
            train={r.models.map((m) => m.cv.train)}
            baseline={r.baseline.majorityCv}
            note="Logistic C = 1, tree without a depth limit, k-NN with k = 5. A gap between training and validation accuracy is overfitting."
          />
          {journeyPlot}
        </>
      );
    case 'tune':
      return (
        <>
          <TunePlot r={r} />
          {journeyPlot}
        </>
      );
    case 'evaluate':
      return (
        <>
          <EvalPlots r={r} />
          {journeyPlot}
        </>
      );
    case 'handoff':
      return <Handoff r={r} />;
  }
}

export function MlWorkflowView() {
  const live = usePanelParams(store);
  // The slider's frame shows only the setting; the worker's result and the plots follow after it is painted.
  const p = useAfterPaint(live);
  const { target, test, folds, impute, scale, encode, model, tuning, leak, prepFit, seed } = p;
  // Not the step: moving between steps re-reads the same result.
  const input = useMemo<WfInput>(
    () => ({ target, test, folds, impute, scale, encode, model, tuning, leak, prepFit, seed }),
    [target, test, folds, impute, scale, encode, model, tuning, leak, prepFit, seed],
  );
  const { result, error, pending: fitsPending } = useWorkflow(input);
  const step = p.step;
  // Steps 1 and 2 show only the head (no fit): the page computes it at once (under a millisecond)
  // from its own copy of the penguins, while the workers score the fits for the later steps.
  const table = usePenguins();
  const head = useMemo(() => (table ? headOf(input, table) : null), [table, input]);
  const fromHead = head !== null && headSuffices(step, input);
  const pending = fromHead ? false : fitsPending;
  // The params of what is on screen (as useDrawn gives them): the current ones once settled (the
  // head is always the current setting's); while the project is pending, those of the one shown.
  const drawn = useMemo(() => (!pending || !result ? p : { ...p, ...result.input }), [pending, result, p]);
  const setStep = useCallback((s: Step) => store.getState().set('step', s), []);
  const pick = useCallback((key: string, option: string) => store.getState().set(key as keyof WfParams, option as never), []);

  // Memoised: the slider's own frame (issue 8) does not redraw the plots with the old numbers.
  // The plots are memoised without `pending`, which only sets the wrapper's class: the dimming
  // then re-renders no plot (React skips a child whose element is the same object).
  const fullContent = useMemo(
    () =>
      result && (
        <>
          <p className="wf-decision" data-testid="wf-decision">
            {decisionText(result, step)}
          </p>
          <StepContent r={result} step={step} onPick={pick} />
          <NextStep step={step} onStep={setStep} />
        </>
      ),
    [result, step, pick, setStep],
  );
  const headContent = useMemo(
    () =>
      head &&
      (step === 'look' || step === 'split') && (
        <>
          <p className="wf-decision" data-testid="wf-decision">
            {headDecision(head, step)}
          </p>
          <HeadContent h={head} step={step} />
          <NextStep step={step} onStep={setStep} />
        </>
      ),
    [head, step, setStep],
  );
  const content = fromHead ? headContent : fullContent;
  const plots = content && (
    <Dimmable pending={pending} className="dims" data-computed-in={fromHead ? 'page' : 'worker'} data-testid="wf-content" data-step={step}>
      {content}
    </Dimmable>
  );

  const summary = `A guided project on the Palmer penguins: predict the ${drawn.target} of a bird from the other columns, ${share(drawn.test)} of the birds locked away as a test set, every choice scored by ${drawn.folds}-fold cross-validation.`;

  return (
    <PanelLayout
      summary={summary}
      badge={FLOAT64_BADGE}
      error={error}
      // With the head shown there is no wrong move (headSuffices), so no warning.
      notes={fromHead ? [] : result ? wrongMoveNotes(result) : error ? [] : ['Loading the penguins…']}
      notesKind={fromHead || result ? 'warn' : 'info'}
      readout={<Readout busy={pending || p !== live} computing={changedSettings(store.schema, drawn, live, ['step'])} title="Readout" rows={readoutRows(drawn, fromHead ? head : result)} />}
      controls={
        <>
          <ParamControl store={store} name="step" />
          <ParamControl store={store} name="test" display={share} />
          <ParamControl store={store} name="folds" />
          {STEP_CONTROLS[live.step].map((name) => (
            <ParamControl key={name} store={store} name={name} />
          ))}
          <SeedButton seed={live.seed} onChange={(s) => store.getState().set('seed', s)} />
        </>
      }
    >
      <StepNav step={live.step} onStep={setStep} />
      {plots}
    </PanelLayout>
  );
}
