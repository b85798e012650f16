/**
 * Where the text comes from: a few sentences of the built-in corpus, or a field for the
 * learner's own text (capped at MAX_TEXT characters, all of which ride in the link). The text
 * is plain text in a React-controlled <textarea>; it is never rendered as markup.
 */
import { useId, useState } from 'react';
import { MAX_TEXT } from './corpus';
import { store } from './store';

/** Line breaks and tabs become spaces: the link strips control characters, and a break is just a gap between words. */
const flatten = (raw: string) => raw.replace(/[\r\n\t]+/g, ' ');

export function CorpusField({ custom, text, sample }: { custom: boolean; text: string; sample: readonly string[] }) {
  const id = useId();
  const [cut, setCut] = useState(false);
  if (!custom)
    return (
      <div className="emb-sample">
        <span className="ctl-help">The built-in corpus, generated from templates (a few of its sentences):</span>
        <ul data-testid="corpus-sample">
          {sample.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      </div>
    );
  return (
    <div className="ctl ctl-text emb-text">
      <label htmlFor={id} className="ctl-label">
        <span>Your text</span>
        <output htmlFor={id} className="ctl-value">
          {Array.from(text).length}/{MAX_TEXT}
        </output>
      </label>
      <textarea
        id={id}
        rows={4}
        value={text}
        spellCheck={false}
        data-testid="corpus-input"
        onChange={(e) => {
          const flat = flatten(e.currentTarget.value);
          setCut(Array.from(flat).length > MAX_TEXT);
          store.getState().set('text', Array.from(flat).slice(0, MAX_TEXT).join(''));
        }}
      />
      <p className="ctl-help" data-testid="corpus-cap">
        {cut
          ? `Only the first ${MAX_TEXT} characters are used (and kept in the link); the rest was cut.`
          : `Paste up to ${MAX_TEXT} characters; the link keeps them. Words seen once are dropped, and sentences end at . ! ? or ;`}
      </p>
    </div>
  );
}
