/**
 * One "check yourself" question: the learner commits to an answer, then the panel moves to the
 * state that decides it and the reason is shown. The result is kept in this browser (progress.ts).
 */
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import type { Check } from '../lib/panel/types';
import { recordCheck } from './progress';

export function CheckItem({ slug, check, href }: { slug: string; check: Check; href: string }) {
  const [choice, setChoice] = useState<number | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [, navigate] = useLocation();
  const name = useId();
  const commit = () => {
    if (choice === null) return;
    setRevealed(true);
    recordCheck(slug, check.id, choice === check.answer);
    navigate(href);
  };
  const right = choice === check.answer;
  return (
    <fieldset className="check" data-testid="check" data-revealed={revealed ? 'true' : 'false'}>
      <legend>{check.question}</legend>
      {check.options.map((o, i) => (
        <label key={i} className="check-option">
          <input type="radio" name={name} value={i} checked={choice === i} disabled={revealed} onChange={() => setChoice(i)} />
          {o}
        </label>
      ))}
      {!revealed ? (
        <button type="button" disabled={choice === null} onClick={commit} data-testid="check-commit">
          Commit and show me
        </button>
      ) : (
        <div className={right ? 'check-result check-right' : 'check-result check-wrong'} role="status" data-testid="check-result">
          <strong>{right ? 'Right.' : `Not quite: ${check.options[check.answer]}.`}</strong> {check.why}{' '}
          <button
            type="button"
            onClick={() => {
              setRevealed(false);
              setChoice(null);
            }}
          >
            Try again
          </button>
        </div>
      )}
    </fieldset>
  );
}
