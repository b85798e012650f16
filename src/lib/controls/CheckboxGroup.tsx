import { useId } from 'react';

export interface CheckboxGroupProps<O extends string> {
  label: string;
  value: readonly O[];
  options: readonly O[];
  optionLabels?: Partial<Record<O, string>>;
  /** Colour swatch per option, e.g. an optimizer's line colour. */
  swatch?: (o: O) => string | undefined;
  minCount?: number;
  onChange(v: O[]): void;
}

/** A fieldset of native checkboxes; keeps at least minCount selected. */
export function CheckboxGroup<O extends string>({ label, value, options, optionLabels, swatch, minCount = 0, onChange }: CheckboxGroupProps<O>) {
  const id = useId();
  return (
    <fieldset className="ctl ctl-group">
      <legend className="ctl-label">{label}</legend>
      <div className="ctl-group-items">
        {options.map((o) => {
          const on = value.includes(o);
          const locked = on && value.length <= minCount;
          return (
            <label key={o} htmlFor={`${id}-${o}`} className="ctl-chip">
              <input
                id={`${id}-${o}`}
                type="checkbox"
                checked={on}
                disabled={locked}
                onChange={(e) => onChange(e.currentTarget.checked ? options.filter((x) => x === o || value.includes(x)) : value.filter((x) => x !== o))}
              />
              {swatch?.(o) && <span className="swatch" style={{ background: swatch(o) }} aria-hidden="true" />}
              {optionLabels?.[o] ?? o}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
