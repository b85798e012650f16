/**
 * Says in words which settings changed between two states of a panel, e.g. "Depth 21, Seed 4".
 * A panel whose result takes longer than a frame (a replay, a training run) shows this in its
 * readout at once, marked busy, so the learner sees the new setting is taken while the numbers
 * are still those of the old one (issue 8). Pure: no React, no DOM.
 */
import { fmt } from '../format/format';
import type { ParamSpec, Schema } from './schema';

function valueText(spec: ParamSpec, v: unknown): string {
  switch (spec.kind) {
    case 'number':
      return fmt(v as number);
    case 'choice':
      return spec.optionLabels?.[v as string] ?? String(v);
    case 'multi': {
      const xs = v as readonly string[];
      return xs.length ? xs.map((o) => spec.optionLabels?.[o] ?? o).join(' + ') : 'none';
    }
    case 'bool':
      return v ? 'on' : 'off';
    case 'vec':
      return (v as readonly number[]).map((x) => fmt(x)).join(', ');
    default:
      return String(v);
  }
}

const same = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b);

/** The settings of `to` that differ from `from`, as "Label value" joined by ", " ('' when none). */
export function changedSettings(schema: Schema, from: Record<string, unknown>, to: Record<string, unknown>, ignore: readonly string[] = []): string {
  return Object.entries(schema)
    .filter(([k]) => !ignore.includes(k) && !same(from[k], to[k]))
    .map(([k, spec]) => `${spec.label} ${valueText(spec, to[k])}`)
    .join(', ');
}
