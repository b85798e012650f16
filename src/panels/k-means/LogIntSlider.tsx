/** An integer param on a log-scaled slider (10 positions per decade), bound to the store. */
import { Slider } from '../../lib/controls/Slider';
import { usePanelParams } from '../../lib/controls/usePanelParams';
import { count } from './look';
import { LOG_STEP, logSliderValue } from './logSlider';
import { store } from './store';

export function LogIntSlider({ name }: { name: 'n' | 'batch' }) {
  const value = usePanelParams(store)[name];
  const spec: { label: string; help?: string; min: number; max: number } = store.schema[name];
  const onChange = (v: number) => {
    // The Slider passes 10^position (logSlider.ts).
    const next = logSliderValue(value, v, spec.min);
    if (next !== null) store.getState().set(name, next);
  };
  return (
    <Slider label={spec.label} help={spec.help} value={value} min={spec.min} max={spec.max} step={LOG_STEP} log onChange={onChange} display={count(value)} testId={`ctl-${name}`} />
  );
}
