/** An integer param on a log-scaled slider (10 positions per decade), bound to the store. */
import { Slider } from '../../lib/controls/Slider';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { count } from './look';
import { store } from './store';

export function LogIntSlider({ name }: { name: 'n' | 'batch' }) {
  const value = usePanelParams(store)[name];
  const spec: { label: string; help?: string; min: number; max: number } = store.schema[name];
  const onChange = (v: number) => {
    let next = Math.round(v);
    // Near the bottom a tenth of a decade can round back to the same integer: move by one.
    if (next === value && v !== value) next = value + Math.sign(v - value);
    store.getState().set(name, next);
  };
  return (
    <Slider label={spec.label} help={spec.help} value={value} min={spec.min} max={spec.max} step={0.1} log onChange={onChange} display={count(value)} testId={`ctl-${name}`} />
  );
}
