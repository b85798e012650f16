import { useId } from 'react';
import { fmt } from '../format/format';

export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Step in slider space (log10 units when log). */
  step: number;
  log?: boolean;
  onChange(v: number): void;
  help?: string;
  /** Text shown beside the label; defaults to the formatted value. */
  display?: string;
  testId?: string;
}

/** A native range input (keyboard and screen readers work) with its label and current value. */
export function Slider({ label, value, min, max, step, log, onChange, help, display, testId }: SliderProps) {
  const id = useId();
  const toPos = (v: number) => (log ? Math.log10(v) : v);
  const fromPos = (p: number) => (log ? 10 ** p : p);
  const shown = display ?? fmt(value, 3);
  return (
    <div className="ctl ctl-slider">
      <label htmlFor={id} className="ctl-label">
        <span>{label}</span>
        <output htmlFor={id} className="ctl-value">{shown}</output>
      </label>
      <input
        id={id}
        type="range"
        min={toPos(min)}
        max={toPos(max)}
        step={step}
        value={toPos(value)}
        aria-valuetext={shown}
        data-testid={testId}
        onChange={(e) => onChange(fromPos(Number(e.currentTarget.value)))}
      />
      {help && <p className="ctl-help">{help}</p>}
    </div>
  );
}
