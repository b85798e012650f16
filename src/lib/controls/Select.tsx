import { useId } from 'react';

export interface SelectProps<O extends string> {
  label: string;
  value: O;
  options: readonly O[];
  optionLabels?: Partial<Record<O, string>>;
  onChange(v: O): void;
  help?: string;
  testId?: string;
}

export function Select<O extends string>({ label, value, options, optionLabels, onChange, help, testId }: SelectProps<O>) {
  const id = useId();
  return (
    <div className="ctl ctl-select">
      <label htmlFor={id} className="ctl-label">
        <span>{label}</span>
      </label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value as O)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabels?.[o] ?? o}
          </option>
        ))}
      </select>
      {help && <p className="ctl-help">{help}</p>}
    </div>
  );
}
