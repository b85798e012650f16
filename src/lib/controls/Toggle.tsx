import { useId } from 'react';

export interface ToggleProps {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
  help?: string;
  testId?: string;
}

export function Toggle({ label, checked, onChange, help, testId }: ToggleProps) {
  const id = useId();
  return (
    <div className="ctl ctl-toggle">
      <input id={id} type="checkbox" checked={checked} data-testid={testId} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label htmlFor={id}>{label}</label>
      {help && <p className="ctl-help">{help}</p>}
    </div>
  );
}
