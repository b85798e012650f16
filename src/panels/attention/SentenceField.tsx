/**
 * The sentence: an example from the list, or the learner's own words typed in the field.
 * The field's value is plain text in a React-controlled <input>; it is never rendered as markup.
 */
import { useId } from 'react';
import { ParamControl } from '../../lib/controls/ParamControl';
import { MAX_CHARS, MAX_TOKENS } from './tokens';
import type { Sentence } from './useSentence';
import { store } from './store';

export function SentenceField({ sentence, tokens, total }: { sentence: Sentence; tokens: number; total: number }) {
  const id = useId();
  return (
    <div className="att-sentence">
      <div className="ctl ctl-text">
        <label htmlFor={id} className="ctl-label">
          <span>Sentence</span>
          <output htmlFor={id} className="ctl-value" data-testid="token-count">
            {total > tokens ? `${tokens} of ${total} tokens` : `${tokens} token${tokens === 1 ? '' : 's'}`}
          </output>
        </label>
        <input
          id={id}
          type="text"
          value={sentence.text}
          maxLength={MAX_CHARS}
          spellCheck={false}
          autoComplete="off"
          data-testid="sentence-input"
          onChange={(e) => sentence.setField(e.currentTarget.value)}
        />
        <p className="ctl-help">
          Type anything: words and punctuation marks are tokens (at most {MAX_TOKENS}). The link keeps your sentence.
        </p>
      </div>
      <ParamControl store={store} name="sentence" />
    </div>
  );
}
