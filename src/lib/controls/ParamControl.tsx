/**
 * A control generated from a schema entry and bound to the panel store, so labels, ranges and
 * defaults are never written twice.
 *
 * It reads only its own value from the store and is memoised on its props: a key press on one
 * slider re-renders that slider, not every control of the panel (a view re-renders on every
 * change of the settings; its 5–13 controls used to re-render with it, inside the press's frame:
 * 2–8 ms a press in deployment's profile, issue 8).
 */
import { memo } from 'react';
import { useStore } from 'zustand';
import type { Params, Schema } from '../params/schema';
import type { PanelState, PanelStore } from '../params/store';
import { Slider } from './Slider';
import { Select } from './Select';
import { Toggle } from './Toggle';
import { CheckboxGroup } from './CheckboxGroup';
import { TextField } from './TextField';

export interface ParamControlProps<S extends Schema> {
  store: PanelStore<S>;
  name: keyof S & string;
  /** Override the value shown beside a slider. */
  display?: (v: number) => string;
  swatch?: (o: string) => string | undefined;
}

function ParamControlOf<S extends Schema>({ store, name, display, swatch }: ParamControlProps<S>) {
  const value = useStore(store, (s: PanelState<S>) => (s.params as Record<string, unknown>)[name]);
  const spec = store.schema[name];
  const set = (v: unknown) => store.getState().set(name as keyof Params<S>, v as Params<S>[keyof Params<S>]);
  const testId = `ctl-${name}`;
  switch (spec.kind) {
    case 'number':
      return (
        <Slider label={spec.label} help={spec.help} value={value as number} min={spec.min} max={spec.max} step={spec.step}
          log={spec.scale === 'log'} onChange={set} display={display?.(value as number)} testId={testId} />
      );
    case 'int':
      return (
        <Slider label={spec.label} help={spec.help} value={value as number} min={spec.min} max={spec.max} step={spec.step ?? 1}
          onChange={(v) => set(Math.round(v))} display={display?.(value as number) ?? String(value)} testId={testId} />
      );
    case 'choice':
      return <Select label={spec.label} help={spec.help} value={value as string} options={spec.options} optionLabels={spec.optionLabels} onChange={set} testId={testId} />;
    case 'bool':
      return <Toggle label={spec.label} help={spec.help} checked={value as boolean} onChange={set} testId={testId} />;
    case 'multi':
      return <CheckboxGroup label={spec.label} value={value as string[]} options={spec.options} optionLabels={spec.optionLabels} minCount={spec.minCount} swatch={swatch} onChange={set} />;
    case 'text':
      return <TextField label={spec.label} help={spec.help} value={value as string} maxLength={spec.maxLength} onChange={set} testId={testId} />;
    case 'vec':
      return null; // set by direct manipulation in the plot (e.g. click to move the start point)
  }
}

export const ParamControl = memo(ParamControlOf) as typeof ParamControlOf;
