import { useId } from 'react';

export interface TextFieldProps {
  label: string;
  value: string;
  maxLength: number;
  onChange(v: string): void;
  help?: string;
  testId?: string;
}

/** A native text input; the value is untrusted and shown back only as text. */
export function TextField({ label, value, maxLength, onChange, help, testId }: TextFieldProps) {
  const id = useId();
  return (
    <div className="ctl ctl-text">
      <label htmlFor={id} className="ctl-label">
        <span>{label}</span>
        <output htmlFor={id} className="ctl-value">{Array.from(value).length}/{maxLength}</output>
      </label>
      <input id={id} type="text" value={value} maxLength={maxLength} spellCheck={false} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value)} />
      {help && <p className="ctl-help">{help}</p>}
    </div>
  );
}
