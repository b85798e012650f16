/**
 * A word of the vocabulary, picked from a list (so only known words can be asked about). The
 * param is free text from the link: a word the vocabulary lacks shows as "not in the corpus"
 * and the panel says so; it is only ever rendered as text.
 */
import { useId } from 'react';

export interface WordSelectProps {
  label: string;
  value: string;
  /** Words offered, in the order shown. */
  words: readonly string[];
  onChange(w: string): void;
  testId: string;
}

export function WordSelect({ label, value, words, onChange, testId }: WordSelectProps) {
  const id = useId();
  const known = words.includes(value);
  return (
    <span className="emb-word-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={known ? value : ''} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value)}>
        {!known && <option value="">{value ? `“${value}” (not in the corpus)` : 'choose…'}</option>}
        {words.map((w) => (
          <option key={w} value={w}>
            {w}
          </option>
        ))}
      </select>
    </span>
  );
}
