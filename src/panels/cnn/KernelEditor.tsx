/**
 * The 3×3 kernel as nine number fields (in the link as `k`), coloured like the weights they are,
 * and a preset list. A field being typed in keeps its text until it parses, so "−" or "0." can be
 * typed on the way to a number.
 */
import { useState } from 'react';
import { Select } from '../../lib/controls/Select';
import { PRESET_LABELS, PRESETS, presetOf, type PresetName } from './model';
import { store } from './store';
import { maxAbs, num, rgbOf, signedPalette } from './look';
import { textColorOn } from '../../lib/plot/colorMath';

type Choice = PresetName | 'custom';
const NAMES = Object.keys(PRESETS) as PresetName[];

export function KernelEditor({ k }: { k: readonly number[] }) {
  const [draft, setDraft] = useState<{ i: number; text: string } | null>(null);
  const spec = store.schema.k;
  const preset = presetOf(k);
  const palette = signedPalette(maxAbs(k));
  const write = (i: number, text: string) => {
    setDraft({ i, text });
    const v = Number(text.replace('−', '-'));
    if (text.trim() !== '' && Number.isFinite(v)) store.getState().set('k', k.map((x, j) => (j === i ? v : x)));
  };
  const options: Choice[] = preset ? NAMES : ['custom', ...NAMES];
  return (
    <div className="cnn-kernel">
      <div className="cnn-kernel-grid" role="group" aria-label="Kernel weights, 3 by 3">
        {k.map((v, i) => {
          const [r, g, b] = rgbOf(palette, v);
          const bg = `rgb(${r}, ${g}, ${b})`;
          return (
            <input
              key={i}
              type="text"
              inputMode="decimal"
              aria-label={`Kernel row ${Math.floor(i / 3) + 1}, column ${(i % 3) + 1}`}
              data-testid={`kernel-${i}`}
              value={draft?.i === i ? draft.text : num(v, 4)}
              style={{ background: bg, color: textColorOn(bg) }}
              onChange={(e) => write(i, e.currentTarget.value)}
              onBlur={() => setDraft(null)}
            />
          );
        })}
      </div>
      <Select<Choice>
        label="Preset"
        value={preset ?? 'custom'}
        options={options}
        optionLabels={{ ...PRESET_LABELS, custom: 'Custom (your numbers)' }}
        onChange={(c) => c !== 'custom' && store.getState().set('k', [...PRESETS[c]])}
        testId="ctl-preset"
      />
      <p className="ctl-help">
        Weights from {spec.min} to {spec.max}; sum {num(k.reduce((a, b) => a + b, 0))}.
      </p>
    </div>
  );
}
