/**
 * The project's steps as a row of buttons (the current one marked), and "next" under the step's
 * content: the learner walks through in order and can go back to any step; the step is in the link.
 */
import { STEP_LABELS, STEPS, type Step } from './params';

export function StepNav({ step, onStep }: { step: Step; onStep: (s: Step) => void }) {
  return (
    <nav aria-label="Project steps" className="wf-nav">
      <ol>
        {STEPS.map((s) => (
          <li key={s}>
            <button type="button" data-testid={`wf-step-${s}`} aria-current={s === step ? 'step' : undefined} onClick={() => onStep(s)}>
              {STEP_LABELS[s]}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function NextStep({ step, onStep }: { step: Step; onStep: (s: Step) => void }) {
  const next = STEPS[STEPS.indexOf(step) + 1];
  if (!next) return null;
  return (
    <button type="button" className="wf-next" data-testid="wf-next" onClick={() => onStep(next)}>
      Next: {STEP_LABELS[next].replace(/^\d+ /, '')} →
    </button>
  );
}
