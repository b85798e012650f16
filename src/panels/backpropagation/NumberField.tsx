/**
 * A compact number field for one weight. While the learner types, the text is theirs; every
 * value that parses is written at once (the store clamps it to the schema's range), and on
 * leaving the field it shows what the store holds, so a typo or an out-of-range number is
 * visibly repaired rather than silently kept.
 */
import { useState } from 'react';

export interface NumberFieldProps {
  value: number;
  min: number;
  max: number;
  label: string;
  /** Accessible name: what the number is. */
  title: string;
  onCommit(v: number): void;
  testId?: string;
}

export function NumberField({ value, min, max, label, title, onCommit, testId }: NumberFieldProps) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value);
  const v = Number(shown);
  const bad = shown.trim() === '' || !Number.isFinite(v) || v < min || v > max;
  return (
    <label className="bp-num">
      <span className="bp-num-label">{label}</span>
      <input
        type="number"
        inputMode="decimal"
        step={0.1}
        min={min}
        max={max}
        value={shown}
        aria-label={title}
        aria-invalid={bad}
        title={bad ? `A number from ${min} to ${max}` : title}
        data-testid={testId}
        onChange={(e) => {
          const t = e.currentTarget.value;
          setText(t);
          const x = Number(t);
          if (t.trim() !== '' && Number.isFinite(x)) onCommit(x);
        }}
        onBlur={() => setText(null)}
      />
    </label>
  );
}
