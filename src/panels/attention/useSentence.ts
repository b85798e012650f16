/**
 * Where the sentence comes from: an example (a choice param) or the learner's own typed text
 * (the `text` param, used when sentence = custom). Both are in the link. Typed text is cleaned
 * (tokens.ts) before it reaches the store, and it is only ever rendered as text.
 */
import { EXAMPLES, type AttentionParams } from './params';
import { sanitize } from './tokens';
import { store } from './store';

export interface Sentence {
  /** The text attended over (example or typed); the field shows it too. */
  text: string;
  setField(t: string): void;
}

export function useSentence(params: AttentionParams): Sentence {
  const text = params.sentence === 'custom' ? params.text : EXAMPLES[params.sentence];
  // Editing the field (even an example's text) makes the sentence your own.
  const setField = (raw: string) => store.getState().setMany({ sentence: 'custom', text: sanitize(raw) });
  return { text, setField };
}
